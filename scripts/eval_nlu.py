"""Entity quality of the language pipeline on the kept-out set (no Rasa model).

Usage::

    .venv/bin/python scripts/eval_nlu.py [--eval-file PATH] [--errors]

The scoring is :mod:`bot.evaluation.nlu_entities`.
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
    evaluate_entities,
    format_errors,
    format_report,
    load_cases,
)


def main(argv: list[str] | None = None) -> int:
    """Run the entity evaluation and print the figures.

    Args:
        argv: Command-line arguments (default: ``sys.argv[1:]``).

    Returns:
        The process exit code.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-file", type=Path, default=DEFAULT_EVAL_FILE)
    parser.add_argument(
        "--errors", action="store_true", help="list every message with errors"
    )
    args = parser.parse_args(argv)
    from bot.nlp import extract, get_pipeline

    cases, today = load_cases(args.eval_file)
    nlp = get_pipeline()
    report = evaluate_entities(cases, lambda text: extract(text, nlp, today=today))
    print(format_report(report, cases))
    if args.errors:
        print(format_errors(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
