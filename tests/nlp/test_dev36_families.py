"""Language families found in the thirty-sixth development corpora (36a chat
openings, 36b heavy misspelling, 36c regional English, 36d self-diagnosers,
36e care and ward handover notes, 36f tricky sentence structures).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import found
from tests.nlp.values import BLADDER, SADDLE, SUICIDE, Run


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("went to the loo and nothing came out for ages, back sore", BLADDER),
        ("since Monday it's a feeble dribble", BLADDER),
        ("the stream takes forever to start since the back went", BLADDER),
        ("insides of my thighs and my bum have gone numb", SADDLE),
        ("Ripping, back, came on suddenly", "has_tearing_pain"),
        ("whiplash after the collision on the motorway", "is_major_trauma"),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    "text",
    [
        "I can't deny I've wet myself twice this week",
        "won't deny I've wet the bed since the back went",
    ],
)
def test_not_denying_is_saying_so(run: Run, text: str) -> None:
    entities = found(run(text), "red_flag")
    assert not any(value == BLADDER and negated for value, negated, _ in entities)
    assert any(value == BLADDER for value, _, _ in entities)


def test_wouldnt_say_hedges_so_the_bot_asks(run: Run) -> None:
    assert (SADDLE, False, True) in found(
        run("I wouldn't say I can't feel my bum, but it's not right"), "red_flag"
    )


def test_asking_how_many_tablets_would_stop_waking_is_checked_gently(
    run: Run,
) -> None:
    assert (SUICIDE, False, True) in found(
        run("she asked how many pills it would take to never wake up"), "red_flag"
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("wet myself with excitement at the news, back sore from the gym", BLADDER),
        ("I've had a dribble after I pee since I was about 35, back strained", BLADDER),
    ],
)
def test_look_alikes_are_not_findings(run: Run, text: str, value: str) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")


def test_a_crash_on_the_telly_is_not_an_injury(run: Run) -> None:
    entities = found(run("RTC on the telly got me worried, back sore"), "red_flag")
    assert ("is_major_trauma", False, False) not in entities
