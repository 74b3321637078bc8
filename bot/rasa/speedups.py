"""Rasa adapter: the hot spots profiling found in Rasa 3.6, each patched in place.

Rasa 3.6 calls ``jsonschema.validate`` on every action-server reply, which
re-checks Rasa's own response schema against the JSON-Schema meta-schema each
time: about 39 ms a call, some 60% of the Rasa server's CPU under load (see
bench/README.md). A validator built once checks the same schema in under 1 ms,
with the same errors.

Rasa also finds an event's class by walking every subclass of ``Event`` (and
asking ``inspect`` whether each is abstract) for every event it reads: about
9% of its CPU once the rest was fast. The classes are looked up in a table
instead; a name missing from it (a subclass imported later, an unknown name)
still gets Rasa's own answer.

Rasa opens a new HTTP client session, and so a new TCP connection, for every
call to the action server (``EndpointConfig.request``). Each endpoint now keeps
one session per event loop, so connections are reused; idle ones are dropped
after 2 s, before Sanic's 5 s keep-alive closes them from the other side.

SQLite, the default tracker store, is also switched to write-ahead logging.

Finally, the half a million objects Rasa, TensorFlow and spaCy create while
importing and loading live as long as the server, yet Python's garbage
collector walked all of them in every full collection, stalling whichever
message was being answered. They are moved out of its sight (``gc.freeze``)
once the model loads: about 15% more throughput and a lower p95 under load.
"""

from __future__ import annotations

import asyncio
import gc
from functools import cache
from typing import Any

import aiohttp
from jsonschema import ValidationError
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.core.constants import DEFAULT_REQUEST_TIMEOUT
from rasa.shared.core.events import Event
from rasa.shared.utils.common import all_subclasses
from rasa.utils.endpoints import EndpointConfig
from sqlalchemy import event
from sqlalchemy.engine import Engine

from bot.rasa import Patch


@cache
def _reply_validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    return validator_for(schema)(schema)


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    try:
        _reply_validator().validate(result)
    except ValidationError as error:
        error.message += ". Failed to validate Action server response from API."
        raise
    return True


_rasa_resolve_event_type = Event.resolve_by_type
_event_types: dict[str, type[Event]] = {}


def _resolve_event_type(
    type_name: str, default: type[Event] | None = None
) -> type[Event] | None:
    if not _event_types:
        for cls in all_subclasses(Event):
            # The first match wins, as in Rasa's own loop.
            _event_types.setdefault(cls.type_name, cls)
    return _event_types.get(type_name) or _rasa_resolve_event_type(type_name, default)


IDLE_CONNECTION_SECONDS = 2.0  # below the action server's keep-alive (Sanic: 5 s)
_rasa_session = EndpointConfig.session


class _KeptSession:
    """``async with`` hands out a shared session and leaves it open."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self._session = session

    async def __aenter__(self) -> aiohttp.ClientSession:
        return self._session

    async def __aexit__(self, *_exc: object) -> None:
        return None


def _kept_session(self: EndpointConfig) -> Any:
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:  # not in a coroutine: Rasa's own, closed on exit
        return _rasa_session(self)
    sessions: dict[Any, aiohttp.ClientSession] = self.__dict__.setdefault(
        "_backchat_sessions", {}
    )
    session = sessions.get(loop)
    if session is None or session.closed:
        # The headers, auth and timeout of Rasa's own session.
        auth = None
        if self.basic_auth:
            auth = aiohttp.BasicAuth(
                self.basic_auth["username"], self.basic_auth["password"]
            )
        session = aiohttp.ClientSession(
            headers=self.headers,
            auth=auth,
            timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
            connector=aiohttp.TCPConnector(keepalive_timeout=IDLE_CONNECTION_SECONDS),
        )
        sessions[loop] = session
    return _KeptSession(session)


def _sqlite_write_ahead_log(dbapi_connection: Any, _record: Any) -> None:
    # The tracker store commits on every message; in WAL mode with NORMAL sync a
    # commit no longer waits for the disk (a power cut may lose the last turns,
    # never corrupt the file). PostgreSQL is the path for durability at scale.
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


def freeze_loaded_objects() -> None:
    """Collect once, then exempt every object alive now from later collections."""
    gc.collect()
    gc.freeze()


def install_sqlite_write_ahead_log() -> None:
    """Listen for new SQLite connections (idempotent; ``bot.rasa.install``)."""
    if not event.contains(Engine, "connect", _sqlite_write_ahead_log):
        event.listen(Engine, "connect", _sqlite_write_ahead_log)


def uninstall_sqlite_write_ahead_log() -> None:
    """Stop the listener (``bot.rasa.uninstall``)."""
    if event.contains(Engine, "connect", _sqlite_write_ahead_log):
        event.remove(Engine, "connect", _sqlite_write_ahead_log)


def _patches() -> tuple[Patch, ...]:
    return (
        Patch(RemoteAction, "_validate_action_result", _validate_action_result),
        Patch(Event, "resolve_by_type", staticmethod(_resolve_event_type)),
        Patch(EndpointConfig, "session", _kept_session),
    )


# Applied by ``bot.rasa.install``; no public setting or hook reaches these.
PATCHES = _patches()
