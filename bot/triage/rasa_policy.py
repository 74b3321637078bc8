"""Rasa adapter: a policy that answers an emergency before anything else.

Rasa lets an active form outrank every rule, and a form can only step aside
through the action server. This policy needs neither: when the latest message
reports an emergency red flag (by intent, by a non-negated entity, or by an
emergency answer set from it) it predicts the emergency response first, then
ends any active form, then the hand-off action, then listens. It outranks the
form through its priority, so the emergency reaches the person even when the
action server is down.
"""

from __future__ import annotations

import json
from typing import Any

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.core.constants import ACTION_DEACTIVATE_LOOP_NAME, ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_action_outage import install as install_outage_notice
from bot.rasa_slot_extraction import install as install_slot_extraction
from bot.rasa_speedups import install as install_speedups
from bot.triage.emergency_message import (
    EMERGENCY_ANSWERS,
    EMERGENCY_INTENT,
    RED_FLAG_ENTITY,
    message_reports_emergency,
)


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
        # This policy is the first of our code Rasa loads with a model: the
        # place to patch Rasa (speed-ups, in-process slot extraction, the
        # action-server outage notice).
        install_speedups()
        install_slot_extraction()
        install_outage_notice()
        self._model_storage = model_storage
        self._resource = resource

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
        """Predict the next emergency step, or nothing when there is no emergency."""
        turn = _events_since_last_user_message(tracker)
        if not turn or not self._is_emergency(turn):
            return self._prediction(self._default_predictions(domain))
        done = {e.action_name for e in turn if isinstance(e, ActionExecuted)}
        steps = [self.config["response"]]
        if tracker.active_loop_name:
            steps.append(ACTION_DEACTIVATE_LOOP_NAME)
        steps += [self.config["handoff_action"], ACTION_LISTEN_NAME]
        next_step = next(step for step in steps if step not in done)
        probabilities = self._default_predictions(domain)
        probabilities[domain.index_for_action(next_step)] = 1.0
        return self._prediction(probabilities, is_no_user_prediction=True)

    def _is_emergency(self, turn: list[Any]) -> bool:
        user = turn[0]
        if message_reports_emergency(
            user.intent,
            user.entities,
            emergency_intent=self.config["intent"],
            red_flag_entity=self.config["entity"],
            answers=self.config["answers"],
        ):
            return True
        answers = set(self.config["answers"])
        return any(
            isinstance(e, SlotSet) and e.key in answers and e.value is True
            for e in turn
        )


def _events_since_last_user_message(tracker: DialogueStateTracker) -> list[Any]:
    """The latest user message and every event after it (empty before any)."""
    events = list(tracker.events)
    for index in range(len(events) - 1, -1, -1):
        if isinstance(events[index], UserUttered):
            return events[index:]
    return []
