"""Follow-up logic without Rasa: verdicts, replies, the trend."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from bot.dialogue.summary import (
    TrendPoint,
    clinician_notes,
    describe_startback,
    describe_trend,
)
from bot.followup.answers import read_change, read_pain_score
from bot.followup.models import FollowUpCheckIn, FollowUpEpisode
from bot.followup.trend import episode_days, trend_points
from bot.followup.verdict import Verdict, follow_up_verdict
from bot.startback.content import default_startback

RULES = default_startback().follow_up


@pytest.mark.parametrize(
    ("change", "days", "verdict"),
    [
        ("worse", 3, Verdict.WORSE),  # worse: a doctor, however early
        ("worse", 60, Verdict.WORSE),
        ("same", 27.9, Verdict.SAME),
        ("same", 28, Verdict.NOT_BETTER),  # not better at 4 weeks: a doctor
        ("better", 90, Verdict.BETTER),
    ],
)
def test_verdicts(change: str, days: float, verdict: Verdict) -> None:
    assert follow_up_verdict(change, days, RULES) is verdict
    assert verdict.needs_doctor is (verdict in (Verdict.WORSE, Verdict.NOT_BETTER))


def test_an_unknown_change_is_refused() -> None:
    with pytest.raises(ValueError, match="not a change"):
        follow_up_verdict("meh", 3, RULES)


@pytest.mark.parametrize(
    ("text", "change"),
    [
        ("a bit better", "better"),
        ("Better thanks", "better"),
        ("about the same", "same"),
        ("no better", "same"),
        ("much worse", "worse"),
        ("worse", "worse"),
        ("purple", None),
    ],
)
def test_change_in_own_words(text: str, change: str | None) -> None:
    assert read_change(text, [], RULES.changes) == change


def test_change_from_a_button() -> None:
    button = [{"entity": "choice", "value": "worse"}]
    assert read_change("/inform", button, RULES.changes) == "worse"
    assert (
        read_change("/inform", [{"entity": "choice", "value": "x"}], RULES.changes)
        is None
    )


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("7", 7),
        ("7/10", 7),
        ("about a 6 out of 10", 6),
        ("ten", 10),
        ("zero", 0),
        ("12", None),  # not on the scale: asked again
        ("-3", None),
        ("bad", None),
        ("", None),
    ],
)
def test_pain_scores(text: str, score: int | None) -> None:
    assert read_pain_score(text) == score


def test_pain_score_from_a_button() -> None:
    assert read_pain_score("/inform", [{"entity": "choice", "value": "8"}]) == 8
    assert read_pain_score("/affirm") is None


def episode(days_ago: int, told_days: int = 14) -> FollowUpEpisode:
    created = datetime.now(timezone.utc) - timedelta(days=days_ago)
    return FollowUpEpisode(
        created_at=created,
        answers={"pain_duration_days": told_days},
        startback={"total": 5, "psychosocial": 4, "risk": "high"},
        check_ins=[
            FollowUpCheckIn(
                created_at=created + timedelta(days=7), change="same", pain_score=6
            ),
            FollowUpCheckIn(
                created_at=created + timedelta(days=14), change="worse", pain_score=8
            ),
        ],
    )


def test_episode_days_adds_the_time_since_to_the_duration_told() -> None:
    assert 34.9 < episode_days(episode(days_ago=21)) < 35.1
    naive = episode(days_ago=21)
    naive.created_at = naive.created_at.replace(tzinfo=None)  # as SQLite returns it
    assert 34.9 < episode_days(naive) < 35.1


def test_the_trend_lists_every_visit_oldest_first() -> None:
    points = trend_points(episode(days_ago=14))
    text = describe_trend(points)
    lines = text.splitlines()
    assert len(lines) == 3
    assert lines[0].endswith(
        "first visit; STarT Back high risk (total 5 of 9, psychosocial 4 of 5)"
    )
    assert lines[1].endswith(": about the same, pain 6/10")
    assert lines[2].endswith(": worse, pain 8/10")


def test_trend_dates_read_as_day_month_year() -> None:
    point = TrendPoint(when=date(2026, 11, 3), change="better", pain_score=2)
    assert describe_trend([point]) == "• 3 Nov 2026: better, pain 2/10"


def test_clinician_notes_only_say_what_exists() -> None:
    result = {"total": 2, "psychosocial": 1, "risk": "low"}
    assert clinician_notes(None, None) == {}
    assert clinician_notes(result, "• 3 Nov 2026: better") == {
        "STarT Back": describe_startback(result),
        "follow-up trend": "• 3 Nov 2026: better",
    }
    assert describe_startback({"risk": "odd"}) == ""
