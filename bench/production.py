"""The production profile in the bench: 1, 2 and 4 Rasa replicas behind nginx.

Same scripts, load generator and method as the other rows: at each level,
rounds alternate between the production stack and the embedded profile (Sanic
workers over SQLite) with as many Rasa workers as production has replicas, so
each row compares like with like; each figure is the median of its rounds.
The closed loops, which the throughput targets are judged on, play
``CLOSED_ROUNDS`` rounds in a full plan (not the plan's 3), and the two
profiles swap who goes first every round (production first, then embedded
first, ...), so a drift of the machine's background load during a level does
not always fall on the same profile. Each row also keeps the median of the
rounds' own ratios (``paired_ratio``: each round's production figure over the
embedded figure measured just before or after it). The
embedded profile with two workers is the one the bench has measured above; one
and four workers are started for their rows. Cost per replica is the memory
(PSS) of one replica after the levels, and its cold start.

Issue 13's targets are judged on these rows (``targets``): production within
15% of the embedded profile in the closed loops, and p95 under 150 ms at an
open-loop 40 messages a second with two replicas, a level every plan plays.
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from bench import load, report
from bench.memory import tree_pss_mb
from bench.progress import say
from bench.results import Combined, Level, ProductionRow, Target
from bench.scripts import BACKCHAT_SCRIPTS
from bench.stats import median_of_rounds, ratio
from bot.stack import Stack
from bot.stack.production import ProductionStack
from bot.stack.services import ensure_packages

REPLICAS = (1, 2, 4)
TARGET_RATE = 40.0  # msg/s, open loop
TARGET_REPLICAS = 2
TARGET_P95_MS = 150.0
TARGET_RATIO = 0.85  # production ÷ embedded throughput, closed loop
# Rounds of each closed-loop level in a plan of several rounds: the targets'
# levels, whose ratio moved by up to ±20% between runs of 3 rounds.
CLOSED_ROUNDS = 5

# A running embedded profile with this many Rasa workers (stopped after, if
# started for the row).
Embedded = Callable[[int], AbstractContextManager[Stack]]


def rounds_of(mode: str, plan_rounds: int) -> int:
    """How many rounds a production level plays: more for the closed loops."""
    if mode == "closed" and plan_rounds > 1:
        return max(plan_rounds, CLOSED_ROUNDS)
    return plan_rounds


def paired_ratio(ours: list[Level], theirs: list[Level]) -> float | None:
    """The median over rounds of production ÷ embedded throughput, round by round."""
    shares = [
        share
        for share in (
            ratio(mine["throughput"], other["throughput"])
            for mine, other in zip(ours, theirs, strict=True)
        )
        if share is not None
    ]
    return round(statistics.median(shares), 2) if shares else None


def levels(
    closed: tuple[int, ...], open_: tuple[float, ...]
) -> list[tuple[str, float]]:
    """The busiest levels of the plan (20 and 50 people, 20 and 40 msg/s), and
    always the target's 40 msg/s."""
    people: list[int] = [n for n in (20, 50) if n in closed] or [closed[-1]]
    rates: list[float] = [r for r in (20.0, 40.0) if r in open_] or [open_[-1]]
    if TARGET_RATE not in rates:
        rates.append(TARGET_RATE)
    return [("closed", float(n)) for n in people] + [("open", r) for r in rates]


async def _level(stack: Stack, mode: str, level: float, seconds: float) -> Level:
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
    plan: Any, model: Path, work: Path, embedded: Embedded
) -> list[ProductionRow]:
    """Rows for each replica count: production beside the embedded profile.

    ``embedded(workers)`` is a context manager giving a running embedded stack
    with that many Rasa workers.
    """
    ensure_packages()
    rows: list[ProductionRow] = []
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
            with embedded(replicas) as beside:
                rows += asyncio.run(
                    _replica_rows(plan, stack, beside, replicas, chosen, cold_s)
                )
        finally:
            stack.stop()
            shutil.rmtree(services, ignore_errors=True)
    return rows


