#!/usr/bin/env bash
# End-to-end: the real server (debug build) on a temporary database, serving the release build
# of the app in dist/, driven by Playwright in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -p infoshos-server
cd tests/e2e
[ -d node_modules/@playwright/test ] && [ -d node_modules/@axe-core/playwright ] || npm ci --no-audit --no-fund
npx playwright test "$@"
