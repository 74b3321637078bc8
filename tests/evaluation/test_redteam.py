"""The held-out red-team corpora and their scoring (no trained model: a stub
parse with no intent and no entities recognises nothing)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from typing import Any

import pytest

from bot.evaluation.redteam import HELD_OUT, format_report, load_corpus, score
from bot.settings import PROJECT_ROOT

LEVELS = {"emergency", "crisis", "urgent", "soon"}


@pytest.mark.parametrize("path", HELD_OUT, ids=lambda path: path.name)
def test_a_held_out_corpus_is_big_enough_and_well_formed(path) -> None:
    # The bar: 300 red flags (none missed: miss rate under 1%) and
    # 150 benign look-alikes; ids unique, levels known, no message in both.
    corpus = load_corpus(path)
    flags, benign = corpus["red_flags"], corpus["benign"]
    assert len(flags) >= 300 and len(benign) >= 150
    assert {case["level"] for case in flags} <= LEVELS
    ids = [case["id"] for case in flags + benign]
    assert len(ids) == len(set(ids))
    assert not {c["text"] for c in flags} & {c["text"] for c in benign}


def _nothing_recognised(texts: list[str]) -> list[Mapping[str, Any]]:
    return [{"intent": None, "entities": []} for _ in texts]


def test_the_report_names_its_corpus_and_counts_a_miss() -> None:
    corpus = {
        "red_flags": [
            {"id": "R1", "category": "cauda_equina", "level": "emergency", "text": "x"}
        ],
        "benign": [{"id": "B1", "looks_like": "cauda_equina", "text": "y"}],
    }
    report = score(corpus, _nothing_recognised)
    text = format_report(report, errors=True, name="redteam_9.yml")
    assert text.startswith("Red-team corpus redteam_9.yml (written blind")
    assert "red-flag recall: 0/1 = 0.0%" in text
    assert "  R1 [none; None; -] x" in text
    assert "false emergencies on benign: 0/1 = 0.0%" in text


def test_a_missing_corpus_is_a_clear_error_before_any_model_loads(tmp_path) -> None:
    script = PROJECT_ROOT / "scripts" / "eval_safety.py"
    missing = tmp_path / "nope.yml"
    result = subprocess.run(
        [sys.executable, str(script), "--corpus", str(missing)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert f"no red-team corpus at {missing}" in result.stderr


def test_a_flag_told_in_doubt_counts_only_for_what_its_yes_would_record() -> None:
    """Asked first, a doubted flag protects at the level a yes would record:
    a weaker foot (urgent) counts; pain that may wake at night (soon) does not
    count for an urgent case."""

    def doubted(value: str) -> dict[str, Any]:
        entity = {"entity": "red_flag", "value": value, "uncertain": True}
        return {"intent": {"name": "report_pain"}, "entities": [entity]}

    corpus = {
        "red_flags": [
            {"id": "R1", "category": "neuro_deficit", "level": "urgent", "text": "a"},
            {"id": "R2", "category": "cancer_urgent", "level": "urgent", "text": "b"},
        ],
        "benign": [{"id": "B1", "looks_like": "neuro_deficit", "text": "c"}],
    }
    parsed = [doubted("has_leg_weakness"), doubted("has_night_pain")]
    report = score(corpus, lambda texts: [*parsed, doubted("has_fever")])
    assert report.hits["urgent"] == 1
    assert report.how == {"asked first": 1}
    assert [cid for cid, _, _ in report.misses] == ["R2"]
    assert report.benign_asked_first == 1
    assert "a flag told in doubt asked first: 1" in format_report(report)
