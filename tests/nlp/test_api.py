"""The public API: data type, Rasa dicts, red-flag helpers, lazy import."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from bot.nlp import (
    ClinicalEntity,
    build_pipeline,
    extract,
    get_pipeline,
    red_flags_denied,
    red_flags_present,
)
from bot.nlp.lexicon_file import DEFAULT_LEXICON_PATH

REPO = Path(__file__).resolve().parents[2]


def _flag(value: str, *, negated: bool = False, uncertain: bool = False):
    return ClinicalEntity("red_flag", value, "x", 0, 1, negated, uncertain)


def test_entity_is_frozen() -> None:
    entity = _flag("has_fever")
    with pytest.raises(dataclasses.FrozenInstanceError):
        entity.value = "has_night_pain"  # type: ignore[misc]


def test_to_rasa() -> None:
    entity = ClinicalEntity("duration", 21, "3 weeks", 4, 11, False, True)
    assert entity.to_rasa() == {
        "entity": "duration",
        "value": 21,
        "start": 4,
        "end": 11,
        "confidence_entity": 1.0,
        "extractor": "ClinicalEntityExtractor",
        "negated": False,
        "uncertain": True,
    }


def test_red_flag_helpers() -> None:
    entities = [
        _flag("has_fever"),
        _flag("has_night_pain", negated=True),
        _flag("has_weight_loss", uncertain=True),
        _flag("has_cancer_history", negated=True, uncertain=True),
        _flag("has_leg_symptoms", negated=True),
        _flag("has_leg_symptoms"),
        ClinicalEntity("symptom", "numbness", "numb", 0, 4, False, False),
    ]
    assert red_flags_present(entities) == {"has_fever", "has_leg_symptoms"}
    assert red_flags_denied(entities) == {"has_night_pain"}


def test_get_pipeline_is_cached(nlp: Language) -> None:
    assert get_pipeline() is nlp
    assert nlp.pipe_names == [
        "sentencizer",
        "backchat_lemmatizer",
        "backchat_clinical_matcher",
        "backchat_durations",
        "backchat_assertion_triggers",
    ]


def test_build_pipeline_with_explicit_lexicon() -> None:
    nlp = build_pipeline(DEFAULT_LEXICON_PATH)
    assert [e.value for e in extract("I wet myself", nlp)] == [
        "has_bladder_bowel_change"
    ]


def test_default_lexicon_resolves_from_repo_root() -> None:
    assert DEFAULT_LEXICON_PATH == REPO / "data" / "clinical" / "lexicon.yml"


def test_import_does_no_work() -> None:
    """Importing the durations helper must not load spaCy or read files."""
    code = (
        "import sys; import bot.nlp.durations, bot.nlp; "
        "assert 'spacy' not in sys.modules, 'spacy imported'; "
        "import bot.nlp.extraction; "
        "from bot.nlp.pipeline import get_pipeline; "
        "assert get_pipeline.cache_info().currsize == 0"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True)
