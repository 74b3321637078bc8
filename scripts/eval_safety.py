"""`make eval` (safety part): the trained NLU and the safety rules on each blind
red-team corpus: red-flag recall and false emergencies from a first message."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from bot.evaluation.nlu_intents import quiet_rasa  # noqa: E402
from bot.evaluation.redteam import HELD_OUT, format_report, load_corpus, score  # noqa: E402
from bot.modelcache import ensure_model  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Print each corpus's red-team figures; ``--errors`` lists every miss."""
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument(
        "--corpus", type=Path, action="append", help="default: every held-out corpus"
    )
    args.add_argument("--errors", action="store_true")
    options = args.parse_args(argv)
    corpora = options.corpus or list(HELD_OUT)
    for path in corpora:
        if not path.is_file():
            args.error(f"no red-team corpus at {path}")
    quiet_rasa()
    from bot.rasa.agent import parse_texts

    model = ensure_model()
    for path in corpora:
        report = score(load_corpus(path), lambda texts: parse_texts(model, texts))
        print(format_report(report, errors=options.errors, name=path.name) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
