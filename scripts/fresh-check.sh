#!/usr/bin/env bash
# What a new machine meets: a fresh clone of the committed HEAD, an empty cargo cache
# (CARGO_HOME) and an empty npm cache, with the machine's own tools (rustup, cargo, trunk,
# wasm-bindgen, node, chromium) left as they are. Runs the install script, `make spa` and the
# native tests there, and prints how long each step took.
#
# Run it before you change the toolchain, scripts/install-tools.sh, Trunk.toml or the build, and
# before you stop after such a change: a green `make test` on a machine with warm caches hides a
# missing fetch or install step. Not part of `make test` (it downloads every crate and builds
# from cold: about 25 minutes on 2 cores). KEEP=1 keeps the folder for a look afterwards.
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/infoshos-fresh.XXXXXX")"
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT

git clone --quiet --no-local "$src" "$work/infoshos"
export CARGO_HOME="$work/cargo-home" npm_config_cache="$work/npm-cache"
mkdir -p "$CARGO_HOME" "$npm_config_cache"
# rustup's proxies and the tools cargo installed stay on PATH; only the caches are new.
export PATH="$HOME/.cargo/bin:$PATH"
unset CARGO_TARGET_DIR RUSTC_WRAPPER
cd "$work/infoshos"

times=()
step() {
  local name=$1 t0=$SECONDS
  shift
  echo "fresh-check: $name"
  "$@"
  times+=("$(printf '%-22s %5d s' "$name" $((SECONDS - t0)))")
}
step "install-tools.sh" bash scripts/install-tools.sh
step "make spa" make spa
step "make test-native" make test-native

echo
echo "fresh-check: green in $work/infoshos (commit $(git rev-parse --short HEAD))"
printf '  %s\n' "${times[@]}"
printf '  %-22s %5d s\n' "in all" "$SECONDS"
