"""Triage answers are read inside Rasa, from Rasa's own tracker, and applied
as EmergencyPolicy's prediction events."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    Event,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa.policy import EmergencyPolicy
from bot.rasa.slot_extraction import triage_slot_events
from bot.triage import load_ruleset
from bot.triage.emergency_message import emergency_reason

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain.yml"))


def reason_of(rule_id: str) -> str:
    """The reason the ruleset gives for the rule with this id."""
    (rule,) = [rule for rule in load_ruleset().rules if rule.id == rule_id]
    return rule.reason


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
    assert events == [
        SlotSet("has_cauda_equina_symptom", True),
        SlotSet("emergency_reason", reason_of("RF-CES-04")),
    ]


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
    assert events == [
        SlotSet("has_bladder_bowel_change", True),
        SlotSet("has_cauda_equina_symptom", True),  # covered by the finding
        SlotSet(
            "red_flag_quotes",
            [
                "earlier: words",
                "has_bladder_bowel_change: I wet myself and didn't feel it",
            ],
        ),
        SlotSet("emergency_reason", reason_of("RF-CES-01")),
    ]


@pytest.fixture(scope="module")
def policy() -> EmergencyPolicy:
    from rasa.engine.graph import ExecutionContext, GraphSchema

    config = EmergencyPolicy.get_default_config()
    context = ExecutionContext(GraphSchema({}), "test")
    return EmergencyPolicy(config, None, None, context)  # type: ignore[arg-type]


def test_the_first_prediction_after_a_message_carries_its_answers(
    domain: Domain, policy: EmergencyPolicy
) -> None:
    conversation = tracker(
        domain,
        message=said("neck", "inform", [{"entity": "body_location", "value": "neck"}]),
    )
    prediction = policy.predict_action_probabilities(conversation, domain)
    assert prediction.events == [SlotSet("pain_location", "neck")]
    assert max(prediction.probabilities) == 0.0  # nothing else to say


def test_after_an_action_the_message_is_not_read_again(
    domain: Domain, policy: EmergencyPolicy
) -> None:
    """The form's next question is not answered by the same message."""
    message = said("yes", "affirm")
    asked = [
        ActiveLoop("triage_form"),
        SlotSet("requested_slot", "has_fever"),
    ]
    first = tracker(domain, *asked, message=message)
    assert policy.predict_action_probabilities(first, domain).events == [
        SlotSet("has_fever", True)
    ]
    after_the_form = tracker(domain, *asked, message=message)
    after_the_form.update_with_events(
        [
            SlotSet("has_fever", True),
            ActionExecuted("triage_form"),
            SlotSet("requested_slot", "has_night_pain"),
        ],
        domain,
    )
    assert policy.predict_action_probabilities(after_the_form, domain).events == []


def test_an_emergency_answer_is_applied_with_the_emergency_advice(
    domain: Domain, policy: EmergencyPolicy
) -> None:
    conversation = tracker(
        domain,
        message=said(
            "I wet myself and didn't feel it",
            "report_emergency_symptom",
            [{"entity": "red_flag", "value": "has_bladder_bowel_change"}],
        ),
    )
    prediction = policy.predict_action_probabilities(conversation, domain)
    chosen = domain.action_names_or_texts[
        prediction.probabilities.index(max(prediction.probabilities))
    ]
    assert chosen == "utter_triage_emergency"
    answers = {"has_bladder_bowel_change": True, "has_cauda_equina_symptom": True}
    assert prediction.events == [
        *(SlotSet(name, value) for name, value in answers.items()),
        SlotSet(
            "red_flag_quotes",
            ["has_bladder_bowel_change: I wet myself and didn't feel it"],
        ),
        SlotSet("emergency_reason", emergency_reason(answers)),
    ]
    assert prediction.is_no_user_prediction


def test_an_outage_notice_sent_this_turn_is_recorded_by_the_next_prediction(
    domain: Domain, policy: EmergencyPolicy, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.rasa import action_outage

    told = BotUttered("technical problem", metadata={"utter_action": "x"})
    message = said("lower back", "inform")
    conversation = tracker(domain, message=message)
    conversation.update(ActionExecuted("triage_form"))
    turn = message.message_id or message.text
    monkeypatch.setitem(action_outage._to_record, "ann", (turn, told))
    assert policy.predict_action_probabilities(conversation, domain).events == [told]
    assert policy.predict_action_probabilities(conversation, domain).events == []
