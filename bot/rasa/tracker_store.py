"""Rasa's SQL tracker store, with each conversation's tracker kept in memory.

Rasa's ``SQLTrackerStore`` rebuilds the tracker on every message: it reads all
of the conversation's events, parses their JSON and replays them, then counts
them again to save. Under load that was about 30% of the Rasa server's CPU
(bench/README.md). This store keeps the tracker it last read or saved, and
hands it back while the conversation's last event in the database is still the
one it knew, so a conversation written by another Sanic worker (or edited in
the database) is read afresh, and only new events are appended. The database
stays the record: a restart, a miss or any doubt falls back to Rasa's own read.

When the database cannot be reached (PostgreSQL restarting), reads and saves
are retried for up to ``BACKCHAT_TRACKER_RETRY_SECONDS`` (default 20) before the
error goes to Rasa: Rasa's ``FailSafeTrackerStore``, which wraps every store,
would otherwise answer a failed read with a new, empty conversation (the person
asked the first question again) and keep a failed save in memory only. Retries
cannot duplicate events: a save appends only what the database does not hold.

SQLite under SQLAlchemy 1.4 opens a new connection for every session by
default; this store keeps a small pool instead.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import os
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event, SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker

from bot.privacy.chat import erased_this_turn

logger = logging.getLogger(__name__)
T = TypeVar("T")

DEFAULT_RETRY_SECONDS = 20.0
RETRY_ENV = "BACKCHAT_TRACKER_RETRY_SECONDS"
DEFAULT_CACHE_SIZE = 500  # a long conversation's tracker is some 100-300 kB
CACHE_SIZE_ENV = "BACKCHAT_TRACKER_CACHE_SIZE"


@dataclass(frozen=True)
class _Saved:
    """A tracker as it was saved, and the database's last event id for it then."""

    tracker: DialogueStateTracker
    event_count: int
    last_event_id: int | None

    def still_current(self, last_event_id: int | None) -> bool:
        # Nobody appended events in memory without saving them (a failed turn),
        # and nobody else wrote to the database since.
        return (
            len(self.tracker.events) == self.event_count
            and last_event_id == self.last_event_id
        )


def _cache_size() -> int:
    raw = os.environ.get(CACHE_SIZE_ENV, "")
    try:
        return max(0, int(raw)) if raw else DEFAULT_CACHE_SIZE
    except ValueError as error:
        message = f"{CACHE_SIZE_ENV} must be a whole number, got {raw!r}"
        raise ValueError(message) from error


def _retry_seconds() -> float:
    raw = os.environ.get(RETRY_ENV, "")
    try:
        return max(0.0, float(raw)) if raw else DEFAULT_RETRY_SECONDS
    except ValueError as error:
        message = f"{RETRY_ENV} must be a number of seconds, got {raw!r}"
        raise ValueError(message) from error


def _as_rasa_reads_it(tracker: DialogueStateTracker) -> bool:
    """Whether Rasa, reading this conversation back, would get these events.

    Rasa reads back only the events from the latest ``SessionStarted`` on, so
    a tracker with events before it (the new session's ``action_session_start``,
    or a whole earlier session) is read once from the database instead.
    """
    return not any(
        isinstance(event, SessionStarted)
        for event in itertools.islice(tracker.events, 1, None)
    )


