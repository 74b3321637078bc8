"""Language families found in the sixteenth development corpora (16a voice
dictation, 16b stoic minimisers, 16c disclosures asked as questions, 16d the
flags beyond cauda equina in lay words, 16e the hardest look-alikes, 16f veiled
crisis and trauma told by the event).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.nlp import ClinicalEntity, red_flags_present
from tests.nlp.conftest import found

Run = Callable[[str], list[ClinicalEntity]]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # cauda equina: starting to pee, a poo not felt in time, a tingling saddle
        ("my mum is struggling to wee since Tuesday", "has_bladder_bowel_change"),
        ("having to strain to start peeing now", "has_bladder_bowel_change"),
        ("didn't know I needed a poo till it was too late", "has_bladder_bowel_change"),
        ("there's been leaking from my bottom overnight", "has_bladder_bowel_change"),
        ("he could not hold in a number two at work", "has_bladder_bowel_change"),
        ("pins and needles around my back passage today", "has_saddle_numbness"),
        ("pins and needles in both buttocks since lunch", "has_saddle_numbness"),
        ("both my legs are giving way, worse each hour", "has_bilateral_leg_weakness"),
        # nerve damage: feet and legs that do not obey, a weak big toe, a heel walk lost
        ("she's gone clumsy on her feet this week", "has_leg_weakness"),
        ("his legs have become really unreliable", "has_leg_weakness"),
        ("my left foot won't do what it's told", "has_leg_weakness"),
        ("I cannot walk on my heels any more", "has_leg_weakness"),
        ("my big toe is weak and floppy", "has_leg_weakness"),
        ("I keep tripping over my right foot", "has_leg_weakness"),
        ("my thigh gives way on the stairs", "has_leg_weakness"),
        # cancer: chemo now, a spread cancer, pain that grows or catches, a band
        ("started chemo last month", "has_active_cancer"),
        ("the breast cancer has spread", "has_active_cancer"),
        ("the ache is getting worse", "has_progressive_pain"),
        ("it twinges whenever she coughs", "has_progressive_pain"),
        ("it hurts more when he lies flat", "has_progressive_pain"),
        ("tight squeezing right round my ribs", "has_band_pain"),
        ("around my waist like a belt, this ache", "has_band_pain"),
        # fracture: severe pain in plain words, a fall told the British way
        ("severe lower back pain since the slip", "has_severe_pain"),
        ("she cries out whenever she moves", "has_severe_pain"),
        ("the pain is dreadful", "has_severe_pain"),
        ("I could barely get out of the chair", "has_severe_pain"),
        ("went over on the icy path and landed hard on my bum", "is_after_injury"),
        # major trauma told by the event
        ("the ladder slid out from under me", "is_major_trauma"),
        ("came off the roof of a three storey block", "is_major_trauma"),
        ("landed 20 ft down on the rocks", "is_major_trauma"),
        ("he was knocked off his bike, fine at first, now in agony", "is_major_trauma"),
        # beyond the spine in lay words
        ("his left arm aches and he's sweating buckets", "has_chest_pain"),
        ("the scan said my aorta is a bit enlarged", "has_pulsating_abdomen"),
        ("felt like something tore inside my tummy", "has_tearing_pain"),
        ("blood on the tissue when I coughed", "has_severe_breathlessness"),
        ("sciatica on the left, and it's in the other leg too", "has_leg_symptoms"),
        ("numb across both cheeks since the morning", "has_saddle_numbness"),
        ("on the toilet it's like sitting on air", "has_saddle_numbness"),
        ("wee just comes out on its own", "has_bladder_bowel_change"),
        ("my bones are thin and brittle, the scan said", "has_fracture_risk"),
        ("aching all over, hips and shoulders too", "has_widespread_pain"),
        # the saddle and both legs in more words
        ("her bottom and the insides of her thighs are numb", "has_saddle_numbness"),
        ("it's spread round to my back passage now", "has_saddle_numbness"),
        ("my fanny has gone numb", "has_saddle_numbness"),
        ("the tingling has moved into the other leg", "has_bilateral_leg_weakness"),
        ("when I need a wee I can't feel it properly", "has_bladder_bowel_change"),
        ("ages b4 anything comes out", "has_bladder_bowel_change"),
        # a crisis said outright
        ("the voices keep telling me to die", "has_suicidal_thoughts"),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert value in red_flags_present(run(text))


@pytest.mark.parametrize(
    "text",
    [
        # warning signs without the word (Samaritans): a gentle check
        "I sit looking at the rifle in the gun cabinet",
        "I sat in the car in the garage for an hour",
        "I've started burning myself when it's bad",
        "he says he'll end it himself if it doesn't improve",
        "she has been stockpiling her oramorph",
        "stopped taking my heart tablets on purpose",
        "I'm not planning on being around for Christmas",
        "wish I could just not exist anymore",
        "I've recorded a goodbye video for my son",
        "thinking of steering the car into a tree",
        "I keep thinking about the weedkiller",
        "googled how high the bridge is",
        "I have been researching methods",
        "I'm out on the balcony typing this",
    ],
)
def test_veiled_crisis_gets_a_gentle_check(run: Run, text: str) -> None:
    assert ("has_suicidal_thoughts", False, True) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("the kids wet the bed so I was up all night", "has_bladder_bowel_change"),
        ("I put catheters in all day at work", "has_bladder_bowel_change"),
        ("weak in the knees at the wedding speech", "has_bilateral_leg_weakness"),
        ("legs like jelly on the big dipper ride", "has_bilateral_leg_weakness"),
        ("out of breath on the hill as I'm so unfit", "has_severe_breathlessness"),
        ("an overdose of hoovering this weekend", "has_suicidal_thoughts"),
        ("I hung myself upside down on the gym rig", "has_suicidal_thoughts"),
        ("do aneurysms run in families?", "has_pulsating_abdomen"),
        ("my aaa screening invite arrived", "has_pulsating_abdomen"),
        ("mottled legs from sitting by the heater", "has_sepsis_signs"),
        ("blue tongue and lips from the slushie", "has_sepsis_signs"),
        ("nearly fell off the ladder but grabbed the gutter", "is_major_trauma"),
        ("crashed my car in the racing game all night", "is_major_trauma"),
        ("grandad fell off a roof when I was little", "is_major_trauma"),
        ("I attended a crash on the M5 as a paramedic", "is_major_trauma"),
    ],
)
def test_look_alikes_are_not_asserted(run: Run, text: str, value: str) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # phrases that had been split across alternatives, never matching
        ("a dull pressure behind the breastbone", "has_chest_pain"),
        ("missed the kerb and went down", "is_after_injury"),
        ("my knee buckled twice today", "has_leg_weakness"),
        ("both my legs just gave way", "has_bilateral_leg_weakness"),
        ("she was thrown from the car", "is_major_trauma"),
        ("I've never had this before", "is_new_pain"),
        ("it hurts in several places", "has_widespread_pain"),
        ("numbness around my back passage", "has_saddle_numbness"),
        ("the tingling is getting higher every day", "has_leg_weakness"),
        # 'racing' is not a race: breathless with a racing heart
        ("very short of breath, my heart is racing", "has_severe_breathlessness"),
    ],
)
def test_phrases_once_split_across_alternatives_are_found(
    run: Run, text: str, value: str
) -> None:
    assert value in red_flags_present(run(text))


def test_done_said_of_a_wee_is_not_a_veiled_crisis(run: Run) -> None:
    entities = run("I can't tell when I'm done peeing")
    assert ("has_suicidal_thoughts", False, True) not in found(entities, "red_flag")


def test_laughter_after_a_finding_hedges_it(run: Run) -> None:
    entities = run("my legs went weak lol")
    assert ("has_bilateral_leg_weakness", False, False) not in found(
        entities, "red_flag"
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("numb legs? only from sitting on them", "has_bilateral_leg_weakness"),
        ("my lips went blue 😂 blueberry smoothie", "has_sepsis_signs"),
        ("fell off a roof? only in my dreams 🙄", "is_major_trauma"),
    ],
)
def test_a_joke_or_an_echoed_question_is_asked_about_not_acted_on(
    run: Run, text: str, value: str
) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")


def test_number_is_not_read_as_more_numb(run: Run) -> None:
    assert not found(run("my phone number changed"), "symptom")
