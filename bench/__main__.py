"""`python -m bench [--quick]`: load, cost and quality, BackChat vs the starter bot."""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from bench import load, report
from bench.baseline import ensure_starter, rasa_version, starter_has_actions
from bench.memory import tree_mb, tree_pss_mb
from bench.progress import say
from bench.results import Bot, Combined, Level, Results
from bench.scripts import BACKCHAT_SCRIPTS, STARTER_SCRIPTS, Script
from bench.servers import (
    ensure_redis,
    pids,
    prepare_backchat_workdir,
    start_and_time,
    train_backchat,
)
from bench.stats import LevelResult, median_of_rounds
from bot.stack import Stack

RESULTS = Path(__file__).resolve().parent / "results"
# BackChat runs as scaled out: two Rasa workers sharing conversation locks in
# Redis. One worker is measured too (the "workers" table) so the gain is shown.
BACKCHAT_WORKERS = 2


@dataclass(frozen=True)
class Plan:
    """Load levels and how long each one runs."""

    closed: tuple[int, ...]
    open: tuple[float, ...]
    seconds: float  # per round
    rounds: int = 1  # each level's figures are the median over its rounds


QUICK = Plan(closed=(1, 10), open=(5, 10), seconds=12)
FULL = Plan(closed=(1, 10, 20, 50), open=(5, 10, 20, 40), seconds=10, rounds=3)


def _args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="levels 1,10 people and 5,10 msg/s, 12 s each",
    )
    parser.add_argument(
        "--seconds", type=float, help="override how long each level runs"
    )
    parser.add_argument(
        "--no-train",
        action="store_true",
        help="use the cached BackChat model (training not timed)",
    )
    parser.add_argument(
        "--retrain-starter",
        action="store_true",
        help="train the starter bot again even if cached",
    )
    parser.add_argument(
        "--skip-quality", action="store_true", help="skip the vignettes"
    )
    parser.add_argument(
        "--skip-production",
        action="store_true",
        help="skip the production profile (1, 2, 4 replicas behind nginx)",
    )
    parser.add_argument(
        "--production-only",
        action="store_true",
        help="only the production rows (and their embedded profiles): no starter "
        "bot, no BackChat levels, no one-worker table",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="py-spy the BackChat servers under an extra load level",
    )
    parser.add_argument("--out", type=Path, default=RESULTS)
    return parser.parse_args(argv)


def _load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def _size_mb(path: Path) -> float:
    return round(path.stat().st_size / 1e6, 3)


def _backchat_model(work: Path, no_train: bool) -> tuple[Path, float | None]:
    if no_train:
        from bot.modelcache import ensure_model

        return ensure_model(), None
    return train_backchat(work / "model")


async def _run_levels(
    plan: Plan,
    bots: dict[str, tuple[Stack, tuple[Script, ...]]],
    results: dict[str, Bot],
) -> None:
    for name, (stack, scripts) in bots.items():
        warm = await load.warm_up(stack.url, scripts)
        if warm.errors or warm.lost or warm.unexpected:
            say(f"{name}: warm-up problems: {warm.examples}")
    levels = [("closed", float(n)) for n in plan.closed]
    levels += [("open", rate) for rate in plan.open]
    for mode, level in levels:
        rounds: dict[str, list[Level]] = {name: [] for name in bots}
        for _ in range(plan.rounds):  # the bots take turns, round by round
            for name, (stack, scripts) in bots.items():
                result, tally = await _play_level(stack, scripts, mode, level, plan)
                rounds[name].append(result.to_dict())
                if tally.examples:
                    examples = results[name].setdefault("examples", {})
                    examples[f"{mode} {level:g}"] = tally.examples
        for name, measured in rounds.items():
            combined = median_of_rounds(measured)
            results[name].setdefault("levels", []).append(combined)
            say(
                f"{name:8} {mode:6} {level:>4g}: {combined['throughput']:6.1f} msg/s "
                f"p50 {report.fmt(combined['p50_ms'], 0):>5} ms "
                f"p95 {report.fmt(combined['p95_ms'], 0):>5} ms "
                f"p99 {report.fmt(combined['p99_ms'], 0):>5} ms "
                f"err {combined['errors']} lost {combined['lost']} "
                f"unexpected {combined['unexpected']} rss {combined['rss_mb']}"
                + (f" (median of {plan.rounds} rounds)" if plan.rounds > 1 else "")
            )


