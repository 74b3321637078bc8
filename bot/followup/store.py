"""Remembering episodes and recording check-ins; callers own the session."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.followup.models import FollowUpCheckIn, FollowUpEpisode


def remember_episode(
    session: Session,
    *,
    sender_id: str,
    triage_level: str,
    summary: str,
    answers: Mapping[str, Any],
    startback: Mapping[str, Any] | None,
    plan: str,
) -> FollowUpEpisode:
    """Keep an episode for ``sender_id`` (called only after the person agreed)."""
    episode = FollowUpEpisode(
        sender_id=sender_id,
        triage_level=triage_level,
        summary=summary,
        answers={k: v for k, v in answers.items() if v is not None},
        startback=dict(startback) if startback else None,
        plan=plan,
    )
    session.add(episode)
    session.flush()
    return episode


def latest_episode(session: Session, sender_id: str) -> FollowUpEpisode | None:
    """The most recent remembered episode of ``sender_id``, if any."""
    return session.scalars(
        select(FollowUpEpisode)
        .where(FollowUpEpisode.sender_id == sender_id)
        .order_by(FollowUpEpisode.id.desc())
    ).first()


def episode_by_id(session: Session, episode_id: int) -> FollowUpEpisode | None:
    """The episode with ``episode_id``, if it still exists (it may be deleted)."""
    return session.get(FollowUpEpisode, episode_id)


def last_verdict(session: Session, episode_id: int) -> str | None:
    """The verdict of the episode's latest check-in, if it has one."""
    episode = session.get(FollowUpEpisode, episode_id)
    if episode is None or not episode.check_ins:
        return None
    return max(episode.check_ins, key=lambda c: c.id).verdict


def add_check_in(
    session: Session,
    episode: FollowUpEpisode,
    *,
    change: str,
    pain_score: int,
    verdict: str,
    fired_rule_ids: list[str],
    at: datetime | None = None,
) -> FollowUpCheckIn:
    """Record how the back is now, against ``episode``."""
    check_in = FollowUpCheckIn(
        episode_id=episode.id,
        change=change,
        pain_score=pain_score,
        verdict=verdict,
        fired_rule_ids=list(fired_rule_ids),
    )
    if at is not None:
        check_in.created_at = at
    session.add(check_in)
    session.flush()
    session.refresh(episode)
    return check_in