class CachedSQLTrackerStore(SQLTrackerStore):
    """``SQLTrackerStore`` that reuses the tracker it saved while it is current.

    In endpoints.yml: ``type: bot.rasa.tracker_store.CachedSQLTrackerStore``, with
    the same keys as Rasa's ``SQL`` store. ``BACKCHAT_TRACKER_CACHE_SIZE``
    bounds how many conversations are kept (least recently used go first; 0
    turns the cache off).
    """

    engine: sa.engine.Engine  # set by SQLTrackerStore.__init__ (untyped there)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Connect as ``SQLTrackerStore`` does; pool SQLite connections."""
        super().__init__(*args, **kwargs)
        if self.engine.dialect.name == "sqlite" and self.engine.url.database not in (
            None,
            "",
            ":memory:",
        ):
            url = self.engine.url
            self.engine.dispose()
            self.engine = sa.create_engine(
                url,
                poolclass=sa.pool.QueuePool,
                connect_args={"check_same_thread": False},
            )
            self.sessionmaker = sa.orm.sessionmaker(bind=self.engine)
        self._saved: OrderedDict[str, _Saved] = OrderedDict()
        self._capacity = _cache_size()
        self._retry_seconds = _retry_seconds()

    async def _outlasting_outages(self, operation: Callable[[], Awaitable[T]]) -> T:
        """``operation()``, retried while the database cannot be reached."""
        deadline = time.monotonic() + self._retry_seconds
        pause = 0.1
        while True:
            try:
                return await operation()
            except sa.exc.OperationalError as error:
                if time.monotonic() + pause > deadline:
                    raise
                logger.warning(
                    "tracker store unreachable (%s); retrying",
                    type(error.orig).__name__,
                )
                self.engine.dispose()  # its pooled connections are dead
                await asyncio.sleep(pause)
                pause = min(pause * 2, 1.0)

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The tracker of the latest session: from memory if still current."""
        return await self._outlasting_outages(lambda: self._read(sender_id))

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Append the new events to the database, then remember the tracker."""
        await self._outlasting_outages(lambda: self._write(tracker))

    async def _read(self, sender_id: str) -> DialogueStateTracker | None:
        saved = self._saved.pop(sender_id, None)
        if saved is not None and saved.still_current(self._last_event_id(sender_id)):
            self._saved[sender_id] = saved
            return saved.tracker
        before = self._last_event_id(sender_id)
        tracker = await super().retrieve(sender_id)
        # Kept only if nobody wrote while it was read (events are append-only).
        if tracker is not None and self._last_event_id(sender_id) == before:
            self._remember(tracker, before)
        return tracker

    async def _write(self, tracker: DialogueStateTracker) -> None:
        saved = self._saved.pop(tracker.sender_id, None)
        if erased_this_turn(tracker.events):
            # The person's data was deleted in this turn (bot/privacy/chat.py):
            # writing the tracker back would restore it, so remove any rest.
            self._erase(tracker.sender_id)
            return
        # Popped first: the event broker's diff re-reads the stored tracker.
        await self.stream_events(tracker)
        if saved is not None and saved.tracker is tracker:
            appended, last_event_id = self._append_new_events(tracker, saved)
            if appended:
                if _as_rasa_reads_it(tracker):
                    self._remember(tracker, last_event_id)
                return
        # A tracker this store did not hand out, or one the database has moved
        # past: Rasa's own save, and the next turn reads the database.
        await super().save(tracker)

    def _remember(
        self, tracker: DialogueStateTracker, last_event_id: int | None
    ) -> None:
        if not self._capacity:
            return
        self._saved[tracker.sender_id] = _Saved(
            tracker, len(tracker.events), last_event_id
        )
        while len(self._saved) > self._capacity:
            self._saved.popitem(last=False)

    def _append_new_events(
        self, tracker: DialogueStateTracker, saved: _Saved
    ) -> tuple[bool, int | None]:
        """Insert the events added since ``saved``: (done?, the new last event id).

        Rasa's own save counts the stored events of the session first; here the
        count is known, as long as nobody else wrote since (else Rasa's save).
        """
        rows = [
            _event_row(tracker.sender_id, event)
            for event in itertools.islice(tracker.events, saved.event_count, None)
        ]
        table = self.SQLEvent.__table__
        with self.engine.begin() as connection:
            stored_last = self._last_event_id(tracker.sender_id, connection)
            if stored_last != saved.last_event_id:
                return False, None
            if rows:
                connection.execute(table.insert(), rows)
            return True, self._last_event_id(tracker.sender_id, connection)

    def _erase(self, sender_id: str) -> None:
        table = self.SQLEvent.__table__
        with self.engine.begin() as connection:
            connection.execute(table.delete().where(table.c.sender_id == sender_id))

    def _last_event_id(
        self, sender_id: str, connection: sa.engine.Connection | None = None
    ) -> int | None:
        parameters = {"sender_id": sender_id}
        if connection is not None:
            return connection.execute(_LAST_EVENT_ID, parameters).scalar()
        with self.engine.connect() as own:
            return own.execute(_LAST_EVENT_ID, parameters).scalar()


_LAST_EVENT_ID = sa.select(sa.func.max(SQLTrackerStore.SQLEvent.id)).where(
    SQLTrackerStore.SQLEvent.sender_id == sa.bindparam("sender_id")
)


def _event_row(sender_id: str, event: Event) -> dict[str, Any]:
    """The ``events`` row Rasa's ``SQLTrackerStore.save`` writes for ``event``."""
    data = event.as_dict()
    return {
        "sender_id": sender_id,
        "type_name": event.type_name,
        "timestamp": data.get("timestamp"),
        "intent_name": data.get("parse_data", {}).get("intent", {}).get("name"),
        "action_name": data.get("name"),
        "data": json.dumps(data),
    }
