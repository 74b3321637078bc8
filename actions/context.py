"""Per-process resources of the action server, created on first use."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from functools import lru_cache
from typing import Any

from rasa_sdk import Tracker
from sqlalchemy.orm import sessionmaker

from actions import names
from bot.db import get_session_factory
from bot.settings import Settings, load_settings
from bot.triage import Assessment, Ruleset, assess, load_ruleset
from bot.triage.ruleset_file import default_ruleset

# Every answer of the ruleset is a slot of the same name (tests check domain.yml).
ANSWER_SLOTS = tuple(default_ruleset().answers)


@lru_cache(maxsize=1)
def settings() -> Settings:
    """Settings read once per action-server process."""
    return load_settings()


@lru_cache(maxsize=1)
def ruleset() -> Ruleset:
    """The clinical ruleset, read once per process."""
    return load_ruleset(settings().clinical_dir / "red_flags.yml")


def session_factory() -> sessionmaker:
    """The session factory of BackChat's own database."""
    return get_session_factory(settings().database_url)


def triage_answers(tracker: Tracker) -> dict[str, Any]:
    """The triage answers held in the tracker's slots."""
    return {name: tracker.get_slot(name) for name in ANSWER_SLOTS}


def not_known(tracker: Tracker) -> list[str]:
    """Questions the person could not answer twice running ("not known")."""
    return list(tracker.get_slot(names.SLOT_NOT_KNOWN) or [])


def assess_answers(
    answers: Mapping[str, Any], unknown: Collection[str] = ()
) -> Assessment:
    """The triage assessment of ``answers`` under the process's ruleset."""
    return assess(answers, ruleset(), unknown)


def assess_tracker(tracker: Tracker) -> Assessment:
    """The triage assessment of everything the conversation holds."""
    return assess_answers(triage_answers(tracker), not_known(tracker))


def plain_words(answer_names: Iterable[str]) -> str:
    """The ruleset's plain words for some answers, joined for a sentence."""
    return "; ".join(ruleset().answers[name].plain for name in answer_names)
