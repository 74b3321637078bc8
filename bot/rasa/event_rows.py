"""The ``events`` table statements and rows of ``CachedSQLTrackerStore``.

Rasa's ``SQLTrackerStore`` table, read and written in single statements that
PostgreSQL and SQLite both run: Rasa's read of the latest session (with the
last event id), the catch-up read from a known event on, and the append that
inserts only while the conversation's last stored event is the one known. The
rows are built exactly as Rasa's own save builds them, so either can read
what the other wrote.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event, SessionStarted

_EVENTS = SQLTrackerStore.SQLEvent.__table__
_LAST_EVENT_ID = (
    sa.select(sa.func.max(_EVENTS.c.id))
    .where(_EVENTS.c.sender_id == sa.bindparam("sender_id"))
    .scalar_subquery()
)
# Rasa's ``SQLTrackerStore._event_query``: the events timed at or after the
# latest SessionStarted (all when there is none), in id order; with the
# conversation's last event id, where the next catch-up starts.
_SESSION_START = (
    sa.select(sa.func.max(_EVENTS.c.timestamp))
    .where(_EVENTS.c.sender_id == sa.bindparam("sender_id"))
    .where(_EVENTS.c.type_name == SessionStarted.type_name)
    .scalar_subquery()
)
LATEST_SESSION = (
    sa.select(_EVENTS.c.data, _LAST_EVENT_ID.label("last_id"))
    .where(_EVENTS.c.sender_id == sa.bindparam("sender_id"))
    .where(sa.or_(_EVENTS.c.timestamp >= _SESSION_START, _SESSION_START.is_(None)))
    .order_by(_EVENTS.c.id)
)
# A conversation's events from a known one on: the catch-up's read.
EVENTS_FROM = (
    sa.select(_EVENTS.c.id, _EVENTS.c.type_name, _EVENTS.c.data)
    .where(_EVENTS.c.sender_id == sa.bindparam("sender_id"))
    .where(_EVENTS.c.id >= sa.bindparam("from_id"))
    .order_by(_EVENTS.c.id)
)


EVENTS_BY_SENDER_AND_ID = (
    "CREATE INDEX IF NOT EXISTS ix_events_sender_id_id ON events (sender_id, id)"
)
_COLUMNS = ("sender_id", "type_name", "timestamp", "intent_name", "action_name", "data")
_CASTS = {"timestamp": "DOUBLE PRECISION"}  # NULL or text in VALUES is untyped


@functools.lru_cache(maxsize=64)
def insert_if_last_is(count: int, first: bool) -> sa.sql.elements.TextClause:
    """INSERT ... SELECT FROM (VALUES ...) WHERE the last stored id is as known.

    ``count`` rows; ``first``: the conversation has no stored event yet. Plain
    SQL that PostgreSQL and SQLite (3.35 and later, for RETURNING) both run;
    one statement, so one round trip and no transaction to open. Built once
    per shape (SQLAlchemy would otherwise compile it for every message).
    """
    values = []
    for index in range(count):
        cells = [
            f"CAST(:{column}_{index} AS {_CASTS.get(column, 'VARCHAR')})"
            for column in _COLUMNS
        ]
        values.append(f"({', '.join(cells)})")
    known = "IS NULL" if first else "= :last_id"
    return sa.text(
        f"INSERT INTO events ({', '.join(_COLUMNS)}) "
        f"SELECT * FROM (VALUES {', '.join(values)}) AS new_events "
        f"WHERE (SELECT max(id) FROM events WHERE sender_id = :sender) {known} "
        "RETURNING id"
    )


def insert_parameters(
    sender_id: str, last_event_id: int | None, rows: list[dict[str, Any]]
) -> dict[str, Any]:
    """The bound values of ``insert_if_last_is`` for ``rows``."""
    parameters: dict[str, Any] = {"sender": sender_id, "last_id": last_event_id}
    for index, row in enumerate(rows):
        for column in _COLUMNS:
            parameters[f"{column}_{index}"] = row[column]
    return parameters


def latest_session(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows Rasa's ``SQLTrackerStore`` reads back of a conversation's ``rows``.

    Its query keeps the events timed at or after the latest ``SessionStarted``
    (all of them when there is none), in id order; ``rows`` are in id order.
    """
    starts = [
        row["timestamp"]
        for row in rows
        if row["type_name"] == SessionStarted.type_name and row["timestamp"] is not None
    ]
    if not starts:
        return rows
    latest = max(starts)
    return [
        row
        for row in rows
        if row["timestamp"] is not None and row["timestamp"] >= latest
    ]


def event_row(sender_id: str, event: Event) -> dict[str, Any]:
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
