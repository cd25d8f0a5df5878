#!/usr/bin/env bash
# Installs whatever is missing, builds the release app and serves it on
# http://127.0.0.1:8080 (Ctrl+C to stop).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-tools.sh build
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
exec trunk serve --release --address 127.0.0.1 --port 8080
