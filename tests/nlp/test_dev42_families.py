"""Language families found in the forty-second development corpora (42a
carers, 42b animals and their keepers, 42c idioms, 42d long medical histories,
42e reported speech and checklists, 42f several people in one place).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import found
from tests.nlp.values import (
    BLADDER,
    BOTH_LEGS,
    CANCER,
    SADDLE,
    SUICIDE,
    Run,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("bladder: having to strain to get it going since Friday", BLADDER),
        ("I try and try and only little drips come out", BLADDER),
        ("I can't feel the wee coming out any more", BLADDER),
        # a cancer in remission is still a history of cancer
        ("had a lymphoma in 2016 (all clear), back sore for 3 weeks", CANCER),
        ("he says he has figured out how he'll do it", SUICIDE),
        (
            "can't get an erection since my back went, everything else is fine",
            ("has_sexual_dysfunction"),
        ),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


def test_not_really_any_better_after_weeks_is_not_improving(run: Run) -> None:
    entities = found(
        run("6 weeks of back pain and it's not really any better"), "red_flag"
    )
    assert ("is_improving", True, False) in entities


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a question asked or a warning given frames its whole list
        (
            "the GP asked if I had numbness down below, trouble with my "
            "bladder or weakness in both legs",
            BOTH_LEGS,
        ),
        ("the leaflet lists losing control of your bladder as serious", BLADDER),
        ("told to watch for bladder problems, saddle numbness and so on", SADDLE),
        # said to be something else
        ("Can't feel my legs! Meaning they're jelly after the squats", BOTH_LEGS),
        # the writer's own back, a flatmate's worry
        (
            "my flatmate fears losing bladder control; it's me with the sore back",
            (BLADDER),
        ),
    ],
)
def test_questions_warnings_and_other_senses_are_asked_about(
    run: Run, text: str, value: str
) -> None:
    entities = found(run(text), "red_flag")
    assert (value, False, True) in entities
    assert (value, False, False) not in entities


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "my bottom went numb on the drive and it was fine in a minute",
            (SADDLE),
        ),
    ],
)
def test_a_passing_feeling_is_not_the_finding(run: Run, text: str, value: str) -> None:
    assert (value, True, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("temperature 36.8 this morning, back stiff", "has_fever"),
        ("a weak stream of customers all day at the till", BLADDER),
    ],
)
def test_look_alikes_are_not_findings(run: Run, text: str, value: str) -> None:
    entities = found(run(text), "red_flag")
    assert (value, False, False) not in entities
    assert (value, False, True) not in entities
