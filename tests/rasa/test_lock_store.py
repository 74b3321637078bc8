"""Conversation locks: Rasa's tickets, four round trips, Redis restarts outlasted."""

from __future__ import annotations

import asyncio

import pytest
from rasa.core.lock_store import InMemoryLockStore, LockError
from rasa.utils.endpoints import EndpointConfig
from redis.exceptions import ConnectionError as RedisConnectionError

from bot.rasa.lock_store import RETRY_ENV, ConversationLockStore


class FailingCalls:
    """Counts a fake's calls and fails the first ``failures`` of them."""

    def _count_calls(self, failures: int) -> None:
        self.calls: list[str] = []
        self.failures = failures

    def _call(self, name: str) -> None:
        self.calls.append(name)
        if self.failures:
            self.failures -= 1
            raise RedisConnectionError("Connection refused")


class CountingStore(FailingCalls, InMemoryLockStore):
    """Rasa's in-memory store that counts calls and can fail the first ones."""

    def __init__(self, failures: int = 0) -> None:
        super().__init__()
        self._count_calls(failures)

    def get_lock(self, conversation_id: str):  # type: ignore[no-untyped-def]
        self._call("get")
        return super().get_lock(conversation_id)

    def save_lock(self, lock) -> None:  # type: ignore[no-untyped-def]
        self._call("save")
        super().save_lock(lock)

    def delete_lock(self, conversation_id: str) -> None:
        self._call("delete")
        super().delete_lock(conversation_id)


def locks(backend: InMemoryLockStore | None = None) -> ConversationLockStore:
    store = ConversationLockStore(EndpointConfig(store="in_memory"))
    if backend is not None:
        store.backend = backend
    return store


async def test_a_message_reads_and_writes_the_lock_four_times() -> None:
    backend = CountingStore()
    store = locks(backend)
    async with store.lock("ann") as lock:
        assert not lock.is_locked(lock.last_issued)
    assert backend.calls == ["get", "save", "get", "delete"]
    assert backend.get_lock("ann") is None


async def test_a_redis_restart_is_waited_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(RETRY_ENV, "5")
    backend = CountingStore(failures=3)  # Redis refuses the first three calls
    store = locks(backend)
    async with store.lock("cat"):
        pass
    assert backend.calls[:3] == ["get", "get", "get"]
    assert backend.get_lock("cat") is None


async def test_after_the_retry_window_the_error_reaches_rasa(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(RETRY_ENV, "0")
    store = locks(CountingStore(failures=100))
    with pytest.raises(LockError):
        async with store.lock("dan"):
            pass


async def test_a_ticket_is_given_back_once_redis_is_back() -> None:
    backend = CountingStore()
    store = locks(backend)
    async with store.lock("eve"):
        backend.failures = 1  # Redis goes away before the ticket is given back
    assert backend.calls[-3:] == ["get", "get", "delete"]
    assert backend.get_lock("eve") is None


async def test_a_ticket_not_given_back_does_not_fail_the_turn(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(RETRY_ENV, "0")
    backend = CountingStore()
    store = locks(backend)
    async with store.lock("eve"):
        backend.failures = 100  # Redis stays away after the turn
    assert backend.calls[-1] == "get"


async def test_other_errors_are_not_retried() -> None:
    class Broken(InMemoryLockStore):
        def get_lock(self, conversation_id: str):  # type: ignore[no-untyped-def]
            raise RuntimeError("not an outage")

    with pytest.raises(LockError):
        async with locks(Broken()).lock("fay"):
            pass


def test_the_store_is_rasas_in_memory_or_redis_store(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SANIC_WORKERS", raising=False)
    memory = ConversationLockStore(EndpointConfig(store="in_memory"))
    assert type(memory.backend).__name__ == "InMemoryLockStore"
    redis = ConversationLockStore(
        EndpointConfig(url="127.0.0.1", store="redis", port=6399, db=1)
    )
    assert type(redis.backend).__name__ == "RedisLockStore"
    with pytest.raises(ValueError, match="'etcd' is not one of in_memory, redis"):
        ConversationLockStore(EndpointConfig(store="etcd"))
    monkeypatch.setenv("SANIC_WORKERS", "2")
    with pytest.raises(ValueError, match="in_memory locks serve one Rasa worker"):
        ConversationLockStore(EndpointConfig(store="in_memory"))


def test_a_bad_retry_window_is_refused_with_its_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(RETRY_ENV, "soon")
    with pytest.raises(ValueError, match=f"{RETRY_ENV} must be a number of seconds"):
        locks()


class FakeAsyncRedis(FailingCalls):
    """``redis.asyncio.Redis``'s get, set and delete over a dict, counted."""

    def __init__(self, failures: int = 0) -> None:
        self.values: dict[str, bytes] = {}
        self._count_calls(failures)

    async def get(self, key: str) -> bytes | None:
        self._call("get")
        return self.values.get(key)

    async def set(self, key: str, value: str) -> None:
        self._call("set")
        self.values[key] = value.encode()

    async def delete(self, key: str) -> int:
        self._call("delete")
        return 1 if self.values.pop(key, None) is not None else 0


def redis_locks(fake: FakeAsyncRedis) -> ConversationLockStore:
    """The Redis store (no connection is made) with its awaited calls faked."""
    store = ConversationLockStore(
        EndpointConfig(url="127.0.0.1", store="redis", port=6399, db=1)
    )
    assert store.awaited is not None
    store.awaited.red = fake  # type: ignore[assignment]
    return store


async def test_on_redis_a_turn_awaits_the_same_four_calls() -> None:
    fake = FakeAsyncRedis()
    store = redis_locks(fake)
    async with store.lock("gus") as lock:
        assert not lock.is_locked(lock.last_issued)
        assert list(fake.values) == ["lock:gus"]  # Rasa's key, while held
    assert fake.calls == ["get", "set", "get", "delete"]
    assert fake.values == {}


@pytest.mark.parametrize("on_redis", [False, True], ids=["in memory", "on redis"])
async def test_a_second_message_waits_for_the_first(on_redis: bool) -> None:
    store = redis_locks(FakeAsyncRedis()) if on_redis else locks()
    order: list[str] = []

    async def turn(name: str, hold: float) -> None:
        async with store.lock("bob", wait_time_in_seconds=0.01):
            order.append(f"{name} in")
            await asyncio.sleep(hold)
            order.append(f"{name} out")

    first = asyncio.create_task(turn("first", 0.1))
    await asyncio.sleep(0.01)
    await turn("second", 0)
    await first
    assert order == ["first in", "first out", "second in", "second out"]


async def test_on_redis_a_restart_is_waited_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(RETRY_ENV, "5")
    fake = FakeAsyncRedis(failures=3)
    async with redis_locks(fake).lock("ivy"):
        pass
    assert fake.calls[:3] == ["get", "get", "get"]
    assert fake.values == {}
