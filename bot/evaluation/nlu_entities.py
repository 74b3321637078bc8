"""Entity quality on the kept-out set ``tests/data/nlu_eval.yml``.

Per-entity-type precision, recall and F1 over ``(type, value, polarity)``
facts, red-flag recall (all and emergency only), the false-alarm rate and
denied flags read as present. The command line is ``scripts/eval_nlu.py``;
intent scoring with the trained model is :mod:`bot.evaluation.nlu_intents`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from bot.settings import PROJECT_ROOT

DEFAULT_EVAL_FILE = PROJECT_ROOT / "tests" / "data" / "nlu_eval.yml"

#: A fact: (entity type, value, polarity) with polarity "pos", "neg" or "unc".
Fact = tuple[str, Any, str]

EMERGENCY_RED_FLAGS = frozenset(
    {
        "has_bladder_bowel_change",
        "has_saddle_numbness",
        "has_bilateral_leg_weakness",
        "is_major_trauma",
    }
)
_SUFFIXES = {":neg": "neg", ":unc": "unc"}


@dataclass(frozen=True)
class EvalCase:
    """One labelled message of the evaluation set.

    Attributes:
        text: The message.
        intent: The expected intent.
        facts: Expected entity facts.
        red_flags: Red-flag answers the message affirms.
    """

    text: str
    intent: str
    facts: frozenset[Fact]
    red_flags: frozenset[str]


@dataclass
class Counts:
    """True positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp), 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn), 1.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class EntityReport:
    """Entity evaluation figures.

    Attributes:
        per_type: Counts per entity type.
        per_red_flag: Counts per red-flag value (polarity must match too).
        red_flag_recall: Share of expected present red flags found present.
        emergency_recall: The same, for emergency red flags only.
        false_alarm_rate: Share of messages where a red flag was read as
            present that the message does not affirm.
        denied_read_as_present: Red flags the person denied (or hedged) that
            were read as present, as (text, value) pairs.
        missed: Expected present red flags not found, as (text, value) pairs.
        false_alarms: Red flags read as present wrongly, as (text, value).
        errors: Per message, the facts missed and the facts added.
        cases: Number of messages.
    """

    per_type: dict[str, Counts] = field(default_factory=dict)
    per_red_flag: dict[str, Counts] = field(default_factory=dict)
    red_flag_recall: float = 1.0
    emergency_recall: float = 1.0
    false_alarm_rate: float = 0.0
    denied_read_as_present: list[tuple[str, str]] = field(default_factory=list)
    missed: list[tuple[str, str]] = field(default_factory=list)
    false_alarms: list[tuple[str, str]] = field(default_factory=list)
    errors: list[tuple[str, set[Fact], set[Fact]]] = field(default_factory=list)
    cases: int = 0

    @property
    def micro(self) -> Counts:
        """Counts summed over all entity types."""
        total = Counts()
        for counts in self.per_type.values():
            total.tp += counts.tp
            total.fp += counts.fp
            total.fn += counts.fn
        return total


def parse_fact(label: str) -> Fact:
    """Parse ``"type=value"`` with an optional ``:neg`` / ``:unc`` suffix.

    Args:
        label: The label from the evaluation file.

    Returns:
        The fact; ``duration`` values become ints.

    Raises:
        ValueError: When the label has no ``=``.
    """
    polarity = "pos"
    for suffix, name in _SUFFIXES.items():
        if label.endswith(suffix):
            label, polarity = label[: -len(suffix)], name
    entity, sep, value = label.partition("=")
    if not sep:
        raise ValueError(f"entity label {label!r} is not type=value")
    return (entity, int(value) if entity == "duration" else value, polarity)


def load_cases(path: Path = DEFAULT_EVAL_FILE) -> tuple[list[EvalCase], date]:
    """Read and check the evaluation file.

    Args:
        path: The YAML evaluation file.

    Returns:
        The cases and the file's ``today`` date.

    Raises:
        ValueError: When a case's ``red_flags`` disagree with its entities.
    """
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    today = data["today"]
    cases = []
    for raw in data["cases"]:
        facts = frozenset(parse_fact(label) for label in raw.get("entities") or [])
        flags = frozenset(raw.get("red_flags") or [])
        implied = {v for e, v, p in facts if e == "red_flag" and p == "pos"}
        if implied != flags:
            raise ValueError(
                f"{raw['text']!r}: red_flags {sorted(flags)} do not match "
                f"affirmed red_flag entities {sorted(implied)}"
            )
        cases.append(EvalCase(raw["text"], raw["intent"], facts, flags))
    return cases, today


def _polarity(entity: Any) -> str:
    if entity.negated:
        return "neg"
    if entity.uncertain:
        return "unc"
    return "pos"


def _ratio(hit: int, total: int) -> float:
    return hit / total if total else 1.0


