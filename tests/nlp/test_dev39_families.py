"""Language families found in the thirty-ninth development corpora (39a young
adults' slang, 39b quiet urgent and soon flags, 39c machine-translated
English, 39d very short messages, 39e the very old and their carers, 39f long
rambling stories).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import found
from tests.nlp.values import BLADDER, ONE_LEG, SEVERE, SUICIDE, Run


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("since Sunday I don't get the urge to wee, I go by the clock", BLADDER),
        ("sharted at work without knowing, back in bits", BLADDER),
        ("the small toilet is difficult since 2 days, back pain", BLADDER),
        ("have to wait a long time before it starts, back pain 3 days", BLADDER),
        # one statement told twice over: the first "didn't" is part of it
        ("he didn't make it to the loo, didn't feel it coming", BLADDER),
        ("tripping over my left foot a lot this week", ONE_LEG),
        ("my mother foot no lift since Monday", ONE_LEG),
        ("he walks funny since the weekend and his back hurts", ONE_LEG),
        ("the right leg is not strong now, it is worse each day", ONE_LEG),
        ("my knee wants to buckle on the stairs since Tuesday", ONE_LEG),
        ("pain down behind my knee into the calf", "has_leg_symptoms"),
        ("she's not weight bearing since the fall", SEVERE),
        ("he cries out when we try to stand him", SEVERE),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    "text",
    [
        "tbh I'd rather not be around if it's always going to be like this",
        "I don't see the point to carry on",
        "I can't carry on like this anymore",
        "found cuts on her forearms last night",
        "my son has been cutting himself",
        "he said he's sorted it so he won't be in pain",
    ],
)
def test_hints_are_checked_gently(run: Run, text: str) -> None:
    assert (SUICIDE, False, True) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("my sister wet herself laughing at my back brace", BLADDER),
        ("he wet the bed after far too many pints", BLADDER),
        ("I pee less since cutting out coffee", BLADDER),
        ("I've always had a shy bladder", BLADDER),
        ("can't go in the office toilets, never could", BLADDER),
        ("nobody has any bladder trouble, it's just sore backs", BLADDER),
        ("she wets the bed with her sleeping tablet, has done for years", BLADDER),
        ("my back is trying to kill me after the futon", SUICIDE),
    ],
)
def test_look_alikes_are_not_findings(run: Run, text: str, value: str) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")
    assert (value, False, True) not in found(run(text), "red_flag")
