"""Closed vocabularies of the exercise library and the rules that read them.

Every value a content file may use for a category, body area, phase, condition
or verdict is listed here once, so that content validation, recommendation and
avoid-advice agree on the same names.
"""

from __future__ import annotations

from enum import Enum

from bot.library.text import normalize


class Category(str, Enum):
    """What an exercise does in a plan."""

    WARM_UP = "warm_up"
    STRETCH = "stretch"
    STRENGTHENING = "strengthening"
    LOW_IMPACT_CARDIO = "low_impact_cardio"
    POSTURE = "posture"


class BodyArea(str, Enum):
    """Where the pain is, in the words the library uses."""

    LOWER_BACK = "lower_back"
    UPPER_BACK = "upper_back"
    NECK = "neck"
    BUTTOCK_LEG = "buttock_leg"


class Phase(str, Enum):
    """Phase of an episode (seed 004): acute < 6 weeks, sub-acute to 3 months."""

    ACUTE = "acute"
    SUB_ACUTE = "sub_acute"
    CHRONIC = "chronic"
    MAINTAIN = "maintain"


class Condition(str, Enum):
    """What an avoid-advice item or an activity verdict applies to."""

    GENERAL = "general"
    AFTER_INJURY = "after_injury"
    LEG_SYMPTOMS = "leg_symptoms"
    ACUTE = "acute"
    LOWER_BACK = "lower_back"
    UPPER_BACK = "upper_back"
    NECK = "neck"


class Verdict(str, Enum):
    """Answer to "is this activity OK for me?", least cautious first."""

    OK = "ok"
    CAUTION = "caution"
    AVOID = "avoid"


VERDICT_SEVERITY: dict[Verdict, int] = {
    Verdict.OK: 0,
    Verdict.CAUTION: 1,
    Verdict.AVOID: 2,
}

# Contraindication codes that the recommender reads from a PlanRequest.
CONTRA_LEG_SYMPTOMS = "leg_symptoms"
CONTRA_RECENT_INJURY = "recent_injury"
CONTRA_ACUTE_PHASE = "acute_phase"

# Episode length boundaries in days (seed 004; NICE NG59 usage).
ACUTE_MAX_DAYS = 42
SUB_ACUTE_MAX_DAYS = 84

SAFETY_LINE = "Stop if pain spreads down your leg or gets worse."

_LOCATION_WORDS: tuple[tuple[BodyArea, tuple[str, ...]], ...] = (
    (BodyArea.NECK, ("neck", "cervical")),
    (
        BodyArea.UPPER_BACK,
        ("upper back", "upper", "thoracic", "mid back", "middle back", "shoulder"),
    ),
    (
        BodyArea.BUTTOCK_LEG,
        ("buttock", "bum", "butt", "glute", "leg", "sciatic", "sciatica", "hip"),
    ),
    (BodyArea.LOWER_BACK, ("lower back", "low back", "lower", "lumbar", "back")),
)


def phase_for_duration(duration_days: int | None) -> Phase | None:
    """Return the phase of an episode from its length in days.

    Args:
        duration_days: Days since the pain started, or None when unknown.

    Returns:
        ``acute`` below 42 days, ``sub_acute`` from 42 to 84 days, ``chronic``
        above 84 days, and None when the duration is unknown.
    """
    if duration_days is None:
        return None
    if duration_days < ACUTE_MAX_DAYS:
        return Phase.ACUTE
    if duration_days <= SUB_ACUTE_MAX_DAYS:
        return Phase.SUB_ACUTE
    return Phase.CHRONIC


def parse_body_area(location: str | None) -> BodyArea | None:
    """Map a location slot value or free text to a body area.

    Args:
        location: ``lower_back``-style code or words such as "upper back".

    Returns:
        The body area, or None when the text names none.
    """
    if not location:
        return None
    text = normalize(location)
    for area in BodyArea:
        if text == normalize(area.value):
            return area
    padded = f" {text} "
    for area, words in _LOCATION_WORDS:
        if any(f" {word} " in padded for word in words):
            return area
    return None
