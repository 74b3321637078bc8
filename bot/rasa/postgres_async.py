"""PostgreSQL statements awaited on the event loop (psycopg2's asynchronous mode).

The tracker store's two statements a turn ran in a worker thread so that a
round trip would not stop the replica (SQLAlchemy and psycopg2 are
synchronous). The thread cost the replica more than the statements: each hop
and each hand-back of the GIL, and the loop waiting for the GIL while the
worker processed a result, spread over everything else the turn did (py-spy:
some 2 ms a message of the loop's time at 20 people, on one replica). Here a
statement is sent on a psycopg2 connection in asynchronous mode and the loop
waits for its socket like any other: no thread, and the replica serves other
conversations meanwhile.

Connections are kept (up to ``size``, opened as needed): SQLAlchemy's pool of 5
with overflow closed a connection whenever more were in use, and each new one
cost a PostgreSQL backend and a password exchange. Each statement is prepared
once per connection (``PREPARE``), so PostgreSQL plans it once instead of on
every message (planning was about half of its time for these statements).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import re
from collections import namedtuple
from collections.abc import Callable
from typing import Any

import psycopg2
import psycopg2.extensions

OUTAGES = (psycopg2.OperationalError, psycopg2.InterfaceError)
_PARAMETER = re.compile(r"%\((\w+)\)s")
_names = itertools.count(1)


class Prepared:
    """A statement in psycopg2's ``%(name)s`` style, as PREPARE and EXECUTE."""

    def __init__(self, sql: str) -> None:
        """Number the parameters in order of first use (``$1``, ``$2``...)."""
        order: list[str] = []

        def number(match: re.Match[str]) -> str:
            name = match[1]
            if name not in order:
                order.append(name)
            return f"${order.index(name) + 1}"

        self.name = f"backchat_{next(_names)}"
        numbered = _PARAMETER.sub(number, sql).replace("%%", "%")
        self.prepare = f"PREPARE {self.name} AS {numbered}"
        arguments = ", ".join(f"%({name})s" for name in order)
        self.execute = (
            f"EXECUTE {self.name} ({arguments})" if order else (f"EXECUTE {self.name}")
        )


class _Connection:
    """A psycopg2 connection in asynchronous mode and what it has prepared."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.prepared: set[str] = set()


async def _ready(connection: Any) -> None:
    """Wait until ``connection`` has finished what it was doing (``poll``)."""
    loop = asyncio.get_running_loop()
    while True:
        state = connection.poll()
        if state == psycopg2.extensions.POLL_OK:
            return
        waiter = loop.create_future()

        def wake(waiter: asyncio.Future[None] = waiter) -> None:
            if not waiter.done():
                waiter.set_result(None)

        descriptor = connection.fileno()
        if state == psycopg2.extensions.POLL_READ:
            loop.add_reader(descriptor, wake)
            remove: Callable[[int], bool] = loop.remove_reader
        elif state == psycopg2.extensions.POLL_WRITE:
            loop.add_writer(descriptor, wake)
            remove = loop.remove_writer
        else:
            raise psycopg2.OperationalError(f"unexpected poll state {state}")
        try:
            await waiter
        finally:
            remove(descriptor)


class AsyncPostgres:
    """Up to ``size`` kept connections; one statement at a time on each."""

    def __init__(self, connect_args: dict[str, Any], size: int) -> None:
        """``connect_args``: what SQLAlchemy would pass to ``psycopg2.connect``."""
        self._connect_args = connect_args
        self._size = max(1, size)
        self._idle: list[_Connection] = []
        self._open = 0
        self._freed: asyncio.Event | None = None
        self._prepared: dict[str, Prepared] = {}

    async def execute(self, sql: str, parameters: dict[str, Any]) -> list[Any]:
        """The rows of ``sql`` (``%(name)s`` parameters), prepared once per
        connection; each row's columns as attributes."""
        prepared = self._prepared.get(sql)
        if prepared is None:
            prepared = self._prepared[sql] = Prepared(sql)
        connection = await self._take()
        try:
            if prepared.name not in connection.prepared:
                await self._run(connection, prepared.prepare, None)
                connection.prepared.add(prepared.name)
            cursor = await self._run(connection, prepared.execute, parameters)
            rows = _as_rows(cursor)
        except BaseException:
            # An error, a lost server or a cancelled turn: the connection's
            # state is unknown, so it is closed rather than kept.
            self._discard(connection)
            raise
        self._give_back(connection)
        return rows

    def close(self) -> None:
        """Close the idle connections (after an outage: they are dead)."""
        while self._idle:
            self._discard(self._idle.pop())

    async def _run(
        self, connection: _Connection, sql: str, parameters: dict[str, Any] | None
    ) -> Any:
        cursor = connection.raw.cursor()
        cursor.execute(sql, parameters)
        await _ready(connection.raw)
        return cursor

    async def _take(self) -> _Connection:
        while not self._idle and self._open >= self._size:
            if self._freed is None:
                self._freed = asyncio.Event()
            self._freed.clear()
            await self._freed.wait()
        if self._idle:
            return self._idle.pop()
        self._open += 1
        raw = None
        try:
            raw = psycopg2.connect(**self._connect_args, async_=True)
            await _ready(raw)
        except BaseException:
            self._open -= 1
            if raw is not None:
                raw.close()
            self._wake()
            raise
        return _Connection(raw)

    def _give_back(self, connection: _Connection) -> None:
        self._idle.append(connection)
        self._wake()

    def _discard(self, connection: _Connection) -> None:
        self._open -= 1
        with contextlib.suppress(psycopg2.Error):
            connection.raw.close()
        self._wake()

    def _wake(self) -> None:
        if self._freed is not None:
            self._freed.set()


def _as_rows(cursor: Any) -> list[Any]:
    if cursor.description is None:
        return []
    row = _row_type(tuple(column.name for column in cursor.description))
    return [row(*values) for values in cursor.fetchall()]


_ROW_TYPES: dict[tuple[str, ...], Any] = {}


def _row_type(names: tuple[str, ...]) -> Any:
    found = _ROW_TYPES.get(names)
    if found is None:
        found = _ROW_TYPES[names] = namedtuple("Row", names)
    return found
