"""The triage answers: the typed contract between slots, NLU and the ruleset.

The names are the ruleset's answers (``data/clinical/red_flags.yml``); each
value is a yes/no (``bool``), a number, a category (``str``) or ``None`` when
the question has no answer yet, which never means "no".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeAlias

from bot.triage.ruleset import Ruleset
from bot.triage.ruleset_file import default_ruleset

AnswerValue: TypeAlias = bool | int | float | str | None
TriageAnswers: TypeAlias = Mapping[str, AnswerValue]


def pick_answers(
    values: Mapping[str, Any], ruleset: Ruleset | None = None
) -> dict[str, AnswerValue]:
    """The ruleset's answers read from ``values`` (slots, a message's updates).

    Every answer of the ruleset is a key; one absent from ``values`` is None.
    """
    names = (ruleset or default_ruleset()).answers
    return {name: values.get(name) for name in names}
