"""Whether a user message itself reports an emergency: shared by the emergency
policy and the action-server outage notice, neither of which may need the
action server to decide it.
"""

from __future__ import annotations

from typing import Any

EMERGENCY_INTENT = "report_emergency_symptom"
RED_FLAG_ENTITY = "red_flag"
EMERGENCY_ANSWERS = [
    "has_cauda_equina_symptom",
    "has_bladder_bowel_change",
    "has_saddle_numbness",
    "has_bilateral_leg_weakness",
    "is_major_trauma",
]


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
