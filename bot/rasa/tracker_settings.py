"""The tracker store's settings, read from the environment: how many trackers
it keeps in memory, how long a turn waits for the database, and the options
its database engine is created with (pool size, ``synchronous_commit``)."""

from __future__ import annotations

import os
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import create_engine_kwargs

from bot.settings import seconds_setting, whole_number_setting

DEFAULT_RETRY_SECONDS = 20.0
RETRY_ENV = "BACKCHAT_TRACKER_RETRY_SECONDS"
DEFAULT_CACHE_SIZE = 500  # a long conversation's tracker is some 100-300 kB
CACHE_SIZE_ENV = "BACKCHAT_TRACKER_CACHE_SIZE"
DEFAULT_POOL_SIZE = 8  # PostgreSQL connections a replica keeps for its turns
POOL_SIZE_ENV = "BACKCHAT_TRACKER_POOL_SIZE"
SYNCHRONOUS_COMMIT_ENV = "BACKCHAT_TRACKER_SYNCHRONOUS_COMMIT"
SYNCHRONOUS_COMMIT_VALUES = ("on", "off", "local", "remote_write", "remote_apply")


def pool_size() -> int:
    """PostgreSQL connections a replica keeps for its turns."""
    return whole_number_setting(POOL_SIZE_ENV, DEFAULT_POOL_SIZE)


def cache_size() -> int:
    """How many conversations' trackers a process keeps in memory."""
    return whole_number_setting(CACHE_SIZE_ENV, DEFAULT_CACHE_SIZE)


def postgres_connect_args(engine: sa.engine.Engine) -> dict[str, Any]:
    """What SQLAlchemy passes ``psycopg2.connect`` for ``engine``, with the
    options this store and Rasa add (``synchronous_commit``, the schema)."""
    url = engine.url
    args, keywords = engine.dialect.create_connect_args(url)
    if args:
        keywords = {"dsn": args[0], **keywords}
    options = {**create_engine_kwargs(url), **engine_options(url)}
    return {**keywords, **options.get("connect_args", {})}


def synchronous_commit() -> str | None:
    """PostgreSQL's ``synchronous_commit`` for the tracker store, if set.

    Unset, the server's setting stands (``on``: a message's events are on disk
    before Rasa answers). ``off`` answers before the write-ahead log is flushed:
    a PostgreSQL crash (not a Rasa one) can lose the last fraction of a second
    of turns, never corrupt them (docs/deploy.md).
    """
    raw = os.environ.get(SYNCHRONOUS_COMMIT_ENV, "").strip().lower()
    if raw and raw not in SYNCHRONOUS_COMMIT_VALUES:
        allowed = ", ".join(SYNCHRONOUS_COMMIT_VALUES)
        message = f"{SYNCHRONOUS_COMMIT_ENV} must be one of {allowed}, got {raw!r}"
        raise ValueError(message)
    return raw or None


def engine_options(url: sa.engine.URL) -> dict[str, Any]:
    """``create_engine`` options beyond Rasa's for ``url`` ({} if none)."""
    if url.get_backend_name() == "sqlite":
        if url.database in (None, "", ":memory:"):
            return {}
        return {
            "poolclass": sa.pool.QueuePool,
            "connect_args": {"check_same_thread": False},
        }
    setting = synchronous_commit()
    if url.get_backend_name() != "postgresql" or setting is None:
        return {}
    options = create_engine_kwargs(url)
    connect_args = options.setdefault("connect_args", {})
    given = connect_args.get("options", "")
    connect_args["options"] = f"{given} -c synchronous_commit={setting}".strip()
    return options


def retry_seconds() -> float:
    """How long a turn waits while the store cannot be reached."""
    return seconds_setting(RETRY_ENV, DEFAULT_RETRY_SECONDS)
