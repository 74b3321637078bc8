"""Whether a user message itself reports an emergency: shared by the emergency
policy and the action-server outage notice, neither of which may need the
action server to decide it.
"""

from __future__ import annotations

from typing import Any

from bot.triage.ruleset import Urgency, default_ruleset

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
