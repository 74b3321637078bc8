"""What to avoid, and whether an activity is OK, for a person's situation.

Before triage (context None) only general advice is given. After triage the
items for the person's situation come first, then the general ones. An unknown
answer (None) counts as present, so the cautious advice is shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.library.models import AvoidItem as AvoidItemRow
from bot.library.search import find_activity
from bot.library.vocab import (
    VERDICT_SEVERITY,
    BodyArea,
    Condition,
    Phase,
    Verdict,
    parse_body_area,
    phase_for_duration,
)

_AREA_CONDITION = {
    BodyArea.LOWER_BACK: Condition.LOWER_BACK,
    BodyArea.BUTTOCK_LEG: Condition.LOWER_BACK,
    BodyArea.UPPER_BACK: Condition.UPPER_BACK,
    BodyArea.NECK: Condition.NECK,
}


@dataclass(frozen=True)
class AvoidContext:
    """What triage found out (None = not known, treated as present)."""

    location: str | None = None
    duration_days: int | None = None
    has_leg_symptoms: bool | None = None
    is_after_injury: bool | None = None


@dataclass(frozen=True)
class AvoidItem:
    """One piece of advice on what to avoid, with the reason and a source."""

    code: str
    activity: str
    why: str
    instead: str | None
    applies_to: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class ActivityVerdict:
    """The answer to "is <activity> OK for me?"."""

    activity: str
    verdict: Verdict
    why: str
    condition: Condition
    source: str


def conditions_for(context: AvoidContext | None) -> tuple[Condition, ...]:
    """Return the conditions that apply, ``general`` first.

    Args:
        context: What triage found, or None before triage.

    Returns:
        ``(general,)`` before triage; otherwise general plus every condition
        that is present or unknown.
    """
    if context is None:
        return (Condition.GENERAL,)
    found = [Condition.GENERAL]
    if context.is_after_injury is not False:
        found.append(Condition.AFTER_INJURY)
    if context.has_leg_symptoms is not False:
        found.append(Condition.LEG_SYMPTOMS)
    phase = phase_for_duration(context.duration_days)
    if phase in (None, Phase.ACUTE):
        found.append(Condition.ACUTE)
    area = parse_body_area(context.location)
    if area is not None:
        found.append(_AREA_CONDITION[area])
    return tuple(found)


def avoid_advice(session: Session, context: AvoidContext | None) -> list[AvoidItem]:
    """Return the avoid-advice for ``context``, most specific first.

    Args:
        session: Open session.
        context: What triage found, or None before triage (general advice only).

    Returns:
        Items for the person's conditions, then the general items, each in
        library order and without repeats.
    """
    conditions = {c.value for c in conditions_for(context)}
    rows = session.scalars(select(AvoidItemRow).order_by(AvoidItemRow.sort_order))
    specific: list[AvoidItem] = []
    general: list[AvoidItem] = []
    for row in rows:
        applies = set(row.applies_to)
        if not applies & conditions:
            continue
        item = AvoidItem(
            row.code,
            row.activity,
            row.why,
            row.instead,
            tuple(row.applies_to),
            row.source,
        )
        (specific if applies & (conditions - {"general"}) else general).append(item)
    return specific + general


def activity_verdict(
    session: Session, activity_text: str, context: AvoidContext | None
) -> ActivityVerdict | None:
    """Answer "is <activity> OK for me?" with the most cautious verdict that applies.

    Args:
        session: Open session.
        activity_text: The question or activity name ("is swimming ok?").
        context: What triage found, or None before triage.

    Returns:
        The verdict with its reason and the condition that decided it, or
        None when the activity is not in the library.
    """
    activity = find_activity(session, activity_text)
    if activity is None:
        return None
    by_condition = {row.condition: row for row in activity.verdicts}
    best: ActivityVerdict | None = None
    for condition in conditions_for(context):
        row = by_condition.get(condition.value)
        if row is None:
            continue
        candidate = ActivityVerdict(
            activity.name, Verdict(row.verdict), row.why, condition, activity.source
        )
        severity = VERDICT_SEVERITY[candidate.verdict]
        if best is None or severity > VERDICT_SEVERITY[best.verdict]:
            best = candidate
    return best
