"""Every name the actions use exists in domain.yml, and the other way round."""

from __future__ import annotations

from typing import Any

from actions import names
from actions.context import ANSWER_SLOTS
from actions.triage_form import REASK_COUNT_SLOT


def _constants(prefix: str) -> set[str]:
    return {value for key, value in vars(names).items() if key.startswith(prefix)}


def test_actions_match_the_domain(domain: dict[str, Any]) -> None:
    declared = set(domain["actions"])
    used = _constants("ACTION_") | _constants("VALIDATE_")
    assert used == declared


def test_responses_exist(domain: dict[str, Any]) -> None:
    responses = set(domain["responses"])
    used = {name for name in _constants("UTTER_") if not name.endswith("_")}
    assert used <= responses
    for verdict in ("ok", "caution", "avoid"):
        assert names.UTTER_ACTIVITY_VERDICT_PREFIX + verdict in responses
    for slot in names.TRIAGE_CONTEXT_SLOTS:
        assert names.UTTER_TRIAGE_HINT_PREFIX + slot in responses


def test_slots_exist(domain: dict[str, Any]) -> None:
    slots = set(domain["slots"])
    used = set(ANSWER_SLOTS) | _constants("SLOT_") | {REASK_COUNT_SLOT}
    assert used <= slots
    assert set(domain["forms"][names.TRIAGE_FORM]["required_slots"]) <= slots


def test_every_form_question_has_an_ask_response(domain: dict[str, Any]) -> None:
    for slot in domain["forms"][names.TRIAGE_FORM]["required_slots"]:
        assert f"utter_ask_{slot}" in domain["responses"]


def test_interrupting_intents_are_intents(domain: dict[str, Any]) -> None:
    assert set(domain["intents"]) >= names.INTERRUPTING_INTENTS
