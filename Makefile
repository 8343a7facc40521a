# Infoshos: `make run` to start the portal, `make test` to check everything.
SHELL := /bin/bash
.DEFAULT_GOAL := help

CARGO  ?= cargo
SERVER := target/server/infoshos-server
export CHROMEDRIVER ?= /usr/bin/chromedriver
# trunk finds wasm-opt 132 here (see scripts/wasm-opt/package.json).
export PATH := $(CURDIR)/scripts/wasm-opt/node_modules/.bin:$(PATH)

.PHONY: help tools spa spa-build precompress server run dev test fmt-check clippy test-native test-postgres test-browser test-e2e test-deploy size lighthouse visit soak fuzz fresh-check bench photo-costs

help:
	@echo "make run    install what is missing, build the app, start http://127.0.0.1:8080"
	@echo "make test   fmt, clippy, native tests (SQLite, then PostgreSQL), browser tests, end-to-end, nginx deployment"
	@echo "make dev    trunk serve on :8081 with /api proxied to a running server"
	@echo "make size   release build, then raw/gzip/brotli sizes of wasm, JS and CSS"
	@echo "make lighthouse  Lighthouse medians (score, FCP, LCP, TBT, CLS) for /en/ and an article"
	@echo "make visit  a reader's whole visit to an article at 4x CPU slowdown: reading, start, typing, next page"
	@echo "make soak   a minute of concurrent comments with a SIGKILL halfway; DB=postgres REPLICAS=2 (not in make test)"
	@echo "make bench  load figures (wrk, oha) at 1 000 and 1 000 000 articles (not in make test)"
	@echo "make fuzz   long random runs of the parser fuzzing and property tests (not in make test)"
	@echo "make fresh-check  a fresh clone with empty caches: install, make spa, native tests"

tools:
	@scripts/install-tools.sh

# The release wasm also compiles the standard library for itself (-Z build-std, tuned for
# size, panics as a bare trap): ~9 % less wasm for the reader. These are unstable cargo/rustc
# switches, allowed on our stable rustc by RUSTC_BOOTSTRAP=1 (the way Firefox builds); they
# need the rust-src component (scripts/install-tools.sh). `make spa BUILD_STD=0` builds without.
BUILD_STD ?= 1
ifeq ($(BUILD_STD),1)
SPA_ENV := RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
endif

# The reader app in release mode, with .br/.gz copies the server sends as they are.
# Built again only when something it is built from has changed (scripts/spa-inputs.sh): with
# nothing changed its seven release builds took 90 s of every make test. `make spa-build`
# builds whatever the record says.
spa: tools
	@inputs=$$(SPA_ENV_LINE='$(SPA_ENV)' scripts/spa-inputs.sh); \
	if [ "$$inputs" = "$$(cat target/spa-inputs 2>/dev/null)" ]; then \
	  echo "spa: dist/ is as built from these sources and tools ($$inputs); not built again"; \
	else \
	  rm -f target/spa-inputs && $(MAKE) --no-print-directory spa-build && mkdir -p target && \
	  SPA_ENV_LINE='$(SPA_ENV)' scripts/spa-inputs.sh > target/spa-inputs; \
	fi

spa-build: tools
	$(SPA_ENV) trunk build --release
	# The Russian and Chinese editions' readers: the same page, each bundle with its own strings
	# only (decision 0011), under /edition-ru/ and /edition-zh/.
	for e in ru zh; do \
	  sed -e "s/edition-en/edition-$$e/" -e 's/<html lang="en">/<html lang="'$$e'">/' index.html > .index-$$e.html && \
	  $(SPA_ENV) trunk build .index-$$e.html --release --dist dist/edition-$$e --public-url /edition-$$e/ || exit 1; \
	done
	# The widget app: its own small bundle under /embed/ (after the main build, which empties dist/).
	$(SPA_ENV) trunk build embed.html --release --dist dist/embed --public-url /embed/
	# The editors' area, also apart: readers never download it.
	$(SPA_ENV) trunk build admin.html --release --dist dist/admin --public-url /admin/
	# The pages readers open now and then (search results, the widgets page), apart too.
	$(SPA_ENV) trunk build occasional.html --release --dist dist/occasional --public-url /occasional/
	# The JS glue, our scripts and the styles, minified (esbuild), their SRI digests rewritten.
	node scripts/minify.mjs dist
	# The states' flags as SVG files (flag-icons, MIT), only the ones the portal shows.
	node scripts/flags.mjs dist
	node scripts/precache.mjs dist
	@$(MAKE) --no-print-directory precompress

