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


def test_a_not_known_screening_question_is_never_a_no() -> None:
    answers = {**ALL_NO, "has_general_flag": None, "has_night_pain": None}
    undecided = assess(answers)
    assert undecided.level is None and "has_general_flag" in undecided.missing
    # A grouped question not known: its own questions are asked one by one.
    grouped = assess(answers, not_known=["has_general_flag"])
    assert grouped.level is None and grouped.missing == ("has_night_pain",)
    unknown = assess(answers, not_known=["has_general_flag", "has_night_pain"])
    assert unknown.level is Urgency.SOON and unknown.fired == ()
    assert unknown.unknown == ("has_general_flag", "has_night_pain")
    assert unknown.missing == ()
    # A fired rule still decides; the unknown question is still reported.
    fired = assess(
        {**answers, "has_fever": True}, not_known=["has_general_flag", "has_night_pain"]
    )
    assert fired.level is Urgency.URGENT and "has_night_pain" in fired.unknown


def test_a_not_known_context_question_does_not_raise_the_level() -> None:
    answers = {**ALL_NO, "pain_onset": None}
    assert assess(answers, not_known=["pain_onset"]).level is Urgency.SELF_CARE
