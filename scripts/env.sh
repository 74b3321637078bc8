# Environment shared by the run and test scripts; any value can be overridden.
root="$(pwd)"
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-3}"
export BACKCHAT_RASA_PORT="${BACKCHAT_RASA_PORT:-5005}"
export BACKCHAT_WEB_PORT="${BACKCHAT_WEB_PORT:-8000}"
export BACKCHAT_ACTION_PORT="${BACKCHAT_ACTION_PORT:-5055}"
export BACKCHAT_ACTION_ENDPOINT="${BACKCHAT_ACTION_ENDPOINT:-http://localhost:$BACKCHAT_ACTION_PORT/webhook}"
export BACKCHAT_DATABASE_URL="${BACKCHAT_DATABASE_URL:-sqlite:///$root/var/backchat.db}"
export BACKCHAT_TRACKER_DIALECT="${BACKCHAT_TRACKER_DIALECT:-sqlite}"
export BACKCHAT_TRACKER_URL="${BACKCHAT_TRACKER_URL:-sqlite:///$root/var/tracker.db}"
export RASA_TELEMETRY_ENABLED=false
export SQLALCHEMY_SILENCE_UBER_WARNING=1
# Rasa workers (Sanic processes). More than one roughly doubles throughput on
# 2 cores (see bench/README.md) and keeps the conversation locks in Redis, which
# scripts/run.sh then starts. One is the default because the chat widget's
# socket.io session lives in one process: with several workers, put a proxy
# with sticky sessions in front, or use the REST channel.
export BACKCHAT_RASA_WORKERS="${BACKCHAT_RASA_WORKERS:-1}"
case "$BACKCHAT_RASA_WORKERS" in
  '' | *[!0-9]* | 0)
    echo "BACKCHAT_RASA_WORKERS must be a whole number of at least 1, got '$BACKCHAT_RASA_WORKERS'" >&2
    return 1 2>/dev/null || exit 1 ;;
esac
export SANIC_WORKERS="$BACKCHAT_RASA_WORKERS"
if [ "$BACKCHAT_RASA_WORKERS" -gt 1 ]; then
  export BACKCHAT_LOCK_STORE="${BACKCHAT_LOCK_STORE:-redis}"
else
  export BACKCHAT_LOCK_STORE="${BACKCHAT_LOCK_STORE:-in_memory}"
fi
export BACKCHAT_REDIS_HOST="${BACKCHAT_REDIS_HOST:-127.0.0.1}"
export BACKCHAT_REDIS_PORT="${BACKCHAT_REDIS_PORT:-6379}"
