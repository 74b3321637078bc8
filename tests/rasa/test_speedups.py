"""The cached validator of action-server replies accepts and rejects as Rasa's."""

from __future__ import annotations

from pathlib import Path

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction


def test_cached_validator_keeps_rasas_verdicts(rasa_patched: None) -> None:
    action = RemoteAction("action_x", None)
    good = {"events": [{"event": "slot", "name": "x", "value": 1}], "responses": []}
    assert action._validate_action_result(good) is True
    with pytest.raises(ValidationError, match="Failed to validate Action server"):
        action._validate_action_result({"events": "not a list"})


def test_sqlite_connections_use_write_ahead_logging(
    tmp_path: Path, rasa_patched: None
) -> None:
    from sqlalchemy import create_engine, text

    from bot.rasa import install

    install()  # again: idempotent
    engine = create_engine(f"sqlite:///{tmp_path / 'tracker.db'}", future=True)
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 1


def test_event_types_resolve_as_rasa_resolves_them(rasa_patched: None) -> None:
    from rasa.shared.core.events import ActionExecuted, Event, SlotSet, UserUttered

    from bot.rasa.speedups import _rasa_resolve_event_type

    for name in ("user", "slot", "action", "session_started", "active_loop"):
        assert Event.resolve_by_type(name) is _rasa_resolve_event_type(name)
    assert Event.resolve_by_type("user") is UserUttered
    assert Event.resolve_by_type("slot") is SlotSet
    read = Event.from_parameters({"event": "action", "name": "x"})
    assert read == ActionExecuted("x")
    assert Event.resolve_by_type("topic") is None
    assert Event.resolve_by_type("nope", default=SlotSet) is SlotSet
    with pytest.raises(ValueError, match="Unknown event name 'nope'"):
        Event.resolve_by_type("nope")


def test_an_event_class_defined_later_is_still_found(rasa_patched: None) -> None:
    from rasa.shared.core.events import Event, SlotSet

    Event.resolve_by_type("user")  # fills the table

    class LateEvent(SlotSet):  # concrete: Rasa skips abstract classes
        type_name = "backchat_late_event_for_test"

    assert Event.resolve_by_type("backchat_late_event_for_test") is LateEvent


@pytest.fixture
async def echo_server():
    """A local HTTP server that answers with the client's port and auth header."""
    from aiohttp import web

    async def echo(request: web.Request) -> web.Response:
        peer = request.transport.get_extra_info("peername")
        auth = request.headers.get("Authorization")
        return web.json_response({"port": peer[1], "auth": auth})

    app = web.Application()
    app.router.add_post("/webhook", echo)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}/webhook"
    await runner.cleanup()


async def test_action_calls_reuse_one_connection(
    echo_server: str, rasa_patched: None
) -> None:
    from rasa.utils.endpoints import EndpointConfig

    endpoint = EndpointConfig(
        echo_server, basic_auth={"username": "a", "password": "b"}
    )
    replies = [await endpoint.request(json={"n": n}) for n in range(3)]
    assert len({reply["port"] for reply in replies}) == 1
    assert all(reply["auth"].startswith("Basic ") for reply in replies)


def test_idle_connections_are_dropped_before_the_server_would() -> None:
    from bot.rasa.speedups import IDLE_CONNECTION_SECONDS

    sanic_keep_alive_seconds = 5.0  # the action server's (Sanic's default)
    assert 0 < IDLE_CONNECTION_SECONDS < sanic_keep_alive_seconds


@pytest.mark.parametrize(("idle", "reused"), [(1.9, True), (2.1, False)])
async def test_a_connection_idle_for_two_seconds_is_not_reused(
    echo_server: str, rasa_patched: None, idle: float, reused: bool
) -> None:
    import asyncio

    from rasa.utils.endpoints import EndpointConfig

    endpoint = EndpointConfig(echo_server)
    first = await endpoint.request(json={})
    # A fake clock: the loop's time jumps ahead (aiohttp reads it to tell how
    # long a connection has been idle), instead of really waiting.
    loop = asyncio.get_running_loop()
    real_time = loop.time
    loop.time = lambda: real_time() + idle  # type: ignore[method-assign]
    try:
        second = await endpoint.request(json={})
    finally:
        del loop.time  # type: ignore[method-assign]
    assert (second["port"] == first["port"]) is reused


def test_objects_alive_when_the_model_loads_are_left_out_of_collections() -> None:
    import gc

    from bot.rasa.speedups import freeze_loaded_objects

    gc.unfreeze()
    try:
        freeze_loaded_objects()
        assert gc.get_freeze_count() > 1000
        assert len(gc.get_objects()) < gc.get_freeze_count()
    finally:
        gc.unfreeze()
