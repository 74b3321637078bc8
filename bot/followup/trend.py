"""The trend of a remembered episode: its first visit, then each check-in."""

from __future__ import annotations

from datetime import datetime, timezone

from bot.dialogue.summary import TrendPoint, describe_startback
from bot.followup.models import FollowUpEpisode

_DAY_SECONDS = 86400


def trend_points(episode: FollowUpEpisode) -> list[TrendPoint]:
    """The first visit (with its STarT result) and every check-in, oldest first."""
    first = TrendPoint(
        when=episode.created_at.date(),
        note="; ".join(
            filter(None, ["first visit", describe_startback(episode.startback)])
        ),
    )
    return [first] + [
        TrendPoint(when=c.created_at.date(), change=c.change, pain_score=c.pain_score)
        for c in episode.check_ins
    ]


def episode_days(episode: FollowUpEpisode, now: datetime | None = None) -> float:
    """How long the episode has lasted: the duration told at first, plus since."""
    now = now or datetime.now(timezone.utc)
    created = episode.created_at
    if created.tzinfo is None:  # SQLite gives naive UTC datetimes back
        created = created.replace(tzinfo=timezone.utc)
    told = float((episode.answers or {}).get("pain_duration_days") or 0)
    return told + max(0.0, (now - created).total_seconds() / _DAY_SECONDS)
