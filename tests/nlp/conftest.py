"""Shared fixtures: one pipeline per test session."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date

import pytest
from spacy.language import Language

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from bot.nlp import ClinicalEntity, extract, get_pipeline

#: A Monday, so that "since Friday" is 3 days.
TODAY = date(2026, 11, 23)


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The default pipeline, built once."""
    return get_pipeline()


@pytest.fixture(scope="session")
def run(nlp: Language) -> Callable[[str], list[ClinicalEntity]]:
    """Extract with the shared pipeline and a fixed ``today``."""

    def _run(text: str) -> list[ClinicalEntity]:
        return extract(text, nlp, today=TODAY)

    return _run


def found(
    entities: list[ClinicalEntity], entity: str
) -> set[tuple[str | int, bool, bool]]:
    """``(value, negated, uncertain)`` of every entity of one type."""
    return {(e.value, e.negated, e.uncertain) for e in entities if e.entity == entity}
