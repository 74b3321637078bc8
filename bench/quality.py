"""Drive each vignette through BackChat's real NLU, form and triage over REST."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import requests

from bench.progress import say
from bot.dialogue.safety_turn import PENDING_QUESTIONS
from bot.evaluation.simulator import Styled
from bot.evaluation.vignettes import (
    NO_OUTCOME,
    Outcome,
    Vignette,
    load_vignettes,
    score,
)

ROOT = Path(__file__).resolve().parents[1]
OUTCOME_RESPONSES = {
    "utter_triage_emergency": "emergency",
    "utter_triage_urgent": "urgent",
    "utter_triage_soon": "soon",
    "utter_triage_self_care": "self_care",
    # Crisis lines come first (with 999 for danger now): scored as emergency.
    "utter_crisis": "emergency",
}
MAX_TURNS = 20
RESTART_MESSAGE = "I have back pain"


def outcome_from_tracker(tracker: dict[str, Any]) -> str | None:
    """The triage level BackChat gave: its ``triage_level`` slot, else the last
    triage response it uttered (the emergency path answers before any slot)."""
    level = (tracker.get("slots") or {}).get("triage_level")
    if level:
        return level
    found: str | None = None
    for event in tracker.get("events") or []:
        if event.get("event") == "bot":
            action = (event.get("metadata") or {}).get("utter_action")
            found = OUTCOME_RESPONSES.get(action or "", found)
    return found


def pending_question(tracker: dict[str, Any]) -> str | None:
    """The answer a safety check asked in a message stands for (the confirming
    question, the crisis check), when the bot's last message was one."""
    bots = [e for e in tracker.get("events") or [] if e.get("event") == "bot"]
    action = (bots[-1].get("metadata") or {}).get("utter_action") if bots else None
    return PENDING_QUESTIONS.get(action or "")


def first_reading(tracker: dict[str, Any]) -> str:
    """How the NLU read the story: intent, confidence and red-flag entities."""
    for event in tracker.get("events") or []:
        if event.get("event") == "user":
            parse = event.get("parse_data") or {}
            intent = parse.get("intent") or {}
            flags = [
                ("not " if e.get("negated") else "") + str(e.get("value"))
                for e in parse.get("entities") or []
                if e.get("entity") == "red_flag"
            ]
            confidence = intent.get("confidence") or 0
            reading = f"story read as {intent.get('name')} ({confidence:.2f})"
            return reading + (f", red flags: {', '.join(flags)}" if flags else "")
    return ""


def fired_rules(slots: dict[str, Any]) -> tuple[str, ...]:
    """Rule ids BackChat's own ruleset fires on the conversation's final slots."""
    from bot.triage import assess

    answers = {name: value for name, value in slots.items() if value is not None}
    return tuple(rule.id for rule in assess(answers).fired)


class Driver:
    """Plays one vignette as a person would: story first, then answers."""

    def __init__(self, url: str, token: str | None = None) -> None:
        self.url = url
        self.http = requests.Session()
        if token:  # Rasa's HTTP API (the tracker) needs its token
            self.http.params = {"token": token}

    def _say(self, sender: str, message: str) -> None:
        self.http.post(
            f"{self.url}/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            timeout=60,
        ).raise_for_status()

    def _tracker(self, sender: str) -> dict[str, Any]:
        response = self.http.get(
            f"{self.url}/conversations/{sender}/tracker", timeout=30
        )
        response.raise_for_status()
        return response.json()

    def run(self, vignette: Vignette | Styled) -> Outcome:
        """Story, then the person's answer to each question, until an outcome."""
        sender = f"vignette-{vignette.id}-{uuid.uuid4().hex[:8]}"
        self._say(sender, vignette.text)
        turns, restarted, note = 1, False, ""
        tracker = self._tracker(sender)
        while (level := outcome_from_tracker(tracker)) is None and turns < MAX_TURNS:
            question = (tracker.get("slots") or {}).get(
                "requested_slot"
            ) or pending_question(tracker)
            if question is None:
                if restarted:
                    note = "no question asked and no outcome"
                    break
                # A person whose story was not understood says it plainly.
                restarted = True
                message = RESTART_MESSAGE
            else:
                message = vignette.answer(question)
            self._say(sender, message)
            turns += 1
            tracker = self._tracker(sender)
        if level is None and not note:
            last = (tracker.get("slots") or {}).get("requested_slot")
            note = f"no outcome after {turns} messages, still asking {last}"
        note = "; ".join(filter(None, [note, first_reading(tracker)]))
        return Outcome(
            id=vignette.id,
            gold=vignette.level,
            predicted=level or NO_OUTCOME,
            gold_rule=vignette.rule,
            fired=fired_rules(tracker.get("slots") or {}),
            turns=turns,
            restarted=restarted,
            note=note,
        )


def triage_quality(
    url: str, workers: int = 2, token: str | None = None
) -> dict[str, Any]:
    """Score every vignette against the running BackChat at ``url``."""
    vignettes = load_vignettes()
    say(f"quality: {len(vignettes)} vignettes through the REST stack")

    def one(vignette: Vignette) -> Outcome:
        return Driver(url, token).run(vignette)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        outcomes = list(pool.map(one, vignettes))
    result = score(outcomes)
    result["outcomes"] = [o.__dict__ | {"fired": list(o.fired)} for o in outcomes]
    result["restarted"] = sum(o.restarted for o in outcomes)
    return result


def entity_quality() -> dict[str, Any]:
    """Entity figures on the kept-out set (``bot.evaluation.nlu_entities``)."""
    from bot.evaluation.nlu_entities import evaluate_entities, load_cases
    from bot.nlp import extract, get_pipeline

    cases, today = load_cases()
    nlp = get_pipeline()
    report = evaluate_entities(cases, lambda text: extract(text, nlp, today=today))
    micro = report.micro
    return {
        "cases": report.cases,
        "micro_precision": round(micro.precision, 3),
        "micro_recall": round(micro.recall, 3),
        "micro_f1": round(micro.f1, 3),
        "f1_by_type": {k: round(v.f1, 3) for k, v in report.per_type.items()},
        "red_flag_recall": round(report.red_flag_recall, 3),
        "emergency_recall": round(report.emergency_recall, 3),
        "false_alarm_rate": round(report.false_alarm_rate, 3),
    }
