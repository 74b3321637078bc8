#!/usr/bin/env bash
# Prints the path of a working Python 3.10 (Rasa 3.6 does not install on 3.11).
set -euo pipefail
candidates=()
command -v python3.10 >/dev/null 2>&1 && candidates+=("$(command -v python3.10)")
if command -v pyenv >/dev/null 2>&1; then
  for dir in "$(pyenv root)"/versions/3.10*; do candidates+=("$dir/bin/python3.10"); done
fi
for dir in "$HOME"/.pyenv/versions/3.10* /usr/local/bin /usr/bin; do
  candidates+=("$dir/python3.10" "$dir/bin/python3.10")
done
for python in "${candidates[@]}"; do
  # A pyenv shim exists even when 3.10 is not selected: check that it runs.
  if [ -x "$python" ] && "$python" -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then
    echo "$python"; exit 0
  fi
done
cat >&2 <<'MSG'
BackChat needs Python 3.10 (Rasa 3.6 does not install on 3.11 or newer), and none was found.
Install it, for example with pyenv:   pyenv install 3.10.13
or with Debian/Ubuntu packages:      sudo apt-get install python3.10 python3.10-venv
then run the make command again.
MSG
exit 1
