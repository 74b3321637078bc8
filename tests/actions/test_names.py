"""Every name the code uses exists in domain.yml (the other half:
tests/test_domain_used.py, everything domain.yml declares is used)."""

from __future__ import annotations

from typing import Any

import pytest

from actions import names
from actions.context import ANSWER_SLOTS
from actions.triage_form import REASK_COUNT_SLOT
from bot.startback.content import default_startback
from tests.domain_names import (
    NAME_LITERAL,
    composed_responses,
    constants,
    named_in_code,
    slot_constants,
)


def implemented_actions() -> set[str]:
    """The actions the action server runs: what rasa_sdk finds in ``actions/``."""
    from rasa_sdk.executor import ActionExecutor

    executor = ActionExecutor()
    executor.register_package("actions")
    return set(executor.actions)


def test_the_action_server_implements_exactly_the_declared_actions(
    domain: dict[str, Any],
) -> None:
    assert implemented_actions() == set(domain["actions"])


def test_actions_match_the_domain(domain: dict[str, Any]) -> None:
    declared = set(domain["actions"])
    assert constants("ACTION_") | constants("VALIDATE_") == declared


def test_every_response_named_in_actions_names_exists(domain: dict[str, Any]) -> None:
    prefixes = {name for name in constants("UTTER_") if name.endswith("_")}
    assert prefixes == {
        names.UTTER_TRIAGE_HINT_PREFIX,
        names.UTTER_ACTIVITY_VERDICT_PREFIX,
        names.UTTER_STARTBACK_HINT_PREFIX,
        names.UTTER_FOLLOW_UP_HINT_PREFIX,
    }, "a new prefix: list the names it builds in tests/domain_names.py"
    missing = (constants("UTTER_") - prefixes) - set(domain["responses"])
    assert missing == set()


def test_every_response_built_from_a_prefix_exists(domain: dict[str, Any]) -> None:
    assert composed_responses() - set(domain["responses"]) == set()


def test_every_response_or_action_written_in_code_is_declared(
    domain: dict[str, Any],
) -> None:
    from rasa.shared.core.constants import DEFAULT_ACTION_NAMES

    declared = (
        set(domain["responses"])
        | set(domain["actions"])
        | set(domain["forms"])
        | set(DEFAULT_ACTION_NAMES)
    )
    undeclared = {
        name: files for name, files in named_in_code().items() if name not in declared
    }
    assert undeclared == {}


@pytest.mark.parametrize(
    ("source", "names_found"),
    [
        ("response='utter_greet'", ["utter_greet"]),
        ('ACTION = "action_assess_triage"', ["action_assess_triage"]),
        ('"validate_triage_form"', ["validate_triage_form"]),
        ('prefix = "utter_triage_hint_"', []),  # a prefix, not a name
        ("the utter_greet response", []),  # prose, not a literal
    ],
)
def test_names_are_found_as_whole_literals(source: str, names_found: list[str]) -> None:
    assert [m.group(2) for m in NAME_LITERAL.finditer(source)] == names_found


def test_slots_exist(domain: dict[str, Any]) -> None:
    slots = set(domain["slots"])
    used = (
        set(ANSWER_SLOTS)
        | constants("SLOT_")
        | {REASK_COUNT_SLOT}
        | set(default_startback().slots)
    )
    assert used - slots == set()


def test_every_slot_constant_in_code_is_declared(domain: dict[str, Any]) -> None:
    undeclared = {
        slot: where
        for slot, where in slot_constants().items()
        # requested_slot: Rasa adds it to every domain with a form.
        if slot not in domain["slots"] and slot != names.REQUESTED_SLOT
    }
    assert undeclared == {}


def test_every_form_asks_only_for_declared_slots(domain: dict[str, Any]) -> None:
    undeclared = {
        form: [slot for slot in spec["required_slots"] if slot not in domain["slots"]]
        for form, spec in domain["forms"].items()
    }
    assert undeclared == {form: [] for form in domain["forms"]}


def test_every_form_question_has_an_ask_response(domain: dict[str, Any]) -> None:
    missing = [
        f"utter_ask_{slot}"
        for spec in domain["forms"].values()
        for slot in spec["required_slots"]
        if f"utter_ask_{slot}" not in domain["responses"]
    ]
    assert missing == []


def test_interrupting_intents_are_intents(domain: dict[str, Any]) -> None:
    assert set(domain["intents"]) >= names.INTERRUPTING_INTENTS
