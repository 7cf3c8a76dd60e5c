#!/usr/bin/env bash
# Install and start the main job: the web app on SQLite with the demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/python.sh
ensure_venv "web,reports"
exec .venv/bin/chitieu serve --demo "$@"
