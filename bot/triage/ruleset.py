"""What a red-flag ruleset is: urgencies, rules, questions and answers.

The types the triage logic reads; ``bot.triage.ruleset_file`` reads and
validates the versioned data file (``data/clinical/red_flags.yml``) into them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Urgency(str, Enum):
    """How soon a person needs care, most urgent first."""

    EMERGENCY = "emergency"
    URGENT = "urgent"
    SOON = "soon"
    SELF_CARE = "self_care"

    @property
    def rank(self) -> int:
        """Higher is more urgent."""
        return len(Urgency) - list(Urgency).index(self)


@dataclass(frozen=True)
class Rule:
    """One red flag: when it fires, how urgent it is and where it comes from."""

    id: str
    title: str
    urgency: Urgency
    when: Mapping[str, Any]
    reason: str
    source: tuple[str, ...]


@dataclass(frozen=True)
class AnswerSpec:
    """One answer the assessment can use: its kind and what it groups.

    Attributes:
        name: The answer (and slot) name.
        kind: ``yes_no``, ``number`` or ``category``.
        plain: How the answer reads in plain words.
        values: The categories of a ``category`` answer.
        range: Inclusive bounds of a ``number`` answer.
        context: Asked first, in free text (where, how long, how it started).
        covers: Answers a grouped question stands for: a yes to one of them is
            a yes here; a no here is a no to each.
    """

    name: str
    kind: str
    plain: str
    values: tuple[str, ...] = ()
    range: tuple[float, float] | None = None
    context: bool = False
    covers: tuple[str, ...] = ()


@dataclass(frozen=True)
class CrisisRule:
    """The crisis answer: not an urgency, answered before everything else."""

    id: str
    title: str
    answer: str
    source: tuple[str, ...]


@dataclass(frozen=True)
class Question:
    """A screening question whose answer the assessment needs."""

    answer: str
    ask_if: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class Ruleset:
    """The whole ruleset: version, levels, questions (in order) and rules."""

    version: str
    responses: Mapping[Urgency, str]
    questions: tuple[Question, ...]
    rules: tuple[Rule, ...]
    answers: Mapping[str, AnswerSpec] = field(default_factory=dict)
    crisis: CrisisRule | None = None

    def answers_at(self, urgency: Urgency) -> frozenset[str]:
        """Answer names read by any rule of ``urgency`` (alone or combined)."""
        return frozenset(
            name
            for rule in self.rules
            if rule.urgency is urgency
            for name in condition_answers(rule.when)
        )

    def sufficient_alone(self, urgency: Urgency) -> frozenset[str]:
        """Yes/no answers whose "yes" alone fires a rule of ``urgency``.

        These are what a single message can report: the emergency set of the
        NLU component and of ``EmergencyPolicy`` is ``sufficient_alone(EMERGENCY)``.
        """
        return frozenset(
            rule.when["answer"]
            for rule in self.rules
            if rule.urgency is urgency
            and rule.when.get("equals") is True
            and "answer" in rule.when
        )

    @property
    def yes_no_answers(self) -> frozenset[str]:
        """Every yes/no answer: the red-flag values the language pipeline may name."""
        return frozenset(n for n, a in self.answers.items() if a.kind == "yes_no")

    @property
    def context_answers(self) -> tuple[str, ...]:
        """Where, how long and how it started, in asking order."""
        return tuple(n for n, a in self.answers.items() if a.context)

    @property
    def question_answers(self) -> tuple[str, ...]:
        """Every answer the form may ask for: context first, then the screen."""
        return self.context_answers + tuple(q.answer for q in self.questions)

    def implied_yes(self) -> dict[str, tuple[str, ...]]:
        """A "yes" to an answer is a yes to every grouped question covering it,
        and to the groups covering those in turn."""
        parents: dict[str, list[str]] = {}
        for name, spec in self.answers.items():
            for member in spec.covers:
                parents.setdefault(member, []).append(name)

        def covering(name: str) -> list[str]:
            found = []
            for parent in parents.get(name, []):
                found += [parent, *covering(parent)]
            return found

        return {member: tuple(dict.fromkeys(covering(member))) for member in parents}

    def values_asked_about(self, answer: str) -> frozenset[Any]:
        """The values of ``answer`` that some rule compares it with ("upper_back"
        for ``pain_location``): the ones that can change an urgency."""
        return frozenset(
            value
            for rule in self.rules
            for name, value in condition_values(rule.when)
            if name == answer
        )

    def implied_no(self) -> dict[str, tuple[str, ...]]:
        """A "no" to a grouped question is a no to every answer it covers."""
        return {n: a.covers for n, a in self.answers.items() if a.covers}


def condition_answers(condition: Mapping[str, Any]) -> list[str]:
    """Every answer name a condition reads."""
    if "answer" in condition:
        return [condition["answer"]]
    if "not" in condition:
        return condition_answers(condition["not"])
    key = "all" if "all" in condition else "any"
    return [name for child in condition[key] for name in condition_answers(child)]


def condition_values(condition: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """Every (answer, value) pair a condition compares with ``equals``."""
    if "answer" in condition:
        if "equals" in condition:
            return [(condition["answer"], condition["equals"])]
        return []
    if "not" in condition:
        return condition_values(condition["not"])
    key = "all" if "all" in condition else "any"
    return [pair for child in condition[key] for pair in condition_values(child)]
