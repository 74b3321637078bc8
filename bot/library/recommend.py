"""Pick a short, safe exercise plan for a person's situation.

Pure over exercise cards (``build_plan``), with thin session wrappers. Unknown
answers are treated cautiously and recorded in ``Plan.assumptions``: an unknown
duration counts as the acute phase, unknown leg symptoms or injury count as
present, so nothing unsafe for them is offered.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from sqlalchemy.orm import Session

from bot.library.cards import ExerciseCard, load_cards
from bot.library.text import best_match, compact
from bot.library.vocab import (
    CONTRA_ACUTE_PHASE,
    CONTRA_LEG_SYMPTOMS,
    CONTRA_RECENT_INJURY,
    BodyArea,
    Category,
    Phase,
    parse_body_area,
    phase_for_duration,
)

WITHHELD_RED_FLAG = "red_flag"
WITHHELD_NO_SAFE_EXERCISE = "no_safe_exercise"

ASSUMED_ACUTE = "duration_unknown_treated_as_acute"
ASSUMED_LEG_SYMPTOMS = "leg_symptoms_unknown_treated_as_present"
ASSUMED_INJURY = "injury_unknown_treated_as_present"

# Plan slots in order: (category, how many outside / inside the acute phase).
PLAN_SLOTS: tuple[tuple[Category, int, int], ...] = (
    (Category.WARM_UP, 1, 1),
    (Category.STRETCH, 2, 2),
    (Category.STRENGTHENING, 2, 1),
    (Category.LOW_IMPACT_CARDIO, 1, 1),
)
# Where to look when no exercise of a slot suits the area itself: a nearby
# area, then (for warm-up and cardio only) any area.
_NEARBY_AREA = {
    BodyArea.BUTTOCK_LEG: BodyArea.LOWER_BACK,
    BodyArea.NECK: BodyArea.UPPER_BACK,
}
_AREA_OPTIONAL = (Category.WARM_UP, Category.LOW_IMPACT_CARDIO)


@dataclass(frozen=True, kw_only=True)
class PlanRequest:
    """What the recommender knows about the person (None = not known)."""

    location: str | None = None
    duration_days: int | None = None
    has_leg_symptoms: bool | None = None
    is_after_injury: bool | None = None
    has_red_flag: bool
    max_difficulty: int = 3
    exclude: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class PlanItem:
    """One exercise in a plan and the slot it fills."""

    role: Category
    exercise: ExerciseCard


@dataclass(frozen=True)
class Plan:
    """A recommended plan, or an empty one with the reason it was withheld."""

    items: tuple[PlanItem, ...] = ()
    phase: Phase | None = None
    body_area: BodyArea | None = None
    excluded_contraindications: tuple[str, ...] = ()
    assumptions: tuple[str, ...] = ()
    withheld_reason: str | None = None

    @property
    def exercises(self) -> tuple[ExerciseCard, ...]:
        """The plan's exercises, in order."""
        return tuple(item.exercise for item in self.items)

    @property
    def names(self) -> tuple[str, ...]:
        """The plan's exercise names, in order."""
        return tuple(item.exercise.name for item in self.items)


@dataclass(frozen=True)
class _Filters:
    phase: Phase
    area: BodyArea | None
    excluded: tuple[str, ...]
    assumptions: tuple[str, ...]


def recommend_plan(session: Session, request: PlanRequest) -> Plan:
    """Recommend a plan from the library in the database (see ``build_plan``)."""
    if request.has_red_flag:
        return build_plan([], request)
    return build_plan(load_cards(session), request)


def build_plan(cards: list[ExerciseCard], request: PlanRequest) -> Plan:
    """Choose a warm-up, 1-2 stretches, 1-2 strengthening and 1 cardio exercise.

    The acute phase gets one strengthening exercise, other phases two. When too
    few exercises of a slot suit the body area, the slot is filled from a nearby
    area (buttock and leg -> lower back, neck -> upper back), and warm-up and
    cardio may come from any area.

    Args:
        cards: The library, in library order.
        request: The person's situation.

    Returns:
        The plan; empty with ``withheld_reason="red_flag"`` when a red flag is
        present, or ``"no_safe_exercise"`` when nothing passes the filters.
    """
    filters = _filters(request)
    empty = Plan(
        phase=filters.phase,
        body_area=filters.area,
        excluded_contraindications=filters.excluded,
        assumptions=filters.assumptions,
    )
    if request.has_red_flag:
        return replace(empty, withheld_reason=WITHHELD_RED_FLAG)
    pool = eligible(cards, request)
    items: list[PlanItem] = []
    for category, count, acute_count in PLAN_SLOTS:
        wanted = acute_count if filters.phase is Phase.ACUTE else count
        chosen = [c for c in pool if c.category == category.value]
        for area in _fallback_areas(filters.area, category):
            if len(chosen) >= wanted:
                break
            chosen += [
                c
                for c in eligible(cards, replace(request, location=area))
                if c.category == category.value and c not in chosen
            ]
        items += [PlanItem(category, card) for card in chosen[:wanted]]
    if not items:
        return replace(empty, withheld_reason=WITHHELD_NO_SAFE_EXERCISE)
    return replace(empty, items=tuple(items))


