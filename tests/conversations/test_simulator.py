"""The conversation simulator: every vignette played through the real servers
with answers as people type them, and as a person who does not know.

No conversation may end without an outcome (a dead end), and none may be
less urgent than its gold level (under-triage, the dangerous error).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from bench.quality import Driver
from bot.evaluation.simulator import STYLES, Styled
from bot.evaluation.vignettes import NO_OUTCOME, Outcome, is_under, load_vignettes
from tests.conversations.stack import Stack

pytestmark = pytest.mark.stack


def play(stack: Stack, style: str) -> list[Outcome]:
    token = getattr(stack, "token", None)

    def one(vignette: object) -> Outcome:
        return Driver(stack.url, token).run(Styled(vignette, STYLES[style]))

    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(one, load_vignettes()))


@pytest.mark.parametrize("style", ["as people type", "not knowing"])
def test_every_vignette_reaches_an_outcome_never_less_urgent_than_gold(
    stack: Stack, style: str
) -> None:
    outcomes = play(stack, style)
    dead_ends = [(o.id, o.note) for o in outcomes if o.predicted == NO_OUTCOME]
    under = [
        (o.id, o.gold, o.predicted) for o in outcomes if is_under(o.gold, o.predicted)
    ]
    assert dead_ends == []
    assert under == []
    assert max(o.turns for o in outcomes) <= 15