precompress:
	@for f in dist/*.wasm dist/*.js dist/*.css dist/*.html dist/*.webmanifest dist/*.svg \
	  dist/embed/*.wasm dist/embed/*.js dist/embed/*.css dist/embed/*.html \
	  dist/admin/*.wasm dist/admin/*.js dist/admin/*.css dist/admin/*.html \
	  dist/occasional/*.wasm dist/occasional/*.js dist/occasional/*.css dist/occasional/*.html \
	  dist/edition-*/*.wasm dist/edition-*/*.js dist/edition-*/*.css dist/edition-*/*.html \
	  dist/flags/*.svg; do \
	  [ -f "$$f" ] || continue; \
	  brotli -f -k -q 11 "$$f"; gzip -f -k -9 "$$f"; \
	done

server:
	$(CARGO) build --profile server -p infoshos-server

# The reader app and the server are built side by side: cargo gives them separate build
# directories, and each one's single-threaded steps (the wasm's LTO links, wasm-opt, the
# server's link) leave a core to the other. Cold, here on 2026-12-04: 725 s against 791 s.
# (Two makes, not `make -j2`: cargo cannot use a jobserver make does not hand it.)
run:
	@$(MAKE) --no-print-directory server & server=$$!; \
	  $(MAKE) --no-print-directory spa && wait $$server
	$(SERVER)

dev:
	# Its own output folder, so a debug build never replaces the release build in dist/.
	trunk serve --port 8081 --dist target/dev-dist

# Each stage in turn, its time printed at the end (also when one fails). The reader app is
# built as a stage of its own (and not again while its sources are unchanged, see spa).
TEST_STAGES := tools fmt-check clippy test-native test-postgres test-browser spa test-e2e test-deploy
test:
	@mkdir -p target; : > target/test-stages; failed=""; \
	for stage in $(TEST_STAGES); do \
	  began=$$(date +%s); \
	  $(MAKE) --no-print-directory $$stage || failed=$$stage; \
	  printf '%-14s %5d s\n' $$stage $$(( $$(date +%s) - began )) >> target/test-stages; \
	  [ -z "$$failed" ] || break; \
	done; \
	echo; echo "make test, each stage:"; cat target/test-stages; \
	[ -z "$$failed" ] || { echo "make test: $$failed failed"; exit 1; }

fmt-check:
	$(CARGO) fmt --all -- --check

clippy:
	$(CARGO) clippy -p infoshos-model -p infoshos-i18n -p infoshos-server --all-targets -- -D warnings
	$(CARGO) clippy -p infoshos --all-targets --features csr --target wasm32-unknown-unknown -- -D warnings
	$(CARGO) clippy -p infoshos --all-targets --features ssr -- -D warnings

# Property tests and fuzzing run from a fixed seed here, so a red run can be replayed and a
# green one means something; `make fuzz` explores with fresh random inputs for a long while.
test-native:
	PROPTEST_RNG_SEED=20261129 $(CARGO) test --workspace

# The storage and API suite again on PostgreSQL: scripts/with-postgres.sh starts a throwaway
# server (Debian's initdb/pg_ctl, a free port, a temporary folder) and removes it afterwards.
test-postgres:
	PROPTEST_RNG_SEED=20261129 scripts/with-postgres.sh $(CARGO) test -p infoshos-server

fuzz:
	PROPTEST_CASES=100000 $(CARGO) test --release -p infoshos-server --test api fuzz::
	PROPTEST_CASES=20000 $(CARGO) test --release -p infoshos-model --test properties --test wire_time_properties
	PROPTEST_CASES=20000 $(CARGO) test -p infoshos-server --test api sanitize_properties::

test-browser:
	$(CARGO) test -p infoshos --features csr --target wasm32-unknown-unknown --test components

test-e2e: spa
	scripts/e2e.sh

# deploy/nginx/infoshos.conf in front of two replicas on a throwaway PostgreSQL (docs/deploy.md).
test-deploy: spa
	$(CARGO) build -p infoshos-server
	scripts/deploy-check.sh

size:
	scripts/size.sh

# Lighthouse (npm, pinned in scripts/lighthouse/, installed on first use) against the release
# server: medians of 3 mobile runs for /en/ and an article. Prints figures; not in make test.
lighthouse: spa server
	@[ -x scripts/lighthouse/node_modules/.bin/lighthouse ] || (cd scripts/lighthouse && npm ci --no-audit --no-fund)
	node scripts/lighthouse.mjs

# A reader's whole visit to an article at 4x CPU slowdown: reading, the app's start, the first
# comment typed, a related article opened (issue 31). Not part of make test; about 2 minutes.
visit: spa server
	@[ -d tests/e2e/node_modules/playwright ] || (cd tests/e2e && npm ci --no-audit --no-fund)
	node scripts/visit.mjs

# What a new machine meets (empty cargo and npm caches, a fresh clone): run it before changing
# the toolchain, the install script, Trunk.toml or the build. Not part of `make test`.
fresh-check:
	scripts/fresh-check.sh

# A minute of concurrent comments with a SIGKILL halfway: nothing acknowledged may be lost.
# `make soak DB=postgres REPLICAS=2`: on a throwaway PostgreSQL, the clients spread over two
# servers on one database, the first killed and started again.
DB ?= sqlite
REPLICAS ?= 1
soak: server
ifeq ($(DB),postgres)
	SOAK_DB=postgres SOAK_REPLICAS=$(REPLICAS) scripts/with-postgres.sh \
	  $(CARGO) run --profile server -p infoshos-server --example soak
else
	SOAK_REPLICAS=$(REPLICAS) $(CARGO) run --profile server -p infoshos-server --example soak
endif

# Load figures, printed as a table (scripts/bench.mjs): peak throughput with wrk and latency at
# a fixed offered rate with oha, for 1 000 and 1 000 000 generated articles, on SQLite (made
# once, kept in target/bench/) and on a throwaway PostgreSQL (generated each run).
# `BENCH_DBS=sqlite` for one engine. Installs Debian's wrk and oha (crates.io, ~6 min once) when missing.
# `make bench SIZES=1000` for the small database only. Not part of make test.
OHA_VERSION := 1.15.0
SIZES ?= 1000 1000000
bench: server
	@command -v wrk >/dev/null || { SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq wrk; }
	@oha --version 2>/dev/null | grep -q " $(OHA_VERSION)" || cargo install oha --locked --version $(OHA_VERSION)
	scripts/with-postgres.sh node scripts/bench.mjs $(SIZES)

# What each imaging crate for photos costs on this machine (decision 0016): the bytes of every
# variant of a drawn 24-megapixel photo and the time to make them. A package of its own,
# outside the workspace (the portal does not build it); not part of make test.
photo-costs:
	cargo run --release --manifest-path scripts/photo-costs/Cargo.toml
