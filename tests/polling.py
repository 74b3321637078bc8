"""Waiting for something another process does: polling with a deadline.

Never a fixed sleep: ``wait_for`` returns as soon as the check passes, and a
check that never passes costs the deadline once, then fails the test where it
asserts the result.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
POLL_SECONDS = 0.1  # between checks: short next to any deadline used


def wait_for(check: Callable[[], T], seconds: float) -> T:
    """Call ``check`` until it returns something truthy, at most ``seconds``.

    Returns:
        The first truthy result, or the last result when the time is up.
    """
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(POLL_SECONDS)
    return check()
