#!/usr/bin/env bash
# Development server: installs the tools if needed, then `trunk serve` on 127.0.0.1.
#   PORT=8080 bash scripts/serve.sh [extra trunk serve args]
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$REPO"
bash scripts/install.sh
. scripts/env.sh
PORT="${PORT:-8080}"
echo "serve: http://127.0.0.1:${PORT}/"
exec trunk serve --offline --address 127.0.0.1 --port "$PORT" "$@"
