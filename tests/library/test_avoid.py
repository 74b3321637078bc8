"""What-to-avoid advice and activity verdicts, before and after triage."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from bot.library.avoid import (
    AvoidContext,
    activity_verdict,
    avoid_advice,
    conditions_for,
)
from bot.library.vocab import BodyArea, Condition, Verdict, parse_body_area

GENERAL_CODES = [
    "AV-HIGH-IMPACT", "AV-HEAVY-LIFTING", "AV-BEND-TWIST", "AV-SIT-UPS",
    "AV-TO-FAILURE", "AV-TOO-MUCH-TOO-SOON", "AV-BED-REST", "AV-LONG-SITTING",
    "AV-LIFT-FROM-WAIST",
]  # fmt: skip
CHRONIC_UPPER = AvoidContext(
    location="upper back", duration_days=100, has_leg_symptoms=False,
    is_after_injury=False,
)  # fmt: skip
ACUTE_INJURY_LEG = AvoidContext(
    location="lower back", duration_days=3, has_leg_symptoms=True,
    is_after_injury=True,
)  # fmt: skip


def codes(session: Session, context: AvoidContext | None) -> list[str]:
    return [item.code for item in avoid_advice(session, context)]


def test_before_triage_only_general_advice(session: Session) -> None:
    items = avoid_advice(session, None)

    assert [item.code for item in items] == GENERAL_CODES
    assert all("general" in item.applies_to and item.why for item in items)
    assert all(item.source.startswith("seeds/") for item in items)


def test_after_triage_specific_advice_comes_first(session: Session) -> None:
    assert codes(session, CHRONIC_UPPER) == [
        "AV-LONG-SITTING", "AV-HIGH-SHELVES", "AV-HEAD-FORWARD",
        "AV-HIGH-IMPACT", "AV-HEAVY-LIFTING", "AV-BEND-TWIST", "AV-SIT-UPS",
        "AV-TO-FAILURE", "AV-TOO-MUCH-TOO-SOON", "AV-BED-REST", "AV-LIFT-FROM-WAIST",
    ]  # fmt: skip


def test_injury_leg_and_acute_advice(session: Session) -> None:
    found = codes(session, ACUTE_INJURY_LEG)

    assert found != codes(session, None)
    for code in (
        "AV-EXERCISE-AFTER-INJURY", "AV-LEG-PAIN-MOVES", "AV-NEW-PROGRAMME-ACUTE",
    ):  # fmt: skip
        assert code in found
    assert "AV-HEAD-FORWARD" not in found
    assert len(found) == len(set(found))


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        (None, (Condition.GENERAL,)),
        (CHRONIC_UPPER, (Condition.GENERAL, Condition.UPPER_BACK)),
        (
            AvoidContext(),
            (Condition.GENERAL, Condition.AFTER_INJURY, Condition.LEG_SYMPTOMS,
             Condition.ACUTE),
        ),
        (
            ACUTE_INJURY_LEG,
            (Condition.GENERAL, Condition.AFTER_INJURY, Condition.LEG_SYMPTOMS,
             Condition.ACUTE, Condition.LOWER_BACK),
        ),
    ],
    ids=["before-triage", "chronic-upper", "all-unknown", "acute-injury-leg"],
)  # fmt: skip
def test_conditions_for(
    context: AvoidContext | None, expected: tuple[Condition, ...]
) -> None:
    assert conditions_for(context) == expected


@pytest.mark.parametrize(
    ("text", "context", "verdict", "condition"),
    [
        ("is swimming ok for me?", None, Verdict.OK, Condition.GENERAL),
        ("swimming", ACUTE_INJURY_LEG, Verdict.AVOID, Condition.AFTER_INJURY),
        ("running", None, Verdict.CAUTION, Condition.GENERAL),
        ("can I go for a run", ACUTE_INJURY_LEG, Verdict.AVOID, Condition.AFTER_INJURY),
        ("lifting weights", CHRONIC_UPPER, Verdict.CAUTION, Condition.GENERAL),
        ("yoga", None, Verdict.OK, Condition.GENERAL),
        ("cycling", CHRONIC_UPPER, Verdict.OK, Condition.GENERAL),
        ("golf", None, Verdict.CAUTION, Condition.GENERAL),
        ("is the gym ok", ACUTE_INJURY_LEG, Verdict.AVOID, Condition.AFTER_INJURY),
        ("walking", CHRONIC_UPPER, Verdict.OK, Condition.GENERAL),
    ],
)  # fmt: skip
def test_activity_verdicts(
    session: Session,
    text: str,
    context: AvoidContext | None,
    verdict: Verdict,
    condition: Condition,
) -> None:
    found = activity_verdict(session, text, context)

    assert found is not None
    assert (found.verdict, found.condition) == (verdict, condition)
    assert found.why and found.source.startswith("seeds/")


def test_unknown_activity_has_no_verdict(session: Session) -> None:
    assert activity_verdict(session, "playing chess", None) is None


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("lower_back", BodyArea.LOWER_BACK), ("my lower back", BodyArea.LOWER_BACK),
        ("upper back", BodyArea.UPPER_BACK), ("between the shoulder blades",
                                               BodyArea.UPPER_BACK),
        ("neck", BodyArea.NECK), ("down my leg", BodyArea.BUTTOCK_LEG),
        ("buttock", BodyArea.BUTTOCK_LEG), ("back", BodyArea.LOWER_BACK),
        ("", None), (None, None), ("elbow", None),
    ],
)  # fmt: skip
def test_parse_body_area(text: str | None, area: BodyArea | None) -> None:
    assert parse_body_area(text) is area
