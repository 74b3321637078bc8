"""The cached SQL tracker store: same records as Rasa's, never a stale tracker."""

from __future__ import annotations

import asyncio
import os
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, TrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import read_endpoint_config

from bot.rasa.tracker_settings import (
    CACHE_SIZE_ENV,
    SYNCHRONOUS_COMMIT_ENV,
    engine_options,
)
from bot.rasa.tracker_store import CachedSQLTrackerStore

ROOT = Path(__file__).resolve().parents[2]
POSTGRES_URL_ENV = "BACKCHAT_TEST_POSTGRES_URL"


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'tracker.db'}"


def store(url: str, domain: Domain, cls: type = CachedSQLTrackerStore) -> TrackerStore:
    return cls(domain=domain, host=url, dialect=sa.engine.make_url(url).drivername)


def a_turn(text: str, location: str | None = None) -> list[Event]:
    events: list[Event] = [
        UserUttered(text, {"name": "report_pain", "confidence": 0.9}),
    ]
    if location:
        events.append(SlotSet("pain_location", location))
    events.append(ActionExecuted("utter_ask_duration"))
    return [*events, ActionExecuted("action_listen")]


def new_conversation(sender: str, domain: Domain) -> DialogueStateTracker:
    """A conversation as Rasa starts it, before it is first saved."""
    opening = [ActionExecuted("action_session_start"), SessionStarted()]
    return DialogueStateTracker.from_events(
        sender, [*opening, ActionExecuted("action_listen")], domain.slots
    )


async def started(
    store: TrackerStore, sender: str, domain: Domain
) -> DialogueStateTracker:
    """Start a conversation and read it back, as Rasa's next turn does."""
    await store.save(new_conversation(sender, domain))
    tracker = await store.retrieve(sender)
    assert tracker is not None
    return tracker


async def served_from_memory_as_stored(
    cached: TrackerStore, url: str, domain: Domain, sender: str, location: str
) -> DialogueStateTracker:
    """One turn saved; the next read is the same object, equal to Rasa's read."""
    tracker = await started(cached, sender, domain)
    for event in a_turn(f"my {location} hurts", location):
        tracker.update(event)
    await cached.save(tracker)
    assert await cached.retrieve(sender) is tracker
    from_disk = await store(url, domain, SQLTrackerStore).retrieve(sender)
    assert from_disk is not None
    assert list(from_disk.events) == list(tracker.events)
    return from_disk


async def two_workers_after_a_turn(
    url: str, domain: Domain, sender: str
) -> tuple[TrackerStore, TrackerStore, DialogueStateTracker]:
    """Two stores on one database; worker A served and saved the last turn."""
    worker_a, worker_b = store(url, domain), store(url, domain)
    tracker = await started(worker_a, sender, domain)
    await worker_a.save(tracker)
    assert await worker_a.retrieve(sender) is tracker
    return worker_a, worker_b, tracker


def stored_rows(url: str, sender: str) -> list[tuple]:
    engine = sa.create_engine(url)
    table = SQLTrackerStore.SQLEvent.__table__
    columns = [table.c.type_name, table.c.intent_name, table.c.action_name]
    query = (
        sa.select(*columns, table.c.data)
        .where(table.c.sender_id == sender)
        .order_by(table.c.id)
    )
    with engine.connect() as connection:
        rows = [tuple(row) for row in connection.execute(query)]
    engine.dispose()
    return rows


def statements_of(cached: TrackerStore) -> list[str]:
    """The first word of each statement ``cached`` sends from now on.

    Through SQLAlchemy's engines, and on PostgreSQL through the awaited
    connections (``bot.rasa.postgres_async``), which SQLAlchemy does not see.
    """
    statements: list[str] = []
    for engine in cached.engines:
        sa.event.listen(
            engine,
            "before_cursor_execute",
            lambda _c, _cur, sql, *_a: statements.append(sql.split()[0]),
        )
    postgres = cached.database.postgres
    if postgres is not None:
        execute = postgres.execute

        async def counted(sql: str, parameters: dict) -> list:
            statements.append(sql.split()[0])
            return await execute(sql, parameters)

        postgres.execute = counted
    return statements


async def test_a_saved_conversation_is_served_from_memory_and_equals_the_database(
    url: str, domain: Domain
) -> None:
    from_disk = await served_from_memory_as_stored(
        store(url, domain), url, domain, "ann", "lower_back"
    )
    assert from_disk.get_slot("pain_location") == "lower_back"


