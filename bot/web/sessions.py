"""Console sign-in sessions, kept in the database (table ``console_session``).

A restart of the web app no longer signs everyone out. The cookie holds a
random token; the table holds only its SHA-256, the session's CSRF token and
when it expires. A session lasts ``lifetime_seconds`` after its last use (the
expiry is written at most once a minute, not on every request); a disabled or
removed account's sessions end with it.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import delete, select
from sqlalchemy.orm import sessionmaker

from bot.handoff.accounts import Clinician
from bot.handoff.console_models import ClinicianAccount, ConsoleSessionRecord
from bot.web.security import new_token

Clock = Callable[[], float]


@dataclass
class ConsoleSession:
    """One signed-in clinician: who, the form token, and when it expires."""

    clinician: Clinician
    csrf_token: str
    expires_at: float


@dataclass
class SessionStore:
    """Sessions by their cookie token, in BackChat's database."""

    database: sessionmaker
    lifetime_seconds: float
    clock: Clock = time.time
    renew_after_seconds: float = 60.0

    def create(self, clinician: Clinician) -> str:
        """Start a session and return its cookie token."""
        token = new_token()
        now = self.clock()
        with self.database.begin() as db:
            db.execute(
                delete(ConsoleSessionRecord).where(
                    ConsoleSessionRecord.expires_at <= _moment(now)
                )
            )
            db.add(
                ConsoleSessionRecord(
                    token_sha256=_digest(token),
                    clinician_id=clinician.id,
                    csrf_token=new_token(),
                    expires_at=_moment(now + self.lifetime_seconds),
                )
            )
        return token

    def get(self, token: str | None) -> ConsoleSession | None:
        """The live session of ``token``, renewed; None if unknown or expired."""
        if not token or len(token) > 200:
            return None
        now = self.clock()
        with self.database.begin() as db:
            found = db.execute(
                select(ConsoleSessionRecord, ClinicianAccount)
                .join(
                    ClinicianAccount,
                    ClinicianAccount.id == ConsoleSessionRecord.clinician_id,
                )
                .where(ConsoleSessionRecord.token_sha256 == _digest(token))
            ).first()
            if found is None:
                return None
            record, account = found
            expires_at = _seconds(record.expires_at)
            if expires_at <= now or not account.is_active:
                db.delete(record)
                return None
            renewed = now + self.lifetime_seconds
            if renewed - expires_at >= self.renew_after_seconds:
                record.expires_at = _moment(renewed)
                expires_at = renewed
            return ConsoleSession(
                clinician=Clinician(account.id, account.name),
                csrf_token=record.csrf_token,
                expires_at=expires_at,
            )

    def drop(self, token: str | None) -> None:
        """End the session of ``token`` (sign-out)."""
        if not token:
            return
        with self.database.begin() as db:
            db.execute(
                delete(ConsoleSessionRecord).where(
                    ConsoleSessionRecord.token_sha256 == _digest(token)
                )
            )


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def _moment(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, timezone.utc)


def _seconds(moment: datetime) -> float:
    # SQLite gives back naive datetimes; they were written in UTC.
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()
