"""Language families found in the thirtieth development corpora (30a wheelchair
users and long-term disabilities, 30b low literacy and phonetic spelling, 30c
angry rants, 30d students, 30e answers as if mid-conversation, 30f world
Englishes).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from bot.nlp.age import find_age
from tests.nlp.conftest import found
from tests.nlp.values import BLADDER, BOTH_LEGS, ONE_LEG, SADDLE, SEPSIS, SUICIDE, Run


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a slow stream, a long wait, nothing since last night, leaks unwarned
        ("my wee comes out so slowly now", BLADDER),
        ("I sit there forever waiting for it to start", BLADDER),
        ("haven't really weed since last night", BLADDER),
        ("I keep leaking with no warning at all", BLADDER),
        # inner thighs told the other way round
        ("my thighs on the inside have gone numb", SADDLE),
        # feet that will barely lift; the other leg now as well
        ("he can hardly lift his feet off the floor today", BOTH_LEGS),
        ("left leg sciatica as before, right leg now also tingling", BOTH_LEGS),
        # a leg that goes dead and tips the person over
        ("my leg goes dead and then I fall over", ONE_LEG),
        # phonetic spellings
        ("i thort about jumpin in front of a train", SUICIDE),
        # run down and sweaty after a spinal injection
        ("feeling run down and sweaty since the injection", "has_fever"),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    "text",
    ["she totalled her car on the motorway", "the ute rolled on the gravel road"],
)
def test_written_off_and_rolled_vehicles_are_major_trauma(run: Run, text: str) -> None:
    assert ("is_major_trauma", False, False) in found(run(text), "red_flag")


def test_standing_up_and_screaming_is_a_sudden_onset(run: Run) -> None:
    found_onsets = found(run("got up off the sofa and screamed with it"), "onset")
    assert ("sudden", False, False) in found_onsets


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a bare "no" answers; what follows is the statement
        ("no I haven't been able to wee since this morning", BLADDER),
    ],
)
def test_a_bare_no_does_not_deny_what_follows(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("bad hay fever this week and my back aches", "has_fever"),
        ("numb bum after the ride but it went by tea time", SADDLE),
        ("my backside was numb on the horse but it came good", SADDLE),
        ("the catheter is draining as normal, back sore from the sofa", BLADDER),
        ("blotchy legs are my normal since the injury", SEPSIS),
        ("mottled knees, but that's from the hot water bottle", SEPSIS),
        ("short of breath... of patience with this back", "has_severe_breathlessness"),
        ("crashed my bike but only grazed my elbow", "is_major_trauma"),
        ("fell off the roof? no I was only on the ladder", "is_major_trauma"),
    ],
)
def test_explained_or_usual_findings_are_never_acted_on_at_once(
    run: Run, text: str, value: str
) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "age"), [("my pop is 81, slipped on the ice", 81), ("nonna, 88, fell", 88)]
)
def test_more_names_for_a_grandparent_give_their_age(text: str, age: int) -> None:
    assert find_age(text) == age
