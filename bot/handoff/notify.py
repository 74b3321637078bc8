"""Tell an outside system (a pager, a ward inbox) that a hand-off case is waiting.

Optional: only when ``BACKCHAT_HANDOFF_WEBHOOK_URL`` is set. The notice is sent
in the background with retries and exponential back-off, so a slow or broken
receiver never delays the chat; the case is already safe in the database.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import aiohttp

logger = logging.getLogger(__name__)

Poster = Callable[[str, Mapping[str, Any]], Awaitable[int]]
_background: set[asyncio.Task] = set()


def backoff_delays(
    attempts: int, first: float = 1.0, factor: float = 2.0
) -> list[float]:
    """Seconds to wait before each retry: 1, 2, 4, ... (``attempts`` - 1 waits)."""
    return [first * factor**n for n in range(max(attempts - 1, 0))]


def case_notice(
    case_id: int, urgency: str, reason: str, fired: list[str]
) -> dict[str, Any]:
    """What the receiver gets: enough to triage the queue, nothing the person typed."""
    return {
        "case_id": case_id,
        "urgency": urgency,
        "reason": reason,
        "fired_rule_ids": fired,
    }


async def post_json(url: str, payload: Mapping[str, Any]) -> int:
    """POST ``payload`` as JSON; returns the HTTP status."""
    timeout = aiohttp.ClientTimeout(total=10)
    async with (
        aiohttp.ClientSession(timeout=timeout) as session,
        session.post(url, json=dict(payload)) as response,
    ):
        return response.status


async def deliver(
    url: str,
    payload: Mapping[str, Any],
    *,
    attempts: int = 5,
    poster: Poster | None = None,
    sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
) -> bool:
    """Send until the receiver answers 2xx or the attempts run out."""
    poster = poster or post_json
    for attempt, delay in enumerate([0.0, *backoff_delays(attempts)], start=1):
        await sleep(delay)
        try:
            status = await poster(url, payload)
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as error:
            logger.warning("hand-off notice attempt %d failed: %s", attempt, error)
            continue
        if 200 <= status < 300:
            return True
        logger.warning("hand-off notice attempt %d: HTTP %d", attempt, status)
    logger.error("hand-off notice for case %s not delivered", payload.get("case_id"))
    return False


def notify_in_background(url: str | None, payload: Mapping[str, Any]) -> None:
    """Start delivery without waiting for it; does nothing without a URL."""
    if not url:
        return
    task = asyncio.get_running_loop().create_task(deliver(url, payload))
    _background.add(task)  # keep a reference until done, or it may be collected
    task.add_done_callback(_background.discard)
