"""The benchmark's outputs: a JSON file per run, a markdown report, PNG plots."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.stats import ratio
from bot.evaluation.vignettes import LEVELS, NO_OUTCOME

BOTS = ("backchat", "starter")


def fmt(value: float | None, digits: int = 1) -> str:
    """A number for a table; an en dash when missing."""
    if value is None:
        return "-"
    return f"{value:.{digits}f}"


def fmt_ratio(value: float | None) -> str:
    """A ratio as ``1.23x``."""
    return "-" if value is None else f"{value:.2f}x"


def fmt_rate(value: float | None) -> str:
    """A rate in 0..1 as a percentage."""
    return "-" if value is None else f"{100 * value:.0f}%"


def _levels(data: dict[str, Any], bot: str) -> dict[tuple[str, float], dict]:
    return {(r["mode"], r["level"]): r for r in data["bots"][bot]["levels"]}


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def load_table(data: dict[str, Any]) -> list[str]:
    """One row per load level: BackChat, starter and their ratio for each figure."""
    ours, theirs = _levels(data, "backchat"), _levels(data, "starter")
    rows = []
    for key in sorted(
        ours.keys() | theirs.keys(), key=lambda k: (k[0] != "closed", k[1])
    ):
        b, s = ours.get(key, {}), theirs.get(key, {})
        mode, level = key
        label = f"{level:g} people" if mode == "closed" else f"{level:g} msg/s"
        row = [mode, label]
        for field, digits in (
            ("throughput", 1),
            ("p50_ms", 0),
            ("p95_ms", 0),
            ("p99_ms", 0),
        ):
            row.append(
                f"{fmt(b.get(field), digits)} / {fmt(s.get(field), digits)}"
                f" ({fmt_ratio(ratio(b.get(field), s.get(field)))})"
            )
        failures = [
            f"{r.get('errors', 0)}+{r.get('lost', 0)}+{r.get('unexpected', 0)}"
            if r
            else "-"
            for r in (b, s)
        ]
        row.append(" / ".join(failures))
        rows.append(row)
    return _table(
        [
            "mode",
            "level",
            "msg/s B / S (ratio)",
            "p50 ms B / S (ratio)",
            "p95 ms B / S (ratio)",
            "p99 ms B / S (ratio)",
            "err+lost+unexpected B / S",
        ],
        rows,
    )


def cost_table(data: dict[str, Any]) -> list[str]:
    """Training time, model size, cold start and memory for both bots."""
    b, s = data["bots"]["backchat"], data["bots"]["starter"]
    figures = [
        ("training time (s)", "train_s", 1),
        ("model size (MB)", "model_mb", 2),
        ("cold start to first answer (s)", "cold_start_s", 1),
    ]
    rows = []
    for label, key, digits in figures:
        ours, theirs = b["cost"].get(key), s["cost"].get(key)
        rows.append(
            [
                label,
                fmt(ours, digits),
                fmt(theirs, digits),
                fmt_ratio(ratio(ours, theirs)),
            ]
        )
    memory = (
        ("pss_end_mb", "memory (PSS, all workers), {} server (MB)"),
        ("rss_peak_mb", "peak RSS, summed over workers, {} server (MB)"),
    )
    for process in ("rasa", "actions"):
        for key, label in memory:
            ours = b.get(key, {}).get(process)
            theirs = s.get(key, {}).get(process)
            if ours is None and theirs is None:
                continue
            rows.append(
                [
                    label.format(process),
                    fmt(ours, 0),
                    fmt(theirs, 0),
                    fmt_ratio(ratio(ours, theirs)),
                ]
            )
    return _table(["cost", "BackChat", "starter", "ratio"], rows)


def quality_table(quality: dict[str, Any]) -> list[str]:
    """Appropriate, under-, over-triage and safe rates, overall and per level."""
    rows = []
    for name, figures in [("all", quality["overall"]), *quality["per_level"].items()]:
        rows.append(
            [
                name,
                str(figures["n"]),
                fmt_rate(figures["appropriate"]),
                fmt_rate(figures["under_triage"]),
                fmt_rate(figures["over_triage"]),
                fmt_rate(figures["safe"]),
                fmt_rate(figures["rule_agreement"]),
            ]
        )
    return _table(
        [
            "gold level",
            "n",
            "appropriate",
            "under-triage",
            "over-triage",
            "safe (Gilbert)",
            "deciding rule fired",
        ],
        rows,
    )


def confusion_table(quality: dict[str, Any]) -> list[str]:
    """Gold level (rows) against BackChat's level (columns)."""
    columns = (*LEVELS, NO_OUTCOME)
    rows = [
        [gold] + [str(quality["confusion"][gold][c]) for c in columns]
        for gold in LEVELS
    ]
    return _table(["gold \\ BackChat", *columns], rows)


def workers_table(data: dict[str, Any]) -> list[str]:
    """BackChat with one Rasa worker beside the measured (two-worker) BackChat."""
    single = data.get("one_worker") or []
    if not single:
        return []
    ours, theirs = _levels(data, "backchat"), _levels(data, "starter")
    rows = []
    for one in single:
        key = (one["mode"], one["level"])
        b, s = ours.get(key, {}), theirs.get(key, {})
        rows.append(
            [
                one["mode"],
                f"{one['level']:g}",
                f"{fmt(one['throughput'])} / {fmt(b.get('throughput'))} / "
                f"{fmt(s.get('throughput'))}",
                f"{fmt(one['p95_ms'], 0)} / {fmt(b.get('p95_ms'), 0)} / "
                f"{fmt(s.get('p95_ms'), 0)}",
                fmt_ratio(ratio(one["throughput"], s.get("throughput"))),
            ]
        )
    header = [
        "mode",
        "level",
        "msg/s 1 worker / 2 workers / starter",
        "p95 ms 1 worker / 2 workers / starter",
        "1 worker ÷ starter",
    ]
    title = "### BackChat with one Rasa worker (measured after the levels above)"
    return ["", title, "", *_table(header, rows)]


