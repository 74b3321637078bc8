"""Triage: red-flag rules as data and the pure function that applies them."""

from bot.triage.assess import Assessment, assess, missing_answers
from bot.triage.ruleset import Rule, Ruleset, Urgency
from bot.triage.ruleset_file import RulesetError, load_ruleset

__all__ = [
    "Assessment",
    "Rule",
    "Ruleset",
    "RulesetError",
    "Urgency",
    "assess",
    "load_ruleset",
    "missing_answers",
]
