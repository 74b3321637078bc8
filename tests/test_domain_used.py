"""Everything domain.yml declares is used somewhere (the other half of
tests/actions/test_names.py, which checks that everything used is declared)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from actions import names
from bot.followup.verdict import Verdict
from bot.startback.content import default_startback

ROOT = Path(__file__).resolve().parents[1]
# Where a response, slot or action can be named: code, rules, clinical data.
SOURCES = ("bot", "actions", "data/rules", "data/clinical", "data/stories")
# Said by Rasa's own default actions when the domain has them (action_restart,
# action_default_fallback, action_back, action_default_ask_rephrase).
RASA_DEFAULT_RESPONSES = frozenset(
    {"utter_restart", "utter_default", "utter_back", "utter_ask_rephrase"}
)


def _corpus() -> str:
    texts = []
    for folder in SOURCES:
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


def _made_from_a_prefix(name: str) -> bool:
    # Responses named at run time from a prefix and a value (actions/names.py,
    # the follow-up verdicts of bot/followup/verdict.py).
    prefixes = (
        names.UTTER_ACTIVITY_VERDICT_PREFIX,
        names.UTTER_TRIAGE_HINT_PREFIX,
        names.UTTER_STARTBACK_HINT_PREFIX,
        names.UTTER_FOLLOW_UP_HINT_PREFIX,
    )
    verdicts = {verdict.response for verdict in Verdict}
    return name.startswith(prefixes) or name in verdicts


def test_every_response_is_used(domain: dict[str, Any], corpus: str) -> None:
    questions = {
        f"utter_ask_{slot}"
        for form in domain["forms"].values()
        for slot in form["required_slots"]
    }
    unused = [
        name
        for name in domain["responses"]
        if name not in questions | RASA_DEFAULT_RESPONSES
        and not _made_from_a_prefix(name)
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