async def _replica_rows(
    plan: Any,
    stack: ProductionStack,
    embedded: Stack,
    workers: int,
    chosen: list[tuple[str, float]],
    cold_s: float,
) -> list[ProductionRow]:
    await load.warm_up(stack.url, BACKCHAT_SCRIPTS)
    await load.warm_up(embedded.url, BACKCHAT_SCRIPTS)
    measured: list[tuple[Combined, Combined, float | None]] = []
    for mode, level in chosen:
        ours: list[Level] = []
        theirs: list[Level] = []
        for turn in range(rounds_of(mode, plan.rounds)):
            # Taking turns with the embedded profile, who goes first swapping.
            if turn % 2 == 0:
                ours.append(await _level(stack, mode, level, plan.seconds))
                theirs.append(await _level(embedded, mode, level, plan.seconds))
            else:
                theirs.append(await _level(embedded, mode, level, plan.seconds))
                ours.append(await _level(stack, mode, level, plan.seconds))
        row, beside = median_of_rounds(ours), median_of_rounds(theirs)
        paired = paired_ratio(ours, theirs)
        measured.append((row, beside, paired))
        say(
            f"production {stack.replicas} replica(s) {mode} {level:g}: "
            f"{row['throughput']:.1f} msg/s, p95 {report.fmt(row['p95_ms'], 0)} ms, "
            f"lost {row['lost']}; embedded ({workers} workers) "
            f"{beside['throughput']:.1f} msg/s, "
            f"p95 {report.fmt(beside['p95_ms'], 0)} ms; "
            f"median of the rounds' ratios {report.fmt(paired)}x "
            f"({len(ours)} rounds)"
        )
    per_replica = [
        tree_pss_mb(stack.processes[name].pid) for name in stack.replica_names
    ]
    known = [mb for mb in per_replica if mb is not None]
    pss = round(sum(known) / len(known), 1) if known else None
    return [
        ProductionRow(
            **row,
            replicas=stack.replicas,
            embedded=beside,
            embedded_workers=workers,
            replica_pss_mb=pss,
            cold_start_s=round(cold_s, 1),
            paired_ratio=paired,
        )
        for row, beside, paired in measured
    ]


def targets(rows: list[ProductionRow]) -> list[Target]:
    """Issue 13's targets, judged on this run's rows (none measured: not met)."""
    found: list[Target] = []
    for row in rows:
        if row["mode"] != "closed":
            continue
        share = ratio(row["throughput"], row["embedded"]["throughput"])
        found.append(
            Target(
                name=(
                    f"closed {row['level']:g} people, {row['replicas']} replica(s): "
                    "production ÷ embedded msg/s"
                ),
                measured=share,
                goal=f">= {TARGET_RATIO:.2f}x",
                met=share is not None and share >= TARGET_RATIO,
            )
        )
    at_rate = [
        row
        for row in rows
        if (row["mode"], row["level"], row["replicas"])
        == ("open", TARGET_RATE, TARGET_REPLICAS)
    ]
    p95 = at_rate[0]["p95_ms"] if at_rate else None
    lost = sum(r["lost"] + r["errors"] for r in at_rate)
    found.append(
        Target(
            name=(
                f"open {TARGET_RATE:g} msg/s, {TARGET_REPLICAS} replicas: "
                "production p95 ms (nothing lost)"
            ),
            measured=p95,
            goal=f"< {TARGET_P95_MS:g} ms",
            met=p95 is not None and p95 < TARGET_P95_MS and not lost,
        )
    )
    return found


def embedded_stacks(model: Path, work: Path, running: dict[int, Stack]) -> Embedded:
    """``embedded(workers)``: a running stack from ``running``, or one started."""
    from bench.servers import prepare_backchat_workdir, start_and_time

    @contextmanager
    def embedded(workers: int) -> Iterator[Stack]:
        if workers in running:
            yield running[workers]
            return
        say(f"embedded profile, {workers} Rasa worker(s): start")
        workdir = work / f"embedded-{workers}"
        prepare_backchat_workdir(workdir)
        stack = Stack(model=model, workdir=workdir, workers=workers)
        try:
            start_and_time(stack, "hi")
            yield stack
        finally:
            stack.stop()

    return embedded
