#!/usr/bin/env bash
# The explorer's benchmarks (not tests: scripts/test.sh does not run them). Installs the tools if
# needed, builds what is measured, runs bench/run.mjs in headless Chromium against servers on
# 127.0.0.1, prints a markdown table and writes bench/results/latest.json and latest.md.
#
#   bash scripts/bench.sh                  # everything (about 3 minutes warm on 2 cores)
#   bash scripts/bench.sh --skip-scale     # without the 1,000,000-row comparison
#   bash scripts/bench.sh --ttfc-runs 15 --interactions 100 --scale-runs 9
#
# Builds (into target/bench/, leaving dist/ alone):
#   target/bench/dist/        the release site: trunk build --release --offline (with the .gz/.br hook)
#   target/bench/scale-pkg/   bench/scale (workforce-core + wasm-bindgen): cargo --release, wasm-bindgen --target web
#                             (loaded by bench/scale/www/core-worker.js, a Web Worker, as Perspective runs in one)
#   target/bench/plot/        bench/plot: the Observable Plot page the first chart is compared with, bundled and
#                             minified by esbuild, with .br/.gz beside it (bench/plot/build.mjs); served at /plot/
# and runs natively the large-file import benchmark (hesa/examples/parse_bench.rs), whose figures are printed
# first and appended to bench/results/latest.md.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$REPO"
bash scripts/install.sh
. scripts/env.sh
export CARGO_TERM_PROGRESS_WHEN=never

BENCH_DIR="$REPO/target/bench"
mkdir -p "$BENCH_DIR"

start=$SECONDS
echo "bench: release build of the site into target/bench/dist"
. scripts/release_env.sh # the standard library rebuilt for size (wasm only)
trunk build --release --offline --dist "$BENCH_DIR/dist"

echo "bench: scale benchmark wasm (bench/scale) into target/bench/scale-pkg"
cargo build --release --offline --target wasm32-unknown-unknown -p scale-bench
rm -rf "$BENCH_DIR/scale-pkg"
wasm-bindgen --target web --out-dir "$BENCH_DIR/scale-pkg" \
  "${CARGO_TARGET_DIR:-$REPO/target}/wasm32-unknown-unknown/release/scale_bench.wasm"
echo "bench: the Observable Plot page (bench/plot, esbuild) into target/bench/plot"
node bench/plot/build.mjs "$BENCH_DIR/plot"
echo "bench: built in $((SECONDS - start))s"

echo "bench: importing a large visitor's file, natively (hesa/examples/parse_bench.rs)"
cargo build --release --offline -p hesa-import --example parse_bench
PARSE_REPORT="$(cargo run --release --offline -q -p hesa-import --example parse_bench)"
echo "$PARSE_REPORT"

node bench/run.mjs --dist "$BENCH_DIR/dist" --pkg "$BENCH_DIR/scale-pkg" --plot "$BENCH_DIR/plot" --out "$REPO/bench/results" "$@"
printf '\n## Importing a large file (native)\n\n```\n%s\n```\n' "$PARSE_REPORT" | tee -a "$REPO/bench/results/latest.md"