def evaluate_entities(
    cases: Iterable[EvalCase], extract_fn: Callable[[str], Iterable[Any]]
) -> EntityReport:
    """Score an extractor against the evaluation cases.

    A predicted fact counts as correct only when type, value and polarity
    (present / negated / uncertain) all match; facts are compared as sets per
    message.

    Args:
        cases: The labelled messages.
        extract_fn: Text -> entities with ``entity``, ``value``, ``negated``
            and ``uncertain`` attributes (e.g. :func:`bot.nlp.extract`).

    Returns:
        The report.
    """
    report = EntityReport()
    expected_flags = found_flags = 0
    expected_emerg = found_emerg = 0
    alarm_cases = 0
    for case in cases:
        report.cases += 1
        predicted = list(extract_fn(case.text))
        facts = {(e.entity, e.value, _polarity(e)) for e in predicted}
        for fact in facts | case.facts:
            counts = report.per_type.setdefault(fact[0], Counts())
            tallies = [counts]
            if fact[0] == "red_flag":
                tallies.append(report.per_red_flag.setdefault(str(fact[1]), Counts()))
            for tally in tallies:
                if fact in facts and fact in case.facts:
                    tally.tp += 1
                elif fact in facts:
                    tally.fp += 1
                else:
                    tally.fn += 1
        if facts != case.facts:
            report.errors.append(
                (case.text, set(case.facts - facts), set(facts - case.facts))
            )
        present = {str(v) for e, v, p in facts if e == "red_flag" and p == "pos"}
        expected_flags += len(case.red_flags)
        found_flags += len(case.red_flags & present)
        emergency = case.red_flags & EMERGENCY_RED_FLAGS
        expected_emerg += len(emergency)
        found_emerg += len(emergency & present)
        report.missed += [(case.text, v) for v in sorted(case.red_flags - present)]
        wrong = present - case.red_flags
        if wrong:
            alarm_cases += 1
            report.false_alarms += [(case.text, v) for v in sorted(wrong)]
            denied = {v for e, v, p in case.facts if e == "red_flag" and p != "pos"}
            report.denied_read_as_present += [
                (case.text, v) for v in sorted(wrong & denied)
            ]
    report.red_flag_recall = _ratio(found_flags, expected_flags)
    report.emergency_recall = _ratio(found_emerg, expected_emerg)
    report.false_alarm_rate = _ratio(alarm_cases, report.cases) if report.cases else 0
    return report


def format_report(report: EntityReport, cases: list[EvalCase]) -> str:
    """Render the report as a plain-text table.

    Args:
        report: From :func:`evaluate_entities`.
        cases: The cases it was computed on (for counts).

    Returns:
        The text.
    """
    with_flag = sum(1 for c in cases if c.red_flags)
    with_denial = sum(1 for c in cases if any(p == "neg" for _, _, p in c.facts))
    lines = [
        f"Messages: {len(cases)} ({with_flag} with a red flag present, "
        f"{with_denial} with a negated entity)",
        "",
        f"{'entity type':<15}{'prec':>7}{'recall':>8}{'F1':>7}{'tp':>6}{'fp':>5}"
        f"{'fn':>5}",
    ]
    for name in sorted(report.per_type):
        c = report.per_type[name]
        lines.append(
            f"{name:<15}{c.precision:>7.2f}{c.recall:>8.2f}{c.f1:>7.2f}"
            f"{c.tp:>6}{c.fp:>5}{c.fn:>5}"
        )
    m = report.micro
    lines += [
        f"{'(micro)':<15}{m.precision:>7.2f}{m.recall:>8.2f}{m.f1:>7.2f}"
        f"{m.tp:>6}{m.fp:>5}{m.fn:>5}",
        "",
        *format_red_flag_table(report),
        "",
        f"Red-flag recall:           {report.red_flag_recall:.3f}",
        f"Emergency red-flag recall: {report.emergency_recall:.3f}",
        f"False-alarm rate:          {report.false_alarm_rate:.3f} "
        f"(messages with a red flag read as present that is not affirmed)",
        f"Denied/hedged flags read as present: {len(report.denied_read_as_present)}",
    ]
    # Counts only: the messages are the kept-out set's, listed by
    # format_errors on request (--errors), so that a routine run does not
    # show the evaluation data to whoever tunes the vocabulary.
    lines += [
        f"Missed red flags: {len(report.missed)}; "
        f"false alarms: {len(report.false_alarms)} (--errors lists them)"
    ]
    return "\n".join(lines)


def format_red_flag_table(report: EntityReport) -> list[str]:
    """Per red-flag value: precision, recall and F1 over its facts.

    A fact is the value with its polarity, so a denied flag read as present
    counts as one false positive and one false negative.

    Args:
        report: From :func:`evaluate_entities`.

    Returns:
        The table's lines (emergency values marked with ``!``).
    """
    lines = [
        f"{'red flag value':<30}{'prec':>7}{'recall':>8}{'F1':>7}{'tp':>6}{'fp':>5}"
        f"{'fn':>5}"
    ]
    for value in sorted(report.per_red_flag):
        c = report.per_red_flag[value]
        name = f"{value}{' !' if value in EMERGENCY_RED_FLAGS else ''}"
        lines.append(
            f"{name:<30}{c.precision:>7.2f}{c.recall:>8.2f}{c.f1:>7.2f}"
            f"{c.tp:>6}{c.fp:>5}{c.fn:>5}"
        )
    lines.append("(! = emergency on its own)")
    return lines


def format_errors(report: EntityReport) -> str:
    """List each message with entity errors: facts missed (-) and added (+).

    Args:
        report: From :func:`evaluate_entities`.

    Returns:
        The text.
    """
    lines = ["", "Missed red flags:"]
    lines += [f"  {v:<28} {t!r}" for t, v in report.missed]
    lines += ["", "False alarms:"]
    lines += [f"  {v:<28} {t!r}" for t, v in report.false_alarms]
    lines += ["", "Messages with entity errors (missed / added):"]
    for text, missed, added in report.errors:
        lines.append(f"  {text!r}")
        for fact in sorted(missed, key=str):
            lines.append(f"      - {fact}")
        for fact in sorted(added, key=str):
            lines.append(f"      + {fact}")
    return "\n".join(lines)