async def test_a_new_conversation_is_read_back_as_rasa_reads_it(
    url: str, domain: Domain
) -> None:
    # Rasa leaves the new session's action_session_start out when it reads back.
    cached = store(url, domain)
    first = new_conversation("abe", domain)
    await cached.save(first)
    retrieved = await cached.retrieve("abe")
    assert retrieved is not first
    assert isinstance(retrieved.events[0], SessionStarted)


async def test_rows_are_the_rows_rasas_own_store_writes(
    tmp_path: Path, domain: Domain
) -> None:
    urls = {
        cls: f"sqlite:///{tmp_path / (cls.__name__ + '.db')}"
        for cls in (SQLTrackerStore, CachedSQLTrackerStore)
    }
    for cls, its_url in urls.items():
        its_store = store(its_url, domain, cls)
        await started(its_store, "bob", domain)
        for text in ("hi", "my back hurts"):
            tracker = await its_store.retrieve("bob")
            for event in a_turn(text, "lower_back"):
                tracker.update(event)
            await its_store.save(tracker)

    def without_timestamps(rows: list[tuple]) -> list[tuple]:
        return [(*row[:3], row[3].split('"timestamp"')[0]) for row in rows]

    ours = stored_rows(urls[CachedSQLTrackerStore], "bob")
    rasas = stored_rows(urls[SQLTrackerStore], "bob")
    assert len(ours) == len(rasas) == 11
    assert without_timestamps(ours) == without_timestamps(rasas)


async def test_a_write_by_another_worker_is_caught_up_from_the_database(
    url: str, domain: Domain
) -> None:
    worker_a, worker_b, tracker = await two_workers_after_a_turn(url, domain, "cat")

    elsewhere = await worker_b.retrieve("cat")
    for event in a_turn("it started last week", "upper_back"):
        elsewhere.update(event)
    await worker_b.save(elsewhere)

    seen_by_a = await worker_a.retrieve("cat")
    # A's tracker with B's events applied, not rebuilt: equal to the database.
    assert seen_by_a is tracker
    assert seen_by_a.get_slot("pain_location") == "upper_back"
    from_disk = await store(url, domain, SQLTrackerStore).retrieve("cat")
    assert list(seen_by_a.events) == list(from_disk.events)
    # And A's next turn is appended after B's, not over it.
    for event in a_turn("no", None):
        seen_by_a.update(event)
    await worker_a.save(seen_by_a)
    fresh = await store(url, domain, SQLTrackerStore).retrieve("cat")
    assert list(fresh.events) == list(seen_by_a.events)


async def test_a_turn_that_failed_before_saving_is_not_served(
    url: str, domain: Domain
) -> None:
    cached = store(url, domain)
    tracker = await started(cached, "dan", domain)
    await cached.save(tracker)
    tracker.update(SlotSet("pain_location", "neck"))  # then the turn crashed

    retrieved = await cached.retrieve("dan")
    assert retrieved is not tracker
    assert retrieved.get_slot("pain_location") is None


async def test_a_conversation_deleted_elsewhere_is_not_served_from_memory(
    url: str, domain: Domain
) -> None:
    worker_a, _, _ = await two_workers_after_a_turn(url, domain, "del")
    engine = sa.create_engine(url)
    table = SQLTrackerStore.SQLEvent.__table__
    with engine.begin() as connection:  # as `backchat privacy delete` does
        connection.execute(table.delete().where(table.c.sender_id == "del"))
    engine.dispose()
    assert await worker_a.retrieve("del") is None


async def test_a_session_started_by_another_worker_is_read_afresh(
    url: str, domain: Domain
) -> None:
    worker_a, worker_b, tracker = await two_workers_after_a_turn(url, domain, "ses")
    elsewhere = await worker_b.retrieve("ses")
    elsewhere.update(SlotSet("pain_location", "neck"))
    for event in (ActionExecuted("action_session_start"), SessionStarted()):
        elsewhere.update(event)
    await worker_b.save(elsewhere)

    seen_by_a = await worker_a.retrieve("ses")
    assert seen_by_a is not tracker  # only the new session, as Rasa reads it
    assert not any(isinstance(event, SlotSet) for event in seen_by_a.events)


async def test_each_turn_is_one_statement_to_read_and_one_to_save(
    url: str, domain: Domain
) -> None:
    cached = store(url, domain)
    tracker = await started(cached, "one", domain)
    await cached.save(tracker)
    statements = statements_of(cached)
    assert await cached.retrieve("one") is tracker
    for event in a_turn("my neck hurts", "neck"):
        tracker.update(event)
    await cached.save(tracker)
    assert statements == ["SELECT", "INSERT"]
    from_disk = await store(url, domain, SQLTrackerStore).retrieve("one")
    assert list(from_disk.events) == list(tracker.events)


