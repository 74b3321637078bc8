"""The triage function against the case table in tests/data/triage_cases.yml."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.triage import Urgency, assess, load_ruleset
from tests.answers import all_no

CASES_PATH = Path(__file__).resolve().parents[1] / "data" / "triage_cases.yml"
ALL_NO: dict[str, Any] = all_no(pain_duration_days=10)
CASES = yaml.safe_load(CASES_PATH.read_text())["cases"]


def case_answers(case: dict[str, Any]) -> dict[str, Any]:
    base = dict(ALL_NO) if case["base"] == "all_no" else {}
    return {**base, **case["answers"]}


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    assessment = assess(case_answers(case))
    expected_level = Urgency(case["level"]) if case["level"] else None
    assert assessment.level is expected_level
    assert assessment.fired_rule_ids == case["fired"]
    for rule_id in case.get("negative_for", []):
        assert rule_id not in assessment.fired_rule_ids
    if "missing" in case:
        assert list(assessment.missing) == case["missing"]


def test_every_rule_has_a_positive_and_a_negative_case() -> None:
    rule_ids = {rule.id for rule in load_ruleset().rules}
    positive = {rule_id for case in CASES for rule_id in case["fired"]}
    negative = {rule_id for case in CASES for rule_id in case.get("negative_for", [])}
    assert rule_ids - positive == set(), "rules with no positive case"
    assert rule_ids - negative == set(), "rules with no negative case"


def test_assessment_carries_version_and_response() -> None:
    assessment = assess({**ALL_NO, "has_fever": True})
    assert assessment.ruleset_version == load_ruleset().version
    assert assessment.response == "utter_triage_urgent"
    assert assessment.needs_doctor and assessment.is_final
    (fever,) = [rule for rule in load_ruleset().rules if rule.id == "RF-INF-01"]
    assert assessment.reasons == [fever.reason]


def test_unanswered_questions_are_listed_in_asking_order() -> None:
    assessment = assess({"has_cauda_equina_symptom": False})
    # The weakness follow-up stays needed until leg symptoms are ruled out.
    assert assessment.missing[:4] == (
        "age",
        "has_leg_symptoms",
        "has_leg_weakness",
        "is_after_injury",
    )
    assert assessment.level is None and not assessment.is_final
