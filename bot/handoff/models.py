"""The clinician hand-off queue: one row per case passed to a clinician."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import JSON, Column, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped

from bot.db import Base


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


class HandoffCase(Base):
    """A conversation handed to a clinician, with the triage that caused it."""

    __tablename__ = "handoff_case"

    id: Mapped[int] = Column(Integer, primary_key=True)
    sender_id: Mapped[str] = Column(String(255), nullable=False, index=True)
    urgency: Mapped[str] = Column(String(20), nullable=False, index=True)
    reason: Mapped[str] = Column(String(40), nullable=False)
    fired_rule_ids: Mapped[list] = Column(JSON, nullable=False, default=list)
    ruleset_version: Mapped[str] = Column(String(40), nullable=False)
    summary: Mapped[dict] = Column(JSON, nullable=False, default=dict)
    status: Mapped[str] = Column(String(20), nullable=False, default="open", index=True)
    created_at: Mapped[datetime] = Column(
        DateTime(timezone=True), nullable=False, default=_utcnow, index=True
    )
    note: Mapped[str | None] = Column(Text, nullable=True)
