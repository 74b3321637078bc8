"""Bad input never crashes extraction."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.nlp import ClinicalEntity, extract
from bot.nlp.extraction import MAX_CHARS, clean_text

Run = Callable[[str], list[ClinicalEntity]]


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\t",
        "?",
        "...",
        "🙂🙂🙂",
        "🤕 back 😭 pain 💀",
        "\x00\x01",
        "a" * 5000,
    ],
)
def test_odd_text_does_not_crash(run: Run, text: str) -> None:
    assert isinstance(run(text), list)


def test_empty_gives_nothing(run: Run) -> None:
    assert run("") == []


@pytest.mark.parametrize("value", [None, 42, b"bytes"])
def test_non_string_gives_nothing(value: object) -> None:
    assert extract(value) == []  # type: ignore[arg-type]


def test_emoji_around_words(run: Run) -> None:
    entities = run("my lower back 😩😩 and numb 🦵")
    assert {(e.entity, e.value) for e in entities} >= {
        ("body_location", "lower_back"),
        ("symptom", "numbness"),
    }


def test_html_is_ignored_and_offsets_hold(run: Run) -> None:
    text = "<p>I <b>wet</b> myself</p><script>alert(1)</script> lower-back"
    entities = run(text)
    values = {(e.entity, e.value) for e in entities}
    assert ("body_location", "lower_back") in values
    for e in entities:
        assert text[e.start : e.end] == e.text


def test_clean_text_keeps_length() -> None:
    text = "<i>pins-and-needles</i>"
    assert len(clean_text(text)) == len(text)
    assert clean_text(text).split() == ["pins", "and", "needles"]
    assert clean_text("chest+back pain, HIV+").split() == [
        "chest",
        "back",
        "pain,",
        "HIV+",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "J'ai mal au dos depuis trois semaines",
        "Tengo dolor de espalda",
        "腰が痛いです",
        "ظهري يؤلمني",
        "Мне больно",
    ],
)
def test_non_english_does_not_crash(run: Run, text: str) -> None:
    assert isinstance(run(text), list)


def test_huge_text_is_truncated(run: Run) -> None:
    text = "my lower back hurts. " * 5000 + "I wet myself"
    assert len(text) > 100_000
    entities = run(text)
    assert entities
    assert all(e.end <= MAX_CHARS for e in entities)
    assert not any(e.value == "has_bladder_bowel_change" for e in entities)


def test_offsets_match_text(run: Run) -> None:
    text = "Fell off a LADDER 3wks ago, my Left Leg is NUMB"
    for e in run(text):
        assert text[e.start : e.end] == e.text
