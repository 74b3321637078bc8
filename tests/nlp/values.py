"""Names shared by the language-family tests: the extractor as a callable, and
the red-flag values they check most often (written once, as in the lexicon)."""

from __future__ import annotations

from collections.abc import Callable

from bot.nlp import ClinicalEntity

Run = Callable[[str], list[ClinicalEntity]]
BOTH_LEGS = "has_bilateral_leg_weakness"
ONE_LEG = "has_leg_weakness"
BLADDER = "has_bladder_bowel_change"
SADDLE = "has_saddle_numbness"
ARMS = "has_arm_nerve_symptoms"
SUICIDE = "has_suicidal_thoughts"
BREATH = "has_severe_breathlessness"
SEPSIS = "has_sepsis_signs"
SEVERE = "has_severe_pain"
CANCER = "has_cancer_history"
PULSE = "has_pulsating_abdomen"
INFECTION = "has_infection_risk"
WEIGHT = "has_weight_loss"
NIGHT = "has_night_pain"
STIFF = "has_morning_stiffness"
WIDESPREAD = "has_widespread_pain"
FRACTURE = "has_fracture_risk"
SEXUAL = "has_sexual_dysfunction"
TEARING = "has_tearing_pain"
TRAUMA = "is_major_trauma"
INJURY = "is_after_injury"
CHEST = "has_chest_pain"
