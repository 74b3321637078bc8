"""Message rate limits per conversation and per client (pure, in memory).

A token bucket per key: ``burst`` messages at once, then ``per_minute``. The
chat channels ask :meth:`MessageLimits.wait` before Rasa sees a message; a
message over the limit gets a friendly reply and is neither handled nor stored.

Loopback clients are not limited per client unless asked
(``BACKCHAT_RATE_LIMIT_LOOPBACK``): on a developer's machine, in the tests and
the bench every person comes from 127.0.0.1, and behind a TLS proxy so does
everyone until the proxy's real-client header is trusted (Sanic's
``SANIC_PROXIES_COUNT`` / ``SANIC_REAL_IP_HEADER``). Per-conversation limits
always apply.
"""

from __future__ import annotations

import ipaddress
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

Clock = Callable[[], float]


@dataclass
class RateLimiter:
    """Token buckets by key; the least recently used are forgotten first."""

    per_minute: float
    burst: float
    clock: Clock = time.monotonic
    max_keys: int = 100_000
    _buckets: OrderedDict[str, tuple[float, float]] = field(default_factory=OrderedDict)

    def peek(self, key: str) -> float:
        """Seconds until ``key`` may send (0: now), taking nothing."""
        tokens, _now = self._tokens(key)
        return 0.0 if tokens >= 1 else (1 - tokens) * 60 / self.per_minute

    def take(self, key: str) -> float:
        """Take one message's token: 0 if allowed, else seconds to wait."""
        if self.per_minute <= 0:
            return 0.0
        tokens, now = self._tokens(key)
        if tokens < 1:
            return (1 - tokens) * 60 / self.per_minute
        self._buckets[key] = (tokens - 1, now)
        self._buckets.move_to_end(key)
        while len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)
        return 0.0

    def _tokens(self, key: str) -> tuple[float, float]:
        now = self.clock()
        tokens, last = self._buckets.get(key, (self.burst, now))
        refilled = tokens + (now - last) * self.per_minute / 60
        return min(self.burst, refilled), now


@dataclass
class MessageLimits:
    """The per-conversation and per-client limits of one chat channel."""

    sender: RateLimiter
    client: RateLimiter
    limit_loopback: bool = False

    @classmethod
    def of(
        cls,
        sender_per_minute: float,
        client_per_minute: float,
        limit_loopback: bool = False,
        clock: Clock = time.monotonic,
    ) -> MessageLimits:
        """Limits allowing a burst of one minute's worth, then the rate."""
        return cls(
            RateLimiter(sender_per_minute, sender_per_minute, clock),
            RateLimiter(client_per_minute, client_per_minute, clock),
            limit_loopback,
        )

    def wait(self, sender_id: str, client: str | None) -> float:
        """Seconds before this message may be handled (0: now; a token is used)."""
        limit_client = bool(client) and (
            self.limit_loopback or not is_loopback(client or "")
        )
        if limit_client and self.client.per_minute > 0:
            waiting = self.client.peek(client or "")
            if waiting > 0:
                return waiting
        waiting = self.sender.take(sender_id)
        if waiting > 0:
            return waiting
        if limit_client:
            self.client.take(client or "")
        return 0.0


def is_loopback(address: str) -> bool:
    """Whether ``address`` is this machine (127.0.0.0/8, ::1)."""
    try:
        return ipaddress.ip_address(address.split("%")[0]).is_loopback
    except ValueError:
        return False
