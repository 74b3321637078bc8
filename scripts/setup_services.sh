#!/usr/bin/env bash
# Installs the Debian packages given (postgresql, redis-server, nginx-light) for
# the production profile (make run-prod, the fault tests); apt-get, as root or
# through sudo.
set -euo pipefail
[ "$#" -gt 0 ] || { echo "usage: $0 PACKAGE..." >&2; exit 2; }
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
export DEBIAN_FRONTEND=noninteractive
echo "==> installing Debian's $*" >&2
"${as_root[@]}" apt-get update -qq >/dev/null
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null
