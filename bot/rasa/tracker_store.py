"""Rasa's SQL tracker store, with each conversation's tracker kept in memory.

Rasa's ``SQLTrackerStore`` rebuilds the tracker on every message: it reads all
of the conversation's events, parses their JSON and replays them, then counts
them again to save. Under load that was about 30% of the Rasa server's CPU
(bench/README.md). This store keeps the tracker it last read or saved. On the
next turn one query reads the conversation's events from the last one it knew
on: when that event is still there, the tracker is handed back with any events
another replica (or Sanic worker) appended since applied to it, so a
conversation that moves between replicas is not rebuilt either. Only new events
are appended, in one statement that also checks nobody else wrote since. The
database stays the record: a restart, a miss, a new session, a deletion or any
doubt falls back to a read of the database (Rasa's query and ``from_dict``, in
one statement that also returns the last event id) and Rasa's own save.

A new conversation is appended the same way: Rasa saves its empty tracker first
(nothing to write), then its first turn, inserted only if the database still
holds nothing for it. The tracker Rasa would read back next turn (from the
session start on, without ``action_session_start``) is then built from the rows
just written, so the second turn is not a read of the database either. For a
first turn of seven events the first two turns cost 4 statements (a read and
an INSERT each) instead of Rasa's 15 and two COMMITs (count queries, an INSERT
per event, reads).

Each read and each save is one round trip to the database, outside a
transaction (a single statement needs none): the first version's six per
message (read the last id; begin, read it again, insert, read it again,
commit) cost the production profile about 15% of its throughput. On
PostgreSQL the two are awaited on the event loop, prepared once per kept
connection (``bot.rasa.postgres_async``): the replica serves other
conversations while PostgreSQL answers, without a worker thread. How a
statement reaches the database is ``bot.rasa.tracker_database``'s concern.

When the database cannot be reached (PostgreSQL restarting), reads and saves
are retried for up to ``BACKCHAT_TRACKER_RETRY_SECONDS`` (default 20) before the
error goes to Rasa: Rasa's ``FailSafeTrackerStore``, which wraps every store,
would otherwise answer a failed read with a new, empty conversation (the person
asked the first question again) and keep a failed save in memory only. Retries
cannot duplicate events: a save appends only what the database does not hold.

SQLite under SQLAlchemy 1.4 opens a new connection for every session by
default; this store keeps a small pool instead. ``BACKCHAT_TRACKER_POOL_SIZE``
(default 8) bounds the PostgreSQL connections a replica keeps for its turns.
"""

from __future__ import annotations

import itertools
import json
import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import SessionStarted, deserialise_events
from rasa.shared.core.trackers import DialogueStateTracker

from bot.privacy.chat import erased_this_turn
from bot.rasa import event_rows
from bot.rasa.outages import outlasting_outages
from bot.rasa.tracker_database import OUTAGES, TrackerDatabase
from bot.rasa.tracker_settings import cache_size, engine_options, retry_seconds

logger = logging.getLogger(__name__)
#: Tries at creating the tables while another worker holds the lock.
_CREATE_ATTEMPTS = 10
T = TypeVar("T")


@dataclass(frozen=True)
class _Saved:
    """A tracker as it was saved, and the database's last event id for it then."""

    tracker: DialogueStateTracker
    event_count: int
    last_event_id: int | None


