# shellcheck shell=bash
# Source before `trunk build --release` (scripts/build.sh, scripts/test.sh, scripts/bench.sh): the
# page's wasm and the importer worker's are built with the standard library rebuilt for size.
#
#   -Zbuild-std=std,panic_abort            the standard library compiled with the page, at its
#                                          opt-level "z" and LTO (the shipped one is built for speed)
#   build-std feature optimize_for_size    its smaller algorithms (sorting, formatting)
#   -Cpanic=immediate-abort                a panic traps at once: no panic messages, locations or
#                                          formatting machinery in the download (the page never
#                                          panics on input: bad data, files and links are errors)
#   -Zlocation-detail=none                 no source file names in the binary
#
# Together about 24 KB off the page's wasm, brotli (tests/e2e/budget.test.mjs holds the total).
# These are unstable flags, allowed on the stable compiler by RUSTC_BOOTSTRAP=1 (as Firefox and
# Linux build their Rust); they need the rust-src component (scripts/install.sh adds it and fetches
# the standard library's crates). Only the wasm target gets them: the native build hooks in
# Trunk.toml drop these variables (`env -u`), so they build as `cargo test` does.
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none"
