"""`make eval-nlu`: intent and entity quality of the trained model on the kept-out set.

Prints intent accuracy and macro-F1, entity precision / recall / F1 per type and
per red-flag value, red-flag recall and false-alarm rate, once for the model
without the clinical component ("before") and once with it ("after"), and
writes the intent confusion matrix to ``docs/intent_confusion.png``. The
scoring is :mod:`bot.evaluation.nlu_intents`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from bot.evaluation.nlu_entities import (  # noqa: E402
    DEFAULT_EVAL_FILE,
    format_errors,
    format_report,
    load_cases,
)
from bot.evaluation.nlu_intents import (  # noqa: E402
    config_without_component,
    evaluate,
    format_intents,
    quiet_rasa,
    write_confusion,
)
from bot.modelcache import ensure_model  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-file", type=Path, default=DEFAULT_EVAL_FILE)
    parser.add_argument(
        "--picture", type=Path, default=ROOT / "docs/intent_confusion.png"
    )
    parser.add_argument(
        "--errors",
        action="store_true",
        help="list every misread intent and every message with entity errors",
    )
    args = parser.parse_args(argv)
    quiet_rasa()
    cases, today = load_cases(args.eval_file)
    before_config = config_without_component(ROOT / "config.yml")
    before = ensure_model(config=str(before_config.relative_to(ROOT)))
    after = ensure_model()
    rows = []
    for name, model in (("before (no clinical component)", before), ("after", after)):
        intents, entities, emergency, strict_f1 = evaluate(model, cases, today)
        rows.append((name, intents, entities, emergency, strict_f1))
    print(f"\nKept-out set: {len(cases)} messages ({args.eval_file.name})\n")
    print(
        f"{'model':32} {'intent acc':>10} {'macro-F1':>9} {'(strict)':>9} "
        f"{'red-flag recall':>16} {'false alarms':>13} {'emergency msgs routed':>22}"
    )
    for name, intents, entities, emergency, strict_f1 in rows:
        print(
            f"{name:32} {intents.accuracy:10.3f} {intents.macro_f1:9.3f} "
            f"{strict_f1:9.3f} {entities.red_flag_recall:16.3f} "
            f"{entities.false_alarm_rate:13.3f} {emergency:22.3f}"
        )
    print(
        "macro-F1: Rasa's convention (nlu_fallback is a label of its own); "
        "(strict): nlu_fallback counted as out_of_scope."
    )
    final = rows[-1][1]
    print("\nIntents, after:\n" + format_intents(final))
    print("\nEntities, after:\n" + format_report(rows[-1][2], cases))
    if args.errors:
        print("\nMisread intents (expected -> predicted):")
        for case, predicted in zip(cases, final.predicted, strict=True):
            if case.intent != predicted:
                print(f"  {case.intent:<26} -> {predicted:<26} {case.text!r}")
        print(format_errors(rows[-1][2]))
    write_confusion(rows[-1][1], args.picture)
    print(f"confusion matrix: {args.picture}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
