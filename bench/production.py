"""The production profile in the bench: 1, 2 and 4 Rasa replicas behind nginx.

Same scripts, load generator and method as the other rows: at each of the
busiest levels, rounds alternate between the production stack and the embedded
BackChat (two Sanic workers, SQLite) that is still running, and each figure is
the median of its rounds. Cost per replica is the memory (PSS) of one replica
after the levels, and its cold start.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import load, report
from bench.memory import tree_pss_mb
from bench.progress import say
from bench.scripts import BACKCHAT_SCRIPTS
from bench.stats import median_of_rounds
from bot.stack import Stack
from bot.stack.production import ProductionStack
from bot.stack.services import ensure_packages

REPLICAS = (1, 2, 4)


def levels(
    closed: tuple[int, ...], open_: tuple[float, ...]
) -> list[tuple[str, float]]:
    """The busiest levels of the plan: 20 and 50 people, 20 and 40 msg/s."""
    people: list[int] = [n for n in (20, 50) if n in closed] or [closed[-1]]
    rates: list[float] = [r for r in (20.0, 40.0) if r in open_] or [open_[-1]]
    return [("closed", float(n)) for n in people] + [("open", r) for r in rates]


async def _level(stack: Stack, mode: str, level: float, seconds: float) -> Any:
    pids = {name: p.pid for name, p in stack.processes.items()}
    if mode == "closed":
        result, _ = await load.closed_loop(
            stack.url, BACKCHAT_SCRIPTS, int(level), seconds, pids
        )
    else:
        result, _ = await load.open_loop(
            stack.url, BACKCHAT_SCRIPTS, level, seconds, pids
        )
    return result.to_dict()


def measure(
    plan: Any, model: Path, work: Path, embedded: Stack
) -> list[dict[str, Any]]:
    """Rows for each replica count: production beside ``embedded``, per level."""
    ensure_packages()
    rows: list[dict[str, Any]] = []
    chosen = levels(plan.closed, plan.open)
    for replicas in REPLICAS:
        say(f"production, {replicas} replica(s): cold start")
        services = Path(tempfile.mkdtemp(prefix="backchat-bench-services-"))
        stack = ProductionStack(
            model=model,
            workdir=work / f"production-{replicas}",
            services_dir=services,
            replicas=replicas,
        )
        started = time.monotonic()
        try:
            stack.start()
            stack.wait_ready()
            cold_s = time.monotonic() - started
            rows += asyncio.run(_replica_rows(plan, stack, embedded, chosen, cold_s))
        finally:
            stack.stop()
            shutil.rmtree(services, ignore_errors=True)
    return rows


async def _replica_rows(
    plan: Any,
    stack: ProductionStack,
    embedded: Stack,
    chosen: list[tuple[str, float]],
    cold_s: float,
) -> list[dict[str, Any]]:
    await load.warm_up(stack.url, BACKCHAT_SCRIPTS)
    rows = []
    for mode, level in chosen:
        ours: list[dict[str, Any]] = []
        theirs: list[dict[str, Any]] = []
        for _ in range(plan.rounds):  # taking turns with the embedded profile
            ours.append(await _level(stack, mode, level, plan.seconds))
            theirs.append(await _level(embedded, mode, level, plan.seconds))
        row = median_of_rounds(ours)
        row["replicas"] = stack.replicas
        row["embedded"] = median_of_rounds(theirs)
        rows.append(row)
        say(
            f"production {stack.replicas} replica(s) {mode} {level:g}: "
            f"{row['throughput']:.1f} msg/s, p95 {report.fmt(row['p95_ms'], 0)} ms, "
            f"lost {row['lost']}; embedded {row['embedded']['throughput']:.1f} "
            f"msg/s, p95 {report.fmt(row['embedded']['p95_ms'], 0)} ms"
        )
    per_replica = [
        tree_pss_mb(stack.processes[name].pid) for name in stack.replica_names
    ]
    known = [mb for mb in per_replica if mb is not None]
    for row in rows:
        row["replica_pss_mb"] = round(sum(known) / len(known), 1) if known else None
        row["cold_start_s"] = round(cold_s, 1)
    return rows
