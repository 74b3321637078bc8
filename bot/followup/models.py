"""A remembered episode (kept only with the person's consent) and its check-ins."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import JSON, Column, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, relationship

from bot.db import Base


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


class FollowUpEpisode(Base):
    """One episode of back pain a person asked BackChat to remember."""

    __tablename__ = "follow_up_episode"

    id: Mapped[int] = Column(Integer, primary_key=True)
    sender_id: Mapped[str] = Column(String(255), nullable=False, index=True)
    created_at: Mapped[datetime] = Column(
        DateTime(timezone=True), nullable=False, default=_utcnow
    )
    triage_level: Mapped[str] = Column(String(20), nullable=False)
    # Plain words of the triage answers ("lower back, about 2 weeks, ...").
    summary: Mapped[str] = Column(Text, nullable=False, default="")
    # The context answers the follow-up needs (where, how long, how it started).
    answers: Mapped[dict] = Column(JSON, nullable=False, default=dict)
    # {"total", "psychosocial", "risk", "version"} when the questionnaire was done.
    startback: Mapped[dict | None] = Column(JSON, nullable=True)
    plan: Mapped[str] = Column(String(60), nullable=False)
    check_ins: Mapped[list[FollowUpCheckIn]] = relationship(
        "FollowUpCheckIn",
        order_by="FollowUpCheckIn.id",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class FollowUpCheckIn(Base):
    """How the back was when the person came back."""

    __tablename__ = "follow_up_check_in"

    id: Mapped[int] = Column(Integer, primary_key=True)
    episode_id: Mapped[int] = Column(
        Integer,
        ForeignKey("follow_up_episode.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )
    created_at: Mapped[datetime] = Column(
        DateTime(timezone=True), nullable=False, default=_utcnow
    )
    change: Mapped[str] = Column(String(10), nullable=False)
    pain_score: Mapped[int] = Column(Integer, nullable=False)
    verdict: Mapped[str] = Column(String(20), nullable=False)
    fired_rule_ids: Mapped[list] = Column(JSON, nullable=False, default=list)
