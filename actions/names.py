"""Names shared with domain.yml, written once (a test checks both agree)."""

from bot.privacy.chat import DELETED_RESPONSE

REQUESTED_SLOT = "requested_slot"
TRIAGE_FORM = "triage_form"

# Actions
VALIDATE_TRIAGE_FORM = "validate_triage_form"
ACTION_ASSESS_TRIAGE = "action_assess_triage"
ACTION_REQUEST_HANDOFF = "action_request_handoff"
ACTION_SUGGEST_EXERCISES = "action_suggest_exercises"
ACTION_EXPLAIN_EXERCISE = "action_explain_exercise"
ACTION_ANSWER_AVOID = "action_answer_avoid"
ACTION_DELETE_PERSONAL_DATA = "action_delete_personal_data"

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
        "request_data_deletion",
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
UTTER_EXERCISES_AFTER_OUTCOME = "utter_exercises_after_outcome"
UTTER_EXERCISES_DOCTOR_FIRST = "utter_exercises_doctor_first"
UTTER_EXERCISES_NEED_TRIAGE = "utter_exercises_need_triage"
UTTER_EXERCISE_STEPS = "utter_exercise_steps"
UTTER_EXERCISE_UNKNOWN = "utter_exercise_unknown"
UTTER_EXERCISE_NONE_LEFT = "utter_exercise_none_left"
UTTER_AVOID_GENERAL = "utter_avoid_general"
UTTER_AVOID_PERSONAL = "utter_avoid_personal"
UTTER_DATA_DELETION_DONE = DELETED_RESPONSE  # the tracker store knows it too
UTTER_DATA_DELETION_FAILED = "utter_data_deletion_failed"
UTTER_ACTIVITY_VERDICT_PREFIX = "utter_activity_verdict_"

# --- STarT Back and follow-up (issue 14) ---
STARTBACK_FORM = "startback_form"
FOLLOW_UP_FORM = "follow_up_form"
VALIDATE_STARTBACK_FORM = "validate_startback_form"
VALIDATE_FOLLOW_UP_FORM = "validate_follow_up_form"
ACTION_STARTBACK_RESULT = "action_startback_result"
ACTION_REMEMBER_EPISODE = "action_remember_episode"
ACTION_CHECK_FOLLOW_UP = "action_check_follow_up"
ACTION_FOLLOW_UP_RESULT = "action_follow_up_result"
SLOT_STARTBACK_RESULT = "startback_result"
SLOT_STARTBACK_STOPPED = "startback_stopped"
SLOT_QUESTIONNAIRE_MISSES = "questionnaire_misses"
SLOT_PENDING_OFFER = "pending_offer"
SLOT_FOLLOW_UP_EPISODE_ID = "follow_up_episode_id"
SLOT_FOLLOW_UP_CHANGE = "follow_up_change"
SLOT_FOLLOW_UP_PAIN_SCORE = "follow_up_pain_score"
SLOT_FOLLOW_UP_TREND = "follow_up_trend"
OFFER_STARTBACK = "startback"
OFFER_REMEMBER = "remember"
INTENT_START_QUESTIONNAIRE = "start_questionnaire"
INTENT_STOP_QUESTIONNAIRE = "stop_questionnaire"
# Intents with a rule of their own while the questionnaire or the follow-up
# runs (data/rules/startback.yml): the form steps aside for them.
QUESTIONNAIRE_INTERRUPTIONS = frozenset(
    {
        "request_clinician",
        "goodbye",
        "bot_challenge",
        "ask_exercises",
        "ask_what_to_avoid",
        "restart",
    }
)
UTTER_STARTBACK_OFFER = "utter_startback_offer"
UTTER_STARTBACK_HINT_PREFIX = "utter_startback_hint_"
UTTER_STARTBACK_PAUSED = "utter_startback_paused"
UTTER_STARTBACK_SKIPPED = "utter_startback_skipped"
UTTER_STARTBACK_RESULT = "utter_startback_result"
UTTER_FOLLOW_UP_CONSENT = "utter_follow_up_consent"
UTTER_FOLLOW_UP_REMEMBERED = "utter_follow_up_remembered"
UTTER_FOLLOW_UP_NOT_REMEMBERED = "utter_follow_up_not_remembered"
UTTER_FOLLOW_UP_WELCOME = "utter_follow_up_welcome"
UTTER_FOLLOW_UP_HINT_PREFIX = "utter_follow_up_hint_"
UTTER_FOLLOW_UP_RESCREEN = "utter_follow_up_rescreen"
UTTER_FOLLOW_UP_TREND = "utter_follow_up_trend"
UTTER_OK = "utter_ok"
