"""Replies to STarT Back items: buttons and the words people type."""

from __future__ import annotations

import pytest

from bot.startback.answers import read_answer
from bot.startback.content import default_startback

TOOL = default_startback()
LEG = TOOL.items[0]
BOTHERSOME = TOOL.items[8]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yeah", "agree"),
        ("Yes", "agree"),
        ("a bit", "agree"),  # a hedged yes agrees
        ("very much so", "agree"),
        ("I agree", "agree"),
        ("not really", "disagree"),
        ("nope", "disagree"),
        ("Disagree", "disagree"),
        ("not at all", "disagree"),
        ("not sure", None),  # asked again, never guessed
        ("what do you mean", None),
        ("", None),
    ],
)
def test_typed_replies_to_an_agree_item(text: str, expected: str | None) -> None:
    assert read_answer(LEG, TOOL, text=text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("not at all", "not_at_all"),
        ("not really", "not_at_all"),
        ("a bit", "slightly"),
        ("Slightly.", "slightly"),
        ("moderately", "moderately"),
        ("quite", "moderately"),
        ("very much so", "very_much"),
        ("very much", "very_much"),
        ("a lot", "very_much"),
        ("extremely", "extremely"),
        ("yeah", None),  # a yes does not say how much
        ("dunno", None),
    ],
)
def test_typed_replies_to_the_bothersome_item(text: str, expected: str | None) -> None:
    assert read_answer(BOTHERSOME, TOOL, text=text) == expected


def test_buttons_send_the_option() -> None:
    button = [{"entity": "choice", "value": "agree"}]
    assert read_answer(LEG, TOOL, text='/inform{"choice":"agree"}', entities=button)
    extremely = [{"entity": "choice", "value": "extremely"}]
    assert read_answer(BOTHERSOME, TOOL, text="/inform", entities=extremely) == (
        "extremely"
    )


def test_a_button_of_another_scale_is_no_answer() -> None:
    assert (
        read_answer(
            LEG,
            TOOL,
            text="/inform",
            entities=[{"entity": "choice", "value": "extremely"}],
        )
        is None
    )
    assert read_answer(LEG, TOOL, text="/affirm") is None
