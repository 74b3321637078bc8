"""Language families found in the thirty-eighth development corpora (38a
voice-to-text dictation, 38b questions rather than statements, 38c sport and
the gym, 38d low mood alongside back pain, 38e after medical procedures, 38f
heart, aorta and lungs told as back pain).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import found
from tests.nlp.values import BLADDER, BOTH_LEGS, BREATH, ONE_LEG, SEPSIS, SUICIDE, Run


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "um so I've got erect tile problems since Monday and my back",
            "has_sexual_dysfunction",
        ),
        (
            "he has ankle losing spondy lie tis and a bad back",
            "has_inflammatory_disease",
        ),
        ("my wife is acting drunk but she never drinks, back pain and fever", SEPSIS),
        ("dad seems drunk though he has not had a drop", SEPSIS),
        ("there's a weakness in my left big toe since Sunday", ONE_LEG),
        ("weaker in my foot every day since the fall", ONE_LEG),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    "text",
    [
        "they keep getting weaker by the day. Both legs.",
        "Both legs. Weaker each day since Friday",
        "a weakness in my feet that gets worse each day, both of my legs really",
    ],
)
def test_a_weakness_said_of_both_legs_is_in_both(run: Run, text: str) -> None:
    assert (BOTH_LEGS, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    "text",
    [
        # the weak side is named; "both" is said of something else
        "my left foot is weak since Sunday, aches down both legs for years",
        "both legs are fine, just my foot is weak since Tuesday",
        "my foot is weak since Tuesday. Both buttocks ache",
        # weak legs denied after the weakness read: "both" is said of strong legs
        "walking feels odd, not because my legs are weak. Both legs strong",
    ],
)
def test_one_weak_leg_near_both_is_still_one(run: Run, text: str) -> None:
    assert (BOTH_LEGS, False, False) not in found(run(text), "red_flag")


@pytest.mark.parametrize(
    "text",
    [
        "mum says she'll be checking out for good soon",
        "I told him I won't be a burden much longer",
    ],
)
def test_hints_are_checked_gently(run: Run, text: str) -> None:
    assert (SUICIDE, False, True) in found(run(text), "red_flag")


def test_tamoxifen_and_upper_back_in_note_form(run: Run) -> None:
    entities = run("On tamoxifen. Back ache, upper, started this week")
    assert ("upper_back") in {e.value for e in entities if e.entity == "body_location"}
    assert ("has_cancer_history", False, False) in found(entities, "red_flag")


def test_a_question_about_anyone_does_not_resolve_a_finding(run: Run) -> None:
    # "normal when you've got..." asks about anyone; not "it went back to normal"
    entities = run("is confusion normal when you have got a fever? my nan is confused")
    assert (SEPSIS, True, False) not in found(entities, "red_flag")


def test_a_general_question_is_asked_not_acted_on(run: Run) -> None:
    entities = run("could a slipped disc make you wet yourself? just curious")
    assert (BLADDER, False, False) not in found(entities, "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I breathe heavily on steep hill runs, back a bit sore", BREATH),
        (
            "I'd jump off a bridge for a lie-in, back aches from the baby",
            "is_major_trauma",
        ),
        (
            "fell from a great height of about one step lol, back jarred",
            "is_major_trauma",
        ),
        ("he said I wet the bed but it was the hot water bottle", BLADDER),
    ],
)
def test_look_alikes_are_not_findings(run: Run, text: str, value: str) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")
