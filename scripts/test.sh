#!/usr/bin/env bash
# The whole test suite, from a fresh clone: system packages, .venv, lint, types, tests on
# SQLite, then the database tests again on a real PostgreSQL server.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/python.sh
. scripts/postgres.sh
bash scripts/setup-system.sh
ensure_venv dev
export PATH="$PWD/.venv/bin:$PATH"

echo "==> ruff"
ruff check src tests bench
ruff format --check src tests bench
echo "==> mypy"
mypy

start_postgres
echo "==> pytest (SQLite, then PostgreSQL for the database tests)"
pytest "$@"
if [ $# -eq 0 ] && [ -d tests/web ]; then
  # The same web tests once more on a real PostgreSQL server (DATABASE_URL picks the engine).
  DATABASE_URL="$CHITIEU_TEST_POSTGRES_URL" pytest tests/web -m "postgres or not browser" -p no:cacheprovider
fi
