"""Each entity type and value, in lay British and American words."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.nlp import ClinicalEntity
from tests.nlp.conftest import found

Run = Callable[[str], list[ClinicalEntity]]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("my lower back is killing me", "lower_back"),
        ("pain at the bottom of my spine", "lower_back"),
        ("right in the small of my back", "lower_back"),
        ("lumbar pain", "lower_back"),
        ("lower-back ache", "lower_back"),
        ("my lowerback hurts", "lower_back"),
        ("it hurts between the shoulder blades", "upper_back"),
        ("thoracic spine pain", "upper_back"),
        ("mid back", "upper_back"),
        ("upper back is sore", "upper_back"),
        ("my neck is stiff", "neck"),
        ("cervical pain", "neck"),
        ("pain in my buttock", "buttock_leg"),
        ("my bum hurts", "buttock_leg"),
        ("sore glute", "buttock_leg"),
        ("my left hip", "buttock_leg"),
        ("the sciatic area", "buttock_leg"),
    ],
)
def test_body_location(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "body_location")


def test_bare_back_is_not_guessed(run: Run) -> None:
    assert found(run("my back hurts"), "body_location") == set()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("pain in my left leg", "left"),
        ("on the left", "left"),
        ("left-sided", "left"),
        ("right buttock", "right"),
        ("down the right hand side", "right"),
        ("both legs", "both"),
        ("both sides", "both"),
        ("left and right", "both"),
    ],
)
def test_laterality(run: Run, text: str, value: str) -> None:
    assert found(run(text), "laterality") == {(value, False, False)}


@pytest.mark.parametrize(
    "text", ["that's right", "right now it hurts", "I left work early", "all right"]
)
def test_laterality_not_from_other_senses(run: Run, text: str) -> None:
    assert found(run(text), "laterality") == set()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("it came on gradually", "gradual"),
        ("it crept up on me over time", "gradual"),
        ("it started for no reason", "gradual"),
        ("it came on suddenly", "sudden"),
        ("all of a sudden my back went", "sudden"),
        ("I bent down and it went", "sudden"),
        ("I lifted a heavy box", "lifting"),
        ("after lifting my toddler", "lifting"),
        ("picking up the shopping", "lifting"),
        ("moving furniture at the weekend", "lifting"),
        ("I slipped on the ice", "minor_injury"),
        ("I tripped on the kerb", "minor_injury"),
        ("I had a fall in the garden", "minor_injury"),
        ("got knocked playing rugby", "minor_injury"),
        ("I was in a car crash", "major_trauma"),
        ("car accident last week", "major_trauma"),
        ("I fell off a ladder", "major_trauma"),
        ("fell down the stairs", "major_trauma"),
        ("I took a heavy blow to the back", "major_trauma"),
        ("I was hit by a car", "major_trauma"),
    ],
)
def test_onset(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "onset")


@pytest.mark.parametrize(
    "text",
    [
        "I have a slipped disc",
        "I can't fall asleep",
        "I can't lift my leg",
        "I keep tripping over my own feet",
    ],
)
def test_onset_exclusions(run: Run, text: str) -> None:
    assert not {v for v, _, _ in found(run(text), "onset")} & {
        "minor_injury",
        "lifting",
    }


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("my foot is numb", "numbness"),
        ("numbness in my toes", "numbness"),
        ("tingling in my calf", "tingling"),
        ("pins and needles", "tingling"),
        ("pins-and-needles", "tingling"),
        ("my leg feels weak", "weakness"),
        ("shooting pain", "shooting_pain"),
        ("it shoots down", "shooting_pain"),
        ("so stiff in the mornings", "stiffness"),
        ("my back went into spasm", "spasm"),
        ("muscle spasms", "spasm"),
    ],
)
def test_symptom(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "symptom")


RED_FLAG_CASES = [
    # EMERGENCY: bladder and bowel
    ("I wet myself this morning", "has_bladder_bowel_change"),
    ("I can't hold my wee", "has_bladder_bowel_change"),
    ("I keep peeing myself", "has_bladder_bowel_change"),
    ("I pooed myself", "has_bladder_bowel_change"),
    ("I can't tell when I need the toilet", "has_bladder_bowel_change"),
    ("I can't control my bladder", "has_bladder_bowel_change"),
    ("I cant pee properly", "has_bladder_bowel_change"),
    ("I haven't been able to pee since yesterday", "has_bladder_bowel_change"),
    ("lost control of my bowels", "has_bladder_bowel_change"),
    ("problems with my waterworks", "has_bladder_bowel_change"),
    ("incontinence", "has_bladder_bowel_change"),
    # EMERGENCY: saddle numbness
    ("I can't feel when I wipe", "has_saddle_numbness"),
    ("it's numb down there", "has_saddle_numbness"),
    ("numb between my legs", "has_saddle_numbness"),
    ("my bum feels numb", "has_saddle_numbness"),
    ("tingling around my genitals", "has_saddle_numbness"),
    ("can't feel the toilet paper", "has_saddle_numbness"),
    ("saddle numbness", "has_saddle_numbness"),
    # EMERGENCY: both legs weak
    ("both legs going weak", "has_bilateral_leg_weakness"),
    ("my legs keep giving way", "has_bilateral_leg_weakness"),
    ("weakness in both legs", "has_bilateral_leg_weakness"),
    # EMERGENCY: major trauma
    ("car crash yesterday", "is_major_trauma"),
    ("fell off the roof", "is_major_trauma"),
    # urgent
    ("my foot is dragging", "has_leg_weakness"),
    ("I've got foot drop", "has_leg_weakness"),
    ("my right leg keeps giving way", "has_leg_weakness"),
    ("I have a fever", "has_fever"),
    ("night sweats", "has_fever"),
    ("shivers and chills", "has_fever"),
    ("I feel really unwell", "has_fever"),
    ("running a temperature", "has_fever"),
    # soon
    ("the pain goes down my leg", "has_leg_symptoms"),
    ("it spreads below the knee", "has_leg_symptoms"),
    ("pins and needles in my foot", "has_leg_symptoms"),
    ("my left leg tingles", "has_leg_symptoms"),
    ("sciatica", "has_leg_symptoms"),
    ("it wakes me at night", "has_night_pain"),
    ("keeps me awake", "has_night_pain"),
    ("nothing eases it even lying down", "has_night_pain"),
    ("pain after a fall", "is_after_injury"),
    ("I slipped on ice", "is_after_injury"),
    ("I had breast cancer", "has_cancer_history"),
    ("I had chemo two years ago", "has_cancer_history"),
    ("I've lost weight without trying", "has_weight_loss"),
    ("lost half a stone", "has_weight_loss"),
]


@pytest.mark.parametrize(("text", "value"), RED_FLAG_CASES)
def test_red_flag(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    "text",
    [
        "I'm trying to lose weight",
        "I had an accident at work",
        "numbness on the bottom of my foot",
        "pain in my back",
        "the roof is leaking",
        "I can't go to work",
    ],
)
def test_no_emergency_red_flag(run: Run, text: str) -> None:
    values = {v for v, neg, unc in found(run(text), "red_flag") if not neg and not unc}
    assert not values & {
        "has_bladder_bowel_change",
        "has_saddle_numbness",
        "has_bilateral_leg_weakness",
        "is_major_trauma",
        "has_weight_loss",
    }


def test_duration_entity(run: Run) -> None:
    entities = run("it has hurt for about three weeks")
    assert found(entities, "duration") == {(21, False, False)}
    (duration,) = [e for e in entities if e.entity == "duration"]
    assert duration.text == "three weeks"


def test_since_weekday_uses_injected_today(run: Run) -> None:
    assert found(run("it's been bad since Friday"), "duration") == {(3, False, False)}
