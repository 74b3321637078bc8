#!/usr/bin/env bash
# Starts BackChat: database, then the action server, Rasa and the web app under
# supervisord (bot/supervise.py), which restarts any of them that crashes.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
mkdir -p var
.venv/bin/python -m bot.cli db upgrade
.venv/bin/python -m bot.cli db seed
echo "==> training the model if the data changed (log: var/train.log)"
model=$(.venv/bin/python -m bot.modelcache 2>var/train.log | tail -n 1)

if [ "$BACKCHAT_LOCK_STORE" = redis ]; then
  echo "==> Redis on :$BACKCHAT_REDIS_PORT for the conversation locks of $BACKCHAT_RASA_WORKERS Rasa workers"
  scripts/setup_redis.sh >/dev/null
fi

echo "==> starting the action server (:$BACKCHAT_ACTION_PORT), Rasa (:$BACKCHAT_RASA_PORT, workers: $BACKCHAT_RASA_WORKERS, model $(basename "$model")) and the web app (:$BACKCHAT_WEB_PORT) under supervisord"
.venv/bin/python -m bot.supervise "$model" --dir var &
supervisor=$!
trap 'kill -TERM "$supervisor" 2>/dev/null || true; wait "$supervisor" 2>/dev/null || true' EXIT INT TERM

for _ in $(seq 1 180); do
  if curl -sf "http://127.0.0.1:$BACKCHAT_RASA_PORT/" >/dev/null 2>&1; then break; fi
  kill -0 "$supervisor" 2>/dev/null || { echo "supervisord stopped; see var/*.log" >&2; tail -20 var/*.log >&2; exit 1; }
  sleep 1
done
cat <<MSG

BackChat is running (servers on 127.0.0.1; a crashed one is restarted).
  Chat in a browser: http://localhost:$BACKCHAT_WEB_PORT/
  Clinician console: http://localhost:$BACKCHAT_WEB_PORT/console  (account: make account NAME=you)
  Chat over REST:  curl -s -XPOST http://localhost:$BACKCHAT_RASA_PORT/webhooks/rest/webhook \\
                     -H "Authorization: Bearer \$(cat var/secrets/rasa-token)" \\
                     -d '{"sender":"me","message":"hi"}'
  Processes:       .venv/bin/supervisorctl -c var/supervisord.conf status
  Logs:            var/rasa.log, var/actions.log, var/web.log, var/supervisord.log
Press Ctrl-C to stop.
MSG
wait "$supervisor"
