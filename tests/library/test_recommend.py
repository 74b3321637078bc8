"""Recommending a plan: phases, safety filters, alternatives, formatting."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy.orm import Session

from bot.library.cards import ExerciseCard, load_cards
from bot.library.format import format_exercise_steps, format_plan
from bot.library.recommend import (
    ASSUMED_ACUTE,
    ASSUMED_INJURY,
    ASSUMED_LEG_SYMPTOMS,
    WITHHELD_NO_SAFE_EXERCISE,
    WITHHELD_RED_FLAG,
    Plan,
    PlanRequest,
    another_exercise,
    build_plan,
    easier_alternative,
    recommend_plan,
)
from bot.library.search import find_exercise
from bot.library.vocab import SAFETY_LINE, Category, Phase, phase_for_duration

BENIGN_CHRONIC = PlanRequest(
    location="lower back",
    duration_days=120,
    has_leg_symptoms=False,
    is_after_injury=False,
    has_red_flag=False,
)
SCIATICA_LIKE = PlanRequest(
    location="buttock_leg",
    duration_days=20,
    has_leg_symptoms=True,
    is_after_injury=False,
    has_red_flag=False,
)


def roles(plan: Plan) -> list[Category]:
    return [item.role for item in plan.items]


@pytest.mark.parametrize(
    ("days", "phase"),
    [
        (None, None), (0, Phase.ACUTE), (41, Phase.ACUTE), (42, Phase.SUB_ACUTE),
        (84, Phase.SUB_ACUTE), (85, Phase.CHRONIC), (400, Phase.CHRONIC),
    ],
)  # fmt: skip
def test_phase_for_duration(days: int | None, phase: Phase | None) -> None:
    assert phase_for_duration(days) is phase


def test_benign_chronic_lower_back_plan(session: Session) -> None:
    plan = recommend_plan(session, BENIGN_CHRONIC)

    assert plan.names == (
        "Knee-to-chest stretch", "Cat-camel stretch", "Child's pose",
        "Glute bridge", "Bird dog", "Walking",
    )  # fmt: skip
    assert roles(plan) == [
        Category.WARM_UP, Category.STRETCH, Category.STRETCH,
        Category.STRENGTHENING, Category.STRENGTHENING, Category.LOW_IMPACT_CARDIO,
    ]  # fmt: skip
    assert plan.phase is Phase.CHRONIC
    assert plan.withheld_reason is None and plan.assumptions == ()
    assert plan.excluded_contraindications == ()
    assert all(item.exercise.category == item.role.value for item in plan.items)


def test_sciatica_like_plan_has_nothing_unsafe_for_leg_pain(session: Session) -> None:
    plan = recommend_plan(session, SCIATICA_LIKE)

    assert plan.names == (
        "Knee-to-chest stretch", "Cat-camel stretch", "Child's pose", "Pelvic tilt",
        "Walking",
    )  # fmt: skip
    assert plan.excluded_contraindications == ("leg_symptoms", "acute_phase")
    for card in plan.exercises:
        assert "leg_symptoms" not in card.contraindications
        assert "acute" in card.phases


def test_sciatica_like_chronic_plan_skips_leg_unsafe_items(session: Session) -> None:
    request = replace(SCIATICA_LIKE, duration_days=200)
    plan = recommend_plan(session, request)

    assert plan.names == (
        "Knee-to-chest stretch", "Piriformis stretch",
        "Knee-to-opposite-shoulder stretch", "Glute bridge", "Bird dog", "Walking",
    )  # fmt: skip
    assert not any("leg_symptoms" in c.contraindications for c in plan.exercises)


def test_red_flag_withholds_every_exercise(session: Session) -> None:
    plan = recommend_plan(session, replace(BENIGN_CHRONIC, has_red_flag=True))

    assert plan.items == ()
    assert plan.withheld_reason == WITHHELD_RED_FLAG
    assert format_plan(plan) == (
        "No exercises for now: please get your symptoms checked first."
    )


def test_after_injury_nothing_unsafe_after_injury(session: Session) -> None:
    plan = recommend_plan(session, replace(BENIGN_CHRONIC, is_after_injury=True))

    assert plan.items
    assert "recent_injury" in plan.excluded_contraindications
    assert not any("recent_injury" in c.contraindications for c in plan.exercises)


def test_unknown_answers_are_treated_cautiously(session: Session) -> None:
    plan = recommend_plan(session, PlanRequest(has_red_flag=False))

    assert plan.assumptions == (ASSUMED_ACUTE, ASSUMED_LEG_SYMPTOMS, ASSUMED_INJURY)
    assert plan.phase is Phase.ACUTE
    assert plan.excluded_contraindications == (
        "leg_symptoms", "recent_injury", "acute_phase"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        ("upper back", ("Arm circles", "Thoracic extension", "Chest-opening stretch",
                        "Shoulder-blade squeeze", "Walking")),
        ("neck", ("Arm circles", "Thoracic extension", "Chest-opening stretch",
                  "Shoulder-blade squeeze", "Walking")),
    ],
)  # fmt: skip
def test_upper_back_and_neck_plans(
    session: Session, location: str, expected: tuple[str, ...]
) -> None:
    request = replace(BENIGN_CHRONIC, location=location, duration_days=60)

    assert recommend_plan(session, request).names == expected


def test_max_difficulty_and_exclude(session: Session) -> None:
    request = replace(
        BENIGN_CHRONIC, max_difficulty=1, exclude=frozenset({"cat cow", "Walking"})
    )
    plan = recommend_plan(session, request)

    assert all(card.difficulty == 1 for card in plan.exercises)
    assert "Cat-camel stretch" not in plan.names and "Walking" not in plan.names
    assert plan.names[-1] == "Tai chi"


def test_recommendation_is_deterministic(session: Session) -> None:
    assert recommend_plan(session, BENIGN_CHRONIC) == recommend_plan(
        session, BENIGN_CHRONIC
    )


@pytest.mark.parametrize(
    ("name", "request_", "expected"),
    [
        ("plank", BENIGN_CHRONIC, "Bird dog"),
        ("glute bridge", BENIGN_CHRONIC, "Pelvic tilt"),
        ("lying knee hug", BENIGN_CHRONIC, "Knee-to-chest stretch"),
        ("swimming", BENIGN_CHRONIC, "Walking"),
        ("pelvic tilt", BENIGN_CHRONIC, None),
        ("no such exercise", BENIGN_CHRONIC, None),
        ("plank", replace(BENIGN_CHRONIC, is_after_injury=True), "Pelvic tilt"),
    ],
    ids=["plank", "bridge", "knee-hug", "swimming", "easiest", "unknown", "injury"],
)
def test_easier_alternative(
    session: Session, name: str, request_: PlanRequest, expected: str | None
) -> None:
    found = easier_alternative(session, request_, name)

    assert (found.name if found else None) == expected


def test_another_exercise_skips_what_was_shown(session: Session) -> None:
    shown = set(recommend_plan(session, BENIGN_CHRONIC).names)

    first = another_exercise(session, BENIGN_CHRONIC, shown)
    second = another_exercise(session, BENIGN_CHRONIC, shown | {first.name})

    assert (first.name, second.name) == ("Lower-back rotational stretch", "Hip circles")
    assert (
        another_exercise(session, replace(BENIGN_CHRONIC, has_red_flag=True), set())
        is None
    )


def test_another_exercise_runs_out(session: Session) -> None:
    everything = {card.name for card in load_cards(session)}

    assert another_exercise(session, BENIGN_CHRONIC, everything) is None


def test_build_plan_is_pure_and_reports_no_safe_exercise() -> None:
    card = ExerciseCard(
        name="Plank", category="strengthening", body_areas=("lower_back",),
        phases=("chronic",), difficulty=3, instructions=("Hold.",), dose="10 s",
        cautions=(), contraindications=("leg_symptoms",), source="seeds/x.txt",
    )  # fmt: skip

    safe = build_plan([card], BENIGN_CHRONIC)
    unsafe = build_plan([card], replace(BENIGN_CHRONIC, has_leg_symptoms=True))

    assert safe.names == ("Plank",)
    assert unsafe.items == () and unsafe.withheld_reason == WITHHELD_NO_SAFE_EXERCISE
    assert format_plan(unsafe).startswith("I could not find")


def test_format_plan_lists_doses_and_the_safety_line(session: Session) -> None:
    text = format_plan(recommend_plan(session, BENIGN_CHRONIC))

    assert text.splitlines()[0] == "Here is a short plan to try:"
    assert "5. Strengthen: Bird dog (Hold 3 to 5 seconds, 10 times each side.)" in text
    assert text.splitlines()[-1] == SAFETY_LINE
    assert SAFETY_LINE == "Stop if pain spreads down your leg or gets worse."


def test_format_exercise_steps(session: Session) -> None:
    exercise = find_exercise(session, "pelvic tilt")

    assert format_exercise_steps(exercise) == "\n".join(
        [
            "Pelvic tilt:",
            "1. Lie on your back with knees bent and feet flat.",
            "2. Tighten your tummy muscles so your lower back flattens into the floor.",
            "3. Hold, then relax.",
            "How much: Hold 5 seconds, 10 times.",
            "Take care: Keep breathing while you hold.",
            SAFETY_LINE,
        ]
    )
    card = next(c for c in load_cards(session) if c.name == "Pelvic tilt")
    assert format_exercise_steps(card) == format_exercise_steps(exercise)