async def test_a_new_conversation_is_saved_in_one_statement_and_kept_as_rasa_reads_it(
    url: str, domain: Domain
) -> None:
    cached = store(url, domain)
    statements = statements_of(cached)
    # As Rasa's processor starts a conversation: a new, empty tracker is saved.
    tracker = await cached.get_or_create_tracker("new", append_action_listen=False)
    for event in [*new_conversation("new", domain).events, *a_turn("my back hurts")]:
        tracker.update(event)
    await cached.save(tracker)
    served = await cached.retrieve("new")
    # Looking the conversation up, its first turn, the next read.
    assert statements == ["SELECT", "INSERT", "SELECT"]
    from_disk = await store(url, domain, SQLTrackerStore).retrieve("new")
    assert served is not tracker
    assert list(served.events) == list(from_disk.events)
    assert served.current_state() == from_disk.current_state()


async def test_the_session_kept_is_chosen_by_time_as_rasa_chooses_it(
    url: str, domain: Domain
) -> None:
    # Rasa reads the events timed from the latest session start on, whatever
    # their order: one timed before it (another replica's clock) is left out.
    cached = store(url, domain)
    tracker = await cached.get_or_create_tracker("clock", append_action_listen=False)
    opening = new_conversation("clock", domain).events
    early = ActionExecuted("action_listen", timestamp=opening[1].timestamp - 1)
    for event in [*opening, early, *a_turn("my neck hurts", "neck")]:
        tracker.update(event)
    await cached.save(tracker)
    served = await cached.retrieve("clock")
    from_disk = await store(url, domain, SQLTrackerStore).retrieve("clock")
    assert len(from_disk.events) == len(tracker.events) - 2
    assert list(served.events) == list(from_disk.events)
    # A second session: a store that reads it afresh chooses as Rasa does too.
    for event in [*new_conversation("clock", domain).events, early]:
        served.update(event)
    await cached.save(served)
    read_afresh = await store(url, domain).retrieve("clock")
    from_disk = await store(url, domain, SQLTrackerStore).retrieve("clock")
    assert len(from_disk.events) == 2
    assert list(read_afresh.events) == list(from_disk.events)
    assert read_afresh.current_state() == from_disk.current_state()


async def statements_ran_off_the_loop(url: str, domain: Domain) -> bool:
    """Whether a turn's read and save ran in another thread than the loop's."""
    cached = store(url, domain)
    tracker = await started(cached, "thread", domain)
    await cached.save(tracker)
    threads: set[int] = set()
    for engine in cached.engines:
        sa.event.listen(
            engine,
            "before_cursor_execute",
            lambda *_a: threads.add(threading.get_ident()),
        )
    tracker = await cached.retrieve("thread")
    tracker.update(SlotSet("pain_location", "neck"))
    await cached.save(tracker)
    return threading.get_ident() not in threads


async def a_round_trip_does_not_stop_the_loop(cached: TrackerStore) -> None:
    """On PostgreSQL: while a statement waits for its answer, the loop runs on."""
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        for _ in range(10):
            await asyncio.sleep(0.01)
            ticks += 1

    slow = cached.database.execute(sa.text("SELECT pg_sleep(0.3)"), {})
    started = time.monotonic()
    await asyncio.gather(slow, tick())
    assert ticks == 10 and time.monotonic() - started < 0.5
    # Kept and reused: the statements of many turns share a few connections.
    assert cached.database.postgres._open <= 2


async def test_sqlite_statements_run_on_the_loop(url: str, domain: Domain) -> None:
    # Local work, which a thread would only add to (PostgreSQL's: below).
    assert not await statements_ran_off_the_loop(url, domain)


async def test_saving_a_tracker_another_worker_has_moved_on_uses_rasas_save(
    url: str, domain: Domain
) -> None:
    worker_a, worker_b, tracker = await two_workers_after_a_turn(url, domain, "eve")
    other = await worker_b.retrieve("eve")
    other.update(SlotSet("pain_location", "neck"))
    await worker_b.save(other)

    tracker.update(SlotSet("pain_location", "neck"))
    await worker_a.save(tracker)  # no fast append over B's event
    rows = stored_rows(url, "eve")
    assert [row[0] for row in rows].count("slot") == 1
    assert await worker_a.retrieve("eve") is not tracker


