"""Vignette answers are what a person types, even where YAML reads a bool."""

from __future__ import annotations

from bot.evaluation.vignettes import load_vignettes


def test_bare_yes_and_no_answers_stay_words() -> None:
    answers = [a for v in load_vignettes() for a in v.answers.values()]
    assert "False" not in answers and "True" not in answers
    assert "no" in answers
