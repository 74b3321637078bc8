"""Rasa adapter: a policy that puts safety before anything else in a turn.

Rasa lets an active form outrank every rule, and a form can only step aside
through the action server. This policy needs neither: it reads the turn's facts
from the tracker and predicts the steps of ``bot.dialogue.safety_turn`` (crisis
lines, emergency advice and the hand-off, the emergency restated afterwards, a
confirming question for a guessed emergency, typed answers to offers). It
outranks the form through its priority, so all of it reaches the person even
when the action server is down.
"""

from __future__ import annotations

import json
from typing import Any

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.dialogue.replies import typed_reply
from bot.dialogue.safety_turn import (
    MAJOR_TRAUMA,
    UTTER_EMERGENCY,
    UTTER_EMERGENCY_STAYS,
    TurnFacts,
    emergency_if_hedged_true,
    next_step,
    safety_steps,
)
from bot.dialogue.slot_filling import questions_for_doubts
from bot.nlp.labels import CRISIS_RED_FLAG
from bot.rasa import installed
from bot.rasa.action_outage import take_notice_to_record
from bot.rasa.paused_safety import reason_set_in
from bot.rasa.slot_extraction import REASON_SLOT, last_bot_response, triage_slot_events
from bot.rasa.speedups import freeze_loaded_objects
from bot.triage.answers import pick_answers
from bot.triage.assess import assess
from bot.triage.emergency_message import (
    EMERGENCY_ANSWERS,
    EMERGENCY_INTENT,
    RED_FLAG_ENTITY,
    emergency_reason,
)
from bot.triage.ruleset import Urgency

