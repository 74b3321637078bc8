"""STarT Back scoring at every boundary, with the cut-offs from the content file."""

from __future__ import annotations

import pytest

from bot.startback.content import Risk, default_startback
from bot.startback.scoring import IncompleteAnswersError, risk_for, score

TOOL = default_startback()
PHYSICAL = ("leg_pain", "shoulder_neck_pain", "walking", "dressing")
PSYCHOSOCIAL_AGREE = (
    "not_safe_active",
    "worrying_thoughts",
    "never_better",
    "not_enjoying",
)


def answers(agreed: set[str], bothersome: str = "not_at_all") -> dict[str, str]:
    """Every item answered: ``agreed`` items agree, the others disagree."""
    result = {
        item.id: ("agree" if item.id in agreed else "disagree")
        for item in TOOL.items
        if item.scale == "agree"
    }
    result["bothersome"] = bothersome
    return result


@pytest.mark.parametrize(
    ("agreed", "bothersome", "total", "psychosocial", "risk"),
    [
        (set(), "not_at_all", 0, 0, Risk.LOW),
        # total 3 vs 4: the low/not-low boundary
        (set(PHYSICAL[:3]), "not_at_all", 3, 0, Risk.LOW),
        (set(PHYSICAL), "not_at_all", 4, 0, Risk.MEDIUM),
        # a total of 3 is low even when all three points are psychosocial
        (set(PSYCHOSOCIAL_AGREE[:3]), "moderately", 3, 3, Risk.LOW),
        # total >= 4: psychosocial 3 vs 4, the medium/high boundary
        ({*PHYSICAL[:1], *PSYCHOSOCIAL_AGREE[:3]}, "moderately", 4, 3, Risk.MEDIUM),
        (set(PSYCHOSOCIAL_AGREE), "moderately", 4, 4, Risk.HIGH),
        ({*PHYSICAL[:1], *PSYCHOSOCIAL_AGREE[:3]}, "very_much", 5, 4, Risk.HIGH),
        ({*PHYSICAL, *PSYCHOSOCIAL_AGREE}, "extremely", 9, 5, Risk.HIGH),
    ],
)
def test_scores_and_risk_at_the_boundaries(
    agreed: set[str], bothersome: str, total: int, psychosocial: int, risk: Risk
) -> None:
    result = score(answers(agreed, bothersome), TOOL)
    assert (result.total, result.psychosocial, result.risk) == (
        total,
        psychosocial,
        risk,
    )


@pytest.mark.parametrize(
    ("bothersome", "points"),
    [
        ("not_at_all", 0),
        ("slightly", 0),
        ("moderately", 0),  # the item 9 wording boundary: moderately scores 0
        ("very_much", 1),  # ... and very much scores 1
        ("extremely", 1),
    ],
)
def test_item_9_scores_only_very_much_and_extremely(
    bothersome: str, points: int
) -> None:
    result = score(answers(set(), bothersome), TOOL)
    assert (result.total, result.psychosocial) == (points, points)


def test_item_9_tips_a_total_of_3_into_medium() -> None:
    three = set(PHYSICAL[:3])
    assert score(answers(three, "moderately"), TOOL).risk is Risk.LOW
    assert score(answers(three, "very_much"), TOOL).risk is Risk.MEDIUM


@pytest.mark.parametrize(
    ("total", "psychosocial", "risk"),
    [(3, 3, Risk.LOW), (4, 3, Risk.MEDIUM), (4, 4, Risk.HIGH), (9, 5, Risk.HIGH)],
)
def test_risk_for_the_cut_offs(total: int, psychosocial: int, risk: Risk) -> None:
    assert risk_for(total, psychosocial, TOOL) is risk


def test_a_missing_item_is_never_scored_as_disagree() -> None:
    partial = answers(set())
    del partial["dressing"]
    with pytest.raises(IncompleteAnswersError, match="dressing=None"):
        score(partial, TOOL)


def test_an_answer_the_scale_does_not_have_is_refused() -> None:
    with pytest.raises(IncompleteAnswersError, match="leg_pain='very_much'"):
        score({**answers(set()), "leg_pain": "very_much"}, TOOL)
