"""BackChat's clinical language pipeline (spaCy, no downloaded model).

Public API::

    from bot.nlp import extract, red_flags_present, red_flags_denied
    entities = extract("my lower back has hurt for 3 weeks")

Names are imported lazily (PEP 562) so that ``import bot.nlp.durations`` does
not load spaCy; nothing is built or read at import time.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.nlp.durations import parse_duration_days
    from bot.nlp.entities import ClinicalEntity, red_flags_denied, red_flags_present
    from bot.nlp.extraction import extract
    from bot.nlp.labels import EMERGENCY_RED_FLAGS
    from bot.nlp.lexicon import LexiconError
    from bot.nlp.pipeline import build_pipeline, get_pipeline

_EXPORTS = {
    "ClinicalEntity": "bot.nlp.entities",
    "red_flags_present": "bot.nlp.entities",
    "red_flags_denied": "bot.nlp.entities",
    "extract": "bot.nlp.extraction",
    "build_pipeline": "bot.nlp.pipeline",
    "get_pipeline": "bot.nlp.pipeline",
    "parse_duration_days": "bot.nlp.durations",
    "EMERGENCY_RED_FLAGS": "bot.nlp.labels",
    "LexiconError": "bot.nlp.lexicon",
}

__all__ = [
    "EMERGENCY_RED_FLAGS",
    "ClinicalEntity",
    "LexiconError",
    "build_pipeline",
    "extract",
    "get_pipeline",
    "parse_duration_days",
    "red_flags_denied",
    "red_flags_present",
]


def __getattr__(name: str) -> Any:
    """Import a public name on first use."""
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'bot.nlp' has no attribute {name!r}")
