#!/usr/bin/env bash
# THE test command (CI runs it through .ci/run). Installs the tools if needed, then, failing fast:
#   1. native tests of the core and importer crates   cargo test -p workforce-core -p hesa-import
#   2. wasm tests in headless Chromium        cargo test -p explorer --target wasm32-unknown-unknown
#   3. release build into dist/               trunk build --release --offline
#   4. end-to-end browser test against dist/  node --test tests/e2e/*.test.mjs
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$REPO"

START=$SECONDS
STAGE="install"
finish() {
  local rc=$?
  if (( rc == 0 )); then
    printf '\n==== test: all stages passed in %ss ====\n' "$((SECONDS - START))"
  else
    printf '\n==== test: FAILED at stage "%s" (exit %s) after %ss ====\n' "$STAGE" "$rc" "$((SECONDS - START))" >&2
  fi
}
trap finish EXIT
stage() { STAGE="$1"; printf '\n==== test: %s ====\n' "$1"; }

stage "install tools (scripts/install.sh)"
bash scripts/install.sh
. scripts/env.sh
# wasm-bindgen-test-runner drives headless Chromium through chromedriver (CHROMEDRIVER from env.sh,
# flags from webdriver.json); allow slow machines more than the default 20 s per test.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
export CARGO_TERM_PROGRESS_WHEN=never

stage "1/4 native tests: cargo test -p workforce-core -p hesa-import"
cargo test -p workforce-core -p hesa-import

stage "2/4 wasm tests in headless Chromium: cargo test -p explorer --target wasm32-unknown-unknown"
cargo test -p explorer --target wasm32-unknown-unknown
# The importer worker and the scale benchmark are built by trunk and scripts/bench.sh; check they
# still compile against the core on every run.
cargo check -p importer -p scale-bench --target wasm32-unknown-unknown

stage "3/4 release build: trunk build --release --offline"
. scripts/release_env.sh # the standard library rebuilt for size (wasm only)
trunk build --release --offline

stage "4/4 end-to-end: node --test tests/e2e/"
# Files listed explicitly: Node >= 21 no longer expands a bare directory argument to --test.
shopt -s nullglob
e2e=(tests/e2e/*.test.mjs)
(( ${#e2e[@]} > 0 )) || { echo "no tests/e2e/*.test.mjs found" >&2; exit 1; }
node --test "${e2e[@]}"
