#!/usr/bin/env bash
# Builds the reader app in release mode and prints raw, gzip and brotli sizes of what a reader
# downloads. Budget: wasm + JS <= 100 KB brotli (the Leptos hackernews example: 148 KB).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/scripts/wasm-opt/node_modules/.bin:$PATH"
[ "${SKIP_BUILD:-}" = 1 ] || trunk build --release >/dev/null 2>&1 || trunk build --release

kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }'; }
printf '%-44s %9s %9s %9s\n' file raw gzip brotli
total_br=0; code_br=0
for f in dist/*.wasm dist/*.js dist/*.css dist/index.html; do
  [ -f "$f" ] || continue
  raw=$(wc -c < "$f"); gz=$(gzip -9 -c "$f" | wc -c); br=$(brotli -q 11 -c "$f" | wc -c)
  total_br=$((total_br + br))
  case "$f" in *.wasm|*.js) code_br=$((code_br + br));; esac
  printf '%-44s %8s K %8s K %8s K\n' "$(basename "$f")" "$(kb "$raw")" "$(kb "$gz")" "$(kb "$br")"
done
echo
echo "wasm + JS, brotli: $(kb $code_br) KB (budget 100 KB, ceiling 148 KB)"
echo "everything, brotli: $(kb $total_br) KB"
if [ "$code_br" -gt $((148 * 1024)) ]; then echo "over the 148 KB ceiling" >&2; exit 1; fi
