#!/usr/bin/env bash
# Builds the reader app in release mode (as `make spa` does) and prints raw, gzip and brotli
# sizes of what a reader downloads. The ceiling: what `/{lang}/` downloads to run (each edition's
# reader has its own build), the app's wasm
# + JS glue + loader.js (which starts it) + pwa.js (which loads beside it), <= 148 KB brotli (the Leptos hackernews example);
# the goal was 100 KB. sw.js and the manifest are counted apart (the worker loads on its own),
# and so are embed.js and widgets.js, which load only on partners' pages and the widgets page.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "${SKIP_BUILD:-}" = 1 ] || make --no-print-directory spa >/dev/null

kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }'; }
printf '%-44s %9s %9s %9s\n' file raw gzip brotli
total_br=0; code_br=0; pwa_br=0
for f in dist/*.wasm dist/*.js dist/*.css dist/index.html dist/manifest.webmanifest; do
  [ -f "$f" ] || continue
  raw=$(wc -c < "$f"); gz=$(gzip -9 -c "$f" | wc -c); br=$(brotli -q 11 -c "$f" | wc -c)
  total_br=$((total_br + br))
  case "$(basename "$f")" in
    sw.js|manifest.webmanifest) pwa_br=$((pwa_br + br));;
    # Trunk's output, the app's wasm and its JS glue, the loader that starts them, and pwa.js.
    infoshos-*.wasm|infoshos-*.js|loader.js|pwa.js) code_br=$((code_br + br));;
  esac
  printf '%-44s %8s K %8s K %8s K\n' "$(basename "$f")" "$(kb "$raw")" "$(kb "$gz")" "$(kb "$br")"
done
echo
echo "what /en/ downloads to run (wasm + JS glue + loader.js + pwa.js), brotli: $(kb $code_br) KB (ceiling 148 KB)"
# The other editions' readers: the same app with their own strings (decision 0011).
worst_br=$code_br
for e in ru zh; do
  e_br=$(for f in dist/edition-$e/infoshos-*.wasm dist/edition-$e/infoshos-*.js dist/loader.js dist/pwa.js; do
    brotli -q 11 -c "$f" | wc -c; done | awk '{ s += $1 } END { print s }')
  echo "what /$e/ downloads to run, brotli: $(kb "$e_br") KB (ceiling 148 KB)"
  [ "$e_br" -gt "$worst_br" ] && worst_br=$e_br
done
echo "service worker and manifest, brotli: $(kb $pwa_br) KB"
echo "everything above, brotli: $(kb $total_br) KB"

# What a partner's page downloads for one widget: the loader, then the frame's page, wasm,
# JS glue (started by /loader.js), styles and height reporter (goal: a feed widget under 120 KB brotli in all).
echo
widget_br=0
for f in dist/embed.js dist/embed/index.html dist/loader.js dist/embed/*.wasm dist/embed/*.js dist/embed/*.css; do
  [ -f "$f" ] || continue
  raw=$(wc -c < "$f"); gz=$(gzip -9 -c "$f" | wc -c); br=$(brotli -q 11 -c "$f" | wc -c)
  widget_br=$((widget_br + br))
  printf '%-44s %8s K %8s K %8s K\n' "${f#dist/}" "$(kb "$raw")" "$(kb "$gz")" "$(kb "$br")"
done
echo "a widget in a partner's page, brotli: $(kb $widget_br) KB (goal 120 KB)"

# Search results and the widgets page have a bundle of their own, so the reader's download
# above does not carry them; what those pages download to run besides loader.js and pwa.js.
echo
occasional_br=0
for f in dist/occasional/*.wasm dist/occasional/*.js; do
  [ -f "$f" ] || continue
  br=$(brotli -q 11 -c "$f" | wc -c)
  occasional_br=$((occasional_br + br))
  printf '%-44s %28s K\n' "${f#dist/}" "$(kb "$br")"
done
echo "search and the widgets page (wasm + JS glue), brotli: $(kb $occasional_br) KB"
if [ "$worst_br" -gt $((148 * 1024)) ]; then echo "over the 148 KB ceiling" >&2; exit 1; fi
