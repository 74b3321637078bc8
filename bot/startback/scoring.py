"""Scoring the STarT Back tool: total, psychosocial subscore and risk group.

Pure: the answers (item id -> option id) and the content in, the result out.
The cut-offs come from the content file, never from here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.startback.content import Risk, StartBack


class IncompleteAnswersError(ValueError):
    """Not every item has a valid answer: the tool cannot be scored."""


@dataclass(frozen=True)
class StartBackResult:
    """A scored questionnaire."""

    total: int
    psychosocial: int
    risk: Risk


def risk_for(total: int, psychosocial: int, tool: StartBack) -> Risk:
    """The risk group of a total and a psychosocial subscore (Keele's cut-offs)."""
    if total <= tool.low_max_total:
        return Risk.LOW
    if psychosocial >= tool.high_min_psychosocial:
        return Risk.HIGH
    return Risk.MEDIUM


def score(answers: Mapping[str, str | None], tool: StartBack) -> StartBackResult:
    """Score the nine answers.

    Args:
        answers: Item id to the chosen option id (``agree``, ``very_much``...).
        tool: The content, with its scales and cut-offs.

    Raises:
        IncompleteAnswersError: An item is unanswered or has an answer its scale
            does not have (a partial questionnaire is never scored as if the
            missing items were "disagree").
    """
    problems = []
    total = psychosocial = 0
    for item in tool.items:
        points = {o.id: o.points for o in tool.options(item)}
        chosen = answers.get(item.id)
        if chosen not in points:
            problems.append(f"{item.id}={chosen!r}")
            continue
        total += points[str(chosen)]
        if item.psychosocial:
            psychosocial += points[str(chosen)]
    if problems:
        raise IncompleteAnswersError("not answered: " + ", ".join(problems))
    return StartBackResult(total, psychosocial, risk_for(total, psychosocial, tool))
