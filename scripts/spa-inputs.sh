#!/usr/bin/env bash
# One line that names everything `make spa` builds dist/ from: the sources of the bundles,
# the pages, styles and the scripts the build runs, the lock files, the build's settings and
# the tools' versions.
# `make spa` keeps it in target/spa-inputs after a build, with a listing of what it wrote, and
# builds nothing when both still match: its seven release builds and wasm-opt runs took 90 s
# with nothing changed (make test's spa stage, 2026-12-04).
#   scripts/spa-inputs.sh    prints "<sources' digest> <dist's digest>"
set -euo pipefail
cd "$(dirname "$0")/.."

# Tracked files and new ones not ignored, as they are in the working tree now.
sources=$(git ls-files -z --cached --others --exclude-standard -- \
    src i18n model style public index.html admin.html embed.html occasional.html \
    Trunk.toml Cargo.toml Cargo.lock Makefile .cargo rust-toolchain.toml \
    scripts/spa-inputs.sh scripts/minify.mjs scripts/flags.mjs scripts/precache.mjs \
    scripts/minify/package-lock.json scripts/flags/package-lock.json \
    scripts/wasm-opt/package-lock.json |
  xargs -0 -r sha256sum 2>/dev/null || true)
tools=$(rustc --version; trunk --version; wasm-opt --version 2>/dev/null || true; node --version)
inputs=$(printf '%s\n%s\n%s\n' "$sources" "$tools" "${SPA_ENV_LINE:-}" | sha256sum | cut -c1-16)

# What is in dist/ now: every file's name and size (a digest of every byte would cost seconds).
built=$( (find dist -type f -printf '%P %s\n' 2>/dev/null || true) | sort | sha256sum | cut -c1-16)
echo "$inputs $built"
