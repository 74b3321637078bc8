"""The Rasa adapter inside a real (tiny) Rasa NLU model.

Trains a small NLU model in a temporary directory once per module (about
10-20 s with the logistic-regression classifier, no TensorFlow training), then
parses messages through the whole graph.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot.rasa.nlu_component import ClinicalEntityExtractor

rasa_model_training = pytest.importorskip("rasa.model_training")
from rasa.core.agent import Agent  # noqa: E402

CONFIG = """\
recipe: default.v1
language: en
assistant_id: backchat_nlp_test
pipeline:
  - name: WhitespaceTokenizer
  - name: CountVectorsFeaturizer
  - name: LogisticRegressionClassifier
  - name: bot.rasa.nlu_component.ClinicalEntityExtractor
policies: []
"""

NLU = """\
version: "3.1"
nlu:
- intent: greet
  examples: |
    - hi
    - hello
    - hello there
    - good morning
    - hey
- intent: report_pain
  examples: |
    - my back hurts
    - I have lower back pain
    - my back has been sore for weeks
    - pain in my neck
    - my lower back is killing me
- intent: report_emergency_symptom
  examples: |
    - I wet myself
    - I can't feel when I wipe
    - both my legs are weak
    - I was in a car crash
    - numb down there
- intent: deny
  examples: |
    - no
    - nope
    - not really
    - no I don't
    - never
"""


@pytest.fixture(scope="module")
def agent(tmp_path_factory: pytest.TempPathFactory) -> Agent:
    """A tiny NLU model with the clinical extractor, trained once."""
    root = tmp_path_factory.mktemp("rasa_nlu")
    config = root / "config.yml"
    config.write_text(CONFIG, encoding="utf-8")
    nlu = root / "nlu.yml"
    nlu.write_text(NLU, encoding="utf-8")
    model = rasa_model_training.train_nlu(
        str(config), str(nlu), str(root / "models"), fixed_model_name="nlu"
    )
    assert model, "NLU training failed"
    return Agent.load(model)


def parse(agent: Agent, text: str) -> dict[str, Any]:
    return asyncio.run(agent.parse_message(text))


def _entities(result: dict[str, Any]) -> set[tuple[str, Any, bool]]:
    return {
        (e["entity"], e["value"], e["negated"])
        for e in result["entities"]
        if e.get("extractor") == "ClinicalEntityExtractor"
    }


def test_entities_with_negation_reach_rasa(agent: Agent) -> None:
    result = parse(
        agent,
        "my lower back has hurt for about three weeks since I lifted a box, "
        "it doesn't wake me up but my left leg tingles",
    )
    assert _entities(result) == {
        ("body_location", "lower_back", False),
        ("duration", 21, False),
        ("onset", "lifting", False),
        ("red_flag", "has_night_pain", True),
        ("red_flag", "has_leg_symptoms", False),
        ("laterality", "left", False),
        ("symptom", "tingling", False),
    }
    entity = result["entities"][0]
    assert entity["confidence_entity"] == 1.0
    assert {"start", "end", "uncertain"} <= set(entity)
    assert result["intent"]["name"] != "report_emergency_symptom"


@pytest.mark.parametrize(
    "text",
    [
        "hi there, good morning, I can't hold my wee anymore",
        "hey, my bum has gone numb",
        "hello hello, fell off a ladder",
    ],
)
def test_emergency_promotes_intent(agent: Agent, text: str) -> None:
    result = parse(agent, text)
    assert result["intent"] == {"name": "report_emergency_symptom", "confidence": 1.0}
    ranking = result["intent_ranking"]
    assert ranking[0] == {"name": "report_emergency_symptom", "confidence": 1.0}
    assert [r["name"] for r in ranking].count("report_emergency_symptom") == 1


def test_hedged_emergency_is_not_forced(agent: Agent) -> None:
    result = parse(agent, "hello, I think I might have wet myself")
    assert _entities(result) == {("red_flag", "has_bladder_bowel_change", False)}
    assert result["intent"]["confidence"] < 1.0


def test_denied_emergency_is_not_promoted(agent: Agent) -> None:
    result = parse(agent, "hello, no problems with my bladder or bowels")
    assert _entities(result) == {("red_flag", "has_bladder_bowel_change", True)}
    assert result["intent"]["name"] == "greet"


def test_non_emergency_red_flag_is_not_promoted(agent: Agent) -> None:
    result = parse(agent, "hello, I have a fever")
    assert result["intent"]["name"] == "greet"


def test_emergency_values_are_configurable() -> None:
    component = ClinicalEntityExtractor({"emergency_red_flags": ["has_fever"]})
    assert component.emergency_values == frozenset({"has_fever"})
    with pytest.raises(ValueError, match="unknown emergency_red_flags"):
        ClinicalEntityExtractor({"emergency_red_flags": ["has_flu"]})


def test_process_without_rasa_graph() -> None:
    from rasa.shared.nlu.training_data.message import Message

    component = ClinicalEntityExtractor({"emergency_red_flags": ["has_fever"]})
    message = Message(
        data={
            "text": "hi, I've got a fever",
            "intent": {"name": "greet", "confidence": 0.9},
            "intent_ranking": [
                {"name": "greet", "confidence": 0.9},
                {"name": "has_fever_intent", "confidence": 0.1},
            ],
        }
    )
    (out,) = component.process([message])
    assert out.get("intent") == {"name": "report_emergency_symptom", "confidence": 1.0}
    assert [r["name"] for r in out.get("intent_ranking")] == [
        "report_emergency_symptom",
        "greet",
        "has_fever_intent",
    ]


def test_a_guessed_emergency_the_rules_read_otherwise_is_demoted() -> None:
    from rasa.shared.nlu.training_data.message import Message

    from bot.rasa.nlu_component import demote_intent

    message = Message(data={"text": "my foot feels numb"})
    message.set("intent", {"name": "report_emergency_symptom", "confidence": 0.6})
    message.set(
        "intent_ranking",
        [
            {"name": "report_emergency_symptom", "confidence": 0.6},
            {"name": "inform", "confidence": 0.3},
        ],
    )
    demote_intent(message, "report_emergency_symptom")
    assert message.get("intent") == {"name": "inform", "confidence": 0.3}
    assert [i["name"] for i in message.get("intent_ranking")] == ["inform"]


def test_a_weak_guess_at_restart_is_taken_away() -> None:
    from rasa.shared.nlu.training_data.message import Message

    component = ClinicalEntityExtractor({})
    ranking = [
        {"name": "restart", "confidence": 0.45},
        {"name": "inform", "confidence": 0.4},
    ]
    weak = Message(data={"text": "it just started hurting", "intent": ranking[0]})
    weak.set("intent_ranking", ranking)
    (out,) = component.process([weak])
    assert out.get("intent")["name"] == "inform"
    sure = Message(
        data={"text": "start again", "intent": {"name": "restart", "confidence": 0.95}}
    )
    (out,) = component.process([sure])
    assert out.get("intent")["name"] == "restart"
