"""Percentiles and latency summaries (pure, no I/O)."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from bench.results import Combined, Level


def percentile(values: Sequence[float], pct: float) -> float | None:
    """The ``pct`` percentile of ``values`` by linear interpolation (NumPy's default).

    Args:
        values: Samples, in any order.
        pct: Between 0 and 100.

    Returns:
        The percentile, or ``None`` for no samples.
    """
    if not 0 <= pct <= 100:
        raise ValueError(f"percentile must be within 0..100, not {pct}")
    if not values:
        return None
    ordered = sorted(values)
    rank = (len(ordered) - 1) * pct / 100
    low, high = math.floor(rank), math.ceil(rank)
    if low == high:
        return ordered[low]
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass(frozen=True)
class LevelResult:
    """What one load level measured, for one bot."""

    mode: str  # "closed" (N people back to back) or "open" (msg/s offered)
    level: float
    duration_s: float
    sent: int
    ok: int
    errors: int
    lost: int
    unexpected: int
    throughput: float  # replies received per second
    p50_ms: float | None
    p95_ms: float | None
    p99_ms: float | None
    mean_ms: float | None
    max_ms: float | None
    rss_mb: dict[str, float]
    conversations_done: int = 0

    def to_dict(self) -> Level:
        """Plain data for JSON."""
        return Level(**asdict(self))  # type: ignore[typeddict-item]


def summarise(
    *,
    mode: str,
    level: float,
    duration_s: float,
    latencies_s: Sequence[float],
    errors: int,
    lost: int,
    unexpected: int,
    rss_mb: dict[str, float] | None = None,
    conversations_done: int = 0,
) -> LevelResult:
    """Turn raw per-message latencies (seconds, successful replies) into a result."""
    ms = [value * 1000 for value in latencies_s]
    ok = len(ms)

    def rounded(value: float | None) -> float | None:
        return None if value is None else round(value, 1)

    return LevelResult(
        mode=mode,
        level=level,
        duration_s=round(duration_s, 2),
        sent=ok + errors + lost,
        ok=ok,
        errors=errors,
        lost=lost,
        unexpected=unexpected,
        throughput=round(ok / duration_s, 2) if duration_s > 0 else 0.0,
        p50_ms=rounded(percentile(ms, 50)),
        p95_ms=rounded(percentile(ms, 95)),
        p99_ms=rounded(percentile(ms, 99)),
        mean_ms=rounded(statistics.fmean(ms)) if ms else None,
        max_ms=rounded(max(ms)) if ms else None,
        rss_mb=dict(rss_mb or {}),
        conversations_done=conversations_done,
    )


def ratio(ours: float | None, theirs: float | None) -> float | None:
    """``ours / theirs``, or ``None`` when either is missing or ``theirs`` is 0."""
    if ours is None or theirs is None or theirs == 0:
        return None
    return round(ours / theirs, 2)


def _median(values: Sequence[float | None]) -> float | None:
    present = [value for value in values if value is not None]
    return round(statistics.median(present), 2) if present else None


def median_of_rounds(rounds: Sequence[Level]) -> Combined:
    """One level's result from several rounds: the median of each rate and
    percentile (so one disturbed round cannot move it), counts summed, the
    worst maximum latency and the highest memory kept; every round listed.
    """
    if not rounds:
        raise ValueError("no rounds to combine")
    memory: dict[str, float] = {}
    for r in rounds:
        for process, value in (r.get("rss_mb") or {}).items():
            memory[process] = max(memory.get(process, 0.0), value)
    peaks = [r["max_ms"] for r in rounds if r.get("max_ms") is not None]
    return Combined(
        mode=rounds[0]["mode"],
        level=rounds[0]["level"],
        duration_s=round(sum(r["duration_s"] for r in rounds), 2),
        sent=sum(r["sent"] for r in rounds),
        ok=sum(r["ok"] for r in rounds),
        errors=sum(r["errors"] for r in rounds),
        lost=sum(r["lost"] for r in rounds),
        unexpected=sum(r["unexpected"] for r in rounds),
        throughput=_median([r["throughput"] for r in rounds]) or 0.0,
        p50_ms=_median([r["p50_ms"] for r in rounds]),
        p95_ms=_median([r["p95_ms"] for r in rounds]),
        p99_ms=_median([r["p99_ms"] for r in rounds]),
        mean_ms=_median([r["mean_ms"] for r in rounds]),
        max_ms=max(peaks) if peaks else None,  # type: ignore[type-var]
        rss_mb=memory,
        conversations_done=sum(r.get("conversations_done", 0) for r in rounds),
        rounds=[Level(**r) for r in rounds],
    )
