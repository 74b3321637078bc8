"""Answers in, assessment out: the one place a triage decision is made."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from bot.triage.answers import TriageAnswers
from bot.triage.conditions import evaluate
from bot.triage.ruleset import Rule, Ruleset, Urgency
from bot.triage.ruleset_file import default_ruleset


@dataclass(frozen=True)
class Assessment:
    """The outcome of triage, with everything needed to audit it.

    Attributes:
        level: The urgency, or ``None`` while unanswered questions could still
            change it and nothing has fired yet.
        fired: The rules that fired, most urgent first.
        missing: Screening questions still unanswered, in asking order.
        unknown: Screening questions the person could not answer ("not known").
        ruleset_version: Version of the ruleset that decided.
        response: Name of the domain response that tells the person the outcome.
    """

    level: Urgency | None
    fired: tuple[Rule, ...]
    missing: tuple[str, ...]
    ruleset_version: str
    response: str | None
    unknown: tuple[str, ...] = ()

    @property
    def fired_rule_ids(self) -> list[str]:
        """Ids of the fired rules, most urgent first."""
        return [rule.id for rule in self.fired]

    @property
    def reasons(self) -> list[str]:
        """Person-facing reasons of the fired rules at the decided level."""
        return [rule.reason for rule in self.fired if rule.urgency is self.level]

    @property
    def is_final(self) -> bool:
        """True when no unanswered question could raise the level."""
        return self.level is Urgency.EMERGENCY or not self.missing

    @property
    def needs_doctor(self) -> bool:
        """True when the outcome sends the person to a doctor or emergency care."""
        return self.level not in (None, Urgency.SELF_CARE)


def missing_answers(
    answers: TriageAnswers, ruleset: Ruleset, not_known: Collection[str] = ()
) -> list[str]:
    """Screening questions still needed, in the order they should be asked."""
    return [
        question.answer
        for question in ruleset.questions
        if answers.get(question.answer) is None
        and question.answer not in not_known
        and (question.ask_if is None or evaluate(question.ask_if, answers) is not False)
    ]


def assess(
    answers: TriageAnswers,
    ruleset: Ruleset | None = None,
    not_known: Collection[str] = (),
) -> Assessment:
    """Assess triage answers against the red-flag ruleset.

    Args:
        answers: Answer name to value (``True``/``False``, a category, a number);
            missing or ``None`` means unanswered.
        ruleset: The ruleset to apply; the versioned default file if omitted.
        not_known: Questions asked that the person could not answer. Never a
            "no": they are not asked again, and when nothing else fired a
            screening question not known makes the level at least ``soon``.

    Returns:
        The highest urgency among the fired rules (``self_care`` only when every
        screening question is answered and none fired), the fired rules, the
        unanswered questions and the ruleset version.
    """
    ruleset = ruleset or default_ruleset()
    fired = sorted(
        (rule for rule in ruleset.rules if evaluate(rule.when, answers) is True),
        key=lambda rule: -rule.urgency.rank,
    )
    missing = missing_answers(answers, ruleset, not_known)
    unknown = tuple(
        q.answer
        for q in ruleset.questions
        if q.answer in not_known and answers.get(q.answer) is None
    )
    if fired:
        level: Urgency | None = fired[0].urgency
    elif missing:
        level = None
    elif unknown:
        level = Urgency.SOON
    else:
        level = Urgency.SELF_CARE
    return Assessment(
        level=level,
        fired=tuple(fired),
        missing=tuple(missing),
        unknown=unknown,
        ruleset_version=ruleset.version,
        response=ruleset.responses[level] if level else None,
    )
