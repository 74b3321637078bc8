"""Rasa's conversation locks (in memory, or in Redis), riding out Redis restarts.

In endpoints.yml: ``type: bot.rasa.lock_store.ConversationLockStore`` with
``store: in_memory`` (one Rasa worker) or ``store: redis`` (several workers or
replicas) and Rasa's keys for its Redis lock store (``url``, ``port``, ``db``).
The tickets, their order and their lifetime are Rasa's own (``LockStore``,
``TicketLock``, kept in Rasa's ``InMemoryLockStore`` or ``RedisLockStore``);
two things change:

* **Redis restarting.** Rasa's lock store fails the turn at once when Redis
  cannot be reached: the person's message was lost during a 2-second Redis
  restart (the fault test lost 60 of 446). Taking a ticket is now retried for up
  to ``BACKCHAT_LOCK_RETRY_SECONDS`` (default 10), waiting without holding up
  the replica's other conversations, as the tracker store does for PostgreSQL.
  Giving the ticket back after the turn is retried the same way (a ticket
  left in a Redis that came back would hold the conversation's next turn for
  the lock's lifetime, a minute: the fault test's client gave up first); if
  Redis stays away longer, it is logged, not turned into a failed reply: the
  turn is done and saved, and the ticket expires with its lifetime.
* **Round trips.** Rasa reads and writes the lock seven times per message (two
  to take a ticket, one to check it, four to give it back), each a blocking call
  that holds up the whole replica. Here it is four: the lock read when the
  ticket was taken is checked at once, and giving the ticket back reads the lock
  once and then saves or deletes it. Both are the same reads and writes Rasa
  makes, in the same order, just not repeated; Rasa's lock was never atomic
  across replicas (a read, then a write) and is not made so here.
* **Waiting without stopping the replica.** Rasa's Redis store is synchronous:
  each of those calls stopped the replica's whole event loop until Redis
  answered. On 2 busy cores that was not Redis's 30 µs but the wait for the
  Redis process to be scheduled: py-spy found the loop stopped in Redis calls
  for about 1.4 ms a message (9% of a replica's time) at 20 people. A turn's
  calls now go through Redis's asyncio client, on the same keys with the same
  values as Rasa's store (``RedisLockStore``: ``key_prefix`` + conversation
  id, ``TicketLock.dumps()``), so the replica serves other conversations while
  one waits. Rasa's other callers (none on a turn's path) keep its store.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
from collections.abc import AsyncGenerator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

from rasa.core.lock import TicketLock
from rasa.core.lock_store import (
    DEFAULT_SOCKET_TIMEOUT_IN_SECONDS,
    LOCK_LIFETIME,
    InMemoryLockStore,
    LockError,
    LockStore,
    RedisLockStore,
)
from rasa.utils.endpoints import EndpointConfig

from bot.rasa.outages import outlasting_outages
from bot.settings import seconds_setting

logger = logging.getLogger(__name__)
T = TypeVar("T")

RETRY_ENV = "BACKCHAT_LOCK_RETRY_SECONDS"
DEFAULT_RETRY_SECONDS = 10.0
STORES = ("in_memory", "redis")


def retry_seconds() -> float:
    """How long a turn waits while the store cannot be reached."""
    return seconds_setting(RETRY_ENV, DEFAULT_RETRY_SECONDS)


def unreachable(error: BaseException) -> bool:
    """Whether ``error`` (or what it wraps) means Redis could not be reached."""
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError

    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, (RedisConnectionError, RedisTimeoutError)):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def backend(config: EndpointConfig) -> LockStore:
    """Rasa's lock store that holds the tickets, from the ``store`` key."""
    options = dict(config.kwargs)
    store = str(options.pop("store", None) or "in_memory")
    if store == "in_memory":
        workers = os.environ.get("SANIC_WORKERS", "1").strip() or "1"
        if workers.isdigit() and int(workers) > 1:
            raise ValueError(
                f"in_memory locks serve one Rasa worker, not SANIC_WORKERS={workers}"
                ": use BACKCHAT_LOCK_STORE=redis"
            )
        return InMemoryLockStore()
    if store == "redis":
        return RedisLockStore(host=config.url or "localhost", **options)
    raise ValueError(
        f"lock store {store!r} is not one of {', '.join(STORES)} "
        "(BACKCHAT_LOCK_STORE in endpoints.yml)"
    )


