"""`make eval`: intent and entity quality of the trained model on the kept-out set.

Runs the real trained NLU (in-process) over ``tests/data/nlu_eval.yml``, which is
never used for training, and prints intent accuracy and macro-F1, entity
precision / recall / F1 per type, red-flag recall and false-alarm rate, once for
the model without the clinical component ("before") and once with it ("after").
Writes the intent confusion matrix to ``docs/intent_confusion.png``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from bot.modelcache import ensure_model  # noqa: E402
from scripts.eval_nlu import (  # noqa: E402
    DEFAULT_EVAL_FILE,
    EvalCase,
    evaluate_entities,
    format_report,
    load_cases,
)

# The kept-out set predates these finer help intents; each leads to the same help.
MERGED_INTENTS = {
    "ask_activity_ok": "ask_what_to_avoid",
    "ask_exercise_steps": "ask_exercises",
    "ask_easier_exercise": "ask_exercises",
    "ask_another_exercise": "ask_exercises",
    "nlu_fallback": "out_of_scope",
}
WITHOUT_COMPONENT = "ClinicalEntityExtractor"


@dataclass(frozen=True)
class IntentReport:
    """Intent accuracy, macro-F1 and the pairs behind them."""

    accuracy: float
    macro_f1: float
    labels: list[str]
    expected: list[str]
    predicted: list[str]


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
    """A copy of config.yml without the clinical component: the "before" model."""
    lines = path.read_text().splitlines()
    kept = [line for line in lines if WITHOUT_COMPONENT not in line]
    out = ROOT / "config.before.yml"
    out.write_text("\n".join(kept) + "\n")
    return out


async def parse_all(model: Path, texts: Iterable[str]) -> list[dict[str, Any]]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    return [await agent.parse_message(text) for text in texts]


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


def evaluate(model: Path, cases: list[EvalCase]) -> tuple[IntentReport, Any, float]:
    parsed = asyncio.run(parse_all(model, [case.text for case in cases]))
    by_text = dict(zip([c.text for c in cases], parsed, strict=True))
    predicted = [
        MERGED_INTENTS.get(p["intent"]["name"], p["intent"]["name"]) for p in parsed
    ]
    intents = score_intents([c.intent for c in cases], predicted)
    entities = evaluate_entities(cases, lambda text: as_entities(by_text[text]))
    return intents, entities, emergency_message_recall(cases, predicted)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-file", type=Path, default=DEFAULT_EVAL_FILE)
    parser.add_argument(
        "--picture", type=Path, default=ROOT / "docs/intent_confusion.png"
    )
    args = parser.parse_args(argv)
    cases, _ = load_cases(args.eval_file)
    before = ensure_model(config=config_without_component(ROOT / "config.yml").name)
    after = ensure_model()
    rows = []
    for name, model in (("before (no clinical component)", before), ("after", after)):
        intents, entities, emergency = evaluate(model, cases)
        rows.append((name, intents, entities, emergency))
    print(f"\nKept-out set: {len(cases)} messages ({args.eval_file.name})\n")
    print(
        f"{'model':32} {'intent acc':>10} {'macro-F1':>9} {'red-flag recall':>16}"
        f" {'false alarms':>13} {'emergency msgs routed':>22}"
    )
    for name, intents, entities, emergency in rows:
        print(
            f"{name:32} {intents.accuracy:10.3f} {intents.macro_f1:9.3f} "
            f"{entities.red_flag_recall:16.3f} {entities.false_alarm_rate:13.3f} "
            f"{emergency:22.3f}"
        )
    print("\nEntities, after:\n" + format_report(rows[-1][2], cases))
    write_confusion(rows[-1][1], args.picture)
    print(f"confusion matrix: {args.picture.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
