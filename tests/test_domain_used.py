"""Everything domain.yml declares is used somewhere (the other half of
tests/actions/test_names.py, which checks that everything used is declared).

A response built from a prefix counts as used only if the code builds exactly
that name (``tests.domain_names.composed_responses``), so a stray
``utter_triage_hint_x`` is caught like any other unused response.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from bot.startback.content import default_startback
from tests.domain_names import composed_responses

ROOT = Path(__file__).resolve().parents[1]
# Where a response, slot or action can be named: code, rules, clinical data.
SOURCES = ("bot", "actions", "data/rules", "data/clinical", "data/stories")
# Said by Rasa's own default actions when the domain has them (action_restart,
# action_default_fallback, action_back, action_default_ask_rephrase).
RASA_DEFAULT_RESPONSES = frozenset(
    {"utter_restart", "utter_default", "utter_back", "utter_ask_rephrase"}
)


def _corpus(folders: tuple[str, ...] = SOURCES) -> str:
    texts = []
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in (".py", ".yml", ".yaml"):
                texts.append(path.read_text(encoding="utf-8"))
    return "\n".join(texts)


@pytest.fixture(scope="module")
def corpus() -> str:
    return _corpus()


def mentioned(name: str, corpus: str) -> bool:
    """Whether ``name`` appears as a whole word."""
    return re.search(rf"(?<![\w]){re.escape(name)}(?![\w])", corpus) is not None


def test_a_name_is_found_as_a_whole_word_only() -> None:
    corpus = "say utter_greet_again, or UTTER = 'utter_bye'"
    assert mentioned("utter_bye", corpus)
    assert not mentioned("utter_greet", corpus)


def test_every_response_is_used(domain: dict[str, Any], corpus: str) -> None:
    questions = {
        f"utter_ask_{slot}"
        for form in domain["forms"].values()
        for slot in form["required_slots"]
    }
    unused = [
        name
        for name in domain["responses"]
        if name not in questions | RASA_DEFAULT_RESPONSES | composed_responses()
        and not mentioned(name, corpus)
    ]
    assert unused == []


def test_every_slot_is_used(domain: dict[str, Any], corpus: str) -> None:
    # The questionnaire's slots are named from its items (data/clinical/startback.yml).
    questionnaire = set(default_startback().slots)
    unused = [
        name
        for name in domain["slots"]
        if name not in questionnaire and not mentioned(name, corpus)
    ]
    assert unused == []


def test_every_form_is_used(domain: dict[str, Any], corpus: str) -> None:
    assert [name for name in domain["forms"] if not mentioned(name, corpus)] == []


def test_every_action_is_run_by_a_rule_or_by_the_policy(domain: dict[str, Any]) -> None:
    # actions/ names every action (its own class), so it does not count here: an
    # action runs when a rule or story predicts it, or bot/ (the policy and the
    # safety turn) does; a form's validator runs while its form is active.
    predicting = _corpus(folders=("bot", "data/rules", "data/stories"))
    validators = {f"validate_{form}" for form in domain["forms"]}
    never_run = [
        name
        for name in domain["actions"]
        if name not in validators and not mentioned(name, predicting)
    ]
    assert never_run == []
