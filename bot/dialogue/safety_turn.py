"""What must happen first in a turn, whatever else the dialogue would do.

Pure: the facts of one turn in, the steps to run out (or ``None``, when safety
has nothing to say and the ordinary dialogue goes on). ``EmergencyPolicy``
gathers the facts from Rasa's tracker and predicts these steps ahead of forms,
rules and the action server, so they hold when the action server is down.

The order is the clinical order (shared/CONVERSATIONS.md):
1. a person in crisis hears the crisis lines before anything else;
2. an emergency the rules recognise gets emergency advice at once, and after
   that every reply restates it (no exercises, no "anything else?");
3. an emergency only the classifier guessed, or one that is hedged or about
   someone else, gets one direct confirming question ("not sure" is a yes);
   so does a crisis only the classifier or veiled wording suggests, and an
   injury told outside the questions whose force is not known yet (was it a
   crash, a fall from a height, a heavy blow?);
4. offers made in a message ("pass your answers to a clinician?", "carry
   on?") accept a typed yes;
5. a lesser red flag told in doubt ("I think my foot is a bit weaker?") starts
   the form, which asks about it first; a message with clinical facts that
   reads as a bare yes or no outside the questions ("...no leg pain, no
   fever") starts triage instead of "OK".

After emergency advice, "delete my data" is still heard: the advice is restated
with the confirming question, and the answer is acted on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.dialogue.slot_filling import RED_FLAG_ANSWERS, stated_flags
from bot.nlp.labels import CRISIS_RED_FLAG, EMERGENCY_RED_FLAGS, RED_FLAG
from bot.triage import Urgency, assess
from bot.triage.answers import pick_answers

# Domain names (domain.yml; tests/triage/test_derivation.py checks they exist).
EMERGENCY_INTENT = "report_emergency_symptom"
CRISIS_INTENT = "express_crisis"
UTTER_EMERGENCY = "utter_triage_emergency"
UTTER_EMERGENCY_STAYS = "utter_emergency_stays"
UTTER_CONFIRM_EMERGENCY = "utter_confirm_emergency"
UTTER_CONFIRM_TRAUMA = "utter_confirm_trauma"
UTTER_CRISIS = "utter_crisis"
UTTER_CRISIS_CHECK = "utter_crisis_check"
UTTER_CRISIS_CLOSE = "utter_crisis_close"
UTTER_OFFER_HANDOFF = "utter_offer_handoff"
UTTER_CLINICIAN_HAS_MESSAGE = "utter_clinician_has_message"
ACTION_HANDOFF = "action_request_handoff"
TRIAGE_FORM = "triage_form"
DEACTIVATE_FORM = "action_deactivate_loop"
LISTEN = "action_listen"
DELETION_INTENT = "request_data_deletion"
UTTER_CONFIRM_DELETION = "utter_data_deletion_confirm"
UTTER_DELETION_KEPT = "utter_data_deletion_kept"
ACTION_DELETE_DATA = "action_delete_personal_data"

# Questions asked by a message rather than the form, and the answer each stands for.
PENDING_QUESTIONS = {
    UTTER_CONFIRM_EMERGENCY: "has_cauda_equina_symptom",
    UTTER_CONFIRM_TRAUMA: "is_major_trauma",
    UTTER_CRISIS_CHECK: CRISIS_RED_FLAG,
}
# Intents that never start triage or restate the emergency: Rasa's own.
_RASA_CONTROL_INTENTS = frozenset({"restart", "session_start", "back"})
_YES_INTENTS = frozenset({"affirm", "request_clinician"})
_BARE_REPLY_INTENTS = frozenset({"affirm", "deny", "unsure", "nlu_fallback"})
_CLINICAL_ENTITIES = frozenset({"body_location", "duration", "onset", RED_FLAG})
_INJURY = "is_after_injury"
MAJOR_TRAUMA = "is_major_trauma"


@dataclass(frozen=True)
class TurnFacts:
    """What the latest message and the conversation so far say.

    Attributes:
        intent: The latest message's intent.
        entities: Its entities (with ``negated`` and ``uncertain`` flags).
        typed_reply: ``"yes"``, ``"no"``, ``"unsure"`` or ``None`` for the text.
        is_emergency_now: The answers, after this message, assess as emergency.
        emergency_given: Emergency advice was given earlier in this session.
        last_bot_response: The response name of the bot's last message.
        form_active: A form is running (triage, questionnaire or follow-up).
        crisis_answer_now: The crisis answer was set to yes by this message.
        paused: A clinician holds the case (the bot is paused for them).
        screen_denied_now: This message answered the emergency screen "no".
        trauma_unknown: Whether the injury was a serious one (a crash, a fall
            from a height, a heavy blow) is still unanswered after this message.
        guess_before_trauma_question: The message answered here was the
            reply to the question about an injury's force, and the message
            before it was an emergency guess that question went first for.
        emergency_if_hedged_true: The message's hedged findings, were they
            true, would make the answers an emergency ("had cancer... a bit
            wobbly on my legs": cord compression).
        lesser_flag_in_doubt: The message tells a lesser red flag in doubt
            that the form has not had answered ("I think my foot is a bit
            weaker?"): the form asks it first (``questions_for_doubts``).
    """

    intent: str | None
    entities: Sequence[Mapping[str, Any]] = ()
    typed_reply: str | None = None
    is_emergency_now: bool = False
    emergency_given: bool = False
    last_bot_response: str | None = None
    form_active: bool = False
    crisis_answer_now: bool = False
    paused: bool = False
    screen_denied_now: bool = False
    trauma_unknown: bool = False
    guess_before_trauma_question: bool = False
    emergency_if_hedged_true: bool = False
    lesser_flag_in_doubt: bool = False


def _said_yes(facts: TurnFacts) -> bool:
    return facts.intent in _YES_INTENTS or (
        facts.intent != "deny" and facts.typed_reply == "yes"
    )


def _said_no(facts: TurnFacts) -> bool:
    return facts.intent == "deny" or facts.typed_reply == "no"


def safety_steps(facts: TurnFacts) -> list[str] | None:
    """The steps that must run this turn, in order, or ``None`` for none."""
    if facts.intent in _RASA_CONTROL_INTENTS:
        return None
    affirmed = stated_flags(facts.entities, hedged=False)
    hedged = stated_flags(facts.entities, hedged=True)
    steps: list[str] = []
    emergency = facts.is_emergency_now or bool(affirmed & EMERGENCY_RED_FLAGS)
    # An emergency the rules heard in hedged words, not yet asked about.
    doubted = (hedged & EMERGENCY_RED_FLAGS) - {MAJOR_TRAUMA}
    emergency_in_doubt = bool(doubted or facts.emergency_if_hedged_true) and (
        facts.last_bot_response != UTTER_CONFIRM_EMERGENCY
    )
    # Veiled wording, or the classifier alone, gets a gentle check: first, or
    # straight after the emergency advice when the message also states an
    # emergency ("peeing feels weird, like I can't tell when I'm done").
    check_crisis_after: list[str] = []
    if CRISIS_RED_FLAG in affirmed or facts.crisis_answer_now:
        steps.append(UTTER_CRISIS)
    elif (CRISIS_RED_FLAG in hedged or facts.intent == CRISIS_INTENT) and (
        facts.last_bot_response != UTTER_CRISIS_CHECK
    ):
        if emergency and not (facts.paused or facts.emergency_given):
            check_crisis_after = [UTTER_CRISIS_CHECK]
        elif (
            CRISIS_RED_FLAG in hedged
            or facts.paused
            or facts.emergency_given
            or not emergency_in_doubt
        ):
            # Crisis words come first; a crisis only the classifier guessed
            # waits behind the question about an emergency the rules heard.
            return [UTTER_CRISIS_CHECK, LISTEN]

    if facts.paused:
        # Only safety speaks while a clinician holds the case.
        if emergency:
            steps += [UTTER_EMERGENCY, UTTER_CLINICIAN_HAS_MESSAGE, ACTION_HANDOFF]
        return [*steps, LISTEN] if steps else None
    if facts.emergency_given:
        deletion = _deletion_after_emergency(facts)
        return [*steps, *(deletion or [UTTER_EMERGENCY_STAYS, LISTEN])]
    if emergency:
        if facts.form_active:
            steps.append(DEACTIVATE_FORM)
        return [*steps, UTTER_EMERGENCY, ACTION_HANDOFF, *check_crisis_after, LISTEN]
    if steps:  # crisis without an emergency: stop the questions, offer to go on
        if facts.form_active:
            steps.append(DEACTIVATE_FORM)
        return [*steps, LISTEN]

    # A guess is no reason to ask when this very message said "none of these".
    # Beside a lesser red flag the rules read, the intent is an emergency only
    # when the emergency screen heard one (the rules' reading takes the
    # classifier's guess away; see ClinicalEntityExtractor): that is asked.
    guessed = facts.intent == EMERGENCY_INTENT and not facts.screen_denied_now
    injury_of_unknown_force = _injury_of_unknown_force(facts, affirmed | hedged)
    # Beside an injury of unknown force ("I fell down the cellar hatch"), the
    # emergency the screen heard may be the injury: its force is asked first,
    # and the emergency question straight after (guess_before_trauma_question).
    force_first = bool(affirmed) and injury_of_unknown_force
    # An accident told in doubt ("rear-ended in 1998") is asked about by the
    # question that names what counts as serious, not the symptom list.
    trauma_in_doubt = injury_of_unknown_force and (
        hedged & EMERGENCY_RED_FLAGS == {MAJOR_TRAUMA}
    )
    if trauma_in_doubt:
        return [UTTER_CONFIRM_TRAUMA, LISTEN]
    if emergency_in_doubt or (
        guessed
        and facts.last_bot_response != UTTER_CONFIRM_EMERGENCY
        and not force_first
    ):
        return [UTTER_CONFIRM_EMERGENCY, LISTEN]
    if injury_of_unknown_force:
        return [UTTER_CONFIRM_TRAUMA, LISTEN]
    if (
        facts.guess_before_trauma_question
        and facts.last_bot_response == UTTER_CONFIRM_TRAUMA
    ):
        return [UTTER_CONFIRM_EMERGENCY, LISTEN]

    return (
        _after_a_message_question(facts)
        or _ask_a_doubt(facts)
        or _triage_from_facts(facts)
    )


def emergency_if_hedged_true(
    answers: Mapping[str, Any], entities: Sequence[Mapping[str, Any]]
) -> bool:
    """Whether the hedged findings of a message, taken as yes, would make the
    conversation's answers an emergency (and only then: the answers alone are
    not one). Pure, shared by ``EmergencyPolicy`` and the evaluation."""
    hedged = (stated_flags(entities, hedged=True) & RED_FLAG_ANSWERS) - {
        name for name, value in answers.items() if value is not None
    }
    if not hedged:
        return False
    if assess(pick_answers(answers)).level is Urgency.EMERGENCY:
        return False
    taken = {**answers, **dict.fromkeys(hedged, True)}
    return assess(pick_answers(taken)).level is Urgency.EMERGENCY


def _injury_of_unknown_force(facts: TurnFacts, stated: set[str]) -> bool:
    """An injury told in free text, not in answer to the questions, whose force
    is unknown: its one direct question comes first (CLIN: major trauma is an
    emergency), as the form would only reach it after several others."""
    return (
        bool(stated & {_INJURY, MAJOR_TRAUMA})
        and facts.trauma_unknown
        and not facts.form_active
        and facts.last_bot_response != UTTER_CONFIRM_TRAUMA
    )


def _after_a_message_question(facts: TurnFacts) -> list[str] | None:
    """A typed answer to a question the bot asked in a message, not the form."""
    last = facts.last_bot_response
    if last == UTTER_OFFER_HANDOFF and _said_yes(facts):
        return [ACTION_HANDOFF, LISTEN]
    if last == UTTER_CRISIS and _said_yes(facts) and not facts.form_active:
        return [TRIAGE_FORM]
    if last == UTTER_CRISIS and _said_no(facts):
        return [UTTER_CRISIS_CLOSE, LISTEN]
    if last in PENDING_QUESTIONS and not facts.form_active and _said_no(facts):
        return [TRIAGE_FORM]
    return None


def _deletion_after_emergency(facts: TurnFacts) -> list[str] | None:
    """'Delete my data' after emergency advice: asked with the advice, then done."""
    if facts.intent == DELETION_INTENT:
        return [UTTER_EMERGENCY_STAYS, UTTER_CONFIRM_DELETION, LISTEN]
    if facts.last_bot_response == UTTER_CONFIRM_DELETION:
        if _said_no(facts):
            return [UTTER_DELETION_KEPT, UTTER_EMERGENCY_STAYS, LISTEN]
        if _said_yes(facts):
            return [ACTION_DELETE_DATA, LISTEN]
    return None


def _ask_a_doubt(facts: TurnFacts) -> list[str] | None:
    """A lesser red flag told in doubt outside the form starts it, whatever the
    message asked, so that its question comes next (the form asks it first)."""
    if facts.lesser_flag_in_doubt and not facts.form_active:
        return [TRIAGE_FORM]
    return None


def _triage_from_facts(facts: TurnFacts) -> list[str] | None:
    """Outside the form, a "no" or "yes" that carries clinical facts starts triage."""
    if facts.form_active or facts.intent not in _BARE_REPLY_INTENTS:
        return None
    if any(e.get("entity") in _CLINICAL_ENTITIES for e in facts.entities):
        return [TRIAGE_FORM]
    return None


def message_needs_safety(
    entities: Sequence[Mapping[str, Any]], *, reason_set_now: bool
) -> bool:
    """Whether a message must be answered even while a clinician holds the case:
    it states an emergency or a crisis (rules, not a classifier guess)."""
    affirmed = stated_flags(entities, hedged=False)
    return (
        bool(affirmed & EMERGENCY_RED_FLAGS)
        or CRISIS_RED_FLAG in affirmed
        or reason_set_now
    )


def next_step(steps: Sequence[str], done: set[str]) -> str | None:
    """The first step not yet run in this turn; ``None`` once all have run, so
    the ordinary dialogue goes on (a started form asks its questions)."""
    return next((step for step in steps if step not in done), None)
