"""Everything derived from the ruleset agrees with it, in both directions.

Adding a red flag is data (red_flags.yml), wording (domain.yml) and tests: these
tests name what is missing when one of them is forgotten.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.dialogue import safety_turn
from bot.dialogue.slot_filling import RED_FLAG_ANSWERS
from bot.nlp.labels import EMERGENCY_RED_FLAGS, ENTITY_VALUES, RED_FLAG
from bot.nlp.lexicon_file import load_lexicon
from bot.triage import Urgency, load_ruleset
from bot.triage.emergency_message import EMERGENCY_ANSWERS

ROOT = Path(__file__).resolve().parents[2]
RULESET = load_ruleset()


@pytest.fixture(scope="module")
def domain() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "domain.yml").read_text())


def test_every_ruleset_answer_is_a_slot_and_every_answer_slot_is_in_the_ruleset(
    domain: dict[str, Any],
) -> None:
    slots = set(domain["slots"])
    answers = set(RULESET.answers)
    assert answers - slots == set(), "answers without a slot in domain.yml"
    answer_like = {
        s for s in slots if s.startswith(("has_", "is_", "pain_")) or s == "age"
    }
    assert answer_like - answers == set(), "answer slots the ruleset does not know"


def test_slot_types_follow_the_answer_kinds(domain: dict[str, Any]) -> None:
    expected_type = {"yes_no": "bool", "number": "float", "category": "categorical"}
    for name, spec in RULESET.answers.items():
        slot = domain["slots"][name]
        assert slot["type"] == expected_type[spec.kind], name
        if spec.kind == "category":
            assert list(slot["values"]) == list(spec.values), name


def test_the_form_asks_exactly_the_ruleset_questions_in_order(
    domain: dict[str, Any],
) -> None:
    required = domain["forms"]["triage_form"]["required_slots"]
    assert required == list(RULESET.question_answers)


def test_every_question_has_its_wording_and_no_orphan_question_wording(
    domain: dict[str, Any],
) -> None:
    responses = set(domain["responses"])
    asked = {f"utter_ask_{name}" for name in RULESET.question_answers}
    assert asked - responses == set(), "questions without wording"
    # The questionnaire's and the follow-up's own questions are theirs
    # (tests/startback/test_content.py checks the questionnaire's).
    other_forms = {
        f"utter_ask_{slot}"
        for form in ("startback_form", "follow_up_form")
        for slot in domain["forms"][form]["required_slots"]
    }
    wording = {r for r in responses if r.startswith("utter_ask_")} - other_forms
    assert wording - asked == set(), "wording for questions the ruleset does not ask"


def test_every_level_response_and_safety_response_exists(
    domain: dict[str, Any],
) -> None:
    responses = set(domain["responses"])
    assert set(RULESET.responses.values()) <= responses
    named = {
        value
        for name, value in vars(safety_turn).items()
        if name.startswith("UTTER_") and isinstance(value, str)
    }
    assert named - responses == set()


def test_grouped_question_buttons_name_only_what_the_group_covers(
    domain: dict[str, Any],
) -> None:
    for name, spec in RULESET.answers.items():
        if not spec.covers or f"utter_ask_{name}" not in domain["responses"]:
            continue
        (response,) = domain["responses"][f"utter_ask_{name}"]
        named = {
            _payload_entities(button["payload"]).get("red_flag")
            for button in response["buttons"]
        } - {None}
        assert named <= set(spec.covers), name


def _payload_entities(payload: str) -> dict[str, Any]:
    """Entities of a button payload: '/intent{{"red_flag":"x"}}' (domain escaping)."""
    text = payload.replace("{{", "{").replace("}}", "}")
    return json.loads(text[text.index("{") :]) if "{" in text else {}


def test_language_and_dialogue_sets_are_the_ruleset_sets() -> None:
    yes_no = RULESET.yes_no_answers
    assert ENTITY_VALUES[RED_FLAG] == yes_no
    assert yes_no == RED_FLAG_ANSWERS
    emergency = RULESET.sufficient_alone(Urgency.EMERGENCY)
    assert emergency == EMERGENCY_RED_FLAGS
    assert set(EMERGENCY_ANSWERS) == emergency
    # Beyond the spine and the cauda equina screen are all there.
    assert {
        "has_chest_pain",
        "has_tearing_pain",
        "has_pulsating_abdomen",
        "has_severe_breathlessness",
        "has_sepsis_signs",
        "has_sexual_dysfunction",
        "has_bladder_bowel_change",
    } <= emergency


def test_every_red_flag_the_language_pipeline_names_is_a_ruleset_answer() -> None:
    values = {
        group.value for group in load_lexicon().groups if group.entity == RED_FLAG
    }
    assert values <= RULESET.yes_no_answers


def test_every_emergency_answer_can_be_recognised_in_free_text() -> None:
    values = {
        group.value for group in load_lexicon().groups if group.entity == RED_FLAG
    }
    grouped = {n for n, a in RULESET.answers.items() if a.covers}
    assert RULESET.sufficient_alone(Urgency.EMERGENCY) - grouped - values == set()
    assert RULESET.crisis is not None and RULESET.crisis.answer in values


def test_not_improving_means_the_same_length_of_time_everywhere() -> None:
    # The safety-net's "not improved in 4-6 weeks", its cautious end, written
    # in two content files: the first triage (RF-DUR-01) and the follow-up of a
    # remembered episode must say the same, or one of them tells a person who
    # is no better at 5 weeks that all is well.
    rules = yaml.safe_load((ROOT / "data/clinical/red_flags.yml").read_text())
    (duration,) = [rule for rule in rules["rules"] if rule["id"] == "RF-DUR-01"]
    (lasted,) = [
        c["between"][0]
        for c in duration["when"]["all"]
        if c.get("answer") == "pain_duration_days"
    ]
    startback = yaml.safe_load((ROOT / "data/clinical/startback.yml").read_text())
    assert lasted == startback["follow_up"]["not_better_after_days"]
    # and "is it getting better?" is asked from the day the rule can fire
    (asked,) = [q for q in rules["questions"] if q["answer"] == "is_improving"]
    assert asked["ask_if"]["between"][0] == lasted
