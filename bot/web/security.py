"""CSRF tokens and sign-in throttling (pure, in memory).

Sessions are in ``bot.web.sessions`` (in the database); the throttle stays in
memory: a restart forgets failed attempts, which costs a guesser nothing new.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field

Clock = Callable[[], float]


def new_token() -> str:
    """A random, URL-safe token with 256 bits of entropy."""
    return secrets.token_urlsafe(32)


def tokens_match(expected: str | None, submitted: str | None) -> bool:
    """Constant-time comparison; an empty or missing token never matches."""
    if not expected or not submitted:
        return False
    return hmac.compare_digest(expected.encode(), submitted.encode())


@dataclass
class LoginThrottle:
    """Sign-in throttling with back-off, by client, by name and by the pair.

    A few failures are free; after that each new attempt must wait, doubling
    with every failure up to ``max_delay_seconds``. The limits differ: the pair
    (this client guessing this name) slows first; a client trying many names
    (password spraying) next; a name tried from many clients last, so the real
    user signing in from their own machine is slowed, never locked out for long.
    Failures are forgotten ``window_seconds`` after the last one.
    """

    max_failures: int = 5  # free failures of one client for one name
    client_failures: int = 10  # free failures of one client, across names
    name_failures: int = 30  # free failures of one name, across clients
    base_delay_seconds: float = 1.0
    max_delay_seconds: float = 15 * 60
    window_seconds: float = 15 * 60
    max_entries: int = 10_000
    clock: Clock = time.monotonic
    _failures: dict[tuple[str, str], tuple[int, float]] = field(default_factory=dict)

    def retry_after(self, name: str, client: str = "") -> float:
        """Seconds before ``client`` may try ``name`` again (0: now)."""
        now = self.clock()
        waits = [0.0]
        for key, free in self._keys(name, client):
            count, last = self._recent(key, now)
            if count >= free:
                delay = self.base_delay_seconds * 2 ** (count - free)
                waits.append(last + min(delay, self.max_delay_seconds) - now)
        return max(waits)

    def allowed(self, name: str, client: str = "") -> bool:
        """Whether a sign-in attempt may be checked now."""
        return self.retry_after(name, client) <= 0

    def failed(self, name: str, client: str = "") -> None:
        """Record a failed attempt."""
        now = self.clock()
        if len(self._failures) >= self.max_entries:
            self._purge(now)
        for key, _free in self._keys(name, client):
            count, _last = self._recent(key, now)
            self._failures[key] = (count + 1, now)

    def succeeded(self, name: str, client: str = "") -> None:
        """Forget the failures of this client for this name."""
        self._failures.pop(("pair", f"{client}\n{name}"), None)
        self._failures.pop(("name", name), None)

    def _keys(self, name: str, client: str) -> list[tuple[tuple[str, str], int]]:
        keys = [(("pair", f"{client}\n{name}"), self.max_failures)]
        if client:
            keys.append((("client", client), self.client_failures))
            keys.append((("name", name), self.name_failures))
        return keys

    def _recent(self, key: tuple[str, str], now: float) -> tuple[int, float]:
        count, last = self._failures.get(key, (0, 0.0))
        if count and now - last > self.window_seconds:
            del self._failures[key]
            return 0, 0.0
        return count, last

    def _purge(self, now: float) -> None:
        for key in [
            k
            for k, (_, last) in self._failures.items()
            if now - last > self.window_seconds
        ]:
            del self._failures[key]
