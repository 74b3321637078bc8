"""The names BackChat's code uses for domain.yml's responses, slots and actions.

Shared by the two halves of the names test: ``tests/actions/test_names.py``
(everything used is declared) and ``tests/test_domain_used.py`` (everything
declared is used). A name is used when the code says it (a string literal in
``bot/`` or ``actions/``, a constant in ``actions/names.py``) or builds it from
a prefix and data (the hints, the verdicts), listed here exactly.
"""

from __future__ import annotations

import re
from pathlib import Path

from actions import names
from actions.follow_up_form import HOW_IT_IS
from actions.triage_form import HINTED_SLOTS
from bot.followup.verdict import Verdict as FollowUpVerdict
from bot.library.vocab import Verdict as ActivityVerdict
from bot.startback.content import default_startback

ROOT = Path(__file__).resolve().parents[1]
CODE = ("bot", "actions")
# A response or action name written out in code: 'utter_x', "action_y".
NAME_LITERAL = re.compile(r"""(["'])((?:utter|action|validate)_[a-z0-9_]*[a-z0-9])\1""")
# A module's slot constant: QUOTES_SLOT = "red_flag_quotes".
SLOT_CONSTANT = re.compile(r"""^[A-Z_]*SLOT = ["']([a-z0-9_]+)["']""", re.MULTILINE)
# Literals that look like names and are keys: of Rasa's events and metadata
# ("action_name", "utter_action") and of BackChat's settings ("action_token").
NOT_NAMES = frozenset({"action_name", "utter_action", "action_token"})


def python_sources() -> list[Path]:
    """Every Python file of the code that may name a response, slot or action."""
    return sorted(path for folder in CODE for path in (ROOT / folder).rglob("*.py"))


def named_in_code() -> dict[str, list[str]]:
    """Response and action names written as literals, with the files saying them."""
    found: dict[str, list[str]] = {}
    for path in python_sources():
        for match in NAME_LITERAL.finditer(path.read_text(encoding="utf-8")):
            if match.group(2) not in NOT_NAMES:
                where = str(path.relative_to(ROOT))
                found.setdefault(match.group(2), []).append(where)
    return found


def slot_constants() -> dict[str, str]:
    """Slot names held in ``*_SLOT`` constants, with the file defining each."""
    return {
        match.group(1): str(path.relative_to(ROOT))
        for path in python_sources()
        for match in SLOT_CONSTANT.finditer(path.read_text(encoding="utf-8"))
    }


def composed_responses() -> set[str]:
    """Every response named at run time from a prefix and a value."""
    startback = default_startback()
    return (
        {names.UTTER_TRIAGE_HINT_PREFIX + slot for slot in HINTED_SLOTS}
        | {
            names.UTTER_FOLLOW_UP_HINT_PREFIX + slot.removeprefix("follow_up_")
            for slot in HOW_IT_IS
        }
        | {names.UTTER_STARTBACK_HINT_PREFIX + item.scale for item in startback.items}
        | {names.UTTER_ACTIVITY_VERDICT_PREFIX + v.value for v in ActivityVerdict}
        | {verdict.response for verdict in FollowUpVerdict}
    )


def constants(prefix: str) -> set[str]:
    """The values of ``actions/names.py``'s constants whose names start so."""
    return {
        value
        for key, value in vars(names).items()
        if key.startswith(prefix) and isinstance(value, str)
    }
