"""Rasa 3.6 adapter: the emergency screen (``bot.nlp.emergency_screen``) as an
NLU component, after ``ClinicalEntityExtractor`` in ``config.yml``::

    - name: bot.rasa.emergency_screen.EmergencyScreenComponent

It learns from the development red-team corpora and from Rasa's intent
examples; the corpora are outside Rasa's training data, so their contents are
part of its fingerprint: Rasa retrains it when they change. Each parsed message
gets its scores under ``emergency_screen``, and its intent promoted or taken
away as ``screened_intent`` decides.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.dialogue.safety_turn import CRISIS_INTENT, EMERGENCY_INTENT
from bot.nlp.emergency_screen import (
    INTENT_EXAMPLE_WEIGHT,
    EmergencyScreen,
    corpora_fingerprint,
    corpus_paths,
    label_of_intent,
    load_examples,
    screened_intent,
)
from bot.nlp.labels import CRISIS_RED_FLAG, EMERGENCY_RED_FLAGS, RED_FLAG
from bot.rasa.nlu_component import demote_intent, promote_intent
from bot.settings import PROJECT_ROOT

logger = logging.getLogger(__name__)

MODEL_FILE = "emergency_screen.json"
SCORES_KEY = "emergency_screen"


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True
)
class EmergencyScreenComponent(GraphComponent):
    """Scores each message and promotes or takes away a guessed emergency."""

    def __init__(
        self,
        model_storage: ModelStorage,
        resource: Resource,
        screen: EmergencyScreen | None = None,
    ) -> None:
        self._model_storage = model_storage
        self._resource = resource
        self.screen = screen

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> EmergencyScreenComponent:
        """A component still to be trained."""
        return cls(model_storage, resource)

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """The corpora it learns from are outside Rasa's training data."""
        return corpora_fingerprint(corpus_paths(PROJECT_ROOT))

    def train(self, training_data: TrainingData) -> Resource:
        """Fit on the development corpora and the intent examples."""
        paths = corpus_paths(PROJECT_ROOT)
        if not paths:
            raise FileNotFoundError(
                f"no development corpora to train the emergency screen on "
                f"({PROJECT_ROOT / 'data' / 'clinical'})"
            )
        texts, labels = load_examples(paths)
        weights = [1.0] * len(texts)
        for example in training_data.intent_examples:
            texts.append(example.get(TEXT))
            labels.append(
                label_of_intent(
                    example.get(INTENT),
                    emergency_intent=EMERGENCY_INTENT,
                    crisis_intent=CRISIS_INTENT,
                )
            )
            weights.append(INTENT_EXAMPLE_WEIGHT)
        self.screen = EmergencyScreen.fit(texts, labels, weights)
        with self._model_storage.write_to(self._resource) as model_dir:
            (model_dir / MODEL_FILE).write_text(json.dumps(self.screen.to_json()))
        return self._resource

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> EmergencyScreenComponent:
        """The fitted screen, from JSON."""
        with model_storage.read_from(resource) as model_dir:
            data = json.loads((model_dir / MODEL_FILE).read_text())
        return cls(model_storage, resource, EmergencyScreen.from_json(data))

    def process(self, messages: list[Message]) -> list[Message]:
        """Score each message and apply ``screened_intent``."""
        if self.screen is None:
            return messages
        scored = [m for m in messages if isinstance(m.get(TEXT), str)]
        all_scores = self.screen.scores([m.get(TEXT) for m in scored])
        for message, scores in zip(scored, all_scores, strict=True):
            message.set(SCORES_KEY, scores, add_to_output=True)
            red_flags = frozenset(
                str(e.get("value"))
                for e in message.get(ENTITIES) or []
                if e.get("entity") == RED_FLAG
            )
            decision = screened_intent(
                text=message.get(TEXT),
                intent=(message.get(INTENT) or {}).get(INTENT_NAME_KEY),
                red_flags=red_flags,
                scores=scores,
                emergency_intent=EMERGENCY_INTENT,
                crisis_intent=CRISIS_INTENT,
                crisis_flag=CRISIS_RED_FLAG,
                emergency_flags=EMERGENCY_RED_FLAGS,
            )
            if decision.promote:
                logger.info(
                    "Screen %s: intent set to %s", decision.reason, decision.promote
                )
                promote_intent(message, decision.promote)
            elif decision.demote:
                logger.info(
                    "Screen %s: %s taken away", decision.reason, decision.demote
                )
                demote_intent(message, decision.demote)
        return messages
