#!/usr/bin/env bash
# Installs what the browser tests and the web widget need, skipping what is done:
# Debian's chromium (for headless tests) and the pinned npm packages (rasa-webchat).
# Never runs `playwright install`: Playwright drives the system chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "==> installing Debian's chromium (for the browser tests)"
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq >/dev/null
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi

stamp="node_modules/.installed-$(sha256sum package-lock.json | cut -c1-16)"
if [ ! -f "$stamp" ] || [ ! -f node_modules/rasa-webchat/lib/index.js ]; then
  echo "==> installing the web widget (npm ci)"
  npm ci --silent --no-audit --no-fund >/dev/null
  rm -f node_modules/.installed-*
  touch "$stamp"
fi
