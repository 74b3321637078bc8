"""Whether a user message itself reports an emergency: shared by the emergency
policy and the action-server outage notice, neither of which may need the
action server to decide it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.triage.assess import assess
from bot.triage.ruleset import Ruleset, Urgency, condition_answers
from bot.triage.ruleset_file import default_ruleset

EMERGENCY_INTENT = "report_emergency_symptom"
RED_FLAG_ENTITY = "red_flag"
# Answers whose "yes" alone is an emergency, derived from the ruleset.
EMERGENCY_ANSWERS = sorted(default_ruleset().sufficient_alone(Urgency.EMERGENCY))


def message_reports_emergency(
    intent: dict[str, Any] | None,
    entities: list[dict[str, Any]],
    *,
    emergency_intent: str = EMERGENCY_INTENT,
    red_flag_entity: str = RED_FLAG_ENTITY,
    answers: list[str] | None = None,
) -> bool:
    """The emergency intent, or a red-flag entity for an emergency answer that
    is neither negated nor hedged."""
    if (intent or {}).get("name") == emergency_intent:
        return True
    emergency = set(EMERGENCY_ANSWERS if answers is None else answers)
    return any(
        entity.get("entity") == red_flag_entity
        and entity.get("value") in emergency
        and not entity.get("negated")
        and not entity.get("uncertain")
        for entity in entities
    )


def emergency_reason(
    answers: Mapping[str, Any], ruleset: Ruleset | None = None
) -> str | None:
    """Why the answers call for emergency care, in the person's terms, or None.

    A grouped "yes" ("one of these") adds nothing when a named symptom says why,
    and one reason per family of rules (RF-CES-*, RF-AOR-*...) is enough: two
    cauda equina symptoms share one explanation.
    """
    ruleset = ruleset or default_ruleset()
    assessment = assess({name: answers.get(name) for name in ruleset.answers}, ruleset)
    if assessment.level is not Urgency.EMERGENCY:
        return None
    rules = [rule for rule in assessment.fired if rule.urgency is Urgency.EMERGENCY]
    named = [
        rule
        for rule in rules
        if not all(ruleset.answers[n].covers for n in condition_answers(rule.when))
    ]
    by_family = {rule.id.rsplit("-", 1)[0]: rule for rule in reversed(named or rules)}
    first_each = [rule for rule in named or rules if rule in by_family.values()]
    return "; ".join(dict.fromkeys(rule.reason for rule in first_each))
