"""Answer styles for playing vignettes as people type, not as they are written.

The conversation simulator (``scripts/eval_triage.py``, and the conversation
tests) plays each vignette's answers through the real servers three ways:
as written; as people type them ("yeah a bit", "nah not really"); and as a
person who does not know ("dunno") to every screening question the story
does not settle. A conversation that ends without an outcome is a dead end.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_YES_FORMS = ("yeah a bit", "yep", "i think so yes", "yes")
_NO_FORMS = ("nah", "not really", "no not at all", "nope")
_CONTEXT = ("pain_location", "pain_duration_days", "pain_onset", "age")

Style = Callable[[str, str, int], str]


def as_written(question: str, answer: str, turn: int) -> str:
    """The vignette's own words."""
    return answer


def as_typed(question: str, answer: str, turn: int) -> str:
    """Yes and no the way people type them; the rest unchanged."""
    words = answer.strip()
    lowered = words.lower()
    if lowered == "no":
        return _NO_FORMS[turn % len(_NO_FORMS)]
    if lowered.startswith("yes"):
        rest = words[3:].lstrip(" ,.")
        form = _YES_FORMS[turn % len(_YES_FORMS)]
        return f"{form}, {rest}" if rest else form
    return words


def not_knowing(question: str, answer: str, turn: int) -> str:
    """'dunno' to every screening question the story answers no."""
    if question not in _CONTEXT and answer.strip().lower() == "no":
        return "dunno"
    return answer


STYLES: dict[str, Style] = {
    "as written": as_written,
    "as people type": as_typed,
    "not knowing": not_knowing,
}


@dataclass(frozen=True)
class Styled:
    """A vignette whose answers are said in another style (same story, gold)."""

    vignette: Any
    style: Style

    def __getattr__(self, name: str) -> Any:
        return getattr(self.vignette, name)

    def answer(self, question: str) -> str:
        """The vignette's answer to ``question``, said in the style."""
        return self.style(question, self.vignette.answer(question), len(question))
