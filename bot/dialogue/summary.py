"""Plain-words summaries of what the person has told us."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

_LOCATION_WORDS = {
    "lower_back": "lower back",
    "upper_back": "upper back",
    "neck": "neck",
    "buttock_leg": "buttock or leg",
}
_ONSET_WORDS = {
    "gradual": "came on slowly",
    "sudden": "started suddenly",
    "lifting": "started with lifting or twisting",
    "minor_injury": "started after an injury",
    "major_trauma": "started after a serious accident",
}


def describe_duration(days: float | int) -> str:
    """Say a duration in days the way a person would ("about 3 weeks")."""
    days = int(days)
    if days < 1:
        return "since today"
    if days < 14:
        return f"{days} day{'s' if days != 1 else ''}"
    if days < 84:
        return f"about {round(days / 7)} weeks"
    if days < 730:
        return f"about {round(days / 30)} months"
    return f"about {round(days / 365)} years"


def describe_answers(answers: Mapping[str, Any]) -> str:
    """Location, duration and onset in a few words, skipping what is unknown."""
    parts = []
    if answers.get("pain_location") in _LOCATION_WORDS:
        parts.append(_LOCATION_WORDS[answers["pain_location"]])
    if answers.get("pain_duration_days") is not None:
        parts.append(describe_duration(answers["pain_duration_days"]))
    if answers.get("pain_onset") in _ONSET_WORDS:
        parts.append(_ONSET_WORDS[answers["pain_onset"]])
    return ", ".join(parts)


_RISK_WORDS = {"low": "low risk", "medium": "medium risk", "high": "high risk"}
_CHANGE_WORDS = {"better": "better", "same": "about the same", "worse": "worse"}


def describe_startback(startback: Mapping[str, Any] | None) -> str:
    """A STarT Back result in a few words, or "" when there is none."""
    if not startback or startback.get("risk") not in _RISK_WORDS:
        return ""
    return (
        f"STarT Back {_RISK_WORDS[startback['risk']]} (total "
        f"{startback.get('total')} of 9, psychosocial {startback.get('psychosocial')}"
        " of 5)"
    )


@dataclass(frozen=True)
class TrendPoint:
    """One visit: when, how the back was compared with before, and the pain score."""

    when: date
    change: str | None = None
    pain_score: int | None = None
    note: str = ""


def describe_trend(points: Sequence[TrendPoint]) -> str:
    """One line per visit, oldest first ("2 Dec: worse, pain 7/10")."""
    lines = []
    for point in points:
        parts = [_CHANGE_WORDS.get(point.change or "", "")]
        if point.pain_score is not None:
            parts.append(f"pain {point.pain_score}/10")
        if point.note:
            parts.append(point.note)
        when = f"{point.when.day} {point.when:%b %Y}"
        lines.append(f"• {when}: " + ", ".join(p for p in parts if p))
    return "\n".join(lines)


def clinician_notes(
    startback: Mapping[str, Any] | None, trend: str | None
) -> dict[str, str]:
    """The STarT Back result and the follow-up trend, for the hand-off summary."""
    notes = {}
    if describe_startback(startback):
        notes["STarT Back"] = describe_startback(startback)
    if trend:
        notes["follow-up trend"] = trend
    return notes
