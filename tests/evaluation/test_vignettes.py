"""The vignette file and its scoring."""

from __future__ import annotations

from collections import Counter

import pytest

from bench.quality import outcome_from_tracker
from bot.evaluation.vignettes import (
    FIRST_QUESTIONS,
    LEVELS,
    NO_OUTCOME,
    Outcome,
    is_over,
    is_safe,
    is_under,
    load_vignettes,
    rule_agrees,
    score,
)
from bot.triage import assess
from bot.triage.ruleset_file import default_ruleset
from tests.answers import all_no

VIGNETTES = load_vignettes()
RULESET = default_ruleset()
# The harness answers "no" to any question a story does not settle, so "Is it
# slowly getting better?" is a no unless the truth says otherwise.
ALL_NO = all_no(pain_duration_days=10, is_improving=False)
IMPLIED = RULESET.implied_yes()  # a detailed yes is also a yes to its group


def test_there_are_at_least_40_with_every_level_and_rule() -> None:
    assert len(VIGNETTES) >= 40
    counts = Counter(v.level for v in VIGNETTES)
    assert all(counts[level] >= 8 for level in LEVELS), counts
    rule_ids = {rule.id for rule in RULESET.rules} | {RULESET.crisis.id}
    assert {v.rule for v in VIGNETTES} - {"none"} <= rule_ids
    assert len({v.id for v in VIGNETTES}) == len(VIGNETTES)


@pytest.mark.parametrize("vignette", VIGNETTES, ids=lambda v: v.id)
def test_the_label_is_what_the_ruleset_says_for_the_facts(vignette) -> None:
    answers = dict(ALL_NO)
    for name, value in vignette.truth.items():
        answers[name] = value
        if value is True:
            answers.update(dict.fromkeys(IMPLIED.get(name, []), True))
    if vignette.rule == RULESET.crisis.id:
        # Crisis comes before triage: scored as emergency (crisis lines, 999).
        assert vignette.truth.get(RULESET.crisis.answer) is True
        return
    assessment = assess(answers)
    assert assessment.level.value == vignette.level
    fired = [rule.id for rule in assessment.fired]
    if vignette.rule == "none":
        assert fired == []
    else:
        top = [r.id for r in assessment.fired if r.urgency == assessment.level]
        assert vignette.rule in top, fired


@pytest.mark.parametrize("vignette", VIGNETTES, ids=lambda v: v.id)
def test_every_vignette_answers_the_first_questions(vignette) -> None:
    assert all(vignette.answers.get(q) for q in FIRST_QUESTIONS)
    assert vignette.answer("has_fever") == vignette.answers.get("has_fever", "no")


@pytest.mark.parametrize(
    ("gold", "predicted", "under", "over", "safe"),
    [
        ("emergency", "emergency", False, False, True),
        ("emergency", "urgent", True, False, True),  # one level less: still safe
        ("emergency", "soon", True, False, False),
        ("soon", "self_care", True, False, True),
        ("urgent", "self_care", True, False, False),
        ("self_care", "emergency", False, True, True),
        ("self_care", NO_OUTCOME, True, False, False),
    ],
)
def test_under_over_and_safe(gold, predicted, under, over, safe) -> None:
    assert is_under(gold, predicted) is under
    assert is_over(gold, predicted) is over
    assert is_safe(gold, predicted) is safe


def test_score_rates_per_level_and_confusion() -> None:
    outcomes = [
        Outcome("a", "emergency", "emergency", "RF-CES-01", ("RF-CES-01",)),
        Outcome("b", "emergency", "soon", "RF-CES-02", ("RF-SCI-01",)),
        Outcome("c", "self_care", "self_care", "none", ()),
        Outcome("d", "self_care", "soon", "none", ("RF-NGT-01",)),
    ]
    result = score(outcomes)
    assert result["overall"] == {
        "n": 4,
        "appropriate": 0.5,
        "under_triage": 0.25,
        "over_triage": 0.25,
        "safe": 0.75,
        "rule_agreement": 0.5,
    }
    assert result["per_level"]["emergency"]["under_triage"] == 0.5
    assert result["per_level"]["urgent"]["n"] == 0
    assert result["per_level"]["urgent"]["appropriate"] is None
    assert result["confusion"]["emergency"] == {
        "emergency": 1,
        "urgent": 0,
        "soon": 1,
        "self_care": 0,
        NO_OUTCOME: 0,
    }
    assert [m["id"] for m in result["misses"]] == ["b", "d"]


def test_rule_agreement() -> None:
    assert rule_agrees(
        Outcome("a", "soon", "soon", "RF-SCI-01", ("RF-NGT-01", "RF-SCI-01"))
    )
    assert not rule_agrees(Outcome("a", "self_care", "soon", "none", ("RF-NGT-01",)))


def test_outcome_is_the_slot_else_the_last_triage_response() -> None:
    assert outcome_from_tracker({"slots": {"triage_level": "soon"}}) == "soon"
    events = [
        {"event": "bot", "metadata": {"utter_action": "utter_greet"}},
        {"event": "user"},
        {"event": "bot", "metadata": {"utter_action": "utter_triage_emergency"}},
    ]
    tracker = {"slots": {"triage_level": None}, "events": events}
    assert outcome_from_tracker(tracker) == "emergency"
    assert outcome_from_tracker({"slots": {}, "events": events[:1]}) is None


def test_first_reading_names_the_intent_and_red_flags() -> None:
    from bench.quality import first_reading

    parse = {
        "intent": {"name": "report_emergency_symptom", "confidence": 0.61},
        "entities": [
            {"entity": "red_flag", "value": "has_fever", "negated": True},
            {"entity": "body_location", "value": "lower_back"},
        ],
    }
    tracker = {"events": [{"event": "action"}, {"event": "user", "parse_data": parse}]}
    assert first_reading(tracker) == (
        "story read as report_emergency_symptom (0.61), red flags: not has_fever"
    )
    assert first_reading({"events": []}) == ""
