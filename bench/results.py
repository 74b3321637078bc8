"""The shapes of the bench's results: what travels between its modules as data.

A run's figures are written to JSON as they are (``bench/results/*.json``), so
they stay plain dictionaries; these ``TypedDict``s say which keys each one has,
and mypy checks the code that builds and reads them.
"""

from __future__ import annotations

from typing import Any, TypedDict

from typing_extensions import NotRequired


class Level(TypedDict):
    """One round of one load level (``bench.stats.LevelResult`` as data)."""

    mode: str  # "closed" (N people back to back) or "open" (msg/s offered)
    level: float
    duration_s: float
    sent: int
    ok: int
    errors: int
    lost: int
    unexpected: int
    throughput: float  # replies per second
    p50_ms: float | None
    p95_ms: float | None
    p99_ms: float | None
    mean_ms: float | None
    max_ms: float | None
    rss_mb: dict[str, float]  # peak resident memory by server, over its workers
    conversations_done: int


class Combined(Level):
    """A level over its rounds: medians of rates and percentiles, counts summed."""

    rounds: list[Level]


class ProductionRow(Combined):
    """The production profile at one level, beside the embedded profile."""

    replicas: int
    embedded: Combined  # the embedded profile with as many Rasa workers
    embedded_workers: int
    replica_pss_mb: float | None
    cold_start_s: float
    paired_ratio: NotRequired[float | None]  # median of the rounds' own ratios


class Target(TypedDict):
    """One of issue 13's targets, as measured in this run."""

    name: str
    measured: float | None
    goal: str  # "<= 150 ms", ">= 0.85x"
    met: bool


class Cost(TypedDict, total=False):
    """Training time, model size and cold start of one bot."""

    train_s: float | None
    train_measured: str
    model_mb: float
    cold_start_s: float


class Bot(TypedDict, total=False):
    """Everything measured for one bot."""

    levels: list[Combined]
    examples: dict[str, list[str]]  # what went wrong, by level
    cost: Cost
    rss_peak_mb: dict[str, float | None]
    rss_end_mb: dict[str, float | None]
    pss_end_mb: dict[str, float | None]


class Machine(TypedDict, total=False):
    cpus: int | None
    load_before: str
    load_after: str


class Results(TypedDict, total=False):
    """A whole run, as written to ``bench/results/<stamp>.json``."""

    mode: str  # "quick" or "full"
    started: str
    rasa: str
    timeout_s: float
    plan: dict[str, Any]
    machine: Machine
    bots: dict[str, Bot]
    one_worker: list[Combined]
    production: list[ProductionRow]
    targets: list[Target]
    quality: dict[str, Any]  # bench.quality.triage_quality
    entities: dict[str, Any]  # bench.quality.entity_quality
    profiles: dict[str, Any]
    profile: dict[str, Any]
    wall_s: float
    server_log_tails: dict[str, str]
