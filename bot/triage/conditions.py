"""Three-valued evaluation of ruleset conditions: True, False or unknown (None)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Answers = Mapping[str, Any]  # bot.triage.answers.TriageAnswers, or any slots


def evaluate(condition: Mapping[str, Any], answers: Answers) -> bool | None:
    """Evaluate ``condition`` against ``answers``.

    An answer that is missing (or ``None``) makes its comparison unknown, so a
    question nobody answered never counts as "no".
    """
    if "answer" in condition:
        value = answers.get(condition["answer"])
        if value is None:
            return None
        if "equals" in condition:
            return bool(value == condition["equals"])
        if "in" in condition:
            return value in condition["in"]
        low, high = condition["between"]
        return isinstance(value, (int, float)) and low <= value <= high
    if "not" in condition:
        inner = evaluate(condition["not"], answers)
        return None if inner is None else not inner
    if "all" in condition:
        results = [evaluate(child, answers) for child in condition["all"]]
        if False in results:
            return False
        return None if None in results else True
    results = [evaluate(child, answers) for child in condition["any"]]
    if True in results:
        return True
    return None if None in results else False
