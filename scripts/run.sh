#!/usr/bin/env bash
# Starts BackChat: database, action server, Rasa server; prints where to chat.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
mkdir -p var
.venv/bin/python -m bot.cli db upgrade
.venv/bin/python -m bot.cli db seed
model=$(.venv/bin/python -m bot.modelcache | tail -n 1)
# The console reads conversations through Rasa's token-protected HTTP API.
export BACKCHAT_RASA_TOKEN="${BACKCHAT_RASA_TOKEN:-$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))')}"

if [ "$BACKCHAT_LOCK_STORE" = redis ]; then
  echo "==> Redis on :$BACKCHAT_REDIS_PORT for the conversation locks of $BACKCHAT_RASA_WORKERS Rasa workers"
  scripts/setup_redis.sh >/dev/null
fi

pids=()
cleanup() {
  # Children first: Rasa's Sanic workers must not outlive their parent.
  for pid in "${pids[@]}"; do pkill -TERM -P "$pid" 2>/dev/null || true; done
  kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

echo "==> starting the action server on :$BACKCHAT_ACTION_PORT"
.venv/bin/python -m rasa_sdk --actions actions --port "$BACKCHAT_ACTION_PORT" \
  > var/action-server.log 2>&1 &
pids+=($!)
echo "==> starting the Rasa server on :$BACKCHAT_RASA_PORT (Rasa workers: $BACKCHAT_RASA_WORKERS, model $(basename "$model"))"
.venv/bin/rasa run --model "$model" --port "$BACKCHAT_RASA_PORT" --enable-api \
  --auth-token "$BACKCHAT_RASA_TOKEN" \
  --cors "http://localhost:$BACKCHAT_WEB_PORT" "http://127.0.0.1:$BACKCHAT_WEB_PORT" --credentials credentials.yml --endpoints endpoints.yml \
  > var/rasa-server.log 2>&1 &
pids+=($!)

echo "==> starting the web page and clinician console on :$BACKCHAT_WEB_PORT"
.venv/bin/python -m bot.web.app > var/web.log 2>&1 &
pids+=($!)

for _ in $(seq 1 180); do
  if curl -sf "http://localhost:$BACKCHAT_RASA_PORT/status?token=$BACKCHAT_RASA_TOKEN" >/dev/null 2>&1; then break; fi
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "a server stopped; see var/*.log" >&2; tail -20 var/*.log >&2; exit 1; }; done
  sleep 1
done
cat <<MSG

BackChat is running.
  Chat in a browser: http://localhost:$BACKCHAT_WEB_PORT/
  Clinician console: http://localhost:$BACKCHAT_WEB_PORT/console  (account: make account NAME=you)
  Chat over REST:  curl -s -XPOST http://localhost:$BACKCHAT_RASA_PORT/webhooks/rest/webhook \\
                     -d '{"sender":"me","message":"hi"}'
  Rasa server:     http://localhost:$BACKCHAT_RASA_PORT   (logs: var/rasa-server.log)
  Action server:   http://localhost:$BACKCHAT_ACTION_PORT (logs: var/action-server.log)
Press Ctrl-C to stop.
MSG
wait -n "${pids[@]}"
