"""No lost hand-off: cases recorded by whichever side gave the advice, or queued.

When Rasa gives emergency advice but the action server cannot record the case
(down, hung, or its database write failed), the case is recorded from the
tracker's answers (``record_from_answers``) straight into the database; if the
database cannot take it either, it is written to the outbox folder (one JSON
file a case, readable by the owner only) and retried every few seconds until
stored (``start_retrying``), by the Rasa server and by the action server.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import time
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from bot.settings import Settings

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5.0
NOTE = "recorded by BackChat while the action server could not answer"
_retrying: dict[Path, asyncio.Task] = {}


def handoff_entry(
    sender_id: str, answers: Mapping[str, Any], quotes: list[str] | None
) -> dict[str, Any]:
    """What is needed to record a case later: answers, quotes, when."""
    return {
        "sender_id": sender_id,
        "answers": {k: v for k, v in answers.items() if v is not None},
        "quotes": list(quotes or []),
        "queued_at": time.time(),
    }


def record_entry(session: Any, entry: Mapping[str, Any]) -> int:
    """Record (or update) the case of ``entry``; the caller commits."""
    from bot.handoff.queue import record_handoff
    from bot.triage import assess

    assessment = assess(entry["answers"])
    case = record_handoff(
        session,
        sender_id=entry["sender_id"],
        assessment=assessment,
        answers=entry["answers"],
        reason="red_flag" if assessment.needs_doctor else "requested",
        quotes=entry.get("quotes") or [],
    )
    case.note = case.note or NOTE
    session.flush()
    return case.id


def store(settings: Settings, entry: Mapping[str, Any]) -> int:
    """Record ``entry`` in the database now; raises ``SQLAlchemyError`` if it can't."""
    from bot.db import get_session_factory

    with get_session_factory(settings.database_url).begin() as session:
        return record_entry(session, entry)


def queue(outbox_dir: Path, entry: Mapping[str, Any]) -> Path:
    """Write ``entry`` to the outbox (atomically, owner-only)."""
    outbox_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    name = f"{time.time_ns()}-{uuid.uuid4().hex[:8]}.json"
    partial = outbox_dir / f".{name}.tmp"
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(entry, handle)
    return partial.replace(outbox_dir / name)


def store_or_queue(settings: Settings, entry: Mapping[str, Any]) -> int | None:
    """The case id once stored, or None when it waits in the outbox."""
    try:
        return store(settings, entry)
    except SQLAlchemyError as error:
        path = queue(settings.outbox_dir, entry)
        logger.error(
            "hand-off kept in the outbox (%s): %s", type(error).__name__, path.name
        )
        return None


def pending(outbox_dir: Path) -> list[Path]:
    """Cases waiting in the outbox, oldest first."""
    if not outbox_dir.is_dir():
        return []
    return sorted(outbox_dir.glob("[0-9]*.json"))


def drain(settings: Settings) -> int:
    """Store every waiting case; stops at the first database failure.

    Returns:
        How many cases were stored.
    """
    stored = 0
    for path in pending(settings.outbox_dir):
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # being written, or taken by another process
        try:
            case_id = store(settings, entry)
        except SQLAlchemyError as error:
            logger.warning(
                "outbox: database still unavailable (%s)", type(error).__name__
            )
            break
        path.unlink(missing_ok=True)
        logger.info("outbox: hand-off stored as case %s", case_id)
        stored += 1
    return stored


async def _retry_forever(settings: Settings, interval: float) -> None:
    while True:
        try:
            await asyncio.to_thread(drain, settings)
        except Exception as error:  # keep retrying whatever happens
            logger.error("outbox retry failed (%s)", type(error).__name__)
        await asyncio.sleep(interval)


def start_retrying(settings: Settings, interval: float = RETRY_SECONDS) -> None:
    """Retry the outbox in the background of the running loop (once per folder)."""
    task = _retrying.get(settings.outbox_dir)
    if task is not None and not task.done():
        return
    loop = asyncio.get_running_loop()
    _retrying[settings.outbox_dir] = loop.create_task(
        _retry_forever(settings, interval)
    )
