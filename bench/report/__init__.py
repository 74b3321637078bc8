"""The benchmark's outputs: a JSON file per run, a markdown report, PNG plots.

``tables`` (the summary tables), ``sections`` (the markdown report, section by
section) and ``plots`` (the PNGs); :func:`write` puts them on disk.
"""

from __future__ import annotations

import json
from pathlib import Path

from bench.report.plots import plot
from bench.report.sections import markdown
from bench.report.tables import BOTS, fmt, fmt_rate, summary, target_line
from bench.results import Results

__all__ = [
    "BOTS",
    "fmt",
    "fmt_rate",
    "markdown",
    "plot",
    "summary",
    "target_line",
    "write",
]


def write(data: Results, out_dir: Path, stamp: str) -> tuple[Path, Path]:
    """Write ``<stamp>.json``, the plots and ``latest.md``; return both paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path = out_dir / f"{stamp}.json"
    json_path.write_text(json.dumps(data, indent=1))
    # A run of the production rows alone has no levels to plot: the plots of
    # the last full run are left as they are.
    levels = any(bot.get("levels") for bot in data["bots"].values())
    plots = plot(data, out_dir) if levels else []
    md_path = out_dir / "latest.md"
    md_path.write_text(markdown(data, plots))
    return json_path, md_path
