"""Report formatting and the profile summary."""

from __future__ import annotations

import json

from bench.profile import package_of, summarise_collapsed
from bench.report.sections import markdown
from bench.report.tables import (
    cost_table,
    fmt,
    fmt_rate,
    fmt_ratio,
    load_table,
    workers_table,
)
from bench.stats import summarise

SITE = "/work/main/.venv/lib/python3.10/site-packages"


def _level(mode: str, level: float, latency: float, n: int = 10) -> dict:
    return summarise(
        mode=mode,
        level=level,
        duration_s=1.0,
        latencies_s=[latency] * n,
        errors=0,
        lost=1,
        unexpected=0,
        rss_mb={"rasa": 700.0},
    ).to_dict()


def _data() -> dict:
    return {
        "mode": "quick",
        "started": "20260101T000000Z",
        "rasa": "3.6.21",
        "timeout_s": 10.0,
        "wall_s": 100.0,
        "machine": {"cpus": 2, "load_before": "1.00", "load_after": "2.00"},
        "bots": {
            "backchat": {
                "levels": [_level("closed", 1, 0.05, 20), _level("open", 5, 0.06)],
                "cost": {"train_s": 30.0, "model_mb": 0.2, "cold_start_s": 10.0},
                "rss_peak_mb": {"rasa": 700.0, "actions": 50.0},
                "pss_end_mb": {"rasa": 600.0},
                "examples": {},
            },
            "starter": {
                "levels": [_level("closed", 1, 0.1), _level("open", 5, 0.1)],
                "cost": {"train_s": 60.0, "model_mb": 25.0, "cold_start_s": 20.0},
                "rss_peak_mb": {"rasa": 1000.0},
                "examples": {},
            },
        },
    }


def test_numbers_format() -> None:
    assert (fmt(None), fmt(1.25, 1), fmt_ratio(2.0), fmt_rate(0.125)) == (
        "-",
        "1.2",
        "2.00x",
        "12%",
    )


def test_load_table_pairs_the_bots_with_ratios() -> None:
    lines = load_table(_data())
    assert lines[2] == (
        "| closed | 1 people | 20.0 / 10.0 (2.00x) | 50 / 100 (0.50x) | "
        "50 / 100 (0.50x) | 50 / 100 (0.50x) | 0+1+0 / 0+1+0 |"
    )
    assert lines[3].startswith("| open | 5 msg/s | 10.0 / 10.0 (1.00x) | 60 / 100")


def test_cost_table_has_ratios_and_skips_missing_processes() -> None:
    table = "\n".join(cost_table(_data()))
    assert "| training time (s) | 30.0 | 60.0 | 0.50x |" in table
    peak = "peak RSS, summed over workers"
    assert f"| {peak}, rasa server (MB) | 700 | 1000 | 0.70x |" in table
    assert f"| {peak}, actions server (MB) | 50 | - | - |" in table
    assert "| memory (PSS, all workers), rasa server (MB) | 600 | - | - |" in table


def test_one_worker_table_sits_beside_two_workers_and_the_starter() -> None:
    data = _data()
    assert workers_table(data) == []  # not measured: no table
    data["one_worker"] = [_level("closed", 1, 0.08, 12)]
    lines = workers_table(data)
    assert lines[-1] == "| closed | 1 | 12.0 / 20.0 / 10.0 | 80 / 50 / 100 | 1.20x |"
    assert "one Rasa worker" in markdown(data)


def test_markdown_is_whole_and_data_is_json() -> None:
    data = _data()
    text = markdown(data, ["bench/results/latency.png"])
    assert text.startswith("# BackChat benchmark (quick")
    assert "![latency](latency.png)" in text
    json.dumps(data)


def test_package_of_a_source_file() -> None:
    assert package_of(f"{SITE}/rasa/core/agent.py") == "rasa"
    assert package_of(f"{SITE}/six.py") == "six"
    assert package_of("/work/main/bot/nlp/pipeline.py") == "bot"
    assert (
        package_of("/root/.pyenv/versions/3.10.13/lib/python3.10/json/decoder.py")
        == "stdlib:decoder"
    )


def test_collapsed_stacks_give_self_and_inclusive_shares() -> None:
    text = "\n".join(
        [
            f"main ({SITE}/rasa/server.py:1);parse ({SITE}/rasa/nlu/x.py:2) 3",
            f"main ({SITE}/rasa/server.py:1);save ({SITE}/sqlalchemy/orm.py:9) 1",
            "garbage line",
        ]
    )
    summary = summarise_collapsed(text)
    assert summary["samples"] == 4
    assert summary["self_by_function"][0] == ("parse (nlu/x.py)", 0.75)
    assert ("main (rasa/server.py)", 1.0) in summary["inclusive_by_function"]
    assert dict(summary["inclusive_by_package"]) == {"rasa": 1.0, "sqlalchemy": 0.25}
