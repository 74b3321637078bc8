"""One engine and session factory per database URL, created on first use."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import declarative_base, sessionmaker


@cache
def get_engine(database_url: str) -> Engine:
    """Return the process-wide engine for ``database_url`` (2.0-style API)."""
    if database_url.startswith("sqlite:///"):
        Path(database_url.removeprefix("sqlite:///")).parent.mkdir(
            parents=True, exist_ok=True
        )
    engine = create_engine(database_url, future=True, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
    return engine


@cache
def get_session_factory(database_url: str) -> sessionmaker:
    """Return the session factory bound to the engine of ``database_url``."""
    return sessionmaker(get_engine(database_url), future=True, expire_on_commit=False)


def _enable_sqlite_foreign_keys(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


# One metadata for all of BackChat's own tables, so one Alembic history covers them.
Base = declarative_base()
