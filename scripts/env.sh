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
# Every server listens on loopback unless told otherwise.
export BACKCHAT_RASA_HOST="${BACKCHAT_RASA_HOST:-127.0.0.1}"
export BACKCHAT_ACTION_HOST="${BACKCHAT_ACTION_HOST:-127.0.0.1}"
export BACKCHAT_WEB_HOST="${BACKCHAT_WEB_HOST:-127.0.0.1}"
export BACKCHAT_ALLOWED_ORIGINS="${BACKCHAT_ALLOWED_ORIGINS:-http://localhost:$BACKCHAT_WEB_PORT,http://127.0.0.1:$BACKCHAT_WEB_PORT}"
# Secrets: from the environment, or made once into var/secrets/ (owner-only) and
# read from there; never passed on a command line.
backchat_secret() {  # NAME FILE: export NAME from FILE, creating FILE if missing
  local name="$1" file="$root/var/secrets/$2"
  if [ -z "${!name:-}" ]; then
    if [ -n "$(eval echo "\${${name}_FILE:-}")" ]; then
      file="$(eval echo "\${${name}_FILE}")"
    elif [ ! -s "$file" ]; then
      (umask 077; mkdir -p "$root/var/secrets"; head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$file")
    fi
    export "$name=$(head -n 1 "$file")"
  fi
}
backchat_secret BACKCHAT_RASA_TOKEN rasa-token
backchat_secret BACKCHAT_ACTION_TOKEN action-token
backchat_secret BACKCHAT_SESSION_SECRET session-secret
