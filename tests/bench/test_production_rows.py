"""The bench's production rows: which levels, and how the table reads."""

from __future__ import annotations

from bench.production import levels
from bench.report.tables import production_table


def test_the_busiest_levels_of_the_full_plan() -> None:
    assert levels((1, 10, 20, 50), (5, 10, 20, 40)) == [
        ("closed", 20.0),
        ("closed", 50.0),
        ("open", 20.0),
        ("open", 40.0),
    ]


def test_a_quick_plan_uses_its_busiest_levels() -> None:
    assert levels((1, 10), (5, 10)) == [("closed", 10.0), ("open", 10.0)]


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
        "replica_pss_mb": 480.0,
        "cold_start_s": 41.0,
    }
    lines = production_table({"production": [row]})
    assert lines[1].startswith("### Production profile")
    assert lines[-1] == (
        "| 2 | open | 40 | 39.0 / 40.0 | 120 / 200 | 0 / 0 | 0.97x | 480 | 41.0 |"
    )
    assert production_table({}) == []