class AsyncRedisLocks:
    """Rasa's ``RedisLockStore`` reads and writes, awaited instead of blocking.

    The same keys (the store's ``key_prefix`` and the conversation id) and the
    same values (``TicketLock.dumps()``), through ``redis.asyncio`` with the
    connection settings Rasa's store takes from endpoints.yml.
    """

    def __init__(self, store: RedisLockStore, config: EndpointConfig) -> None:
        """A client for the Redis ``store`` was made for, from ``config``."""
        import redis.asyncio

        options: dict[str, Any] = dict(config.kwargs)
        self.key_prefix = store.key_prefix
        self.red = redis.asyncio.Redis(
            host=config.url or "localhost",
            port=int(options.get("port", 6379)),
            db=int(options.get("db", 1)),
            username=options.get("username"),
            password=options.get("password"),
            ssl=bool(options.get("use_ssl", False)),
            ssl_certfile=options.get("ssl_certfile"),
            ssl_keyfile=options.get("ssl_keyfile"),
            ssl_ca_certs=options.get("ssl_ca_certs"),
            socket_timeout=float(
                options.get("socket_timeout", DEFAULT_SOCKET_TIMEOUT_IN_SECONDS)
            ),
        )

    async def get_lock(self, conversation_id: str) -> TicketLock | None:
        """``RedisLockStore.get_lock``, awaited."""
        serialised = await self.red.get(self.key_prefix + conversation_id)
        return TicketLock.from_dict(json.loads(serialised)) if serialised else None

    async def save_lock(self, lock: TicketLock) -> None:
        """``RedisLockStore.save_lock``, awaited."""
        await self.red.set(self.key_prefix + lock.conversation_id, lock.dumps())

    async def delete_lock(self, conversation_id: str) -> None:
        """``RedisLockStore.delete_lock``, awaited."""
        await self.red.delete(self.key_prefix + conversation_id)


