"""How long the pain has lasted, from the durations one message tells.

A message may tell several ("on and off for years; this flare started four
days ago"). Triage asks about the current episode (NICE NG59), so the shortest
stands, unless the message says the pain is not improving: then the duration
told nearest that statement is how long the pain that is not improving has
lasted, which is what RF-DUR-01 weighs ("hers settled in a few days, mine's
been there 6 weeks and isn't getting any better").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

#: A "no" to it (the pain is not getting better) is half of RF-DUR-01.
IMPROVING = "is_improving"
_MAX_DAYS = 36500


def as_days(value: Any) -> int | None:
    """A duration entity's value as a whole number of days, or ``None``."""
    try:
        days = int(float(value))
    except (TypeError, ValueError, OverflowError):  # "1e400" is inf
        return None
    return days if 0 <= days <= _MAX_DAYS else None


def pain_duration_days(entities: Sequence[Mapping[str, Any]]) -> int | None:
    """The pain's duration in days from a message's entities, or ``None``.

    Only plain durations count: a denied or hedged one is no answer.
    """
    told = [
        (entity, days)
        for entity in entities
        if entity.get("entity") == "duration"
        and not entity.get("negated")
        and not entity.get("uncertain")
        and (days := as_days(entity.get("value"))) is not None
    ]
    if not told:
        return None
    statement = _not_improving(entities)
    placed = [(e, days) for e, days in told if _offsets(e) is not None]
    if statement is None or len(placed) < 2:
        return min(days for _, days in told)
    return min(placed, key=lambda pair: _distance(pair[0], statement))[1]


def _not_improving(
    entities: Sequence[Mapping[str, Any]],
) -> Mapping[str, Any] | None:
    return next(
        (
            e
            for e in entities
            if e.get("entity") == "red_flag"
            and e.get("value") == IMPROVING
            and e.get("negated")
            and not e.get("uncertain")
            and _offsets(e) is not None
        ),
        None,
    )


def _offsets(entity: Mapping[str, Any]) -> tuple[int, int] | None:
    """Where the entity stands in the text; button payloads carry no offsets."""
    start, end = entity.get("start"), entity.get("end")
    return (start, end) if isinstance(start, int) and isinstance(end, int) else None


def _distance(entity: Mapping[str, Any], statement: Mapping[str, Any]) -> int:
    start, end = _offsets(entity) or (0, 0)
    said_start, said_end = _offsets(statement) or (0, 0)
    if start >= said_end:
        return start - said_end
    return max(said_start - end, 0)
