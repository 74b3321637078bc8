"""Plain-text rendering of exercises and plans for the chat and the CLI."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.library.recommend import WITHHELD_RED_FLAG, Plan
from bot.library.vocab import SAFETY_LINE, Category

ROLE_LABELS: dict[Category, str] = {
    Category.WARM_UP: "Warm-up",
    Category.STRETCH: "Stretch",
    Category.STRENGTHENING: "Strengthen",
    Category.LOW_IMPACT_CARDIO: "Get moving",
    Category.POSTURE: "Posture",
}

WITHHELD_TEXT = {
    WITHHELD_RED_FLAG: "No exercises for now: please get your symptoms checked first.",
}
NO_PLAN_TEXT = "I could not find an exercise that is safe for you right now."


class ShowableExercise(Protocol):
    """What formatting needs; both Exercise rows and ExerciseCard provide it."""

    @property
    def name(self) -> str: ...

    @property
    def dose(self) -> str: ...

    @property
    def instructions(self) -> Sequence[str]: ...

    @property
    def cautions(self) -> Sequence[str]: ...


def format_exercise_steps(exercise: ShowableExercise) -> str:
    """Render one exercise: name, numbered steps, dose, cautions, safety line.

    Args:
        exercise: An Exercise row or an ExerciseCard.

    Returns:
        Multi-line text ending with the safety line.
    """
    lines = [f"{exercise.name}:"]
    lines += [f"{n}. {step}" for n, step in enumerate(exercise.instructions, 1)]
    lines.append(f"How much: {exercise.dose}")
    lines += [f"Take care: {caution}" for caution in exercise.cautions]
    lines.append(SAFETY_LINE)
    return "\n".join(lines)


def format_plan(plan: Plan) -> str:
    """Render a plan as a numbered list with each dose and the safety line.

    A withheld plan renders as one sentence saying why no exercise is given.
    """
    if plan.withheld_reason is not None or not plan.items:
        return WITHHELD_TEXT.get(plan.withheld_reason or "", NO_PLAN_TEXT)
    lines = ["Here is a short plan to try:"]
    for number, item in enumerate(plan.items, 1):
        label = ROLE_LABELS[item.role]
        lines.append(f"{number}. {label}: {item.exercise.name} ({item.exercise.dose})")
    lines.append(SAFETY_LINE)
    return "\n".join(lines)