class ConversationLockStore(LockStore):
    """Rasa's ticket locks over Rasa's in-memory or Redis store (see module)."""

    def __init__(self, endpoint_config: EndpointConfig) -> None:
        """The backend named by ``store`` in ``endpoint_config``."""
        self.backend = backend(endpoint_config)
        self.awaited: AsyncRedisLocks | None = None
        if isinstance(self.backend, RedisLockStore):
            self.awaited = AsyncRedisLocks(self.backend, endpoint_config)
        self._retry_seconds = retry_seconds()
        self._taken: dict[tuple[str, int], TicketLock] = {}
        super().__init__()

    # Storage: Rasa's store -------------------------------------------------

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        """The conversation's lock, read from the backend."""
        return self.backend.get_lock(conversation_id)

    def save_lock(self, lock: TicketLock) -> None:
        """Write ``lock`` to the backend."""
        self.backend.save_lock(lock)

    def delete_lock(self, conversation_id: str) -> None:
        """Remove the conversation's lock from the backend."""
        self.backend.delete_lock(conversation_id)

    # A turn's calls: awaited on Redis, direct in memory -----------------------

    async def _get(self, conversation_id: str) -> TicketLock | None:
        if self.awaited is not None:
            return await self.awaited.get_lock(conversation_id)
        return self.get_lock(conversation_id)

    async def _save(self, lock: TicketLock) -> None:
        if self.awaited is not None:
            await self.awaited.save_lock(lock)
        else:
            self.save_lock(lock)

    async def _delete(self, conversation_id: str) -> None:
        if self.awaited is not None:
            await self.awaited.delete_lock(conversation_id)
        else:
            self.delete_lock(conversation_id)

    # Fewer round trips -------------------------------------------------------

    def issue_ticket(
        self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME
    ) -> int:
        """Rasa's ``issue_ticket``, keeping the lock as written for the check."""
        try:
            lock = self.get_or_create_lock(conversation_id)
            ticket = lock.issue_ticket(lock_lifetime)
            self.save_lock(lock)
        except Exception as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error
        self._taken[(conversation_id, ticket)] = lock
        return ticket

    async def _issue_ticket(self, conversation_id: str, lock_lifetime: float) -> int:
        """``issue_ticket`` with the calls awaited."""
        try:
            lock = await self._get(conversation_id) or self.create_lock(conversation_id)
            ticket = lock.issue_ticket(lock_lifetime)
            await self._save(lock)
        except Exception as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error
        self._taken[(conversation_id, ticket)] = lock
        return ticket

    async def _acquire_lock(
        self, conversation_id: str, ticket: int, wait_time_in_seconds: float
    ) -> TicketLock:
        """Rasa's ``_acquire_lock`` with the calls awaited.

        The lock just written is as current as a read of it would be: only a
        later ticket (never ahead of ours) can have been added since.
        """
        written = self._taken.pop((conversation_id, ticket), None)
        if written is not None and not written.is_locked(ticket):
            return written
        while True:
            lock = await self._get(conversation_id)
            if not lock:  # expired
                break
            if not lock.is_locked(ticket):
                return lock
            await asyncio.sleep(wait_time_in_seconds)
            # Rasa's update_lock: drop expired tickets.
            current = await self._get(conversation_id)
            if current:
                current.remove_expired_tickets()
                await self._save(current)
        raise LockError(
            f"Could not acquire lock for conversation_id '{conversation_id}'."
        )

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Give the ticket back: one read, then one save or delete."""
        self._taken.pop((conversation_id, ticket_number), None)
        lock = self.get_lock(conversation_id)
        if lock is None:
            return
        lock.remove_ticket_for(ticket_number)
        if lock.is_someone_waiting():
            self.save_lock(lock)
        else:
            self.delete_lock(conversation_id)

    async def _cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """``cleanup`` with the calls awaited."""
        self._taken.pop((conversation_id, ticket_number), None)
        lock = await self._get(conversation_id)
        if lock is None:
            return
        lock.remove_ticket_for(ticket_number)
        if lock.is_someone_waiting():
            await self._save(lock)
        else:
            await self._delete(conversation_id)

    # Riding out a Redis restart ----------------------------------------------

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: str,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float = 1,
    ) -> AsyncGenerator[TicketLock, None]:
        """Rasa's ``lock``, waiting for Redis to come back to take a ticket."""
        ticket = await self._outlasting_outages(
            lambda: self._issue_ticket(conversation_id, lock_lifetime)
        )
        try:
            yield await self._acquire_lock(
                conversation_id, ticket, wait_time_in_seconds
            )
        finally:
            try:
                # Retried too: a ticket left in a Redis that is back would hold
                # the conversation's next turn until it expires (a minute).
                await self._outlasting_outages(
                    lambda: self._cleanup(conversation_id, ticket)
                )
            except Exception as error:
                if not unreachable(error):
                    raise
                logger.warning(
                    "could not give a lock ticket back (%s); it expires in %.0f s",
                    type(error).__name__,
                    lock_lifetime,
                )

    async def _outlasting_outages(self, operation: Callable[[], Awaitable[T]]) -> T:
        """``operation()``, retried while the backend cannot be reached."""
        return await outlasting_outages(
            operation,
            seconds=self._retry_seconds,
            is_outage=unreachable,
            on_outage=lambda _error: logger.warning("lock store unreachable; retrying"),
        )
