"""What the library needs to know about a person, read from the tracker."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.library.avoid import AvoidContext
from bot.library.recommend import PlanRequest
from bot.triage import Assessment


def _days(answers: Mapping[str, Any]) -> int | None:
    days = answers.get("pain_duration_days")
    return None if days is None else int(days)


def plan_request(
    answers: Mapping[str, Any],
    assessment: Assessment,
    shown: frozenset[str] = frozenset(),
) -> PlanRequest:
    """The plan request for these answers; any red flag withholds the plan."""
    return PlanRequest(
        location=answers.get("pain_location"),
        duration_days=_days(answers),
        has_leg_symptoms=answers.get("has_leg_symptoms"),
        is_after_injury=answers.get("is_after_injury"),
        has_red_flag=bool(assessment.fired),
        exclude=shown,
    )


def avoid_context(answers: Mapping[str, Any]) -> AvoidContext | None:
    """The avoid-advice context, or None before the person has said anything."""
    context = AvoidContext(
        location=answers.get("pain_location"),
        duration_days=_days(answers),
        has_leg_symptoms=answers.get("has_leg_symptoms"),
        is_after_injury=answers.get("is_after_injury"),
    )
    return None if context == AvoidContext() else context
