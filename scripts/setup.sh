#!/usr/bin/env bash
# Creates .venv with Python 3.10 and installs the project; skips what is done.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python=$(scripts/find_python.sh)
  echo "==> creating .venv with $python"
  "$python" -m venv .venv
fi
stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "==> installing BackChat and its dependencies (first time: a few minutes)"
  # pip warns about missing local mirror folders on these machines: hide only that.
  quiet_pip() { .venv/bin/python -m pip install --quiet "$@" 2> >(grep -v "^WARNING: Location" >&2); }
  # Only pip itself: Rasa pins setuptools and packaging, newer ones break it.
  quiet_pip --upgrade pip
  quiet_pip -e ".[dev]"
  # TensorFlow's start-up lines are noise here; show them only if the check fails.
  if ! TF_CPP_MIN_LOG_LEVEL=3 .venv/bin/python -c "import rasa, spacy, bot" 2>/dev/null; then
    .venv/bin/python -c "import rasa, spacy, bot"
    exit 1
  fi
  rm -f .venv/.installed-*
  touch "$stamp"
fi