def summary(data: dict[str, Any]) -> str:
    """The summary tables (load, cost, quality) as markdown."""
    lines = ["### Load (BackChat / starter, ratio = BackChat ÷ starter)", ""]
    lines += load_table(data)
    lines += workers_table(data)
    lines += ["", "### Cost", "", *cost_table(data)]
    quality = data.get("quality")
    if quality and "overall" in quality:
        lines += ["", "### Triage quality on the vignettes", ""]
        lines += quality_table(quality)
    return "\n".join(lines)


def markdown(data: dict[str, Any], plots: Sequence[str] = ()) -> str:
    """The whole report."""
    machine = data["machine"]
    count = data.get("plan", {}).get("rounds", 1)
    rounds = (
        f"; each figure is the median of {count} rounds of "
        f"{data['plan']['seconds']:g} s, the bots taking turns"
        if count > 1
        else ""
    )
    lines = [
        f"# BackChat benchmark ({data['mode']}, {data['started']})",
        "",
        f"Rasa {data['rasa']}, {machine['cpus']} CPUs, load average "
        f"{machine['load_before']} before and {machine['load_after']} after "
        f"(other work on the machine skews absolute figures; the ratios are "
        f"measured in the same run, levels alternating between the bots{rounds}). "
        f"Wall time {data['wall_s']:.0f} s.",
        "",
        "B = BackChat (two Rasa workers with Redis locks + action server + "
        "SQLite tracker store), "
        "S = Rasa's starter bot (`rasa init`, in-memory tracker store, no "
        "action server). Latency is per message, from when it was due (open "
        "loop) or sent (closed loop) to the full reply; a reply slower than "
        f"{data['timeout_s']:g} s is lost. *unexpected* = a reply that does "
        "not contain the scripted text.",
        "",
        summary(data),
        "",
    ]
    quality = data.get("quality")
    if quality and "overall" in quality:
        lines += ["### Confusion matrix (vignettes)", "", *confusion_table(quality)]
        restarted = quality.get("restarted", 0)
        lines += [
            "",
            "Vignettes whose story alone started no triage (the person "
            f'then said "I have back pain"): {restarted}.',
            "",
        ]
        if quality["misses"]:
            lines += ["Misses:", ""]
            lines += [
                f"- {m['id']}: gold {m['gold']} ({m['gold_rule']}), BackChat "
                f"{m['predicted']}, fired {', '.join(m['fired']) or 'none'}"
                + (f" ({m['note']})" if m["note"] else "")
                for m in quality["misses"]
            ]
            lines.append("")
    entities = data.get("entities")
    if entities:
        lines += ["### Entities (kept-out set, bot/evaluation/nlu_entities.py)", ""]
        if "skipped" in entities:
            lines += [f"Skipped: {entities['skipped']}", ""]
        else:
            lines += _table(
                [
                    "messages",
                    "micro P",
                    "micro R",
                    "micro F1",
                    "red-flag recall",
                    "emergency recall",
                    "false-alarm rate",
                ],
                [
                    [
                        str(entities["cases"]),
                        fmt(entities["micro_precision"], 3),
                        fmt(entities["micro_recall"], 3),
                        fmt(entities["micro_f1"], 3),
                        fmt(entities["red_flag_recall"], 3),
                        fmt(entities["emergency_recall"], 3),
                        fmt(entities["false_alarm_rate"], 3),
                    ]
                ],
            )
            lines += [
                "",
                "F1 by entity type: "
                + ", ".join(f"{k} {v:.3f}" for k, v in entities["f1_by_type"].items()),
                "",
            ]
    profile = data.get("profile")
    if profile and profile.get("samples"):
        lines += [
            "### Profile of the BackChat Rasa server under load",
            "",
            f"{profile['samples']} samples (py-spy, on-CPU only).",
            "",
            "Inclusive share by package:",
            "",
        ]
        lines += [
            f"- {name}: {fmt_rate(share)}"
            for name, share in profile["inclusive_by_package"][:12]
        ]
        lines += ["", "Inclusive share by function (top 20):", ""]
        lines += [
            f"- `{name}`: {fmt_rate(share)}"
            for name, share in profile["inclusive_by_function"][:20]
        ]
        lines += ["", "Self share by function (top 15):", ""]
        lines += [
            f"- `{name}`: {fmt_rate(share)}"
            for name, share in profile["self_by_function"][:15]
        ]
        lines.append("")
    failures = {bot: data["bots"][bot].get("examples") for bot in BOTS}
    if any(failures.values()):
        lines += ["### Examples of failures", ""]
        for bot, examples in failures.items():
            for level, notes in (examples or {}).items():
                lines += [f"- {bot} {level}: {note}" for note in notes]
        lines.append("")
    lines += [f"![{Path(p).stem}]({Path(p).name})" for p in plots]
    return "\n".join(lines) + "\n"


def plot(data: dict[str, Any], out_dir: Path) -> list[str]:
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
                y = [r[field] if r[field] is not None else float("nan") for r in rows]
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


def write(data: dict[str, Any], out_dir: Path, stamp: str) -> tuple[Path, Path]:
    """Write ``<stamp>.json``, the plots and ``latest.md``; return both paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path = out_dir / f"{stamp}.json"
    json_path.write_text(json.dumps(data, indent=1))
    plots = plot(data, out_dir)
    md_path = out_dir / "latest.md"
    md_path.write_text(markdown(data, plots))
    return json_path, md_path
