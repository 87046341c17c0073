#!/usr/bin/env bash
# Installs everything the project needs to build and test, skipping each step that is already satisfied.
#
#   bash scripts/install.sh      # from any directory
#   . scripts/install.sh         # same, then also puts the tools on PATH in the calling shell (via env.sh)
#
# Steps: Rust wasm32 target and rust-src, crates (the project's and the standard library's: cargo fetch, so `trunk --offline` works), npm packages (wasm-opt from
# binaryen, playwright-core), Chromium + chromedriver (apt), trunk 0.21.14, wasm-bindgen-cli at the exact
# version of the wasm-bindgen crate in Cargo.lock. Only crates.io, npm and Debian apt are used.

if [[ "${BASH_SOURCE[0]}" != "${0}" ]]; then
  # Sourced: do the work in a child bash so `set -e` and `cd` never leak into the caller,
  # then export only what callers need (PATH, CHROMEDRIVER).
  bash "${BASH_SOURCE[0]}" "$@" || return
  . "$(dirname "${BASH_SOURCE[0]}")/env.sh"
  return 0
fi

set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$REPO"
# shellcheck source=scripts/env.sh
. "$REPO/scripts/env.sh"

TRUNK_VERSION="0.21.14"
WASM_TARGET="wasm32-unknown-unknown"
export DEBIAN_FRONTEND=noninteractive
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CARGO_TERM_PROGRESS_WHEN=never

say() { printf 'install: %s\n' "$*"; }
die() { printf 'install: ERROR: %s\n' "$*" >&2; exit 1; }
# Runs a command as root (directly, or through sudo when not root).
as_root() {
  if [[ "$(id -u)" == 0 ]]; then "$@";
  elif command -v sudo >/dev/null 2>&1; then sudo -E "$@";
  else die "need root (or sudo) to run: $*"; fi
}
quiet() { "$@" >/dev/null; } # runs a command with stdout discarded (errors still show)
timed() { # timed LABEL CMD...: runs CMD, then prints LABEL with the elapsed seconds
  local label="$1" start=$SECONDS; shift
  "$@"
  say "$label ($((SECONDS - start))s)"
}

# 1. Rust toolchain on PATH ($HOME/.cargo/bin, via env.sh)
command -v cargo >/dev/null 2>&1 && command -v rustup >/dev/null 2>&1 \
  || die "cargo/rustup not found (looked on PATH and in \$HOME/.cargo/bin); install Rust with rustup first"
say "rust: $(rustc --version 2>/dev/null || echo 'rustc ?'), \$HOME/.cargo/bin on PATH"

# 2. wasm32 target
targets="$(rustup target list --installed)"
if grep -qx "$WASM_TARGET" <<<"$targets"; then
  say "$WASM_TARGET target already installed"
else
  say "adding $WASM_TARGET target..."
  timed "$WASM_TARGET target installed" rustup target add "$WASM_TARGET"
fi

# 2b. rust-src: the release wasm is built with the standard library rebuilt for size (scripts/release_env.sh)
if [[ -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library/std" ]]; then
  say "rust-src already installed"
else
  say "adding the rust-src component..."
  timed "rust-src installed" rustup component add rust-src
fi

# 3. crates, so that `trunk --offline` / `cargo --offline` work
if cargo fetch --offline --locked --quiet >/dev/null 2>&1; then
  say "crates already fetched (Cargo.lock)"
else
  say "fetching crates..."
  timed "crates fetched" cargo fetch --quiet
fi
# ...and the standard library's own crates, for the rebuilt standard library
std_lib="$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
if RUSTC_BOOTSTRAP=1 cargo fetch --offline --locked --quiet --manifest-path "$std_lib" >/dev/null 2>&1; then
  say "standard library crates already fetched"
else
  say "fetching the standard library's crates..."
  timed "standard library crates fetched" env RUSTC_BOOTSTRAP=1 cargo fetch --quiet --manifest-path "$std_lib"
fi

# 4. node packages: wasm-opt (binaryen), playwright-core
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || {
  say "installing nodejs and npm (apt)..."
  as_root apt-get update -qq
  as_root apt-get install -y -qq nodejs npm >/dev/null
}
node_major="$(node -p 'process.versions.node.split(".")[0]')"
(( node_major >= 20 )) || die "node >= 20 is needed (playwright-core), found $(node --version)"
stamp="node_modules/.explorer-install-stamp"
lock_hash() { cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1; }
if [[ -f package-lock.json && -f "$stamp" && "$(cat "$stamp")" == "$(lock_hash)" && -x node_modules/.bin/wasm-opt ]]; then
  say "node modules already installed (match package-lock.json)"
else
  if [[ -f package-lock.json ]]; then
    say "npm ci..."
    timed "node modules installed (npm ci)" quiet npm ci --no-audit --no-fund --loglevel=error --update-notifier=false
  else
    say "npm install (no package-lock.json)..."
    timed "node modules installed (npm install)" quiet npm install --no-audit --no-fund --loglevel=error --update-notifier=false
  fi
  lock_hash >"$stamp"
fi

# 5. Chromium and chromedriver (headless browser tests)
if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  say "chromium and chromedriver already installed"
else
  say "installing chromium and chromium-driver (apt)..."
  start=$SECONDS
  as_root apt-get update -qq
  as_root apt-get install -y -qq chromium chromium-driver >/dev/null
  say "chromium and chromedriver installed ($((SECONDS - start))s)"
fi

# 6. trunk (pinned: 0.22 needs a newer rustc than this toolchain)
if [[ "$(trunk --version 2>/dev/null || true)" == "trunk $TRUNK_VERSION" ]]; then
  say "trunk $TRUNK_VERSION already installed"
else
  say "installing trunk $TRUNK_VERSION (cargo install, ~9 min on 2 cores)..."
  install_trunk() {
    cargo install trunk --version "$TRUNK_VERSION" --locked --force
    [[ "$(trunk --version 2>/dev/null || true)" == "trunk $TRUNK_VERSION" ]] \
      || die "trunk on PATH is '$(trunk --version 2>/dev/null || echo missing)' ($(command -v trunk || echo none)), expected $TRUNK_VERSION"
  }
  timed "trunk $TRUNK_VERSION installed" install_trunk
fi

# 7. wasm-bindgen-cli, exactly the wasm-bindgen version in Cargo.lock (no --locked: a locked dep is missing upstream)
[[ -f Cargo.lock ]] || die "Cargo.lock missing"
WASM_BINDGEN_VERSION="$(awk '
  /^\[\[package\]\]/ { in_pkg = 0 }
  /^name = "wasm-bindgen"$/ { in_pkg = 1; next }
  in_pkg && /^version = / { gsub(/"/, "", $3); print $3; exit }' Cargo.lock)"
[[ -n "$WASM_BINDGEN_VERSION" ]] || die "no wasm-bindgen package in Cargo.lock"
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" == "wasm-bindgen $WASM_BINDGEN_VERSION" ]] \
   && command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
  say "wasm-bindgen-cli $WASM_BINDGEN_VERSION already installed"
else
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (cargo install, ~3 min on 2 cores)..."
  install_wasm_bindgen() {
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
    [[ "$(wasm-bindgen --version 2>/dev/null || true)" == "wasm-bindgen $WASM_BINDGEN_VERSION" ]] \
      || die "wasm-bindgen on PATH is '$(wasm-bindgen --version 2>/dev/null || echo missing)' ($(command -v wasm-bindgen || echo none)), expected $WASM_BINDGEN_VERSION"
  }
  timed "wasm-bindgen-cli $WASM_BINDGEN_VERSION installed" install_wasm_bindgen
fi