async def test_after_a_session_restart_only_the_new_session_is_served(
    url: str, domain: Domain
) -> None:
    cached = store(url, domain)
    tracker = await started(cached, "fay", domain)
    tracker.update(SlotSet("pain_location", "neck"))
    await cached.save(tracker)
    for event in (ActionExecuted("action_session_start"), SessionStarted()):
        tracker.update(event)
    await cached.save(tracker)

    retrieved = await cached.retrieve("fay")
    assert retrieved is not tracker
    assert not any(isinstance(event, SlotSet) for event in retrieved.events)


async def test_the_cache_is_bounded_and_can_be_turned_off(
    url: str, domain: Domain, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_SIZE_ENV, "2")
    bounded = store(url, domain)
    trackers = {name: await started(bounded, name, domain) for name in ("g1", "g2")}
    trackers["g3"] = await started(bounded, "g3", domain)
    for tracker in trackers.values():
        await bounded.save(tracker)
    assert await bounded.retrieve("g1") is not trackers["g1"]  # least recent left
    assert await bounded.retrieve("g3") is trackers["g3"]

    monkeypatch.setenv(CACHE_SIZE_ENV, "0")
    off = store(url, domain)
    tracker = await started(off, "h", domain)
    await off.save(tracker)
    assert await off.retrieve("h") is not tracker


def test_a_bad_cache_size_is_refused_with_its_name(
    url: str, domain: Domain, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_SIZE_ENV, "lots")
    with pytest.raises(ValueError, match=f"{CACHE_SIZE_ENV} must be a whole number"):
        store(url, domain)


async def test_unknown_conversations_are_none(url: str, domain: Domain) -> None:
    assert await store(url, domain).retrieve("nobody") is None


def test_endpoints_yml_loads_this_store_not_rasas_fallback(
    url: str, domain: Domain, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Rasa quietly falls back to an in-memory store if the class cannot load.
    monkeypatch.setenv("BACKCHAT_ACTION_ENDPOINT", "http://127.0.0.1:1/webhook")
    monkeypatch.setenv("BACKCHAT_TRACKER_URL", url)
    monkeypatch.setenv("BACKCHAT_TRACKER_DIALECT", "sqlite")
    for name, value in {
        "BACKCHAT_LOCK_STORE": "in_memory",
        "BACKCHAT_REDIS_HOST": "127.0.0.1",
        "BACKCHAT_REDIS_PORT": "6379",
    }.items():
        monkeypatch.setenv(name, value)
    config = read_endpoint_config(str(ROOT / "endpoints.yml"), "tracker_store")
    loaded = TrackerStore.create(config, domain)
    assert isinstance(loaded, CachedSQLTrackerStore)
    assert loaded.engine.url.database == sa.engine.make_url(url).database


async def test_the_same_store_works_on_postgresql(domain: Domain) -> None:
    url = os.environ.get(POSTGRES_URL_ENV)
    if not url:
        pytest.skip(f"{POSTGRES_URL_ENV} is not set: no PostgreSQL to test against")
    cached = store(url, domain)
    try:
        await served_from_memory_as_stored(cached, url, domain, "pg", "neck")
        await test_a_write_by_another_worker_is_caught_up_from_the_database(url, domain)
        await test_each_turn_is_one_statement_to_read_and_one_to_save(url, domain)
        await (
            test_a_new_conversation_is_saved_in_one_statement_and_kept_as_rasa_reads_it(
                url, domain
            )
        )
        await test_the_session_kept_is_chosen_by_time_as_rasa_chooses_it(url, domain)
        await a_round_trip_does_not_stop_the_loop(cached)
        await test_saving_a_tracker_another_worker_has_moved_on_uses_rasas_save(
            url, domain
        )
    finally:
        SQLTrackerStore.Base.metadata.drop_all(cached.engine)
        for engine in cached.engines:
            engine.dispose()


def test_synchronous_commit_is_the_servers_unless_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    postgres = sa.engine.make_url("postgresql://u:p@127.0.0.1:5432/t")
    monkeypatch.delenv(SYNCHRONOUS_COMMIT_ENV, raising=False)
    assert engine_options(postgres) == {}
    monkeypatch.setenv(SYNCHRONOUS_COMMIT_ENV, "OFF")
    options = engine_options(postgres)
    assert options["connect_args"]["options"] == "-c synchronous_commit=off"
    sqlite = sa.engine.make_url("sqlite:///tracker.db")
    assert "options" not in engine_options(sqlite)["connect_args"]


def test_a_bad_synchronous_commit_is_refused_with_its_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(SYNCHRONOUS_COMMIT_ENV, "sometimes")
    with pytest.raises(ValueError, match=f"{SYNCHRONOUS_COMMIT_ENV} must be one of"):
        engine_options(sa.engine.make_url("postgresql://u:p@127.0.0.1:5432/t"))
