"""Message rate limits: per conversation, per client, loopback exempt per client."""

from __future__ import annotations

import pytest

from bot.web.rate_limit import MessageLimits, RateLimiter, is_loopback


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_then_the_rate() -> None:
    clock = Clock()
    limiter = RateLimiter(per_minute=60, burst=3, clock=clock)
    assert [limiter.take("a") for _ in range(3)] == [0, 0, 0]
    assert limiter.take("a") == pytest.approx(1.0)
    assert limiter.take("b") == 0  # another key has its own bucket
    clock.now += 1
    assert limiter.take("a") == 0
    assert limiter.take("a") > 0
    clock.now += 3600
    assert [limiter.take("a") for _ in range(4)] == [0, 0, 0, pytest.approx(1.0)]


def test_zero_means_no_limit() -> None:
    limiter = RateLimiter(per_minute=0, burst=0)
    assert all(limiter.take("a") == 0 for _ in range(1000))


def test_old_keys_are_forgotten_beyond_the_bound() -> None:
    limiter = RateLimiter(per_minute=60, burst=1, clock=Clock(), max_keys=10)
    for n in range(100):
        limiter.take(str(n))
    assert len(limiter._buckets) == 10


def test_one_conversation_is_limited_whatever_the_client() -> None:
    limits = MessageLimits.of(3, 100, clock=Clock())
    waits = [limits.wait("ann", f"10.0.0.{n}") for n in range(4)]
    assert waits[:3] == [0, 0, 0] and waits[3] > 0
    assert limits.wait("bob", "10.0.0.9") == 0


def test_one_client_is_limited_across_conversations() -> None:
    limits = MessageLimits.of(100, 3, clock=Clock())
    waits = [limits.wait(f"s{n}", "203.0.113.5") for n in range(4)]
    assert waits[:3] == [0, 0, 0] and waits[3] > 0
    assert limits.wait("s9", "203.0.113.6") == 0


def test_a_refused_client_does_not_use_the_conversations_tokens() -> None:
    limits = MessageLimits.of(2, 1, clock=Clock())
    assert limits.wait("ann", "203.0.113.5") == 0
    assert limits.wait("ann", "203.0.113.5") > 0  # the client is over
    assert limits.wait("ann", "203.0.113.6") == 0  # ann had one left


@pytest.mark.parametrize("limit_loopback", [False, True])
def test_loopback_clients_are_limited_per_client_only_when_asked(
    limit_loopback: bool,
) -> None:
    limits = MessageLimits.of(100, 2, limit_loopback=limit_loopback, clock=Clock())
    waits = [limits.wait(f"s{n}", "127.0.0.1") for n in range(3)]
    assert (waits[2] > 0) is limit_loopback


@pytest.mark.parametrize(
    ("address", "loopback"),
    [("127.0.0.1", True), ("127.8.9.1", True), ("::1", True), ("10.0.0.1", False),
     ("", False), ("not an address", False), ("2001:db8::1", False)],
)  # fmt: skip
def test_loopback_addresses(address: str, loopback: bool) -> None:
    assert is_loopback(address) is loopback
