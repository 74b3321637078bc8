"""The report's PNG plots (when matplotlib imports): latency and confusion."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

from bench.results import Results
from bot.evaluation.vignettes import LEVELS, NO_OUTCOME


def plot(data: Results, out_dir: Path) -> list[str]:
    """Latency against load for both bots, and the confusion matrix, as PNGs."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return []
    written = []
    fig, axes = plt.subplots(1, 3, figsize=(15, 4.2))
    for axis, mode, xlabel in (
        (axes[0], "closed", "concurrent people"),
        (axes[1], "open", "offered messages per second"),
    ):
        for bot, colour in (("backchat", "tab:blue"), ("starter", "tab:orange")):
            rows = sorted(
                (r for r in data["bots"][bot]["levels"] if r["mode"] == mode),
                key=lambda r: r["level"],
            )
            x = [r["level"] for r in rows]
            for field, style in (("p50_ms", "-o"), ("p95_ms", "--s"), ("p99_ms", ":^")):
                values = [cast("Mapping[str, Any]", r)[field] for r in rows]
                y = [float("nan") if v is None else v for v in values]
                axis.plot(x, y, style, color=colour, label=f"{bot} {field[:3]}")
        axis.set_xlabel(xlabel)
        axis.set_ylabel("latency per message (ms)")
        axis.set_yscale("log")
        axis.set_title(f"latency, {mode} loop")
        axis.grid(True, alpha=0.3)
        axis.legend(fontsize=7)
    for bot, colour in (("backchat", "tab:blue"), ("starter", "tab:orange")):
        rows = sorted(
            (r for r in data["bots"][bot]["levels"] if r["mode"] == "closed"),
            key=lambda r: r["level"],
        )
        axes[2].plot(
            [r["level"] for r in rows],
            [r["throughput"] for r in rows],
            "-o",
            color=colour,
            label=bot,
        )
    axes[2].set_xlabel("concurrent people")
    axes[2].set_ylabel("replies per second")
    axes[2].set_title("throughput, closed loop")
    axes[2].grid(True, alpha=0.3)
    axes[2].legend()
    fig.tight_layout()
    path = out_dir / "latency.png"
    fig.savefig(path, dpi=90)
    plt.close(fig)
    written.append(str(path))
    quality = data.get("quality")
    if quality and "confusion" in quality:
        columns = (*LEVELS, NO_OUTCOME)
        matrix = [[quality["confusion"][g][c] for c in columns] for g in LEVELS]
        fig, axis = plt.subplots(figsize=(5.5, 4.2))
        axis.imshow(matrix, cmap="Blues")
        axis.set_xticks(range(len(columns)), columns, rotation=30)
        axis.set_yticks(range(len(LEVELS)), LEVELS)
        axis.set_xlabel("BackChat")
        axis.set_ylabel("gold")
        for i, row in enumerate(matrix):
            for j, value in enumerate(row):
                axis.text(j, i, str(value), ha="center", va="center")
        axis.set_title("triage on the vignettes")
        fig.tight_layout()
        path = out_dir / "confusion.png"
        fig.savefig(path, dpi=90)
        plt.close(fig)
        written.append(str(path))
    return written
