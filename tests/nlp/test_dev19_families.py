"""Language families found in the nineteenth development corpora, each a deep
dive into one kind of flag (19a aortic, cardiac and pulmonary; 19b injuries
and fractures; 19c crisis; 19d cauda equina; 19e urgent and soon flags; 19f
English mixed with other languages).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.nlp import ClinicalEntity
from tests.nlp.conftest import found

Run = Callable[[str], list[ClinicalEntity]]
SUICIDE = "has_suicidal_thoughts"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # self-harm and suicide said plainly in other words
        ("I've been cutting again since the pain got worse", SUICIDE),
        ("I get urges to hurt myself when it flares", SUICIDE),
        ("he keeps saying he wishes he was dead", SUICIDE),
        ("some nights I pray not to wake up", SUICIDE),
        ("I looked up ways to die last night", SUICIDE),
        ("I think about driving into a wall on purpose", SUICIDE),
        ("I want to kill me, the pain is too much", SUICIDE),
        # serious injuries told by the event
        ("the parachute didn't open properly", "is_major_trauma"),
        ("a big branch came down and hit my back", "is_major_trauma"),
        ("the horse went over backwards on top of him", "is_major_trauma"),
        ("fell down the whole staircase at work", "is_major_trauma"),
        ("our quad bike rolled on the hill", "is_major_trauma"),
        ("came off the bars from 3 m flat onto my back", "is_major_trauma"),
        # cauda equina in slang and retention
        ("can't go for a slash since last night", "has_bladder_bowel_change"),
        ("peed in my pants at work today", "has_bladder_bowel_change"),
        ("numb feeling round my ring piece", "has_saddle_numbness"),
        ("on the loo it's like I'm not sitting on anything", "has_saddle_numbness"),
        ("my legs, both of them, gave way on the stairs", "has_bilateral_leg_weakness"),
        # one leg or foot getting weaker, numbness spreading
        ("her leg keeps 'giving way' on the stairs", "has_leg_weakness"),
        ("my thigh has gone weak and thin", "has_leg_weakness"),
        ("I can't do heel walking on the right", "has_leg_weakness"),
        ("my foot doesn't clear the kerb any more", "has_leg_weakness"),
        ("the numbness is spreading daily", "has_leg_weakness"),
        # severe pain, weight lost, fevers
        ("the pain in his back is very severe", "has_severe_pain"),
        ("the pain is so bad she has been sick", "has_severe_pain"),
        ("lost nearly a stone since summer without trying", "has_weight_loss"),
        ("cold and then hot all night", "has_fever"),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # means at hand or a plan hinted at: the gentle check
        ("I've got all my tablets out on the table", SUICIDE),
        ("I keep looking at the knives in the drawer", SUICIDE),
        ("I know what dose would do it", SUICIDE),
        ("I think I've lived long enough", SUICIDE),
        ("goodbye cruel world", SUICIDE),
        # hints the bot asks about
        ("sudden, the worst pain of my life", "has_tearing_pain"),
        ("I've been stood in the bathroom for ages", "has_bladder_bowel_change"),
        ("bladder feels like it's going to burst", "has_bladder_bowel_change"),
    ],
)
def test_hints_are_hedged_so_the_bot_asks(run: Run, text: str, value: str) -> None:
    assert (value, False, True) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a crisis long past, the person well now: the gentle check
        ("I thought about ending it all at uni. I'm in a good place now", SUICIDE),
        ("I had suicidal thoughts at uni, those are long gone", SUICIDE),
        # an injury undone further on
        ("fell 200 metres today, in minecraft", "is_major_trauma"),
        ("hit by a car at 40mph and walked away without a scratch", "is_major_trauma"),
        ("my back is a car crash lol", "is_major_trauma"),
    ],
)
def test_a_finding_explained_away_later_is_asked_about(
    run: Run, text: str, value: str
) -> None:
    assert (value, False, True) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # suicide as the work or the topic
        ("I do night shifts on a suicide helpline", SUICIDE),
        ("half my job is talking patients through suicidal feelings", SUICIDE),
        ("my coach called my lifting technique suicidal", SUICIDE),
        ("writing a novel about a man who wants to die", SUICIDE),
        # injuries that are not
        ("the dog jumped on top of me on the sofa", "is_major_trauma"),
        ("rolled over in bed and felt a twinge", "is_major_trauma"),
        ("the dog ran into my legs at full pelt", "is_major_trauma"),
        ("tripped over a tree root and landed on my hands", "is_major_trauma"),
        ("feels like I've been through a car crash after that", "is_major_trauma"),
        ("I teach on the major trauma course", "is_major_trauma"),
        ("the van jolts me over the speed bumps at 20mph", "is_major_trauma"),
        ("a heavy blow to my finances this month", "is_major_trauma"),
        ("numb from the waist down... emotionally", "has_bilateral_leg_weakness"),
    ],
)
def test_look_alikes_are_not_asserted(run: Run, text: str, value: str) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")


def test_a_heavy_blow_to_the_back_is_still_an_injury(run: Run) -> None:
    assert ("is_major_trauma", False, False) in found(
        run("I took a heavy blow to the back"), "red_flag"
    )
