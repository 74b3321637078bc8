"""The report's sections in markdown; ``markdown`` puts them in order."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from bench.report.tables import (
    BOTS,
    confusion_table,
    fmt,
    fmt_rate,
    summary,
    table,
)
from bench.results import Results


def header(data: Results) -> list[str]:
    """Title, machine, method and the summary tables."""
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
    return lines


def quality_details(data: Results) -> list[str]:
    """The vignettes' confusion matrix, restarts and misses."""
    lines: list[str] = []
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
    return lines


def entity_figures(data: Results) -> list[str]:
    """Entity figures on the kept-out set."""
    lines: list[str] = []
    entities = data.get("entities")
    if entities:
        lines += ["### Entities (kept-out set, bot/evaluation/nlu_entities.py)", ""]
        if "skipped" in entities:
            lines += [f"Skipped: {entities['skipped']}", ""]
        else:
            lines += table(
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
    return lines


def cpu_profile(data: Results) -> list[str]:
    """Where the BackChat Rasa server spent its CPU (``--profile``)."""
    lines: list[str] = []
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
    return lines


def failure_examples(data: Results) -> list[str]:
    """Examples of failed replies, per bot and level."""
    lines: list[str] = []
    failures = {bot: data["bots"][bot].get("examples") for bot in BOTS}
    if any(failures.values()):
        lines += ["### Examples of failures", ""]
        for bot, examples in failures.items():
            for level, notes in (examples or {}).items():
                lines += [f"- {bot} {level}: {note}" for note in notes]
        lines.append("")
    return lines


SECTIONS = (header, quality_details, entity_figures, cpu_profile, failure_examples)


def markdown(data: Results, plots: Sequence[str] = ()) -> str:
    """The whole report: every section, then the plots."""
    lines = [line for section in SECTIONS for line in section(data)]
    lines += [f"![{Path(p).stem}]({Path(p).name})" for p in plots]
    return "\n".join(lines) + "\n"
