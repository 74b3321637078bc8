"""Families of wording found missing or over-read in the development corpora.

Each family has its own sentences here (never a corpus sentence): a finding
that has been the same for years is not a new red flag; tired legs after
exercise, idioms and films about crashes are not emergencies; typing errors,
non-native wording and plain crisis statements are still found.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.nlp import ClinicalEntity, red_flags_present
from bot.nlp.patterns import compile_term
from tests.nlp.conftest import found

Run = Callable[[str], list[ClinicalEntity]]

LONG_STANDING = [
    ("my wife has had a weak stream for 8 years", "has_bladder_bowel_change"),
    (
        "he has used a catheter for years because of his spine",
        "has_bladder_bowel_change",
    ),
    ("impotence for 10 years since the prostate op", "has_sexual_dysfunction"),
    (
        "I've been incontinent of urine for several years, the nurse knows",
        "has_bladder_bowel_change",
    ),
    ("long-standing incontinence, uses pads", "has_bladder_bowel_change"),
    (
        "dribbling after a wee since his operation 4 years ago",
        "has_bladder_bowel_change",
    ),
]


@pytest.mark.parametrize(("text", "value"), LONG_STANDING)
def test_a_finding_unchanged_for_years_is_denied(
    run: Run, text: str, value: str
) -> None:
    flags = found(run(text), "red_flag")
    assert (value, True, False) in flags
    assert value not in red_flags_present(run(text))


NEW_DESPITE_OLD_PAIN = [
    ("back pain for 6 years, can't feel my bottom since Monday", "has_saddle_numbness"),
    ("I can't pee and back pain for years", "has_bladder_bowel_change"),
    ("I have been wetting myself for 3 days", "has_bladder_bowel_change"),
]


@pytest.mark.parametrize(("text", "value"), NEW_DESPITE_OLD_PAIN)
def test_years_of_back_pain_do_not_date_a_new_finding(
    run: Run, text: str, value: str
) -> None:
    assert value in red_flags_present(run(text))


def test_a_long_cancer_history_stays_a_history(run: Run) -> None:
    assert "has_cancer_history" in red_flags_present(
        run("I had lymphoma for 3 years, my back hurts")
    )


LOOK_ALIKES = [
    # exertion explains the legs (LAY)
    ("both legs feel like jelly after spin class", "has_bilateral_leg_weakness"),
    (
        "my legs are wobbly but that's because I ran a half marathon yesterday",
        "has_bilateral_leg_weakness",
    ),
    ("did squats, legs like jelly now", "has_bilateral_leg_weakness"),
    (
        "both my calves ache, cos I was standing all day at work",
        "has_bilateral_leg_weakness",
    ),
    ("my legs feel heavy, I was dancing for hours at a wedding", "has_leg_weakness"),
    # breathless on real exertion, then recovered
    (
        "was out of breath jogging to the station and then it settled",
        "has_severe_breathlessness",
    ),
    (
        "breathless after sprinting for the train but got my breath back quickly",
        "has_severe_breathlessness",
    ),
    # idioms
    ("I nearly wet myself laughing at the telly", "has_bladder_bowel_change"),
    ("my life is a total car crash at the moment", "is_major_trauma"),
    ("I watched a film about car accidents and got worried", "is_major_trauma"),
    ("so stiff I could die, not literally", "has_suicidal_thoughts"),
    ("I'm harming myself slouching at the laptop all day", "has_suicidal_thoughts"),
    # numb from sitting, an explained cause
    ("numb bum because I sat on a hard bench all afternoon", "has_saddle_numbness"),
    # a hot bath reddens the skin
    ("my legs go blotchy after a hot shower", "has_sepsis_signs"),
]


@pytest.mark.parametrize(("text", "value"), LOOK_ALIKES)
def test_look_alike_is_not_a_red_flag(run: Run, text: str, value: str) -> None:
    assert value not in red_flags_present(run(text))


STILL_FOUND = [
    (
        "went for a run this morning but now both legs are weak",
        "has_bilateral_leg_weakness",
    ),
    ("I'm gasping for breath walking to the kitchen", "has_severe_breathlessness"),
    ("my legs are weak since this morning", "has_bilateral_leg_weakness"),
    # non-native and typed wording for the bladder and bowels
    ("I have lost control of my blather", "has_bladder_bowel_change"),
    ("I have no control of my bowls", "has_bladder_bowel_change"),
    ("yesterday I passed motion in the bed", "has_bladder_bowel_change"),
    ("I cannot ease myself since morning", "has_bladder_bowel_change"),
    ("I cannot make urine", "has_bladder_bowel_change"),
    ("the urine is coming drop by drop", "has_bladder_bowel_change"),
    ("my big convenience cannot be controlled", "has_bladder_bowel_change"),
    ("I do not feel the need to pass water", "has_bladder_bowel_change"),
    # saddle area, sound-alikes and lay words
    ("there is numbness in my groan", "has_saddle_numbness"),
    ("tingling around my perennial area", "has_saddle_numbness"),
    ("numb around my bum hole", "has_saddle_numbness"),
]


@pytest.mark.parametrize(("text", "value"), STILL_FOUND)
def test_still_found(run: Run, text: str, value: str) -> None:
    assert value in red_flags_present(run(text))


CRISIS = [
    "honestly might just kys",
    "I've started cutting again",
    "I burn my arm with a lighter when it's bad",
    "I have a plan now",
    "there's a rope in the shed and I keep thinking about it",
    "I put the knife to my wrist last night",
    "I want it to stop for good",
]


@pytest.mark.parametrize("text", CRISIS)
def test_plain_crisis_statement_is_affirmed(run: Run, text: str) -> None:
    assert ("has_suicidal_thoughts", False, False) in found(run(text), "red_flag")


def test_done_is_not_doing(run: Run) -> None:
    flags = {v for v, _, _ in found(run("I'm doing the exercises"), "red_flag")}
    assert "has_suicidal_thoughts" not in flags


def test_someone_elses_fall_is_only_a_hint(run: Run) -> None:
    flags = found(run("my daughter fell off her horse, I hurt my back"), "red_flag")
    assert ("is_major_trauma", False, True) in flags


def test_clause_gap_matches_a_comma_but_not_a_sentence_end() -> None:
    pattern = compile_term(
        "legs ~ jelly",
        split=lambda w: [w],
        lemma_of=lambda w: w,
        determiners=("my",),
    )
    assert pattern[1]["OP"] == "?"
    assert "." in pattern[1]["LEMMA"]["NOT_IN"]
    assert "," not in pattern[1]["LEMMA"]["NOT_IN"]


NORMAL_FUNCTION = [
    ("the small convenience is normal", "has_bladder_bowel_change"),
    ("I pass urine normally", "has_bladder_bowel_change"),
    ("when I go to the loo everything works fine", "has_bladder_bowel_change"),
    ("feeling is normal everywhere", "has_saddle_numbness"),
    ("I can feel everything fine", "has_saddle_numbness"),
    ("my legs feel strong", "has_bilateral_leg_weakness"),
    ("full strength in my legs", "has_bilateral_leg_weakness"),
    ("I can walk normally", "has_leg_weakness"),
    ("my breathing is fine", "has_severe_breathlessness"),
]


@pytest.mark.parametrize(("text", "value"), NORMAL_FUNCTION)
def test_normal_function_is_a_denial(run: Run, text: str, value: str) -> None:
    assert (value, True, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    "text",
    [
        "my legs are like jelly after the stepper at the gym",
        "legs feel heavy, I was standing all day at the market",
    ],
)
def test_legs_tired_from_exercise_are_a_denial(run: Run, text: str) -> None:
    assert ("has_bilateral_leg_weakness", True, False) in found(run(text), "red_flag")


def test_a_sore_back_from_the_gym_says_nothing_about_the_legs(run: Run) -> None:
    values = {v for v, _, _ in found(run("my back is sore from the gym"), "red_flag")}
    assert not values & {"has_bilateral_leg_weakness", "has_leg_weakness"}
