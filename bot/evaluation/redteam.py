"""Scoring the blind red-team corpora (tests/data/redteam*.yml): recall of red
flags from a first message, and false emergencies on benign look-alikes."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from bot.evaluation.first_message import (
    CONFIRM,
    CRISIS,
    CRISIS_CHECK,
    EMERGENCY,
    TRAUMA_CHECK,
    Decision,
    decide,
    recognised,
)
from bot.settings import PROJECT_ROOT

CORPUS = PROJECT_ROOT / "tests" / "data" / "redteam.yml"
# Held-out corpora, each written blind by a different session, never trained
# on and their errors never read; a later one measures afresh what tuning on
# development corpora did to messages nobody here has seen. Every
# tests/data/redteam_N.yml is one, in the order N: a new corpus is held out by
# adding its file.
HELD_OUT = (
    CORPUS,
    *sorted(
        CORPUS.parent.glob("redteam_*.yml"),
        key=lambda path: int(path.stem.rpartition("_")[2]),
    ),
)
Parse = Callable[[list[str]], Sequence[Mapping[str, Any]]]
ASKED_FIRST = "asked first"


@dataclass
class RedTeamReport:
    """Counts behind the figures, and the messages behind the misses."""

    total: Counter[str] = field(default_factory=Counter)  # by level
    hits: Counter[str] = field(default_factory=Counter)  # by level
    by_category: dict[str, list[int]] = field(
        default_factory=lambda: defaultdict(lambda: [0, 0])
    )
    # outcome of recognised emergencies
    how: Counter[str] = field(default_factory=Counter)
    misses: list[tuple[str, str, Decision]] = field(default_factory=list)
    benign: int = 0
    false_emergency: list[tuple[str, Decision]] = field(default_factory=list)
    benign_questions: list[tuple[str, Decision]] = field(default_factory=list)
    # look-alikes whose doubted lesser flag the form asks first (a question it
    # would ask later anyway, brought forward)
    benign_asked_first: int = 0

    @property
    def flagged(self) -> int:
        return sum(self.total.values())

    @property
    def recall(self) -> float:
        return sum(self.hits.values()) / self.flagged if self.flagged else 0.0

    @property
    def false_emergency_rate(self) -> float:
        return len(self.false_emergency) / self.benign if self.benign else 0.0


def miss_rate_upper_bound(misses: int, n: int, confidence: float = 0.95) -> float:
    """Clopper-Pearson upper bound of the miss rate (3/n for none missed)."""
    if n == 0:
        return 1.0
    if misses >= n:
        return 1.0
    from scipy.stats import beta

    return float(beta.ppf(1 - (1 - confidence) / 2, misses + 1, n - misses))


def load_corpus(path: Path = CORPUS) -> dict[str, list[dict[str, Any]]]:
    """The corpus: ``red_flags`` and ``benign`` message lists."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {"red_flags": data["red_flags"], "benign": data["benign"]}


def score(corpus: Mapping[str, list[dict[str, Any]]], parse: Parse) -> RedTeamReport:
    """Decide every message of the corpus and count."""
    report = RedTeamReport()
    flagged, benign = corpus["red_flags"], corpus["benign"]
    parsed = parse([c["text"] for c in flagged] + [c["text"] for c in benign])
    for case, parse_result in zip(flagged, parsed[: len(flagged)], strict=True):
        decision = decide(case["text"], parse_result)
        level = case["level"]
        report.total[level] += 1
        category = report.by_category[case["category"]]
        category[1] += 1
        if recognised(level, decision, case.get("category")):
            report.hits[level] += 1
            category[0] += 1
            # Recognised only because the flag told in doubt is asked first:
            # counted apart, so the report shows what that question adds.
            asked = not recognised(
                level, replace(decision, level_if_yes=None), case.get("category")
            )
            report.how[ASKED_FIRST if asked else decision.outcome] += 1
        else:
            report.misses.append((case["id"], case["text"], decision))
    for case, parse_result in zip(benign, parsed[len(flagged) :], strict=True):
        decision = decide(case["text"], parse_result)
        report.benign += 1
        if decision.outcome in (EMERGENCY, CRISIS):
            report.false_emergency.append((case["text"], decision))
        elif decision.outcome in (CONFIRM, CRISIS_CHECK, TRAUMA_CHECK):
            report.benign_questions.append((case["text"], decision))
        if decision.asks_first:
            report.benign_asked_first += 1
    return report


def format_report(
    report: RedTeamReport, *, errors: bool = False, name: str = ""
) -> str:
    """The figures as text: recall per level and category, false emergencies."""
    misses = len(report.misses)
    title = f"Red-team corpus {name}".rstrip()
    lines = [
        f"{title} (written blind, never trained on): {report.flagged} red-flag "
        f"first messages, {report.benign} benign look-alikes",
        f"red-flag recall: {sum(report.hits.values())}/{report.flagged} = "
        f"{report.recall:.1%} (upper 95% bound of the miss rate: "
        f"{miss_rate_upper_bound(misses, report.flagged):.2%})",
    ]
    for level in ("emergency", "crisis", "urgent", "soon"):
        if report.total[level]:
            lines.append(
                f"  {level:<10} {report.hits[level]:>4}/{report.total[level]:<4} "
                f"{report.hits[level] / report.total[level]:.1%}"
            )
    lines.append(
        "  recognised as: "
        + ", ".join(f"{k} {v}" for k, v in sorted(report.how.items()))
    )
    lines.append("  by category:")
    for category, (hit, n) in sorted(report.by_category.items()):
        lines.append(f"    {category:<18} {hit:>4}/{n:<4} {hit / n:.1%}")
    lines.append(
        f"false emergencies on benign: {len(report.false_emergency)}/{report.benign} = "
        f"{report.false_emergency_rate:.1%}; confirming questions on benign: "
        f"{len(report.benign_questions)}/{report.benign} = "
        f"{len(report.benign_questions) / max(report.benign, 1):.1%}; "
        f"a flag told in doubt asked first: {report.benign_asked_first}"
    )
    if errors:
        lines.append("\nMissed red flags (id, decision, message):")
        lines += [
            f"  {cid} [{d.outcome}; {d.intent}; {','.join(d.fired) or '-'}] {text}"
            for cid, text, d in report.misses
        ]
        lines.append("\nFalse emergencies on benign:")
        lines += [
            f"  [{d.outcome}; {d.intent}] {text}" for text, d in report.false_emergency
        ]
        lines.append("\nConfirming questions on benign:")
        lines += [
            f"  [{d.outcome}; {d.intent}] {text}" for text, d in report.benign_questions
        ]
    return "\n".join(lines)