async def _play_level(
    stack: Stack, scripts: tuple[Script, ...], mode: str, level: float, plan: Plan
) -> tuple[LevelResult, load.Tally]:
    if mode == "closed":
        return await load.closed_loop(
            stack.url, scripts, int(level), plan.seconds, pids(stack)
        )
    return await load.open_loop(stack.url, scripts, level, plan.seconds, pids(stack))


def _one_worker(plan: Plan, model: Path, workdir: Path) -> list[Combined]:
    """BackChat with a single Rasa worker at the busiest levels, for comparison."""
    # The target levels (20 people, 20 msg/s), or the busiest a quick run has.
    people = 20 if 20 in plan.closed else plan.closed[-1]
    rate = 20.0 if 20 in plan.open else plan.open[-1]
    levels = [("closed", float(people)), ("open", rate)]
    say("backchat, 1 worker: " + ", ".join(f"{m} {v:g}" for m, v in levels))
    prepare_backchat_workdir(workdir)
    stack = Stack(model=model, workdir=workdir, workers=1)
    start_and_time(stack, "hi")
    results: list[Combined] = []
    try:

        async def run() -> None:
            await load.warm_up(stack.url, BACKCHAT_SCRIPTS)
            for mode, level in levels:
                rounds: list[Level] = []
                for _ in range(plan.rounds):
                    result, _tally = await _play_level(
                        stack, BACKCHAT_SCRIPTS, mode, level, plan
                    )
                    rounds.append(result.to_dict())
                combined = median_of_rounds(rounds)
                results.append(combined)
                p95 = report.fmt(combined["p95_ms"], 0)
                say(
                    f"backchat 1 worker {mode} {level:g}: "
                    f"{combined['throughput']:.1f} msg/s, p95 {p95} ms"
                )

        asyncio.run(run())
    finally:
        stack.stop()
    return results


def _start_starter(
    args: argparse.Namespace, work: Path, stacks: dict[str, Stack], data: Results
) -> None:
    """Train (or reuse) Rasa's starter bot and start it, timing its cold start."""
    starter = ensure_starter(retrain=args.retrain_starter)
    data["bots"]["starter"]["cost"] = {
        "train_s": round(starter.train_seconds, 1),
        "train_measured": "this run" if starter.trained_now else "when cached",
        "model_mb": _size_mb(starter.model),
    }
    say("starter: cold start")
    stacks["starter"] = Stack(
        model=starter.model,
        workdir=work / "starter",
        project=starter.project,
        with_actions=starter_has_actions(starter.project),
    )
    cold = start_and_time(stacks["starter"], "hello")
    data["bots"]["starter"]["cost"]["cold_start_s"] = round(cold, 1)
    say(f"starter: first answer {cold:.1f} s after start")


