"""The open-loop scheduler and the pool of simulated people."""

from __future__ import annotations

import itertools

import pytest

from bench.schedule import ConversationPool, arrival_offsets
from bench.scripts import BACKCHAT_SCRIPTS, STARTER_SCRIPTS, Script, Turn


def test_even_arrivals_are_evenly_spaced() -> None:
    assert arrival_offsets(4, 1.0, poisson=False) == [0.0, 0.25, 0.5, 0.75]


def test_poisson_arrivals_keep_the_mean_rate() -> None:
    offsets = arrival_offsets(20, 100.0, seed=1)
    assert 1800 < len(offsets) < 2200
    assert offsets == sorted(offsets)
    assert offsets[0] >= 0 and offsets[-1] < 100.0


def test_poisson_arrivals_are_repeatable() -> None:
    assert arrival_offsets(10, 5.0, seed=3) == arrival_offsets(10, 5.0, seed=3)
    assert arrival_offsets(10, 5.0, seed=3) != arrival_offsets(10, 5.0, seed=4)


@pytest.mark.parametrize(("rate", "duration"), [(0, 1.0), (5, 0), (-1, 1.0)])
def test_arrivals_need_a_positive_rate_and_duration(rate, duration) -> None:
    with pytest.raises(ValueError):
        arrival_offsets(rate, duration)


def _pool(*lengths: int) -> ConversationPool:
    scripts = [
        Script(f"s{n}", tuple(Turn(f"m{i}", "") for i in range(n))) for n in lengths
    ]
    counter = itertools.count()
    return ConversationPool(scripts, lambda: f"p{next(counter)}")


def test_a_person_never_sends_while_a_reply_is_outstanding() -> None:
    pool = _pool(3)
    first = pool.take()
    second = pool.take()  # the first is still waiting: a new person joins
    assert first.sender != second.sender
    assert pool.started == 2


def test_the_person_waiting_longest_types_next() -> None:
    pool = _pool(3)
    a, b = pool.take(), pool.take()
    pool.release(b, replied=True)
    pool.release(a, replied=True)
    assert pool.take() is b
    assert b.next_turn.message == "m1"


def test_a_finished_script_leaves_the_pool() -> None:
    pool = _pool(1)
    person = pool.take()
    pool.release(person, replied=True)
    assert pool.finished == 1 and not pool.idle


def test_a_failed_message_ends_that_conversation() -> None:
    pool = _pool(3)
    person = pool.take()
    pool.release(person, replied=False)
    assert pool.abandoned == 1 and not pool.idle
    assert pool.take() is not person


def test_new_people_cycle_through_the_scripts() -> None:
    pool = _pool(2, 3)
    assert [pool.take().script.name for _ in range(3)] == ["s2", "s3", "s2"]


def test_scripts_are_complete_conversations() -> None:
    for script in (*BACKCHAT_SCRIPTS, *STARTER_SCRIPTS):
        assert script.turns and all(t.message and t.expect for t in script.turns)
    assert {s.name for s in BACKCHAT_SCRIPTS} == {
        "benign",
        "sciatica",
        "red_flag",
        "avoid",
    }
