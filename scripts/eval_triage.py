"""`make eval` (triage part): every vignette played through the real servers.

Starts BackChat (Rasa, action server, a fresh database) on free ports, plays
each vignette in three answer styles (``bot.evaluation.simulator``) and prints
appropriate / under- / over-triage overall, per level and per rule, dead ends
(conversations with no outcome) and turns to an outcome.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from bench.quality import Driver  # noqa: E402
from bench.servers import prepare_backchat_workdir  # noqa: E402
from bot.evaluation.simulator import STYLES, Styled  # noqa: E402
from bot.evaluation.triage_report import report  # noqa: E402
from bot.evaluation.vignettes import Outcome, load_vignettes  # noqa: E402
from bot.modelcache import ensure_model  # noqa: E402
from bot.stack import Stack  # noqa: E402


def play(
    url: str, style_name: str, workers: int, token: str | None = None
) -> list[Outcome]:
    style = STYLES[style_name]

    def one(vignette: Any) -> Outcome:
        return Driver(url, token).run(Styled(vignette, style))

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(one, load_vignettes()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--styles", nargs="*", default=list(STYLES))
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args(argv)
    model = ensure_model()
    with tempfile.TemporaryDirectory(prefix="backchat-eval-") as tmp:
        workdir = Path(tmp)
        prepare_backchat_workdir(workdir)
        stack = Stack(model=model, workdir=workdir).start()
        try:
            stack.wait_ready()
            token = getattr(stack, "token", None)  # Rasa's API token, if any
            for name in args.styles:
                outcomes = play(stack.url, name, args.workers, token)
                print(report(name, outcomes, errors=args.errors))
        finally:
            stack.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
