"""The bench's production rows: which levels, and how the table reads."""

from __future__ import annotations

from bench.production import CLOSED_ROUNDS, levels, paired_ratio, rounds_of, targets
from bench.report.tables import production_table, target_line


def test_the_busiest_levels_of_the_full_plan() -> None:
    assert levels((1, 10, 20, 50), (5, 10, 20, 40)) == [
        ("closed", 20.0),
        ("closed", 50.0),
        ("open", 20.0),
        ("open", 40.0),
    ]


def test_a_quick_plan_uses_its_busiest_levels_and_the_target_rate() -> None:
    assert levels((1, 10), (5, 10)) == [
        ("closed", 10.0),
        ("open", 10.0),
        ("open", 40.0),
    ]


def test_the_table_sets_production_beside_embedded() -> None:
    embedded = {"throughput": 40.0, "p95_ms": 200.0, "lost": 0}
    row = {
        "replicas": 2,
        "mode": "open",
        "level": 40.0,
        "throughput": 39.0,
        "p95_ms": 120.0,
        "lost": 0,
        "embedded": embedded,
        "embedded_workers": 2,
        "replica_pss_mb": 480.0,
        "cold_start_s": 41.0,
        "paired_ratio": 0.96,
        "rounds": [{}, {}, {}],
    }
    lines = production_table({"production": [row]})
    assert lines[1].startswith("### Production profile")
    assert lines[5] == (
        "| 2 / 2 | open | 40 | 39.0 / 40.0 | 120 / 200 | 0 / 0 | 0.97x | 0.96x | 3 "
        "| 480 | 41.0 |"
    )
    assert production_table({}) == []


def row_of(replicas: int, mode: str, level: float, ours: float, theirs: float):
    """A production row with ``ours`` and ``theirs`` as msg/s (closed) or p95."""
    figure = "throughput" if mode == "closed" else "p95_ms"
    return {
        "replicas": replicas,
        "mode": mode,
        "level": level,
        "throughput": 30.0,
        "p95_ms": 100.0,
        "lost": 0,
        "errors": 0,
        figure: ours,
        "embedded": {"throughput": 30.0, "p95_ms": 100.0, "lost": 0, figure: theirs},
        "embedded_workers": replicas,
    }


def test_the_targets_are_judged_on_the_rows() -> None:
    rows = [
        row_of(1, "closed", 10, 34.0, 40.0),  # 0.85x: met
        row_of(2, "closed", 10, 33.0, 40.0),  # 0.82x: not met
        row_of(2, "open", 40, 149.0, 120.0),  # p95 149 ms: met
        row_of(4, "open", 40, 900.0, 120.0),  # other replica counts: not judged
    ]
    found = targets(rows)
    assert [(t["measured"], t["met"]) for t in found] == [
        (0.85, True),
        (0.82, False),
        (149.0, True),
    ]
    assert target_line(found[1]) == (
        "target closed 10 people, 2 replica(s): production ÷ embedded msg/s: "
        "0.82 (goal >= 0.85x): NOT met"
    )
    table = production_table({"production": rows, "targets": found})
    assert table[-1] == (
        "| open 40 msg/s, 2 replicas: production p95 ms (nothing lost) | 149 "
        "| < 150 ms | met |"
    )


def test_the_latency_target_is_not_met_when_unmeasured_or_lossy() -> None:
    assert not targets([])[-1]["met"]
    lossy = row_of(2, "open", 40, 100.0, 100.0) | {"lost": 3}
    assert not targets([lossy])[-1]["met"]


def test_closed_loops_play_more_rounds_in_a_full_plan() -> None:
    assert rounds_of("closed", 3) == CLOSED_ROUNDS
    assert rounds_of("open", 3) == 3
    assert rounds_of("closed", 1) == 1  # a quick plan: one round


def test_the_paired_ratio_is_the_median_of_the_rounds_own_ratios() -> None:
    def round_(throughput: float) -> dict:
        return {"throughput": throughput}

    ours = [round_(t) for t in (80.0, 90.0, 50.0)]
    theirs = [round_(t) for t in (100.0, 100.0, 100.0)]
    assert paired_ratio(ours, theirs) == 0.8  # type: ignore[arg-type]
    assert paired_ratio([round_(1.0)], [round_(0.0)]) is None  # type: ignore[list-item]
