"""Riding out a backend's restart: one retry loop for the tracker store
(PostgreSQL) and the lock store (Redis)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

T = TypeVar("T")
FIRST_PAUSE = 0.1  # seconds; doubled after each failure
LONGEST_PAUSE = 1.0


async def outlasting_outages(
    operation: Callable[[], Awaitable[T]],
    *,
    seconds: float,
    is_outage: Callable[[BaseException], bool],
    on_outage: Callable[[BaseException], None],
) -> T:
    """``operation()``, tried again while it fails with an outage.

    Args:
        operation: Makes a new attempt each time it is called.
        seconds: How long to keep trying; the last error is raised after.
        is_outage: Whether an error means the backend cannot be reached
            (any other error is raised at once).
        on_outage: Called with each outage before the pause (log it, drop
            the dead connections).
    """
    deadline = time.monotonic() + seconds
    pause = FIRST_PAUSE
    while True:
        try:
            return await operation()
        except Exception as error:
            if not is_outage(error) or time.monotonic() + pause > deadline:
                raise
            on_outage(error)
            await asyncio.sleep(pause)
            pause = min(pause * 2, LONGEST_PAUSE)
