"""Language families found in the thirty-first development corpora (31a
voice-to-text, 31b dialects and trades, 31c written by someone else, 31d health
workers and forms, 31e anxious ramblers, 31f minimisers and jokers).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from bot.nlp.age import find_age
from bot.nlp.extraction import clean_text
from tests.nlp.conftest import found
from tests.nlp.values import BLADDER, BOTH_LEGS, ONE_LEG, SADDLE, SEPSIS, SUICIDE, Run


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I can't feel when im pissin now", BLADDER),
        ("the flow has gone from a hosepipe to a dribble", BLADDER),
        ("both his legs have started getting really heavy", BOTH_LEGS),
        ("numb in a saddle shape round my backside", SADDLE),
        ("there's hardly any feeling down there any more", SADDLE),
        ("I can't seem to feel my tackle at all", SADDLE),
        ("new ED since his back went last week", "has_sexual_dysfunction"),
        ("on examination reduced power in the left ankle", ONE_LEG),
        ("my right toes keep catching on the kerb", ONE_LEG),
        ("his leg is numb from the knee down", "has_leg_symptoms"),
        ("voice typing: bad psychotic down my left leg", "has_leg_symptoms"),
        ("every morning I'm stiff in my back and hips for about two hours", None),
        ("the pain wakes her every night", "has_night_pain"),
        ("so confused he got lost walking to the corner shop", SEPSIS),
        ("with the fever she makes no sense at all", SEPSIS),
        ("he thinks the kids would be better off if he wasn't around", SUICIDE),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str | None) -> None:
    value = value or "has_morning_stiffness"
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    "text",
    [
        "been staring at the railway bridge a lot lately",
        "how many of these tablets could I take before it gets dangerous",
        "honestly I've had enough of everything",
    ],
)
def test_veiled_thoughts_get_the_gentle_check(run: Run, text: str) -> None:
    assert (SUICIDE, False, True) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a form's questions answered no, however long the question
        ("Q: Pain going into your arm or jaw? A: No.", "has_chest_pain"),
        ("any trouble peeing, any numbness in the saddle area? No, no.", BLADDER),
        ("weakness in both legs? no", BOTH_LEGS),
        # dictated punctuation is read as punctuation
        ("mottled skin question mark no", SEPSIS),
    ],
)
def test_a_question_answered_no_is_denied(run: Run, text: str, value: str) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")
    assert (value, True, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the no answers "is it normal", not whether the finding is there
        ("is it normal to not be able to pee? no I don't think so", BLADDER),
        ("Is numbness in both legs normal? No.", BOTH_LEGS),
        # a finding worded as a negative: "no I can't" confirms it
        ("can't feel my bum when I wipe? no I can't", SADDLE),
        # a correction is not a denial
        ("pain in my right leg, no sorry its both legs now", BOTH_LEGS),
        # a statement, then a question about it
        ("I can't feel my bum, should I go to A&E? no idea", SADDLE),
    ],
)
def test_a_no_that_does_not_answer_the_finding_keeps_it(
    run: Run, text: str, value: str
) -> None:
    assert (value, True, False) not in found(run(text), "red_flag")
    assert any(
        v == value and not negated for v, negated, _ in found(run(text), "red_flag")
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("I train people about suicide and self-harm for a charity", SUICIDE),
        ("stuntman, I fall from heights for a living, back sore from decorating", None),
    ],
)
def test_a_job_is_not_a_finding(run: Run, text: str, value: str | None) -> None:
    value = value or "is_major_trauma"
    assert (value, False, False) not in found(run(text), "red_flag")


def test_spoken_punctuation_keeps_every_offset() -> None:
    text = "numb bum full stop is that bad question mark"
    cleaned = clean_text(text)
    assert len(cleaned) == len(text)
    assert cleaned.split() == ["numb", "bum.", "is", "that", "bad?"]


@pytest.mark.parametrize(
    ("text", "age"),
    [("Teen (15) with a sore back", 15), ("mi son 13 hurt his back", 13)],
)
def test_children_named_by_what_they_are_give_their_age(text: str, age: int) -> None:
    assert find_age(text) == age


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("wetting myself with laughter at the cat, back twinged", BLADDER),
        ("weak stream from the shower head, back stiff from bending", BLADDER),
        ("lost control of the bowl and it smashed, back twinged", BLADDER),
        ("tingly bum after the massage gun on my glutes", SADDLE),
        ("bum numb on the saddle, the feeling was fully back by lunch", SADDLE),
        ("torn in two after a bootcamp session, abs and back ache", "has_tearing_pain"),
    ],
)
def test_the_other_sense_of_the_words_is_not_a_finding(
    run: Run, text: str, value: str
) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")


def test_a_form_answer_gives_long_morning_stiffness(run: Run) -> None:
    text = "Q: Morning stiffness? A: Yes, about an hour or more."
    assert ("has_morning_stiffness", False, False) in found(run(text), "red_flag")
