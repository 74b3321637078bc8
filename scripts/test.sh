#!/usr/bin/env bash
# The whole suite: lint, Rasa data validation, then pytest (unit and conversations).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
start=$(date +%s)
echo "==> ruff, format, mypy (make lint)"
.venv/bin/python -m ruff check bot actions tests scripts bench
.venv/bin/python -m ruff format --check bot actions tests scripts bench
.venv/bin/python -m mypy
echo "==> rasa data validate"
if ! out=$(.venv/bin/rasa data validate --fail-on-warnings --data data/nlu data/rules --domain domain.yml 2>&1); then
  echo "$out"; exit 1
fi
echo "==> training the model if its inputs changed"
.venv/bin/python -m bot.modelcache
if [ -z "${BACKCHAT_TEST_POSTGRES_URL:-}" ]; then
  echo "==> PostgreSQL for the scale-out tests"
  BACKCHAT_TEST_POSTGRES_URL=$(scripts/setup_postgres.sh | tail -n 1)
  export BACKCHAT_TEST_POSTGRES_URL
fi
echo "==> Redis for the two-worker tests"
BACKCHAT_REDIS_PORT=$(scripts/setup_redis.sh | tail -n 1)
export BACKCHAT_REDIS_PORT
echo "==> pytest"
.venv/bin/python -m pytest "$@"
echo "==> make test took $(( $(date +%s) - start )) s"
