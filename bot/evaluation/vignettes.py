"""Vignettes and their scoring: appropriate, under-, over-triage, Gilbert "safe".

Pure: loading the file and counting; driving a vignette through BackChat is in
``bench.quality``; the evaluation's report is ``bot.evaluation.triage_report``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.settings import PROJECT_ROOT
from bot.triage.ruleset_file import default_ruleset

LEVELS = ("emergency", "urgent", "soon", "self_care")  # most urgent first
RANK = {"self_care": 0, "soon": 1, "urgent": 2, "emergency": 3}
NO_OUTCOME = "none"  # the conversation ended without any triage outcome
FIRST_QUESTIONS = ("pain_location", "pain_duration_days", "pain_onset")
DEFAULT_ANSWER = "no"

VIGNETTES = PROJECT_ROOT / "tests" / "data" / "vignettes.yml"


@dataclass(frozen=True)
class Vignette:
    """A person's story, how they answer questions, and the gold triage."""

    id: str
    level: str
    rule: str
    text: str
    answers: Mapping[str, str]
    truth: Mapping[str, Any] = field(default_factory=dict)

    def answer(self, question: str) -> str:
        """What this person says when asked ``question`` (a slot name).

        A grouped question ("does any of these apply?") is answered with the
        person's answer about any fact it covers, the way a person picks the
        line that fits them.
        """
        if question in self.answers:
            return self.answers[question]
        covered = default_ruleset().answers.get(question)
        for member in covered.covers if covered else ():
            if member in self.answers:
                return self.answers[member]
        return DEFAULT_ANSWER


def _spoken(value: Any) -> str:
    """An answer as the person types it: YAML reads a bare no/yes as a bool."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def load_vignettes(path: Path = VIGNETTES) -> list[Vignette]:
    """Read the vignette file."""
    data = yaml.safe_load(path.read_text())
    return [
        Vignette(
            id=item["id"],
            level=item["level"],
            rule=item["rule"],
            text=" ".join(item["text"].split()),
            answers={k: _spoken(v) for k, v in (item.get("answers") or {}).items()},
            truth=item.get("truth") or {},
        )
        for item in data["vignettes"]
    ]


@dataclass(frozen=True)
class Outcome:
    """What BackChat decided for one vignette."""

    id: str
    gold: str
    predicted: str  # a level, or NO_OUTCOME
    gold_rule: str
    fired: tuple[str, ...] = ()
    turns: int = 0
    restarted: bool = False
    note: str = ""


def is_under(gold: str, predicted: str) -> bool:
    """Less urgent than gold (or no outcome at all): the dangerous error."""
    return predicted == NO_OUTCOME or RANK[predicted] < RANK[gold]


def is_over(gold: str, predicted: str) -> bool:
    """More urgent than gold: costly and alarming."""
    return predicted != NO_OUTCOME and RANK[predicted] > RANK[gold]


def is_safe(gold: str, predicted: str) -> bool:
    """Gilbert 2020: same, more cautious, or at most one level less cautious."""
    return predicted != NO_OUTCOME and RANK[predicted] >= RANK[gold] - 1


def rule_agrees(outcome: Outcome) -> bool:
    """The gold deciding rule fired (or, for self-care, none fired)."""
    if outcome.gold_rule == "none":
        return not outcome.fired
    return outcome.gold_rule in outcome.fired


def _rate(count: int, total: int) -> float | None:
    return round(count / total, 3) if total else None


def _counts(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    n = len(outcomes)
    appropriate = sum(o.predicted == o.gold for o in outcomes)
    under = sum(is_under(o.gold, o.predicted) for o in outcomes)
    over = sum(is_over(o.gold, o.predicted) for o in outcomes)
    safe = sum(is_safe(o.gold, o.predicted) for o in outcomes)
    return {
        "n": n,
        "appropriate": _rate(appropriate, n),
        "under_triage": _rate(under, n),
        "over_triage": _rate(over, n),
        "safe": _rate(safe, n),
        "rule_agreement": _rate(sum(rule_agrees(o) for o in outcomes), n),
    }


def confusion(outcomes: Iterable[Outcome]) -> dict[str, dict[str, int]]:
    """Gold level -> predicted level (or ``none``) -> count."""
    columns = (*LEVELS, NO_OUTCOME)
    table = {gold: dict.fromkeys(columns, 0) for gold in LEVELS}
    for outcome in outcomes:
        table[outcome.gold][outcome.predicted] += 1
    return table


def score(outcomes: Sequence[Outcome]) -> dict[str, Any]:
    """Overall and per-level rates, and the confusion matrix."""
    return {
        "overall": _counts(outcomes),
        "per_level": {
            level: _counts([o for o in outcomes if o.gold == level]) for level in LEVELS
        },
        "confusion": confusion(outcomes),
        "misses": [
            {
                "id": o.id,
                "gold": o.gold,
                "predicted": o.predicted,
                "gold_rule": o.gold_rule,
                "fired": list(o.fired),
                "note": o.note,
            }
            for o in outcomes
            if o.predicted != o.gold
        ],
    }