SCREEN_ANSWER = "has_cauda_equina_symptom"  # the grouped emergency question


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class EmergencyPolicy(Policy):
    """Puts the emergency response ahead of forms, rules and everything else."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """Defaults: the trigger intent, emergency answers and actions to run."""
        return {
            "priority": 7,  # above RulePolicy (6), so it wins a tie at 1.0
            "intent": EMERGENCY_INTENT,
            "answers": EMERGENCY_ANSWERS,
            "entity": RED_FLAG_ENTITY,
            "response": "utter_triage_emergency",
            "handoff_action": "action_request_handoff",
        }

    def __init__(
        self,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        featurizer: Any = None,
    ) -> None:
        """Keeps the storage so training can persist the (tiny) config."""
        super().__init__(config, model_storage, resource, execution_context, featurizer)
        self._model_storage = model_storage
        self._resource = resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> EmergencyPolicy:
        """Load for serving; refuses a Rasa without BackChat's patches.

        Without them a failed action would leave the person without a word (no
        outage notice, Rasa's 300 s wait) and a paused conversation would hear no
        emergency advice: fail at start-up rather than serve that.

        Raises:
            RuntimeError: when ``bot.rasa.install()`` has not run.
        """
        if not installed():
            raise RuntimeError(
                "BackChat's Rasa patches are not installed: start Rasa with "
                "`python -m bot.rasa.run` (or load it with bot.rasa.agent.load_agent)"
            )
        policy = super().load(
            config, model_storage, resource, execution_context, **kwargs
        )
        # Not a patch: the model is in memory now, so Python's collector can stop
        # walking it (bot.rasa.speedups.freeze_loaded_objects).
        freeze_loaded_objects()
        assert isinstance(policy, cls)
        return policy

    def train(
        self,
        training_trackers: list[TrackerWithCachedStates],
        domain: Domain,
        **kwargs: Any,
    ) -> Resource:
        """Nothing to learn: the behaviour is fixed by the configuration."""
        with self._model_storage.write_to(self._resource) as path:
            (path / "emergency_policy.json").write_text(json.dumps(self.config))
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        """Predict the next safety step (``bot.dialogue.safety_turn``), or nothing.

        The first prediction after a message also carries the message's triage
        answers (``bot.rasa.slot_extraction``) as events, which Rasa applies
        whatever is predicted, so the form and every later step see them.
        """
        turn = _events_since_last_user_message(tracker)
        probabilities = self._default_predictions(domain)
        if not turn:
            return self._prediction(probabilities)
        # An outage notice sent by a failed action, for the conversation's record.
        told = take_notice_to_record(tracker)
        done = {e.action_name for e in turn if isinstance(e, ActionExecuted)}
        # Read once, before any action of the turn: the form's next question
        # must not be answered by the same message. A rejected action drops its
        # prediction's events, and then no action has run yet either.
        answers = [] if done else triage_slot_events(tracker)
        slots = {**tracker.current_slot_values(), **{e.key: e.value for e in answers}}
        steps = safety_steps(turn_facts(tracker, [*turn, *answers], slots))
        step = next_step(steps, done) if steps else None
        if step is None or step not in domain.action_names_or_texts:
            return self._prediction(probabilities, events=[*told, *answers])
        probabilities[domain.index_for_action(step)] = 1.0
        return self._prediction(
            probabilities,
            events=[*told, *answers, *_reason_events(slots, step)],
            is_no_user_prediction=True,
        )


def _reason_events(slots: dict[str, Any], step: str) -> list[SlotSet]:
    """The emergency message says why: set its reason slot before it is said.

    The message's answers carry it when they call for emergency care; answers
    set by the form (a second "not sure" counted as yes) reach here without it.
    """
    if step not in (UTTER_EMERGENCY, UTTER_EMERGENCY_STAYS):
        return []
    reason = emergency_reason(slots)
    if reason is None or reason == slots.get(REASON_SLOT):
        return []
    return [SlotSet(REASON_SLOT, reason)]


def turn_facts(
    tracker: DialogueStateTracker, turn: list[Any], slots: dict[str, Any]
) -> TurnFacts:
    """The facts ``safety_steps`` decides on.

    Args:
        tracker: Rasa's tracker.
        turn: The latest user message and every event after it, with the
            message's answers not yet applied.
        slots: The slot values with those answers.
    """
    user = turn[0]
    answers = pick_answers(slots)
    crisis = CRISIS_RED_FLAG
    paused = tracker.is_paused()
    emergency = assess(answers).level is Urgency.EMERGENCY
    return TurnFacts(
        intent=(user.intent or {}).get("name"),
        entities=user.entities or [],
        typed_reply=typed_reply(user.text),
        # While a clinician holds the case, only what this message adds.
        is_emergency_now=reason_set_in(turn) if paused else emergency,
        emergency_given=_emergency_given(tracker),
        last_bot_response=last_bot_response(tracker),
        # Any form: the questionnaire and the follow-up step aside for safety
        # exactly as the triage form does.
        form_active=tracker.active_loop_name is not None,
        paused=paused,
        screen_denied_now=any(
            isinstance(e, SlotSet) and e.key == SCREEN_ANSWER and e.value is False
            for e in turn
        ),
        crisis_answer_now=any(
            isinstance(e, SlotSet) and e.key == crisis and e.value is True for e in turn
        ),
        trauma_unknown=answers.get(MAJOR_TRAUMA) is None,
        guess_before_trauma_question=_previous_intent(tracker) == EMERGENCY_INTENT,
        emergency_if_hedged_true=emergency_if_hedged_true(slots, user.entities or []),
        lesser_flag_in_doubt=bool(questions_for_doubts(user.entities or [], slots)),
    )


def _previous_intent(tracker: DialogueStateTracker) -> str | None:
    """The intent of the user message before the latest one."""
    users = [e for e in tracker.applied_events() if isinstance(e, UserUttered)]
    return (users[-2].intent or {}).get("name") if len(users) >= 2 else None


def _emergency_given(tracker: DialogueStateTracker) -> bool:
    """Emergency advice given before the latest message (in this session)."""
    events = tracker.applied_events()
    last_user = max(
        (i for i, e in enumerate(events) if isinstance(e, UserUttered)), default=0
    )
    # Predicted by this policy (an action) or said by the outcome action (a
    # bot message naming its response).
    return any(
        (isinstance(e, ActionExecuted) and e.action_name == UTTER_EMERGENCY)
        or (
            isinstance(e, BotUttered)
            and (e.metadata or {}).get("utter_action") == UTTER_EMERGENCY
        )
        for e in events[:last_user]
    )


def _events_since_last_user_message(tracker: DialogueStateTracker) -> list[Any]:
    """The latest user message and every event after it (empty before any)."""
    events = list(tracker.events)
    for index in range(len(events) - 1, -1, -1):
        if isinstance(events[index], UserUttered):
            return events[index:]
    return []
