"""Triage answers are read inside Rasa, from Rasa's own tracker."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rasa.core.actions.action import ActionExtractSlots
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActiveLoop, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa import slot_extraction as rasa_slot_extraction
from bot.rasa.slot_extraction import EXTRACTION_ACTION, triage_slot_events

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


def tracker(
    domain: Domain, *before: Event, message: UserUttered
) -> DialogueStateTracker:
    return DialogueStateTracker.from_events("ann", [*before, message], domain.slots)


def said(
    text: str, intent: str, entities: list[dict[str, Any]] | None = None
) -> UserUttered:
    return UserUttered(text, {"name": intent, "confidence": 0.9}, entities or [])


def test_several_answers_from_one_message_and_an_earlier_yes_kept(
    domain: Domain,
) -> None:
    events = triage_slot_events(
        tracker(
            domain,
            SlotSet("has_leg_symptoms", True),
            message=said(
                "lower back for 3 weeks, no night pain, legs fine",
                "report_pain",
                [
                    {"entity": "body_location", "value": "lower_back"},
                    {"entity": "duration", "value": 21},
                    {"entity": "red_flag", "value": "has_night_pain", "negated": True},
                    {
                        "entity": "red_flag",
                        "value": "has_leg_symptoms",
                        "negated": True,
                    },
                ],
            ),
        )
    )
    assert events == [
        SlotSet("pain_location", "lower_back"),
        SlotSet("pain_duration_days", 21),
        SlotSet("has_night_pain", False),
    ]


def test_a_bare_answer_fills_the_question_the_form_asked(domain: Domain) -> None:
    in_form = (
        ActiveLoop("triage_form"),
        SlotSet("requested_slot", "pain_duration_days"),
    )
    events = triage_slot_events(
        tracker(domain, *in_form, message=said("about 3 weeks", "inform"))
    )
    assert events == [SlotSet("pain_duration_days", 21)]
    # Outside the form the same words answer nothing.
    assert (
        triage_slot_events(tracker(domain, message=said("about 3 weeks", "inform")))
        == []
    )


def test_yes_to_the_emergency_screen_is_set_before_any_policy_runs(
    domain: Domain,
) -> None:
    screen = (
        ActiveLoop("triage_form"),
        SlotSet("requested_slot", "has_cauda_equina_symptom"),
    )
    events = triage_slot_events(tracker(domain, *screen, message=said("yes", "affirm")))
    assert SlotSet("has_cauda_equina_symptom", True) in events


def test_a_red_flag_in_the_persons_words_is_quoted_for_the_clinician(
    domain: Domain,
) -> None:
    message = said(
        "I wet myself and didn't feel it",
        "report_emergency_symptom",
        [{"entity": "red_flag", "value": "has_bladder_bowel_change"}],
    )
    events = triage_slot_events(
        tracker(domain, SlotSet("red_flag_quotes", ["earlier: words"]), message=message)
    )
    quotes = next(e.value for e in events if e.key == "red_flag_quotes")
    assert quotes == [
        "earlier: words",
        "has_bladder_bowel_change: I wet myself and didn't feel it",
    ]


async def test_only_the_triage_mapping_runs_in_process(
    domain: Domain, monkeypatch: pytest.MonkeyPatch, rasa_patched: None
) -> None:
    sent_away: list[str] = []

    async def to_the_action_server(self: Any, name: str, *_args: Any) -> list:
        sent_away.append(name)
        return []

    monkeypatch.setattr(
        rasa_slot_extraction, "_rasa_run_custom_action", to_the_action_server
    )
    extract = ActionExtractSlots(action_endpoint=None)
    conversation = tracker(
        domain,
        message=said("neck", "inform", [{"entity": "body_location", "value": "neck"}]),
    )
    here = await extract._run_custom_action(
        EXTRACTION_ACTION, None, None, conversation, domain
    )
    elsewhere = await extract._run_custom_action(
        "action_other", None, None, conversation, domain
    )
    assert here == [SlotSet("pain_location", "neck")]
    assert elsewhere == [] and sent_away == ["action_other"]
