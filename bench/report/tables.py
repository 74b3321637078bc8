"""The report's tables: load, one worker, cost, triage quality, confusion."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, cast

from bench.results import Bot, Combined, Cost, Results, Target
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


def _levels(data: Results, bot: str) -> dict[tuple[str, float], Combined]:
    levels = data["bots"][bot].get("levels", [])
    return {(r["mode"], r["level"]): r for r in levels}


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A markdown table."""
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def load_table(data: Results) -> list[str]:
    """One row per load level: BackChat, starter and their ratio for each figure."""
    ours, theirs = _levels(data, "backchat"), _levels(data, "starter")
    rows = []
    for key in sorted(
        ours.keys() | theirs.keys(), key=lambda k: (k[0] != "closed", k[1])
    ):
        b, s = _plain(ours.get(key)), _plain(theirs.get(key))
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
    return table(
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


def _plain(level: Combined | None) -> Mapping[str, Any]:
    """A level's figures by name (``{}`` when not measured), for tables that
    loop over figure names."""
    return cast("Mapping[str, Any]", level or {})


def _cost(cost: Cost, key: str) -> float | None:
    value = cast("Mapping[str, Any]", cost).get(key)
    return value if isinstance(value, (int, float)) else None


def _memory(bot: Bot, key: str) -> Mapping[str, float | None]:
    value = cast("Mapping[str, Any]", bot).get(key)
    return value if isinstance(value, dict) else {}


def cost_table(data: Results) -> list[str]:
    """Training time, model size, cold start and memory for both bots."""
    b, s = data["bots"]["backchat"], data["bots"]["starter"]
    ours_cost, theirs_cost = b.get("cost", Cost()), s.get("cost", Cost())
    figures = [
        ("training time (s)", "train_s", 1),
        ("model size (MB)", "model_mb", 2),
        ("cold start to first answer (s)", "cold_start_s", 1),
    ]
    rows = []
    for label, key, digits in figures:
        ours, theirs = _cost(ours_cost, key), _cost(theirs_cost, key)
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
            ours = _memory(b, key).get(process)
            theirs = _memory(s, key).get(process)
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
    return table(["cost", "BackChat", "starter", "ratio"], rows)


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
    return table(
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
    return table(["gold \\ BackChat", *columns], rows)


def workers_table(data: Results) -> list[str]:
    """BackChat with one Rasa worker beside the measured (two-worker) BackChat."""
    single = data.get("one_worker") or []
    if not single:
        return []
    ours, theirs = _levels(data, "backchat"), _levels(data, "starter")
    rows = []
    for one in single:
        key = (one["mode"], one["level"])
        b, s = _plain(ours.get(key)), _plain(theirs.get(key))
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
    return ["", title, "", *table(header, rows)]


def production_table(data: Results) -> list[str]:
    """The production profile (replicas behind nginx) beside the embedded one."""
    rows_in = data.get("production") or []
    if not rows_in:
        return []
    rows = []
    for row in rows_in:
        embedded = row["embedded"]
        rows.append(
            [
                f"{row['replicas']} / {row.get('embedded_workers', '-')}",
                row["mode"],
                f"{row['level']:g}",
                f"{fmt(row['throughput'])} / {fmt(embedded['throughput'])}",
                f"{fmt(row['p95_ms'], 0)} / {fmt(embedded['p95_ms'], 0)}",
                f"{row['lost']} / {embedded['lost']}",
                fmt_ratio(ratio(row["throughput"], embedded["throughput"])),
                fmt_ratio(row.get("paired_ratio")),
                str(len(row.get("rounds") or [])),
                fmt(row.get("replica_pss_mb"), 0),
                fmt(row.get("cold_start_s")),
            ]
        )
    header = [
        "replicas / workers",
        "mode",
        "level",
        "msg/s production / embedded",
        "p95 ms production / embedded",
        "lost",
        "production ÷ embedded",
        "median of the rounds' ratios",
        "rounds",
        "MB per replica (PSS)",
        "cold start s",
    ]
    title = (
        "### Production profile: Rasa replicas behind nginx, PostgreSQL, Redis "
        "(embedded = BackChat over SQLite with as many Rasa workers as replicas; "
        "rounds taking turns, who goes first swapping each round)"
    )
    return ["", title, "", *table(header, rows), *targets_table(data)]


def target_line(target: Target) -> str:
    """One target as a line: what, measured, goal, met or not."""
    measured = target["measured"]
    shown = "-" if measured is None else f"{measured:g}"
    verdict = "met" if target["met"] else "NOT met"
    return f"target {target['name']}: {shown} (goal {target['goal']}): {verdict}"


def targets_table(data: Results) -> list[str]:
    """Issue 13's targets as measured in this run."""
    found = data.get("targets") or []
    if not found:
        return []
    rows = [
        [
            t["name"],
            "-" if t["measured"] is None else f"{t['measured']:g}",
            t["goal"],
            "met" if t["met"] else "**not met**",
        ]
        for t in found
    ]
    title = "Targets (issue 13), from the rows above:"
    return ["", title, "", *table(["target", "measured", "goal", "verdict"], rows)]


def summary(data: Results) -> str:
    """The summary tables (load, cost, quality) as markdown."""
    lines: list[str] = []
    if any(bot.get("levels") for bot in data["bots"].values()):
        lines += ["### Load (BackChat / starter, ratio = BackChat ÷ starter)", ""]
        lines += load_table(data)
    lines += workers_table(data)
    lines += production_table(data)
    lines += ["", "### Cost", "", *cost_table(data)]
    quality = data.get("quality")
    if quality and "overall" in quality:
        lines += ["", "### Triage quality on the vignettes", ""]
        lines += quality_table(quality)
    return "\n".join(lines)
