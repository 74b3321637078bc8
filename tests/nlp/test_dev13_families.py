"""Language families found in the thirteenth development corpora (13a long
forum posts, 13b non-native and phone English, 13c third parties and clinical
shorthand, 13d the less common emergencies).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from bot.nlp import ClinicalEntity, red_flags_present
from bot.nlp.durations import find_durations
from bot.nlp.patterns import compile_term
from tests.nlp.conftest import found

Run = Callable[[str], list[ClinicalEntity]]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # note words and lay words for the saddle area
        ("seen today, reduced perineal sensation on the left", "has_saddle_numbness"),
        ("loss of saddle sensation since the weekend", "has_saddle_numbness"),
        (
            "I can't feel much round my back passage since Tuesday",
            "has_saddle_numbness",
        ),
        # retention and incontinence, non-native and phone English
        (
            "he hasn't been since lunch even though he's been drinking tea",
            "has_bladder_bowel_change",
        ),
        ("it feels like my bladder has stopped working", "has_bladder_bowel_change"),
        ("since two days I no can hold the wee", "has_bladder_bowel_change"),
        ("wee'd myself on the bus, never happened before", "has_bladder_bowel_change"),
        # sciatica in both legs, a sensory level
        ("new bilateral sciatica this week", "has_bilateral_leg_weakness"),
        ("it was the left leg, now it's both legs", "has_bilateral_leg_weakness"),
        (
            "tingling from the waist down since this morning",
            "has_bilateral_leg_weakness",
        ),
        (
            "from my belly button down everything feels dead",
            "has_bilateral_leg_weakness",
        ),
        # nerve damage in note words, a foot that can't feel the ground
        ("new motor deficit in the right leg", "has_leg_weakness"),
        ("dorsiflexion 3/5 on the left today", "has_leg_weakness"),
        ("I cannot feel the ground under my right foot", "has_leg_weakness"),
        (
            "the tingling began in my heel but since Monday it crept up to my knee",
            "has_leg_weakness",
        ),
        ("both hands and arms going numb and weak", "has_leg_weakness"),
        # severe pain, a pile-up, an infection risk with worsening pain
        ("she screams if she is moved at all", "has_severe_pain"),
        ("caught up in a pile up on the M6 last night", "is_major_trauma"),
        (
            "back has become much more painful over the past few days",
            "has_progressive_pain",
        ),
        # crisis: food refused so as to die, pills kept ready, burning oneself
        ("he says he will stop eating and drinking", "has_suicidal_thoughts"),
        ("I want to go to sleep so I can die", "has_suicidal_thoughts"),
        ("the pills are stashed for when I've had enough", "has_suicidal_thoughts"),
        (
            "I burn myself with a cigarette when the pain is bad",
            "has_suicidal_thoughts",
        ),
        (
            "if the consultant says no again I'm taking an overdose",
            "has_suicidal_thoughts",
        ),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert value in red_flags_present(run(text))


def test_self_harm_marks_found_by_a_parent_are_checked_gently(run: Run) -> None:
    assert ("has_suicidal_thoughts", False, True) in found(
        run("I noticed scratches on my daughter's arms"), "red_flag"
    )


def test_cancer_history_counts_when_the_message_is_about_her_pain(run: Run) -> None:
    flags = red_flags_present(
        run("my sister had a bowel cancer taken out and now has pain in her ribs")
    )
    assert "has_cancer_history" in flags


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # dated, healed, or long-standing
        (
            "hit by a car in 1994, all healed, new ache from hoovering",
            "is_major_trauma",
        ),
        (
            "a car accident a long time ago, this is just desk posture",
            "is_major_trauma",
        ),
        ("fell off my bike at 12, nothing since", "is_major_trauma"),
        ("motorbike crash years back, recovered fully", "is_major_trauma"),
        (
            "the stream has been slow ever since my op, nothing's changed",
            "has_bladder_bowel_change",
        ),
        ("the erection trouble is years old", "has_sexual_dysfunction"),
        (
            "tight chest when I'm stressed since uni, goes when I calm down",
            "has_chest_pain",
        ),
        # figures of speech, games, dreams, minor falls
        (
            "my love life is a train wreck but the back is from lifting",
            "is_major_trauma",
        ),
        ("crashed the dodgems into my brother", "is_major_trauma"),
        ("crashed my car in GTA and jumped off the sofa", "is_major_trauma"),
        ("I dreamt I fell off a cliff and woke up stiff", "is_major_trauma"),
        ("fell from height onto the crash mats at training", "is_major_trauma"),
        (
            "took a fall at the wall but the rope caught me straight away",
            "is_major_trauma",
        ),
        ("a trip from standing height on the lawn", "is_major_trauma"),
        (
            "nearly lost control of my bladder at the comedy show",
            "has_bladder_bowel_change",
        ),
        (
            "the dog lost control of her bladder on the new carpet",
            "has_bladder_bowel_change",
        ),
        (
            "a wee accident with the kettle, spilled it everywhere",
            "has_bladder_bowel_change",
        ),
        (
            "bleeding gums: blood in my spit when I brush my teeth",
            "has_severe_breathlessness",
        ),
        (
            "breathless running for the bus because I'm unfit",
            "has_severe_breathlessness",
        ),
        ("my tummy is throbbing with hunger", "has_pulsating_abdomen"),
        ("I can see my pulse in my tummy because I'm skinny", "has_pulsating_abdomen"),
        ("the heat pad has left my skin mottled", "has_sepsis_signs"),
        ("my jumper is mottled grey", "has_sepsis_signs"),
        ("speech slurred after the dentist numbed me", "has_sepsis_signs"),
        ("a tearing feeling in my hamstring", "has_tearing_pain"),
        ("I'm ending it with my physio, he's no help", "has_suicidal_thoughts"),
        ("I'm killing myself working nights", "has_suicidal_thoughts"),
        (
            "the kids want to die whenever I ask them to tidy up",
            "has_suicidal_thoughts",
        ),
        # a symptom named by a leaflet, a link, or a question about others
        (
            "the leaflet says to get help for numbness in the saddle area",
            "has_saddle_numbness",
        ),
        ("she sent me a link about sepsis", "has_sepsis_signs"),
        (
            "he nurses people who can't control their bladder",
            "has_bladder_bowel_change",
        ),
        ("they asked whether I'd wet myself", "has_bladder_bowel_change"),
    ],
)
def test_look_alikes_stay_quiet(run: Run, text: str, value: str) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")


def test_a_fall_out_of_bed_is_a_minor_injury(run: Run) -> None:
    assert ("minor_injury", False, False) in found(
        run("she rolled out of bed in the night"), "onset"
    )


@pytest.mark.parametrize(
    ("text", "days"),
    [("LBP 6/52", 42), ("hx 2/12", 60), ("pain 4/7", 4)],
)
def test_clinical_note_durations(text: str, days: int) -> None:
    assert [m.days for m in find_durations(text, today=date(2026, 11, 23))] == [days]


@pytest.mark.parametrize(
    "text", ["seen on 5/7", "power 4/5", "pain 7/10", "on 12/12/2024"]
)
def test_dates_scores_and_grades_are_not_durations(text: str) -> None:
    assert find_durations(text, today=date(2026, 11, 23)) == []


def test_year_slot_matches_four_digits_only() -> None:
    pattern = compile_term(
        "in <year>", split=lambda w: [w], lemma_of=lambda w: w, determiners=("my",)
    )
    assert pattern[1] == {"SHAPE": "dddd"}


@pytest.mark.parametrize(
    ("text", "dated"),
    [
        ("I came off my motorbike in 2003, all mended", True),
        ("came off my motorbike at 40mph this morning", False),
    ],
)
def test_a_crash_dated_by_its_year_is_history(run: Run, text: str, dated: bool) -> None:
    assert ("is_major_trauma" not in red_flags_present(run(text))) is dated
