"""Percentiles, summaries and ratios."""

from __future__ import annotations

import pytest

from bench.memory import parse_status_kb
from bench.stats import percentile, ratio, summarise


@pytest.mark.parametrize(
    ("values", "pct", "expected"),
    [
        ([1.0], 50, 1.0),
        ([1.0, 2.0, 3.0, 4.0], 50, 2.5),
        ([4.0, 1.0, 3.0, 2.0], 50, 2.5),  # order does not matter
        ([1.0, 2.0, 3.0, 4.0, 5.0], 0, 1.0),
        ([1.0, 2.0, 3.0, 4.0, 5.0], 100, 5.0),
        (list(range(1, 101)), 95, 95.05),  # NumPy's linear interpolation
        (list(range(1, 101)), 99, 99.01),
        ([10.0, 20.0], 25, 12.5),
    ],
)
def test_percentile_interpolates_like_numpy(values, pct, expected) -> None:
    assert percentile(values, pct) == pytest.approx(expected)


def test_percentile_of_nothing_is_none() -> None:
    assert percentile([], 95) is None


def test_percentile_outside_0_100_is_an_error() -> None:
    with pytest.raises(ValueError):
        percentile([1.0], 101)


def test_summarise_counts_failures_and_throughput_from_replies_only() -> None:
    result = summarise(
        mode="closed",
        level=10,
        duration_s=2.0,
        latencies_s=[0.1, 0.2, 0.3, 0.4],
        errors=1,
        lost=2,
        unexpected=1,
        rss_mb={"rasa": 700.0},
    )
    assert (result.sent, result.ok, result.errors, result.lost) == (7, 4, 1, 2)
    assert result.throughput == 2.0
    assert result.p50_ms == 250.0
    assert result.max_ms == 400.0
    assert result.rss_mb == {"rasa": 700.0}


def test_summarise_with_no_reply_has_no_latency() -> None:
    result = summarise(
        mode="open",
        level=5,
        duration_s=1.0,
        latencies_s=[],
        errors=0,
        lost=3,
        unexpected=0,
    )
    assert result.p95_ms is None and result.mean_ms is None
    assert result.throughput == 0.0


@pytest.mark.parametrize(
    ("ours", "theirs", "expected"),
    [(2.0, 1.0, 2.0), (1.0, 3.0, 0.33), (None, 1.0, None), (1.0, 0.0, None)],
)
def test_ratio(ours, theirs, expected) -> None:
    assert ratio(ours, theirs) == expected


def test_parse_proc_status() -> None:
    text = "Name:\tpython\nVmHWM:\t  812344 kB\nVmRSS:\t  700416 kB\n"
    assert parse_status_kb(text, "VmRSS") == 700416
    assert parse_status_kb(text, "VmHWM") == 812344
    assert parse_status_kb(text, "VmSwap") is None


def test_rounds_combine_as_medians_and_sums() -> None:
    from bench.stats import median_of_rounds

    def round_of(throughput: float, p95: float, lost: int, rss: float) -> dict:
        result = summarise(
            mode="open",
            level=20,
            duration_s=10.0,
            latencies_s=[p95 / 1000] * 10,
            errors=0,
            lost=lost,
            unexpected=0,
            rss_mb={"rasa": rss},
        ).to_dict()
        return result | {"throughput": throughput}

    rounds = [
        round_of(19.0, 100, 0, 800),
        round_of(20.0, 900, 2, 850),
        round_of(19.5, 120, 0, 820),
    ]
    combined = median_of_rounds(rounds)
    assert combined["throughput"] == 19.5
    assert combined["p95_ms"] == 120  # the disturbed round does not move it
    assert combined["max_ms"] == 900 and combined["lost"] == 2
    assert combined["duration_s"] == 30.0 and combined["rss_mb"] == {"rasa": 850}
    assert len(combined["rounds"]) == 3
    with pytest.raises(ValueError, match="no rounds"):
        median_of_rounds([])