def eligible(cards: list[ExerciseCard], request: PlanRequest) -> list[ExerciseCard]:
    """Return the cards safe and suitable for ``request``, best first.

    Keeps cards that suit the phase and body area, are no harder than
    ``max_difficulty``, carry none of the excluded contraindications and are
    not named in ``exclude``. Cards whose main area is the requested one come
    first; otherwise library order decides.
    """
    if request.has_red_flag:
        return []
    filters = _filters(request)
    excluded_names = {compact(name) for name in request.exclude}
    kept = [
        card
        for card in cards
        if filters.phase.value in card.phases
        and card.difficulty <= request.max_difficulty
        and not set(card.contraindications) & set(filters.excluded)
        and not {compact(n) for n in (card.name, *card.aliases)} & excluded_names
        and (filters.area is None or filters.area.value in card.body_areas)
    ]
    return sorted(kept, key=lambda card: _rank(card, filters.area))


def easier_alternative(
    session: Session, request: PlanRequest, exercise_name: str
) -> ExerciseCard | None:
    """Return an easier exercise to try instead of ``exercise_name``.

    Uses the exercise's own ``easier_alternative`` when it is safe for the
    request, otherwise the closest easier exercise of the same category.

    Returns:
        The alternative, or None when the exercise is unknown or nothing
        easier is safe for the request.
    """
    return pick_easier(load_cards(session), request, exercise_name)


def pick_easier(
    cards: list[ExerciseCard], request: PlanRequest, exercise_name: str
) -> ExerciseCard | None:
    """Pure core of ``easier_alternative``."""
    target = _lookup(cards, exercise_name)
    if target is None:
        return None
    narrowed = replace(request, exclude=request.exclude | {target.name})
    if parse_body_area(request.location) is None:
        narrowed = replace(narrowed, location=target.body_areas[0])
    pool = [c for c in eligible(cards, narrowed) if c.difficulty < target.difficulty]
    if target.easier_alternative:
        named = _lookup(pool, target.easier_alternative)
        if named is not None:
            return named
    same = [c for c in pool if c.category == target.category]
    same.sort(key=lambda card: -card.difficulty)  # stable: keeps rank order
    return same[0] if same else None


def another_exercise(
    session: Session, request: PlanRequest, shown: set[str]
) -> ExerciseCard | None:
    """Return the best safe exercise not yet shown, or None when none is left."""
    return pick_another(load_cards(session), request, shown)


def pick_another(
    cards: list[ExerciseCard], request: PlanRequest, shown: set[str]
) -> ExerciseCard | None:
    """Pure core of ``another_exercise``."""
    narrowed = replace(request, exclude=request.exclude | frozenset(shown))
    pool = eligible(cards, narrowed)
    return pool[0] if pool else None


def _fallback_areas(area: BodyArea | None, category: Category) -> list[str | None]:
    if area is None:
        return []
    areas: list[str | None] = []
    if area in _NEARBY_AREA:
        areas.append(_NEARBY_AREA[area].value)
    if category in _AREA_OPTIONAL:
        areas.append(None)
    return areas


def _lookup(cards: list[ExerciseCard], name: str) -> ExerciseCard | None:
    keys = [(key, c.name) for c in cards for key in (c.name, *c.aliases)]
    found = best_match(name, keys)
    return next((c for c in cards if c.name == found), None)


def _rank(card: ExerciseCard, area: BodyArea | None) -> tuple[int, int, str]:
    primary = 0 if area is not None and card.body_areas[0] == area.value else 1
    return (primary, card.sort_order, card.name)


def _filters(request: PlanRequest) -> _Filters:
    assumptions = []
    phase = phase_for_duration(request.duration_days)
    if phase is None:
        phase = Phase.ACUTE
        assumptions.append(ASSUMED_ACUTE)
    excluded = []
    if request.has_leg_symptoms is not False:
        excluded.append(CONTRA_LEG_SYMPTOMS)
        if request.has_leg_symptoms is None:
            assumptions.append(ASSUMED_LEG_SYMPTOMS)
    if request.is_after_injury is not False:
        excluded.append(CONTRA_RECENT_INJURY)
        if request.is_after_injury is None:
            assumptions.append(ASSUMED_INJURY)
    if phase is Phase.ACUTE:
        excluded.append(CONTRA_ACUTE_PHASE)
    return _Filters(
        phase, parse_body_area(request.location), tuple(excluded), tuple(assumptions)
    )
