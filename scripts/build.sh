#!/usr/bin/env bash
# Release build into dist/: installs the tools if needed, runs `trunk build --release --offline`
# (extra args pass through, e.g. --public-url /research/explorer/), then prints the bundle sizes.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$REPO"
bash scripts/install.sh
. scripts/env.sh

start=$SECONDS
echo "build: trunk build --release --offline $*"
. scripts/release_env.sh # the standard library rebuilt for size (wasm only)
trunk build --release --offline "$@"
echo "build: done in $((SECONDS - start))s"

# size FILE...: one line per file, raw and gzip -9 bytes; then a total line when more than one file
size() {
  local f raw gz traw=0 tgz=0 n=0
  for f in "$@"; do
    [[ -f "$f" ]] || continue
    raw=$(wc -c <"$f"); gz=$(gzip -9 -c "$f" | wc -c)
    printf '  %-58s %10s B raw %10s B gzip -9\n' "$f" "$raw" "$gz"
    traw=$((traw + raw)); tgz=$((tgz + gz)); n=$((n + 1))
  done
  (( n > 1 )) && printf '  %-58s %10s B raw %10s B gzip -9\n' "(total)" "$traw" "$tgz"
  (( n > 0 ))
}

shopt -s nullglob
echo "build: sizes"
echo " wasm:"; size dist/*.wasm || echo "  (none)"
echo " js:";   size dist/*.js   || echo "  (none)"
mapfile -t dist_data < <(find dist -type f \( -name '*.csv' -o -name '*.json' -o -name '*.bin' -o -name '*.tsv' \) | sort)
if (( ${#dist_data[@]} > 0 )); then
  echo " data (in dist/):"; size "${dist_data[@]}"
else
  echo " data (data/, not copied to dist/: bundled into the wasm):"; size data/* || echo "  (none)"
fi
