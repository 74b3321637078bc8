"""The tracker store's own statements: one round trip each, outside a
transaction, and awaited on the event loop on PostgreSQL.

``CachedSQLTrackerStore`` (``bot.rasa.tracker_store``) decides what to read and
write; this class owns how a statement reaches the database: an engine whose
connections are in autocommit mode from the start (switching a pooled
connection's mode costs as much as the statement), on PostgreSQL the awaited
connections of ``bot.rasa.postgres_async``, each statement compiled once, and
dropping the dead connections when the database went away.
"""

from __future__ import annotations

import logging
from typing import Any

import sqlalchemy as sa

from bot.rasa import event_rows, postgres_async
from bot.rasa.tracker_settings import pool_size, postgres_connect_args

logger = logging.getLogger(__name__)
#: Errors that mean the database cannot be reached (retried, not raised).
OUTAGES: tuple[type[BaseException], ...] = (
    sa.exc.OperationalError,
    *postgres_async.OUTAGES,
)


class TrackerDatabase:
    """Statements on autocommit connections to the tracker store's database."""

    def __init__(self, url: sa.engine.URL, options: dict[str, Any]) -> None:
        """Connect to ``url`` with ``options`` (``tracker_settings.engine_options``).

        Args:
            url: The database, as Rasa's store connected to it.
            options: Engine options (pool size, PostgreSQL's settings).
        """
        self.engine = sa.create_engine(url, isolation_level="AUTOCOMMIT", **options)
        self.postgres: postgres_async.AsyncPostgres | None = None
        if url.get_backend_name() == "postgresql":
            self.postgres = postgres_async.AsyncPostgres(
                postgres_connect_args(self.engine), pool_size()
            )
        self._sql: dict[sa.sql.Executable, tuple[str, dict[str, Any]]] = {}

    def connect(self) -> sa.engine.Connection:
        """A connection whose statements commit on their own: no BEGIN/COMMIT."""
        return self.engine.connect()

    async def execute(
        self, statement: sa.sql.Executable, parameters: dict[str, Any]
    ) -> list[Any]:
        """The rows of one statement on an autocommit connection.

        On PostgreSQL awaited on the loop (``bot.rasa.postgres_async``): the
        replica serves other conversations while the answer comes, an INSERT's
        commit included. SQLite's statements are work in this process, run
        through SQLAlchemy where they are.
        """
        if self.postgres is not None:
            sql, constants = self._sql_of(statement)
            return await self.postgres.execute(sql, {**constants, **parameters})
        with self.connect() as connection:
            return list(connection.execute(statement, parameters).all())

    def _sql_of(self, statement: sa.sql.Executable) -> tuple[str, dict[str, Any]]:
        """``statement`` as psycopg2 text and the values it binds itself
        (``type_name = 'session_started'``), compiled once per statement."""
        found = self._sql.get(statement)
        if found is None:
            compiled = statement.compile(dialect=self.engine.dialect)
            constants = {
                name: bind.value
                for name, bind in compiled.binds.items()
                if not bind.required and bind.callable is None
            }
            found = self._sql[statement] = (str(compiled), constants)
        return found

    def index_events(self) -> None:
        """Index the events by conversation and id (the catch-up's read).

        Replicas start together: PostgreSQL's IF NOT EXISTS does not stop two
        sessions creating the same index at once, and the loser's error only
        means the index is there.
        """
        try:
            with self.connect() as connection:
                connection.execute(sa.text(event_rows.EVENTS_BY_SENDER_AND_ID))
        except (sa.exc.IntegrityError, sa.exc.ProgrammingError) as error:
            logger.debug("events index made by another process (%s)", error)

    def drop_connections(self) -> None:
        """Forget the kept connections (the database went away: they are dead)."""
        self.engine.dispose()
        if self.postgres is not None:
            self.postgres.close()
