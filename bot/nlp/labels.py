"""Names of the entity types and values the pipeline produces (the contract).

Written once here; the lexicon loader checks every group against these sets so
that a typo in ``data/clinical/lexicon.yml`` fails loudly at build time.
"""

from __future__ import annotations

BODY_LOCATION = "body_location"
LATERALITY = "laterality"
ONSET = "onset"
DURATION = "duration"
SYMPTOM = "symptom"
RED_FLAG = "red_flag"

#: Every value each lexicon-driven entity type may take. ``duration`` has int
#: values computed by :mod:`bot.nlp.durations`, so it has no fixed set.
ENTITY_VALUES: dict[str, frozenset[str]] = {
    BODY_LOCATION: frozenset({"lower_back", "upper_back", "neck", "buttock_leg"}),
    LATERALITY: frozenset({"left", "right", "both"}),
    ONSET: frozenset({"gradual", "sudden", "lifting", "minor_injury", "major_trauma"}),
    SYMPTOM: frozenset(
        {"numbness", "tingling", "weakness", "shooting_pain", "stiffness", "spasm"}
    ),
    RED_FLAG: frozenset(
        {
            "has_bladder_bowel_change",
            "has_saddle_numbness",
            "has_bilateral_leg_weakness",
            "is_major_trauma",
            "has_leg_weakness",
            "has_fever",
            "has_leg_symptoms",
            "has_night_pain",
            "is_after_injury",
            "has_cancer_history",
            "has_weight_loss",
        }
    ),
}

ENTITY_TYPES: frozenset[str] = frozenset({*ENTITY_VALUES, DURATION})

#: Red-flag answers that call for emergency care on their own.
EMERGENCY_RED_FLAGS: frozenset[str] = frozenset(
    {
        "has_bladder_bowel_change",
        "has_saddle_numbness",
        "has_bilateral_leg_weakness",
        "is_major_trauma",
    }
)

#: Name used in the ``extractor`` field of Rasa entity dicts.
EXTRACTOR_NAME = "ClinicalEntityExtractor"
