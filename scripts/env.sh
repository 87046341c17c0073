# shellcheck shell=bash
# Source this file (from any directory) to get the project's tools on PATH:
#   . scripts/env.sh
# Puts $HOME/.cargo/bin and <repo>/node_modules/.bin on PATH (once each) and sets CHROMEDRIVER
# for wasm-bindgen-test-runner. Changes nothing else in the calling shell.

_explorer_repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for _explorer_dir in "$_explorer_repo/node_modules/.bin" "$HOME/.cargo/bin"; do
  case ":${PATH:-}:" in
    *":$_explorer_dir:"*) ;;
    *) PATH="$_explorer_dir${PATH:+:$PATH}" ;;
  esac
done
export PATH
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
unset _explorer_repo _explorer_dir
