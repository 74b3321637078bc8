"""Names of the entity types and values the pipeline produces (the contract).

Red-flag, location and onset values come from the clinical ruleset
(``data/clinical/red_flags.yml``); the rest are written once here. The lexicon
loader checks every group against these sets so that a typo in
``data/clinical/lexicon.yml`` fails loudly at build time.
"""

from __future__ import annotations

from bot.triage.ruleset import Urgency
from bot.triage.ruleset_file import default_ruleset

_RULESET = default_ruleset()

BODY_LOCATION = "body_location"
LATERALITY = "laterality"
ONSET = "onset"
DURATION = "duration"
SYMPTOM = "symptom"
RED_FLAG = "red_flag"

#: Every value each lexicon-driven entity type may take. ``duration`` has int
#: values computed by :mod:`bot.nlp.durations`, so it has no fixed set.
ENTITY_VALUES: dict[str, frozenset[str]] = {
    BODY_LOCATION: frozenset(_RULESET.answers["pain_location"].values),
    LATERALITY: frozenset({"left", "right", "both"}),
    ONSET: frozenset(_RULESET.answers["pain_onset"].values),
    SYMPTOM: frozenset(
        {"numbness", "tingling", "weakness", "shooting_pain", "stiffness", "spasm"}
    ),
    # Every yes/no answer of the clinical ruleset: written once, there.
    RED_FLAG: _RULESET.yes_no_answers,
}

ENTITY_TYPES: frozenset[str] = frozenset({*ENTITY_VALUES, DURATION})

#: Red-flag answers that call for emergency care on their own (derived).
EMERGENCY_RED_FLAGS: frozenset[str] = _RULESET.sufficient_alone(Urgency.EMERGENCY)

#: The answer that calls for the crisis response before anything else.
CRISIS_RED_FLAG: str = _RULESET.crisis.answer if _RULESET.crisis else ""

#: Name used in the ``extractor`` field of Rasa entity dicts.
EXTRACTOR_NAME = "ClinicalEntityExtractor"
