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
