"""Language families found in the fifty-third development corpora (53a
verdicts quoted from apps, AI and search, 53b permission questions, 53c
numbered and structured questions, 53d breathing, heart and anxiety
baselines, 53e travellers, 53f formal and South Asian English).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from bot.nlp.age import find_age
from tests.nlp.conftest import found
from tests.nlp.values import (
    BLADDER,
    BREATH,
    CANCER,
    SADDLE,
    SEPSIS,
    TEARING,
    TRAUMA,
    Run,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("back pain and my urine stopped this afternoon", BLADDER),
        ("I have to push hard to start the wee since Sunday", BLADDER),
        ("it feels like I never fully empty any more", BLADDER),
        ("I haven't been able to feel when I need a wee for two days", BLADDER),
        ("numbness perineal area since this morning, kindly advise", SADDLE),
        ("I can't really feel the towel around my back passage", SADDLE),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


def test_a_question_not_asked_denies_nothing(run: Run) -> None:
    """'The app didn't ask that I can't...' reports a gap, not a denial."""
    entities = run("the app didn't ask that I haven't been able to empty my bladder")
    assert (BLADDER, False, False) in found(entities, "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "the symptom checker asked 'any numbness between your legs?' I said no",
            SADDLE,
        ),
        (
            "slurred speech is on the sepsis list Google showed me; mine's the dentist",
            SEPSIS,
        ),
        ("my mate said 'tearing pain' is bad, mine is a dull ache", TEARING),
        ("breathless climbing Snowdon, normal for the effort, back sore after", BREATH),
        ("my car had an accident in the car park, I was not in it, back sore", TRAUMA),
    ],
)
def test_look_alikes_are_not_acted_on(run: Run, text: str, value: str) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")


def test_a_relatives_history_in_a_query_for_myself(run: Run) -> None:
    """'My query is for myself': the grandfather's catheter is his."""
    entities = run(
        "My grandfather has a catheter. My query is for myself, back pain from the gym"
    )
    assert (BLADDER, False, False) not in found(entities, "red_flag")
    assert CANCER not in {v for v, _, _ in found(entities, "red_flag")}


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("- 58 - first time with back pain - 10 days", 58),
        ("61 and never had a bad back until now", 61),
        ("10 and a half weeks of this", None),
    ],
)
def test_an_age_on_its_own_line_or_opening(text: str, age: int | None) -> None:
    assert find_age(text) == age


def test_no_can_feel_is_cannot_feel(run: Run) -> None:
    """'I no can feel down there': second-language English for 'cannot'."""
    entities = run("I no can feel down there since Monday, back pain")
    assert (SADDLE, False, False) in found(entities, "red_flag")
