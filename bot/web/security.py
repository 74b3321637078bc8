"""Console sign-in sessions, CSRF tokens and sign-in throttling (pure, in memory).

Sessions live in the web app's memory: a restart signs everyone out, which is
acceptable for a console and keeps no session secret on disk.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.handoff.accounts import Clinician

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
class ConsoleSession:
    """One signed-in clinician: who, the form token, and when it expires."""

    clinician: Clinician
    csrf_token: str
    expires_at: float


@dataclass
class SessionStore:
    """Sessions by their cookie token; a session's life is renewed on each use."""

    lifetime_seconds: float
    clock: Clock = time.monotonic
    _sessions: dict[str, ConsoleSession] = field(default_factory=dict)

    def create(self, clinician: Clinician) -> str:
        """Start a session and return its cookie token."""
        self._purge()
        token = new_token()
        self._sessions[token] = ConsoleSession(
            clinician=clinician,
            csrf_token=new_token(),
            expires_at=self.clock() + self.lifetime_seconds,
        )
        return token

    def get(self, token: str | None) -> ConsoleSession | None:
        """The live session of ``token``, renewed; None if unknown or expired."""
        if not token:
            return None
        session = self._sessions.get(token)
        if session is None:
            return None
        now = self.clock()
        if session.expires_at <= now:
            del self._sessions[token]
            return None
        session.expires_at = now + self.lifetime_seconds
        return session

    def drop(self, token: str | None) -> None:
        """End the session of ``token`` (sign-out)."""
        if token:
            self._sessions.pop(token, None)

    def _purge(self) -> None:
        now = self.clock()
        for token in [t for t, s in self._sessions.items() if s.expires_at <= now]:
            del self._sessions[token]


@dataclass
class LoginThrottle:
    """Refuses sign-in for a name after too many failures in a window."""

    max_failures: int = 5
    window_seconds: float = 15 * 60
    clock: Clock = time.monotonic
    _failures: dict[str, list[float]] = field(default_factory=dict)

    def allowed(self, name: str) -> bool:
        """Whether a sign-in attempt for ``name`` may be checked now."""
        return len(self._recent(name)) < self.max_failures

    def failed(self, name: str) -> None:
        """Record a failed attempt."""
        self._failures[name] = [*self._recent(name), self.clock()]

    def succeeded(self, name: str) -> None:
        """Forget the failures of ``name``."""
        self._failures.pop(name, None)

    def _recent(self, name: str) -> list[float]:
        cutoff = self.clock() - self.window_seconds
        return [t for t in self._failures.get(name, []) if t > cutoff]
