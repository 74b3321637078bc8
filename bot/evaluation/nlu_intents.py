"""Intent and entity quality of the trained model on the kept-out set.

Runs the real trained NLU (in-process, :mod:`bot.rasa.agent`) over
``tests/data/nlu_eval.yml``, which is never used for training: intent accuracy
and macro-F1, entity figures (:mod:`bot.evaluation.nlu_entities`), red-flag
recall and false-alarm rate, for the model with or without the clinical
component. Relative durations ("since Monday") count back from the file's
``today``, so the figures do not depend on the day it runs. The command line
is ``scripts/eval_intents.py`` (``make eval-nlu``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from bot.evaluation.nlu_entities import EntityReport, EvalCase, evaluate_entities
from bot.settings import PROJECT_ROOT

# The kept-out set predates these finer help intents; each leads to the same help.
MERGED_INTENTS = {
    "ask_activity_ok": "ask_what_to_avoid",
    "ask_exercise_steps": "ask_exercises",
    "ask_easier_exercise": "ask_exercises",
    "ask_another_exercise": "ask_exercises",
}
# Rasa's own convention (`rasa test nlu`) scores the fallback as a label of its
# own; the stricter reading also counts it as an out_of_scope prediction, which
# costs out_of_scope its precision. Both are printed.
FALLBACK = "nlu_fallback"
WITHOUT_COMPONENT = "ClinicalEntityExtractor"


@dataclass(frozen=True)
class IntentReport:
    """Intent accuracy, macro-F1 and the pairs behind them."""

    accuracy: float
    macro_f1: float
    labels: list[str]
    expected: list[str]
    predicted: list[str]


def per_intent(report: IntentReport) -> dict[str, tuple[float, float, float, int]]:
    """Precision, recall, F1 and support of each expected intent."""
    pairs = list(zip(report.expected, report.predicted, strict=True))
    table = {}
    for label in report.labels:
        tp = sum(e == p == label for e, p in pairs)
        fp = sum(p == label != e for e, p in pairs)
        fn = sum(e == label != p for e, p in pairs)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        table[label] = (precision, recall, f1, tp + fn)
    return table


def format_intents(report: IntentReport) -> str:
    """The per-intent table and the misread messages' count per pair."""
    lines = [f"{'intent':<26}{'prec':>7}{'recall':>8}{'F1':>7}{'n':>5}"]
    for label, (p, r, f1, n) in per_intent(report).items():
        lines.append(f"{label:<26}{p:>7.2f}{r:>8.2f}{f1:>7.2f}{n:>5}")
    return "\n".join(lines)


def score_intents(expected: list[str], predicted: list[str]) -> IntentReport:
    """Accuracy and macro-F1 over the expected intents' labels."""
    labels = sorted(set(expected))
    f1s = []
    for label in labels:
        tp = sum(e == p == label for e, p in zip(expected, predicted, strict=True))
        fp = sum(p == label != e for e, p in zip(expected, predicted, strict=True))
        fn = sum(e == label != p for e, p in zip(expected, predicted, strict=True))
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    correct = sum(e == p for e, p in zip(expected, predicted, strict=True))
    return IntentReport(
        correct / len(expected), sum(f1s) / len(f1s), labels, expected, predicted
    )


def config_without_component(path: Path) -> Path:
    """A copy of config.yml without the clinical component: the "before" model.

    Written under ``models/`` (ignored by git) with no dot in its stem: Rasa
    cuts a ``--fixed-model-name`` at its first dot, so a "config.before" model
    was saved under another name and a stale model was evaluated instead.
    """
    lines = path.read_text().splitlines()
    kept = [line for line in lines if WITHOUT_COMPONENT not in line]
    out = PROJECT_ROOT / "models" / "config_before.yml"
    out.parent.mkdir(exist_ok=True)
    out.write_text("\n".join(kept) + "\n")
    return out


@contextmanager
def counting_from(today: date) -> Iterator[None]:
    """Make relative durations count back from ``today`` inside the block.

    The Rasa component reads durations with the real date; the kept-out set's
    labels are relative to the date the file states.
    """
    from bot.nlp import durations

    class _Today(date):
        @classmethod
        def today(cls) -> date:  # type: ignore[override]
            return today

    module = vars(durations)
    real = module["date"]
    module["date"] = _Today
    try:
        yield
    finally:
        module["date"] = real


def quiet_rasa() -> None:
    """Hide Rasa's per-message debug log lines (structlog prints them)."""
    import structlog

    structlog.configure(
        wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING)
    )
    logging.getLogger("rasa").setLevel(logging.WARNING)


def as_entities(parsed: dict[str, Any]) -> list[SimpleNamespace]:
    return [
        SimpleNamespace(
            entity=e["entity"],
            value=e["value"],
            negated=bool(e.get("negated")),
            uncertain=bool(e.get("uncertain")),
        )
        for e in parsed.get("entities", [])
    ]


def emergency_message_recall(cases: list[EvalCase], intents: list[str]) -> float:
    """Share of messages with an emergency red flag routed as an emergency."""
    from bot.nlp.labels import EMERGENCY_RED_FLAGS

    urgent = [i for i, case in enumerate(cases) if case.red_flags & EMERGENCY_RED_FLAGS]
    hits = sum(intents[i] == "report_emergency_symptom" for i in urgent)
    return hits / len(urgent) if urgent else 1.0


def write_confusion(report: IntentReport, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from sklearn.metrics import ConfusionMatrixDisplay

    labels = sorted(set(report.expected) | set(report.predicted))
    fig, ax = plt.subplots(figsize=(11, 10))
    ConfusionMatrixDisplay.from_predictions(
        report.expected,
        report.predicted,
        labels=labels,
        ax=ax,
        xticks_rotation="vertical",
        colorbar=False,
    )
    ax.set_title("BackChat intents on the kept-out set")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=80)


def evaluate(
    model: Path, cases: list[EvalCase], today: date
) -> tuple[IntentReport, EntityReport, float, float]:
    """Intents, entities, emergency routing and strict macro-F1 of one model."""
    from bot.rasa.agent import parse_texts

    with counting_from(today):
        parsed = parse_texts(model, [case.text for case in cases])
    by_text = dict(zip([c.text for c in cases], parsed, strict=True))
    predicted = [
        MERGED_INTENTS.get(p["intent"]["name"], p["intent"]["name"]) for p in parsed
    ]
    expected = [c.intent for c in cases]
    intents = score_intents(expected, predicted)
    strict = score_intents(
        expected, ["out_of_scope" if p == FALLBACK else p for p in predicted]
    )
    entities = evaluate_entities(cases, lambda text: as_entities(by_text[text]))
    emergency = emergency_message_recall(cases, predicted)
    return intents, entities, emergency, strict.macro_f1
