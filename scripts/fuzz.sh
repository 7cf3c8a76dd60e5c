#!/usr/bin/env bash
# Bounded coverage-guided fuzzing (atheris/libFuzzer) of the number parser, the text reader,
# the document reader and the table loaders. Usage: scripts/fuzz.sh [seconds per target, default 7]
# Exit status is non-zero if any target crashes (the crashing input is saved in $OUT).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET="${1:-7}"
PY="${PYTHON:-.venv/bin/python}"
OUT="${FUZZ_OUT:-$(mktemp -d -t chitieu-fuzz-XXXXXX)}"
status=0
for target in numbers reader documents tables; do
  mkdir -p "$OUT/$target/corpus"
  echo "==> fuzz $target (${SECONDS_PER_TARGET}s)"
  if ! "$PY" tests/security/fuzz_targets.py "$target" "$OUT/$target/corpus" \
      -max_total_time="$SECONDS_PER_TARGET" -timeout=5 -rss_limit_mb=2048 \
      -artifact_prefix="$OUT/$target/" -print_final_stats=1 >"$OUT/$target/log" 2>&1; then
    echo "fuzz $target FAILED; see $OUT/$target/log"
    tail -40 "$OUT/$target/log"
    status=1
  else
    grep -E "stat::number_of_executed_units|cov:" "$OUT/$target/log" | tail -2 || true
  fi
done
exit "$status"
