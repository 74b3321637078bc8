"""From one message (intent, entities, the question just asked) to triage answers.

Entities come from the clinical language pipeline (``bot.nlp``) or from button
payloads; each may carry ``negated`` and ``uncertain`` flags. A negated red flag
is a "no", an uncertain one is no answer at all, so the question is asked.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from bot.dialogue.pain_duration import pain_duration_days
from bot.dialogue.replies import is_hedged_reply, typed_reply
from bot.nlp.age import find_age, parse_age_answer
from bot.nlp.labels import CRISIS_RED_FLAG, EMERGENCY_RED_FLAGS
from bot.triage.ruleset_file import default_ruleset

_RULESET = default_ruleset()
LOCATION_VALUES = _RULESET.answers["pain_location"].values
#: Places a rule asks about ("upper_back" after cancer): named beside another
#: place ("my neck and the top of my back"), they are the place that counts.
_LOCATIONS_THAT_MATTER = _RULESET.values_asked_about("pain_location")
ONSET_VALUES = _RULESET.answers["pain_onset"].values
# Every yes/no answer of the ruleset: the red flags the language pipeline can
# find and the grouped questions, which are asked but never named in one phrase.
RED_FLAG_ANSWERS = _RULESET.yes_no_answers
# A "yes" to a detailed answer is also a yes to the question that covers it;
# a "no" to a covering question is also a no to its follow-ups (both derived
# from the ruleset's `covers`).
_IMPLIED_YES = _RULESET.implied_yes()
_IMPLIED_NO = _RULESET.implied_no()
_ONSET_ANSWERS = {
    "minor_injury": {"is_after_injury": True},
    "major_trauma": {"is_after_injury": True, "is_major_trauma": True},
}
AGE = "age"
# The questions the triage form asks before any other (a list of answer names).
FIRST_QUESTIONS_SLOT = "triage_first_questions"
_ASKED = frozenset(_RULESET.question_answers)
# To a safety check asked in a message ("just to check: do you mean any of
# these?"), "not sure" or describing it again is a yes: safer checked.
_INSISTING_INTENTS = frozenset({"unsure", "report_emergency_symptom", "express_crisis"})
# An emergency told in reply to the crisis check ("a sudden tearing pain") is
# that emergency, routed by its own words, not a yes to thoughts of suicide.
_INSISTING_ON_CRISIS = _INSISTING_INTENTS - {"report_emergency_symptom"}
DurationParser = Callable[[str], "int | None"]


def answers_from_message(
    *,
    intent: str | None,
    entities: Sequence[Mapping[str, Any]],
    requested_slot: str | None,
    text: str | None,
    parse_duration: DurationParser | None = None,
    known: Mapping[str, Any] | None = None,
    unsure_is_yes: bool = False,
) -> dict[str, Any]:
    """Work out every triage answer a message gives.

    Args:
        intent: The message's intent name.
        entities: Entities with ``entity``, ``value`` and optional ``negated`` and
            ``uncertain`` flags.
        requested_slot: The question the bot just asked, if any.
        text: The message text, used to read a bare duration ("about 3 weeks").
        parse_duration: Turns a reply into a number of days, or ``None``.
        known: Answers given earlier; a "no" here never overturns an earlier
            "yes" (the person may be talking about something else).
        unsure_is_yes: The question is a safety check asked in a message, where
            "not sure" counts as yes (the form's own questions explain first).

    Returns:
        Answer name to value; a name absent from the result was not answered.
    """
    answers: dict[str, Any] = {}
    denied: set[str] = set()
    for entity in entities:
        _apply_entity(entity, answers, denied)
    days = pain_duration_days(entities)
    if days is not None:
        answers["pain_duration_days"] = days
    age = find_age(text or "") if not (text or "").startswith("/") else None
    if age is not None:
        answers[AGE] = age
    if not _about_the_pain(intent, entities, requested_slot):
        # "I had cancer 6 years ago" holds a duration that is not the pain's.
        answers.pop("pain_duration_days", None)
    known = known or {}
    for name in denied - set(answers) - {k for k, v in known.items() if v is True}:
        answers[name] = False
        for follow_up in _IMPLIED_NO.get(name, ()):
            answers.setdefault(follow_up, False)

    # A hedged description of one of the things a grouped safety question asks
    # about ("I think so, a bit numb when I wipe") answers it yes, as the bot's
    # own advice is "if you think it might be yes, it's safest to answer yes"
    # (a hedge about the very answer asked is read by _answer_to_requested).
    if requested_slot in RED_FLAG_ANSWERS and requested_slot not in answers:
        for detail in _hedged_details_of(requested_slot, entities):
            answers[detail] = True
            for implied in _IMPLIED_YES.get(detail, ()):
                answers[implied] = True

    # "maybe it wakes me" to the fever question is a hedge about night pain,
    # not a yes to fever; "no, just a slip" is still a no.
    about_another_flag = is_hedged_reply(text) and any(
        e.get("entity") == "red_flag" and e.get("value") != requested_slot
        for e in entities
    )
    if requested_slot and requested_slot not in answers and not about_another_flag:
        # A safety question's "no" from the classifier alone is not trusted when
        # the message says something else ("after sleeping funny" read as deny):
        # the question is asked again rather than a red flag recorded as absent.
        informs = any(
            not (e.get("entity") == "red_flag" and e.get("negated")) for e in entities
        )
        # Nor is its "yes" when the message is about something else and does not
        # open with a yes ("yesterday", read as affirm, to the emergency screen),
        # or is only a number, as an age typed a question late ("34", which the
        # classifier reads as affirm).
        tells_other = any(e.get("entity") != "red_flag" for e in entities) or (
            text is not None and parse_age_answer(text) is not None
        )
        answers.update(
            _answer_to_requested(
                requested_slot,
                intent,
                text,
                parse_duration,
                unsure_is_yes,
                trust_deny=not informs or typed_reply(text) == "no",
                trust_affirm=not tells_other or typed_reply(text) == "yes",
            )
        )
        value = answers.get(requested_slot)
        if value is False:
            for follow_up in _IMPLIED_NO.get(requested_slot, ()):
                answers.setdefault(follow_up, False)
    return answers


def _hedged_details_of(slot: str, entities: Sequence[Mapping[str, Any]]) -> list[str]:
    """The hedged, not denied, red flags of a message that the grouped question
    ``slot`` covers."""
    return [
        str(e["value"])
        for e in entities
        if e.get("entity") == "red_flag"
        and e.get("uncertain")
        and not e.get("negated")
        and slot in _IMPLIED_YES.get(str(e.get("value")), ())
    ]


def _apply_entity(
    entity: Mapping[str, Any], answers: dict[str, Any], denied: set[str]
) -> None:
    kind, value = entity.get("entity"), entity.get("value")
    # Where it hurts is where it hurts, asked about or not ("should I be
    # worried about pain between my shoulder blades?"); any other finding in
    # doubt is no answer at all.
    if entity.get("uncertain") and kind != "body_location":
        return
    negated = bool(entity.get("negated"))
    if kind == "body_location" and value in LOCATION_VALUES and not negated:
        if (
            answers.get("pain_location") not in _LOCATIONS_THAT_MATTER
            and value in _LOCATIONS_THAT_MATTER
        ):
            answers["pain_location"] = value
        answers.setdefault("pain_location", value)
    elif kind == "onset" and value in ONSET_VALUES:
        if negated:
            if value in _ONSET_ANSWERS:
                denied.add("is_after_injury")
            return
        answers.setdefault("pain_onset", value)
        for name, answer in _ONSET_ANSWERS.get(value, {}).items():
            answers[name] = answer
    elif kind == "red_flag" and value in RED_FLAG_ANSWERS:
        if negated:
            denied.add(value)
            return
        answers[value] = True
        for implied in _IMPLIED_YES.get(value, ()):
            answers[implied] = True
        if value == "is_after_injury":
            answers.setdefault("pain_onset", "minor_injury")


def _about_the_pain(
    intent: str | None,
    entities: Sequence[Mapping[str, Any]],
    requested_slot: str | None,
) -> bool:
    return (
        requested_slot in (None, "pain_duration_days", "pain_location", "pain_onset")
        or intent == "report_pain"
        or any(e.get("entity") == "body_location" for e in entities)
    )


def _answer_to_requested(
    slot: str,
    intent: str | None,
    text: str | None,
    parse_duration: DurationParser | None,
    unsure_is_yes: bool = False,
    trust_deny: bool = True,
    trust_affirm: bool = True,
) -> dict[str, Any]:
    if slot in RED_FLAG_ANSWERS:
        reply = typed_reply(text)
        if (intent == "affirm" and trust_affirm) or (
            intent != "deny" and reply == "yes"
        ):
            return {slot: True}
        if (intent == "deny" and trust_deny) or reply == "no":
            return {slot: False}
        insisting = (
            _INSISTING_ON_CRISIS if slot == CRISIS_RED_FLAG else _INSISTING_INTENTS
        )
        if unsure_is_yes and (intent in insisting or reply == "unsure"):
            # "not sure", or describing it again, to a safety question: yes.
            return {slot: True}
        return {}
    if slot == "pain_duration_days" and text and parse_duration:
        days = parse_duration(text)
        return {} if days is None else {slot: days}
    if slot == AGE and text:
        age = parse_age_answer(text)
        return {} if age is None else {slot: age}
    return {}


def red_flag_quotes(
    entities: Sequence[Mapping[str, Any]], text: str | None
) -> list[str]:
    """The person's own words for each red flag they described, for the clinician.

    Button payloads ("/intent{...}") carry no words of the person's, so they
    give no quote.
    """
    if not text or text.startswith("/"):
        return []
    values = dict.fromkeys(
        entity["value"]
        for entity in entities
        if entity.get("entity") == "red_flag"
        and not entity.get("negated")
        and not entity.get("uncertain")
    )
    return [f"{value}: {text}" for value in values]


def slot_updates(
    *,
    intent: str | None,
    entities: Sequence[Mapping[str, Any]],
    text: str | None,
    requested_slot: str | None,
    slots: Mapping[str, Any],
    parse_duration: DurationParser,
    quotes_slot: str,
    unsure_is_yes: bool = False,
) -> dict[str, Any]:
    """The slots one message changes: its answers, and the red-flag quotes.

    ``requested_slot`` is the question the form just asked (None outside it);
    ``slots`` the conversation's current values. A later "no" never silently
    overwrites an earlier "yes", and unchanged values are left out.
    """
    answers = answers_from_message(
        intent=intent,
        entities=entities,
        requested_slot=requested_slot,
        text=text,
        parse_duration=parse_duration,
        known=slots,
        unsure_is_yes=unsure_is_yes,
    )
    updates = {
        name: value
        for name, value in answers.items()
        if value != slots.get(name) and slots.get(name) is not True
    }
    # A hedged mention after an earlier "no" ("well, maybe it does wake me")
    # re-opens that question, so the form asks it again, directly.
    for name in (stated_flags(entities, hedged=True) & RED_FLAG_ANSWERS) - set(answers):
        if slots.get(name) is False:
            updates[name] = None
    quotes = red_flag_quotes(entities, text)
    if quotes:
        updates[quotes_slot] = list(slots.get(quotes_slot) or []) + quotes
    asked_first = list(slots.get(FIRST_QUESTIONS_SLOT) or [])
    new = [
        question
        for question in questions_for_doubts(entities, {**slots, **updates})
        if question not in asked_first
    ]
    if new:
        updates[FIRST_QUESTIONS_SLOT] = asked_first + new
    return updates


def questions_for_doubts(
    entities: Sequence[Mapping[str, Any]], answers: Mapping[str, Any]
) -> list[str]:
    """The form's questions about the lesser red flags a message tells in doubt.

    "I think my foot is a bit weaker?" or "my mum had cancer" (is it mine?)
    re-open their question with a direct, concrete follow-up, asked before the
    form's other questions: waiting for the form to reach it is how a hedged
    urgent flag went unasked on a first message. An emergency in doubt gets
    the confirming question instead (``safety_turn``), a crisis the gentle
    check. A flag the form has no question of its own for is asked by the
    grouped question that covers it; one already answered is not asked.
    """
    doubted = stated_flags(entities, hedged=True) & RED_FLAG_ANSWERS
    questions: list[str] = []
    for flag in sorted(doubted - EMERGENCY_RED_FLAGS - {CRISIS_RED_FLAG}):
        covering = (flag, *_IMPLIED_YES.get(flag, ()))
        question = next((name for name in covering if name in _ASKED), None)
        if (
            question is not None
            and answers.get(flag) is None
            and answers.get(question) is None
            and question not in questions
        ):
            questions.append(question)
    return questions


def stated_flags(entities: Sequence[Mapping[str, Any]], *, hedged: bool) -> set[str]:
    """Red flags a message states, not denied: the hedged ones or the plain ones."""
    return {
        str(e.get("value"))
        for e in entities
        if e.get("entity") == "red_flag"
        and not e.get("negated")
        and bool(e.get("uncertain")) is hedged
    }
