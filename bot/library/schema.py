"""Field-by-field schema of each content section, and the value checkers."""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import Enum
from typing import Any

from bot.library.specs import (
    ActivitySpec,
    AvoidSpec,
    ContraindicationSpec,
    ExerciseSpec,
    VerdictSpec,
)
from bot.library.vocab import BodyArea, Category, Condition, Phase, Verdict

SOURCE_PATTERN = re.compile(r"^seeds/[0-9]{3}_[0-9a-f]{16}\.txt$")

Checker = Callable[[Any], tuple[Any, str | None]]
"""Takes a raw YAML value; returns (clean value, None) or (None, problem)."""


def _text(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, str) and value.strip():
        return value.strip(), None
    return None, "must be non-empty text"


def _text_list(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return tuple(v.strip() for v in value), None
    return None, "must be a list of non-empty texts"


def _steps(value: Any) -> tuple[Any, str | None]:
    steps, error = _text_list(value)
    return (steps, error) if error or steps else (None, "must list at least one step")


def _source(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, str) and SOURCE_PATTERN.match(value.strip()):
        return value.strip(), None
    return None, "must cite a seed file such as seeds/002_ebafb05e50723dbb.txt"


def _difficulty(value: Any) -> tuple[Any, str | None]:
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 3:
        return value, None
    return None, "must be 1, 2 or 3"


def _one_of(enum: type[Enum]) -> Checker:
    allowed = [member.value for member in enum]

    def check(value: Any) -> tuple[Any, str | None]:
        if value in allowed:
            return value, None
        return None, f"unknown value {value!r} (allowed: {', '.join(allowed)})"

    return check


def _some_of(enum: type[Enum]) -> Checker:
    allowed = [member.value for member in enum]

    def check(value: Any) -> tuple[Any, str | None]:
        if not isinstance(value, list) or not value:
            return None, "must be a non-empty list"
        unknown = [v for v in value if v not in allowed]
        if unknown:
            listed = ", ".join(repr(v) for v in unknown)
            return None, f"unknown value {listed} (allowed: {', '.join(allowed)})"
        return tuple(dict.fromkeys(value)), None

    return check


def _verdicts(value: Any) -> tuple[Any, str | None]:
    conditions = [c.value for c in Condition]
    if not isinstance(value, dict) or Condition.GENERAL.value not in value:
        return None, "must map conditions to {verdict, why} and include 'general'"
    verdicts = []
    for condition, body in value.items():
        if condition not in conditions:
            return None, f"unknown condition {condition!r}"
        if not isinstance(body, dict) or set(body) != {"verdict", "why"}:
            return None, f"{condition}: needs exactly 'verdict' and 'why'"
        verdict, error = _one_of(Verdict)(body["verdict"])
        why, why_error = _text(body["why"])
        if error or why_error:
            return None, f"{condition}: {error or 'why ' + str(why_error)}"
        verdicts.append(VerdictSpec(condition, verdict, why))
    return tuple(verdicts), None


# section -> (spec class, key field, {field: (required, checker)})
SCHEMA: dict[str, tuple[type, str, dict[str, tuple[bool, Checker]]]] = {
    "contraindications": (
        ContraindicationSpec,
        "code",
        {
            "code": (True, _text),
            "title": (True, _text),
            "description": (True, _text),
            "source": (True, _source),
        },
    ),
    "exercises": (
        ExerciseSpec,
        "name",
        {
            "name": (True, _text),
            "aliases": (False, _text_list),
            "category": (True, _one_of(Category)),
            "body_areas": (True, _some_of(BodyArea)),
            "phases": (True, _some_of(Phase)),
            "difficulty": (True, _difficulty),
            "instructions": (True, _steps),
            "dose": (True, _text),
            "cautions": (False, _text_list),
            "contraindications": (False, _text_list),
            "easier_alternative": (False, _text),
            "source": (True, _source),
        },
    ),
    "avoid": (
        AvoidSpec,
        "code",
        {
            "code": (True, _text),
            "activity": (True, _text),
            "why": (True, _text),
            "instead": (False, _text),
            "applies_to": (True, _some_of(Condition)),
            "source": (True, _source),
        },
    ),
    "activities": (
        ActivitySpec,
        "name",
        {
            "name": (True, _text),
            "aliases": (False, _text_list),
            "verdicts": (True, _verdicts),
            "source": (True, _source),
        },
    ),
}