async def _profile(stack: Stack, seconds: int, out: Path) -> dict[str, Any]:
    from bench import profile

    summaries: dict[str, Any] = {}
    recorders = {
        name: (
            profile.record(pid, seconds, out / f"profile-{name}.txt"),
            out / f"profile-{name}.txt",
        )
        for name, pid in pids(stack).items()
    }
    await asyncio.sleep(1.0)  # let py-spy attach
    result, _ = await load.closed_loop(
        stack.url, BACKCHAT_SCRIPTS, 10, seconds - 3, pids(stack)
    )
    for name, (process, path) in recorders.items():
        _, err = process.communicate(timeout=60)
        if process.returncode or not path.exists():
            summaries[name] = {"error": err.decode(errors="replace")[-500:]}
            continue
        summaries[name] = profile.summarise_collapsed(path.read_text())
    summaries["load_during_profile"] = result.to_dict()
    return summaries


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; write JSON, markdown and plots; print the summary."""
    args = _args(argv)
    plan = QUICK if args.quick else FULL
    if args.seconds:
        plan = Plan(plan.closed, plan.open, args.seconds, plan.rounds)
    began = time.monotonic()
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    data: Results = {
        "mode": ("quick" if args.quick else "full")
        + (", production rows only" if args.production_only else ""),
        "started": stamp,
        "rasa": rasa_version(),
        "timeout_s": load.TIMEOUT_S,
        "plan": plan.__dict__,
        "machine": {"cpus": os.cpu_count(), "load_before": _load_average()},
        "bots": {name: Bot(levels=[], examples={}, cost={}) for name in report.BOTS},
    }
    work = Path(tempfile.mkdtemp(prefix="backchat-bench-"))
    stacks: dict[str, Stack] = {}
    try:
        model, train_s = _backchat_model(work, args.no_train)
        data["bots"]["backchat"]["cost"] = {
            "train_s": None if train_s is None else round(train_s, 1),
            "train_measured": "not measured (--no-train)"
            if train_s is None
            else "this run",
            "model_mb": _size_mb(model),
        }

        if not args.production_only:
            _start_starter(args, work, stacks, data)
        say(f"backchat: cold start ({BACKCHAT_WORKERS} Rasa workers, Redis locks)")
        ensure_redis()
        prepare_backchat_workdir(work / "backchat")
        stacks["backchat"] = Stack(
            model=model, workdir=work / "backchat", workers=BACKCHAT_WORKERS
        )
        cold = start_and_time(stacks["backchat"], "hi")
        data["bots"]["backchat"]["cost"]["cold_start_s"] = round(cold, 1)
        say(f"backchat: first answer {cold:.1f} s after start")

        if not args.production_only:
            bots = {
                "starter": (stacks["starter"], STARTER_SCRIPTS),
                "backchat": (stacks["backchat"], BACKCHAT_SCRIPTS),
            }
            asyncio.run(_run_levels(plan, bots, data["bots"]))
            data["one_worker"] = _one_worker(plan, model, work / "backchat-1")
        if not args.skip_production:
            from bench import production

            running = {BACKCHAT_WORKERS: stacks["backchat"]}
            embedded = production.embedded_stacks(model, work, running)
            data["production"] = production.measure(plan, model, work, embedded)
            data["targets"] = production.targets(data["production"])
            for target in data["targets"]:
                say(report.target_line(target))

        if not args.skip_quality:
            from bench.quality import entity_quality, triage_quality

            backchat = stacks["backchat"]
            data["quality"] = triage_quality(
                backchat.url, token=getattr(backchat, "token", None)
            )
            overall = data["quality"]["overall"]
            say(
                f"quality: appropriate {report.fmt_rate(overall['appropriate'])}, "
                f"under {report.fmt_rate(overall['under_triage'])}, "
                f"over {report.fmt_rate(overall['over_triage'])}, "
                f"safe {report.fmt_rate(overall['safe'])}"
            )
            data["entities"] = entity_quality()

        if args.profile:
            say("profile: py-spy on the BackChat servers, 10 people, 20 s")
            args.out.mkdir(parents=True, exist_ok=True)
            profiles = asyncio.run(_profile(stacks["backchat"], 20, args.out))
            data["profiles"] = profiles
            data["profile"] = profiles.get("rasa", {})

        for name, stack in stacks.items():
            data["bots"][name]["rss_peak_mb"] = {
                process: tree_mb(pid, "VmHWM") for process, pid in pids(stack).items()
            }
            data["bots"][name]["rss_end_mb"] = {
                process: tree_mb(pid) for process, pid in pids(stack).items()
            }
            data["bots"][name]["pss_end_mb"] = {
                process: tree_pss_mb(pid) for process, pid in pids(stack).items()
            }
    finally:
        for stack in stacks.values():
            stack.stop()
        data["machine"]["load_after"] = _load_average()
        data["wall_s"] = round(time.monotonic() - began, 1)
        logs = {name: stack.log("rasa")[-1500:] for name, stack in stacks.items()}
        data["server_log_tails"] = logs
        shutil.rmtree(work, ignore_errors=True)
    json_path, md_path = report.write(data, args.out, stamp)
    print(report.summary(data))
    say(f"wrote {json_path} and {md_path} in {data['wall_s']:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
