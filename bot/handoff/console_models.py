"""The clinician console's tables: clinician accounts and who holds which case."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped

from bot.db import Base


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


class ClinicianAccount(Base):
    """A clinician who may sign in to the console; the password is stored hashed."""

    __tablename__ = "clinician_account"
    __table_args__ = (UniqueConstraint("name", name="uq_clinician_account_name"),)

    id: Mapped[int] = Column(Integer, primary_key=True)
    name: Mapped[str] = Column(String(40), nullable=False)
    password_hash: Mapped[str] = Column(String(255), nullable=False)
    is_active: Mapped[bool] = Column(Boolean, nullable=False, default=True)
    created_at: Mapped[datetime] = Column(
        DateTime(timezone=True), nullable=False, default=_utcnow
    )


class CaseClaim(Base):
    """A clinician holding a hand-off case; one claim per case.

    While ``resolved_at`` is empty the clinician holds the case and the bot stays
    quiet in that conversation; resolving sets it and gives the chat back.
    """

    __tablename__ = "handoff_claim"

    case_id: Mapped[int] = Column(
        Integer, ForeignKey("handoff_case.id", ondelete="CASCADE"), primary_key=True
    )
    clinician_id: Mapped[int] = Column(
        Integer, ForeignKey("clinician_account.id"), nullable=False, index=True
    )
    claimed_at: Mapped[datetime] = Column(
        DateTime(timezone=True), nullable=False, default=_utcnow
    )
    resolved_at: Mapped[datetime | None] = Column(
        DateTime(timezone=True), nullable=True
    )


class ConsoleSessionRecord(Base):
    """A clinician's console sign-in, kept in the database so it survives a restart.

    Only a SHA-256 of the cookie token is stored: someone who reads the table
    cannot sign in with it. Ending the account ends its sessions.
    """

    __tablename__ = "console_session"

    token_sha256: Mapped[str] = Column(String(64), primary_key=True)
    clinician_id: Mapped[int] = Column(
        Integer,
        ForeignKey("clinician_account.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )
    csrf_token: Mapped[str] = Column(String(64), nullable=False)
    expires_at: Mapped[datetime] = Column(
        DateTime(timezone=True), nullable=False, index=True
    )
