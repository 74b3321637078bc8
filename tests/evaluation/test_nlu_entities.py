"""bot.evaluation.nlu_entities: the metric arithmetic and the eval file's shape."""

from __future__ import annotations

from types import ModuleType

import pytest

from bot.evaluation import nlu_entities
from bot.nlp import ClinicalEntity


@pytest.fixture(scope="module")
def ev() -> ModuleType:
    return nlu_entities


def _e(entity: str, value: str | int, negated: bool = False) -> ClinicalEntity:
    return ClinicalEntity(entity, value, "", 0, 0, negated, False)


def test_parse_fact(ev: ModuleType) -> None:
    assert ev.parse_fact("duration=21") == ("duration", 21, "pos")
    assert ev.parse_fact("red_flag=has_fever:neg") == ("red_flag", "has_fever", "neg")
    assert ev.parse_fact("symptom=numbness:unc") == ("symptom", "numbness", "unc")


def test_evaluate_entities(ev: ModuleType) -> None:
    cases = [
        ev.EvalCase(
            "a",
            "inform",
            frozenset({("red_flag", "has_saddle_numbness", "pos")}),
            frozenset({"has_saddle_numbness"}),
        ),
        ev.EvalCase(
            "b",
            "deny",
            frozenset({("red_flag", "has_fever", "neg")}),
            frozenset(),
        ),
        ev.EvalCase("c", "greet", frozenset(), frozenset()),
    ]
    predictions = {
        "a": [],
        "b": [_e("red_flag", "has_fever")],
        "c": [_e("symptom", "numbness")],
    }
    report = ev.evaluate_entities(cases, lambda text: predictions[text])
    red = report.per_type["red_flag"]
    assert (red.tp, red.fp, red.fn) == (0, 1, 2)
    assert report.per_type["symptom"].precision == 0.0
    assert report.red_flag_recall == 0.0
    assert report.emergency_recall == 0.0
    assert report.false_alarm_rate == pytest.approx(1 / 3)
    assert report.denied_read_as_present == [("b", "has_fever")]


def test_eval_file_is_big_enough_and_consistent(ev: ModuleType) -> None:
    cases, _today = ev.load_cases()
    assert len(cases) >= 170
    assert sum(1 for c in cases if c.red_flags) >= 50
    assert sum(1 for c in cases if any(p == "neg" for _, _, p in c.facts)) >= 40
    intents = {c.intent for c in cases}
    assert intents == {
        "greet", "goodbye", "thank", "affirm", "deny", "unsure", "inform",
        "report_pain", "report_emergency_symptom", "ask_what_to_avoid",
        "ask_exercises", "request_clinician", "restart", "out_of_scope",
        "bot_challenge",
    }  # fmt: skip
