"""Progress lines on stderr while the benchmark runs."""

from __future__ import annotations

import sys
import time

_START = time.monotonic()


def say(message: str) -> None:
    """Print one timestamped progress line."""
    elapsed = time.monotonic() - _START
    print(f"[bench {elapsed:6.0f}s] {message}", file=sys.stderr, flush=True)
