#!/usr/bin/env bash
# Installs what building and testing Infoshos needs, skipping whatever is already there.
# Versions are pinned to what works on our machines (README, docs/decisions/):
# trunk 0.22 needs a newer rustc, and the wasm-bindgen CLI must match the crate exactly.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
# postgresql: initdb and pg_ctl for the throwaway server of `make test-postgres`; nginx for
# `make test-deploy` (scripts/deploy-check.sh runs deploy/nginx/infoshos.conf); nasm for
# rav1e's assembly, which encodes the photos' AVIF 1.7x faster (decision 0016).
APT_PACKAGES=(brotli chromium chromium-driver postgresql nginx nasm)

log() { printf 'install-tools: %s\n' "$*"; }

need_apt=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
# The machine image brings Node.js with npm; only a machine without it gets Debian's.
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}"
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
# rust-src: the release wasm compiles std itself (BUILD_STD in the Makefile).
for comp in rustfmt clippy rust-src; do
  rustup component list --installed | grep -q "^$comp" || rustup component add "$comp"
done

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  # Trunk's own release profile asks for fat LTO in one codegen unit at opt-level 3, which
  # made its build much of a new machine's wait. Trunk only runs cargo, wasm-bindgen and
  # wasm-opt, so its own speed is nothing beside theirs. Measured here on 2026-12-04 (2 cores,
  # crates already fetched): its build 464 s as published, 291 s at opt-level 1 without LTO;
  # `make spa-build` with each 108 s and 107 s.
  log "cargo install trunk $TRUNK_VERSION (takes ~5 min on 2 cores, once per machine)"
  CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_LTO=false \
    CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --locked --version "$TRUNK_VERSION"
fi

# No --locked: one locked dependency of this version is missing from the registry.
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  log "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (4-11 min, once per machine)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
# wasm-opt 132 from npm, pinned by scripts/wasm-opt/package-lock.json.
if [ ! -x scripts/wasm-opt/node_modules/.bin/wasm-opt ]; then
  log "npm ci in scripts/wasm-opt (binaryen 132)"
  (cd scripts/wasm-opt && npm ci --no-audit --no-fund)
fi
# esbuild, to minify the JS glue and our scripts after trunk's build (scripts/minify.mjs).
if [ ! -x scripts/minify/node_modules/.bin/esbuild ]; then
  log "npm ci in scripts/minify (esbuild)"
  (cd scripts/minify && npm ci --no-audit --no-fund)
fi
# The states' flags (flag-icons 7.5.0, MIT licence): scripts/flags.mjs copies the ones we show
# and draws them as PNG files with resvg (@resvg/resvg-js 2.6.2, prebuilt for this platform).
if [ ! -d scripts/flags/node_modules/flag-icons/flags/4x3 ] || [ ! -d scripts/flags/node_modules/@resvg/resvg-js ]; then
  log "npm ci in scripts/flags (flag-icons, resvg)"
  (cd scripts/flags && npm ci --no-audit --no-fund)
fi
# Playwright's test runner for the end-to-end specs; it drives Debian's chromium, never its own.
if [ ! -d tests/e2e/node_modules/@playwright/test ] || [ ! -d tests/e2e/node_modules/@axe-core/playwright ]; then
  log "npm ci in tests/e2e (@playwright/test, @axe-core/playwright)"
  (cd tests/e2e && npm ci --no-audit --no-fund)
fi

# Trunk.toml says `offline = true` so that trunk never downloads a tool; trunk then runs cargo
# with --offline too. So every crate a build needs is fetched here, while the registry is
# reachable: the workspace's (all targets, wasm32 included), and the standard library's own
# dependencies, which `-Z build-std` (BUILD_STD in the Makefile) compiles from rust-src with
# std's lockfile. Both are quick no-ops once the crates are in the cargo cache.
log "cargo fetch (the workspace's crates)"
cargo fetch --locked --quiet
std_lib="$(rustc --print sysroot)/lib/rustlib/src/rust/library"
log "cargo fetch (the standard library's crates, for build-std)"
RUSTC_BOOTSTRAP=1 cargo fetch --locked --quiet --manifest-path "$std_lib/Cargo.toml"
log "all tools present"
