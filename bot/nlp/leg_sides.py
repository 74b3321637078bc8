"""Weakness in one leg that the message says is in both (CLIN cauda equina:
leg weakness getting worse, in both legs; sciatica in both legs).

The lexicon reads "both legs are getting weaker" as one finding. These two
rules read it when the sides are told apart from the weakness:

- each side named with a weakness of its own ("left leg got weaker Tuesday,
  right leg got weaker Thursday");
- a weakness named with no side, and "both legs" said close by, before or
  after it ("they're getting weaker each day ... Both legs.").
"""

from __future__ import annotations

from dataclasses import replace

from bot.nlp.entities import ClinicalEntity
from bot.nlp.labels import LATERALITY, RED_FLAG

ONE_LEG_WEAK = "has_leg_weakness"
BOTH_LEGS_WEAK = "has_bilateral_leg_weakness"
#: How far before a weakness its side may start ("left leg got weaker").
SIDE_BEFORE = 12
#: How far from a weakness with no side "both legs" may be, either way: the
#: sentence before or after it, not the other end of a long story.
BOTH_NEAR = 100
#: "both" said of the legs, not of the buttocks, sides of the back or hips.
_LEG_WORDS = ("leg", "feet", "foot", "thigh", "calf", "calves", "knee", "bilateral")


def weakness_in_both_legs(entities: list[ClinicalEntity]) -> list[ClinicalEntity]:
    """The entities, with weakness in both legs added after the weakness it
    is read from when the sides say so. The finding is hedged if a weakness
    it is read from is.

    Args:
        entities: The message's entities, in text order.
    """
    if any(
        e.entity == RED_FLAG and e.value == BOTH_LEGS_WEAK and not e.negated
        for e in entities
    ):
        return entities
    weak = [
        e
        for e in entities
        if e.entity == RED_FLAG and e.value == ONE_LEG_WEAK and not e.negated
    ]
    sides = [e for e in entities if e.entity == LATERALITY and not e.negated]
    one_side = [e for e in sides if e.value in ("left", "right")]
    both = [
        e
        for e in sides
        if e.value == "both" and any(w in e.text.lower() for w in _LEG_WORDS)
    ]
    denied = [
        e
        for e in entities
        if e.entity == RED_FLAG
        and e.value in (ONE_LEG_WEAK, BOTH_LEGS_WEAK)
        and e.negated
    ]
    read_from = _each_side_weak(weak, one_side) or _sideless_weak_said_both(
        weak, one_side, both, denied
    )
    if not read_from:
        return entities
    last = read_from[-1]
    found = replace(
        last,
        value=BOTH_LEGS_WEAK,
        uncertain=any(e.uncertain for e in read_from),
    )
    at = entities.index(last) + 1
    return [*entities[:at], found, *entities[at:]]


def _named_side(
    weakness: ClinicalEntity, one_side: list[ClinicalEntity]
) -> ClinicalEntity | None:
    """The side named last before (or in) the weakness: its side."""
    named = [
        side
        for side in one_side
        if weakness.start - SIDE_BEFORE <= side.start <= weakness.end
    ]
    return max(named, key=lambda e: e.start) if named else None


def _each_side_weak(
    weak: list[ClinicalEntity], one_side: list[ClinicalEntity]
) -> list[ClinicalEntity]:
    """A left and a right weakness, each named with its side, in text order.

    "pain down my left leg, right leg weak" is one weak leg.
    """
    by_side: dict[str | int, ClinicalEntity] = {}
    for weakness in weak:
        side = _named_side(weakness, one_side)
        if side is not None:
            by_side.setdefault(side.value, weakness)
    if len(by_side) < 2:
        return []
    return sorted(by_side.values(), key=lambda e: e.start)


def _sideless_weak_said_both(
    weak: list[ClinicalEntity],
    one_side: list[ClinicalEntity],
    both: list[ClinicalEntity],
    denied: list[ClinicalEntity],
) -> list[ClinicalEntity]:
    """A weakness with no side of its own, with "both legs" near it.

    "my left foot is weak, pain down both legs" names the weak side; "walking
    feels weird, not because my legs are weak. Both legs strong" denies weak
    legs after the weakness read, so "both" is said of strong legs.
    """
    for weakness in weak:
        if _named_side(weakness, one_side) is not None:
            continue
        if any(d.start > weakness.start for d in denied):
            continue
        if any(
            weakness.start - BOTH_NEAR <= e.start <= weakness.end + BOTH_NEAR
            for e in both
        ):
            return [weakness]
    return []