@dataclass(frozen=True)
class _Appended:
    """The rows one save inserted, and the database's last event id after it."""

    rows: list[dict[str, Any]]
    last_event_id: int | None


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
        """Connect as ``SQLTrackerStore`` does, with this store's engine options.

        SQLite connections are pooled; ``BACKCHAT_TRACKER_SYNCHRONOUS_COMMIT``
        is given to PostgreSQL. This store's own statements go through a second
        engine whose connections are in autocommit mode from the start
        (switching a pooled connection's mode costs as much as the statement).
        """
        super().__init__(*args, **kwargs)
        url = self.engine.url
        options = engine_options(url)
        if options:
            self.engine.dispose()
            self.engine = sa.create_engine(url, **options)
            self.sessionmaker = sa.orm.sessionmaker(bind=self.engine)
        self.database = TrackerDatabase(url, options)
        self._create_tables()
        self.database.index_events()
        self._saved: OrderedDict[str, _Saved] = OrderedDict()
        self._capacity = cache_size()
        self._retry_seconds = retry_seconds()

    async def _outlasting_outages(self, operation: Callable[[], Awaitable[T]]) -> T:
        """``operation()``, retried while the database cannot be reached."""
        return await outlasting_outages(
            operation,
            seconds=self._retry_seconds,
            is_outage=lambda error: isinstance(error, OUTAGES),
            on_outage=self._after_outage,
        )

    def _after_outage(self, error: BaseException) -> None:
        logger.warning(
            "tracker store unreachable (%s); retrying",
            type(getattr(error, "orig", error)).__name__,
        )
        self.engine.dispose()  # its pooled connections are dead
        self.database.drop_connections()

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The tracker of the latest session: from memory if still current."""
        return await self._outlasting_outages(lambda: self._read(sender_id))

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Append the new events to the database, then remember the tracker."""
        await self._outlasting_outages(lambda: self._write(tracker))

    async def _read(self, sender_id: str) -> DialogueStateTracker | None:
        saved = self._saved.pop(sender_id, None)
        if saved is not None:
            current = await self._caught_up(saved)
            if current is not None:
                self._saved[sender_id] = current
                return current.tracker
        return await self._read_latest_session(sender_id)

    async def _write(self, tracker: DialogueStateTracker) -> None:
        saved = self._saved.pop(tracker.sender_id, None)
        if erased_this_turn(tracker.events):
            # The person's data was deleted in this turn (bot/privacy/chat.py):
            # writing the tracker back would restore it, so remove any rest.
            self._erase(tracker.sender_id)
            return
        # Popped first: the event broker's diff re-reads the stored tracker.
        await self.stream_events(tracker)
        if saved is None and not tracker.events:
            # A new conversation (Rasa's create_tracker): Rasa's save would write
            # nothing. Kept, so that its first turn is appended (after checking
            # the database still holds nothing for it) instead of Rasa's save.
            self._remember(tracker, None)
            return
        if saved is not None and saved.tracker is tracker:
            appended = await self._append_new_events(tracker, saved)
            if appended is not None:
                if _as_rasa_reads_it(tracker):
                    self._remember(tracker, appended.last_event_id)
                elif saved.last_event_id is None:
                    # The database holds exactly these rows: read them back here.
                    self._remember_read_back(tracker.sender_id, appended)
                return
        # A tracker this store did not hand out, or one the database has moved
        # past: Rasa's own save, and the next turn reads the database.
        await super().save(tracker)

    async def _caught_up(self, saved: _Saved) -> _Saved | None:
        """``saved`` with the events stored after it applied, or None to re-read.

        One query: the events from the last one ``saved`` knew on. None when
        the tracker has events that were never saved (a failed turn), when that
        event is gone (the conversation was deleted), or when a new session
        started (Rasa reads only the latest session).
        """
        tracker = saved.tracker
        if len(tracker.events) != saved.event_count or saved.last_event_id is None:
            return None
        parameters = {"sender_id": tracker.sender_id, "from_id": saved.last_event_id}
        rows = await self.database.execute(event_rows.EVENTS_FROM, parameters)
        if not rows or rows[0].id != saved.last_event_id:
            return None
        newer = rows[1:]
        if not newer:
            return saved
        if any(row.type_name == SessionStarted.type_name for row in newer):
            return None
        for event in deserialise_events([json.loads(row.data) for row in newer]):
            tracker.update(event)
        return _Saved(tracker, len(tracker.events), newer[-1].id)

    def _create_tables(self) -> None:
        """Create Rasa's tables if they are missing, waiting out a lock.

        Workers start together: on a new SQLite file one worker's CREATE TABLE
        may meet the other's lock ("database is locked"), which Rasa only logs,
        and that worker then died at the first read ("no such table").
        """
        for attempt in range(_CREATE_ATTEMPTS):
            try:
                self.Base.metadata.create_all(self.engine)
                return
            except sa.exc.OperationalError as error:
                if attempt == _CREATE_ATTEMPTS - 1:
                    raise
                logger.debug("tables not created yet, trying again (%s)", error)
                time.sleep(0.2 * (attempt + 1))

    @property
    def engines(self) -> tuple[sa.engine.Engine, ...]:
        """Rasa's engine (sessions, its own reads and saves) and this store's."""
        return (self.engine, self.database.engine)

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

    async def _append_new_events(
        self, tracker: DialogueStateTracker, saved: _Saved
    ) -> _Appended | None:
        """Insert the events added since ``saved``; None if nothing was written.

        Rasa's own save counts the stored events of the session first; here the
        count is known. One statement inserts them only if the conversation's
        last stored event is still the one ``saved`` knew (else nothing is
        written, and Rasa's save runs), and returns their ids.
        """
        rows = [
            event_rows.event_row(tracker.sender_id, event)
            for event in itertools.islice(tracker.events, saved.event_count, None)
        ]
        if not rows:
            return _Appended(rows, saved.last_event_id)
        parameters = event_rows.insert_parameters(
            tracker.sender_id, saved.last_event_id, rows
        )
        statement = event_rows.insert_if_last_is(len(rows), saved.last_event_id is None)
        ids = [row.id for row in await self.database.execute(statement, parameters)]
        if len(ids) != len(rows):
            return None
        return _Appended(rows, max(ids))

    def _remember_read_back(self, sender_id: str, appended: _Appended) -> None:
        """Remember the conversation as Rasa's read of ``appended`` would give it.

        Only for a conversation whose every stored row is in ``appended``: the
        tracker Rasa would read next turn is then built from the same JSON, with
        the same choice of rows (``event_rows.latest_session``), without the
        round trips.
        """
        data = [row["data"] for row in event_rows.latest_session(appended.rows)]
        if data and self.domain is not None and self._capacity:
            self._remember(self._from_stored(sender_id, data), appended.last_event_id)

    def _erase(self, sender_id: str) -> None:
        table = self.SQLEvent.__table__
        with self.engine.begin() as connection:
            connection.execute(table.delete().where(table.c.sender_id == sender_id))

    async def _read_latest_session(self, sender_id: str) -> DialogueStateTracker | None:
        """Rasa's read of the conversation (``SQLTrackerStore.retrieve``), kept.

        The same rows (``event_rows.LATEST_SESSION`` is Rasa's query) and the
        same ``from_dict``, in one Core statement instead of Rasa's ORM query
        between two reads of the last event id: the statement also returns that
        id, and a single statement sees one state of the table.
        """
        rows = await self.database.execute(
            event_rows.LATEST_SESSION, {"sender_id": sender_id}
        )
        if not rows or self.domain is None:
            return None
        tracker = self._from_stored(sender_id, [row.data for row in rows])
        self._remember(tracker, rows[0].last_id)
        return tracker

    def _from_stored(self, sender_id: str, data: list[str]) -> DialogueStateTracker:
        """The tracker Rasa's read builds from the stored JSON of its events."""
        assert self.domain is not None
        events = [json.loads(text) for text in data]
        return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
