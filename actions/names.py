"""Names shared with domain.yml, written once (a test checks both agree)."""

REQUESTED_SLOT = "requested_slot"
TRIAGE_FORM = "triage_form"

# Actions
VALIDATE_TRIAGE_FORM = "validate_triage_form"
ACTION_ASSESS_TRIAGE = "action_assess_triage"
ACTION_REQUEST_HANDOFF = "action_request_handoff"
ACTION_SUGGEST_EXERCISES = "action_suggest_exercises"
ACTION_EXPLAIN_EXERCISE = "action_explain_exercise"
ACTION_ANSWER_AVOID = "action_answer_avoid"

# Slots set by actions (the triage answers are named by the ruleset and
# bot.dialogue.slot_filling)
SLOT_TRIAGE_LEVEL = "triage_level"
SLOT_HANDOFF_CASE_ID = "handoff_case_id"
SLOT_RED_FLAG_QUOTES = "red_flag_quotes"
SLOT_EXERCISES_SHOWN = "exercises_shown"
SLOT_UNSURE_ANSWERS = "triage_unsure_answers"
SLOT_NOT_KNOWN = "triage_not_known"
SLOT_PREGNANT = "is_pregnant"
SLOT_EMERGENCY_REASON = "emergency_reason"
TRIAGE_CONTEXT_SLOTS = ("pain_location", "pain_duration_days", "pain_onset")

# Intents that leave the form to other rules rather than answering its question
INTENT_REPORT_EMERGENCY = "report_emergency_symptom"
INTENT_ASK_EASIER = "ask_easier_exercise"
INTENT_ASK_ANOTHER = "ask_another_exercise"
INTERRUPTING_INTENTS = frozenset(
    {
        INTENT_REPORT_EMERGENCY,
        "ask_what_to_avoid",
        "ask_exercises",
        "ask_exercise_steps",
        "ask_activity_ok",
        INTENT_ASK_EASIER,
        INTENT_ASK_ANOTHER,
        "request_clinician",
        "restart",
        "goodbye",
        "bot_challenge",
        "out_of_scope",
        "greet",
        "thank",
    }
)

# Responses
UTTER_TRIAGE_UNDERSTOOD = "utter_triage_understood"
UTTER_TRIAGE_FLAG_NOTED = "utter_triage_flag_noted"
UTTER_TRIAGE_UNSURE = "utter_triage_unsure"
UTTER_TRIAGE_UNSURE_COUNTED = "utter_triage_unsure_counted"
UTTER_TRIAGE_HINT_YES_NO = "utter_triage_hint_yes_no"
UTTER_TRIAGE_NOT_KNOWN = "utter_triage_not_known"
UTTER_TRIAGE_NOT_KNOWN_NOTE = "utter_triage_not_known_note"
UTTER_PREGNANCY_NOTE = "utter_pregnancy_note"
UTTER_TRIAGE_HINT_PREFIX = "utter_triage_hint_"
UTTER_SAFETY_NET = "utter_safety_net"
UTTER_SAFETY_NET_UPPER_BACK = "utter_safety_net_upper_back"
UTTER_OFFER_HANDOFF = "utter_offer_handoff"
UTTER_HANDOFF_RECORDED = "utter_handoff_recorded"
UTTER_HANDOFF_FAILED = "utter_handoff_failed"
UTTER_EXERCISES_INTRO = "utter_exercises_intro"
UTTER_EXERCISES_WITHHELD = "utter_exercises_withheld"
UTTER_EXERCISES_NEED_TRIAGE = "utter_exercises_need_triage"
UTTER_EXERCISE_STEPS = "utter_exercise_steps"
UTTER_EXERCISE_UNKNOWN = "utter_exercise_unknown"
UTTER_EXERCISE_NONE_LEFT = "utter_exercise_none_left"
UTTER_AVOID_GENERAL = "utter_avoid_general"
UTTER_AVOID_PERSONAL = "utter_avoid_personal"
UTTER_ACTIVITY_VERDICT_PREFIX = "utter_activity_verdict_"
