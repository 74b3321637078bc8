"""Rasa 3.6 adapter: runs the clinical pipeline as an NLU entity extractor.

Add it to ``config.yml`` after the intent classifier::

    - name: bot.rasa.nlu_component.ClinicalEntityExtractor
      # optional:
      emergency_red_flags: [has_bladder_bowel_change, has_saddle_numbness,
                            has_bilateral_leg_weakness, is_major_trauma]
      emergency_intent: report_emergency_symptom

Each message gets the pipeline's entities appended (``to_rasa()`` dicts, which
keep ``negated`` and ``uncertain``). Safety net: when an affirmed (neither
negated nor uncertain) red flag among ``emergency_red_flags`` is found, the
message's intent becomes ``emergency_intent`` with confidence 1.0, first in
``intent_ranking``, whatever the classifier said.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.entities import ClinicalEntity
from bot.nlp.extraction import extract
from bot.nlp.labels import EMERGENCY_RED_FLAGS, ENTITY_VALUES, RED_FLAG
from bot.nlp.pipeline import build_pipeline, get_pipeline

logger = logging.getLogger(__name__)

EMERGENCY_RED_FLAGS_KEY = "emergency_red_flags"
EMERGENCY_INTENT_KEY = "emergency_intent"
LEXICON_PATH_KEY = "lexicon_path"
MIN_CONFIDENCE_KEY = "min_confidence"
# A weak guess is not enough for intents that throw the conversation away ("it
# just started hurting" scored restart and wiped a triage half-way), nor for a
# crisis check the rules do not back (on the development corpus a bar of 0.5
# halved checks on benign messages and missed no crisis message).
DEFAULT_MIN_CONFIDENCE = {"restart": 0.8, "express_crisis": 0.5}
DEFAULT_EMERGENCY_INTENT = "report_emergency_symptom"


def emergency_flags_found(
    entities: list[ClinicalEntity], emergency_values: frozenset[str]
) -> set[str]:
    """Affirmed red flags that are emergencies on their own.

    Args:
        entities: Entities of one message.
        emergency_values: The red-flag values that count as emergencies.

    Returns:
        The emergency red-flag values present, neither negated nor uncertain.
    """
    return {
        str(e.value)
        for e in entities
        if e.entity == RED_FLAG and e.is_affirmed and e.value in emergency_values
    }


def promote_intent(message: Message, intent_name: str) -> None:
    """Set a message's intent to ``intent_name`` with confidence 1.0.

    The intent goes first in ``intent_ranking``; any earlier entry of the same
    name is removed, the rest keep their order.

    Args:
        message: The Rasa message, changed in place.
        intent_name: The intent to force.
    """
    forced = {INTENT_NAME_KEY: intent_name, PREDICTED_CONFIDENCE_KEY: 1.0}
    ranking = [
        item
        for item in (message.get(INTENT_RANKING_KEY) or [])
        if item.get(INTENT_NAME_KEY) != intent_name
    ]
    message.set(INTENT, forced, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [dict(forced), *ranking], add_to_output=True)


def demote_intent(message: Message, intent_name: str) -> None:
    """Replace ``intent_name`` by the next-ranked intent (``inform`` if none).

    Args:
        message: The Rasa message, changed in place.
        intent_name: The intent to take away.
    """
    ranking = [
        item
        for item in (message.get(INTENT_RANKING_KEY) or [])
        if item.get(INTENT_NAME_KEY) != intent_name
    ]
    best = (
        ranking[0]
        if ranking
        else {INTENT_NAME_KEY: "inform", PREDICTED_CONFIDENCE_KEY: 1.0}
    )
    message.set(INTENT, dict(best), add_to_output=True)
    message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False
)
class ClinicalEntityExtractor(GraphComponent, EntityExtractorMixin):
    """Extracts clinical entities with negation and promotes emergencies."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """The component's default config (see parent class for full docstring)."""
        return {
            EMERGENCY_RED_FLAGS_KEY: sorted(EMERGENCY_RED_FLAGS),
            EMERGENCY_INTENT_KEY: DEFAULT_EMERGENCY_INTENT,
            # None: the repository's data/clinical/lexicon.yml
            LEXICON_PATH_KEY: None,
            MIN_CONFIDENCE_KEY: dict(DEFAULT_MIN_CONFIDENCE),
        }

    def __init__(self, config: dict[str, Any]) -> None:
        """Validate the config and build (or reuse) the pipeline.

        Args:
            config: The merged component config.

        Raises:
            ValueError: When ``emergency_red_flags`` names an unknown red flag.
        """
        self._config = {**self.get_default_config(), **config}
        values = frozenset(self._config[EMERGENCY_RED_FLAGS_KEY] or ())
        unknown = values - ENTITY_VALUES[RED_FLAG]
        if unknown:
            raise ValueError(
                f"{self.__class__.__name__}: unknown {EMERGENCY_RED_FLAGS_KEY} "
                f"{sorted(unknown)}; known: {sorted(ENTITY_VALUES[RED_FLAG])}"
            )
        self.emergency_values = values
        self.emergency_intent = str(self._config[EMERGENCY_INTENT_KEY])
        self.min_confidence = dict(self._config[MIN_CONFIDENCE_KEY] or {})
        lexicon_path = self._config[LEXICON_PATH_KEY]
        self.nlp = build_pipeline(lexicon_path) if lexicon_path else get_pipeline()

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> ClinicalEntityExtractor:
        """Creates the component (see parent class for full docstring)."""
        return cls(config)

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> ClinicalEntityExtractor:
        """Loads the component; it has nothing persisted, so this creates it."""
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        """Append clinical entities to each message and promote emergencies.

        Args:
            messages: Messages after tokenisation and intent classification.

        Returns:
            The same messages, changed in place.
        """
        for message in messages:
            text = message.get(TEXT)
            entities = extract(text, self.nlp) if isinstance(text, str) else []
            message.set(
                ENTITIES,
                message.get(ENTITIES, []) + [e.to_rasa() for e in entities],
                add_to_output=True,
            )
            found = emergency_flags_found(entities, self.emergency_values)
            if found:
                logger.info(
                    "Emergency red flags %s: intent set to %s",
                    sorted(found),
                    self.emergency_intent,
                )
                promote_intent(message, self.emergency_intent)
            elif self._rules_explain_a_guessed_emergency(message, entities):
                demote_intent(message, self.emergency_intent)
            self._demote_weak_guesses(message)
        return messages

    def _demote_weak_guesses(self, message: Message) -> None:
        """Take away an intent listed in ``min_confidence`` scored below its bar."""
        intent = message.get(INTENT) or {}
        name = intent.get(INTENT_NAME_KEY)
        bar = self.min_confidence.get(name)
        if (
            name is not None
            and bar is not None
            and (intent.get(PREDICTED_CONFIDENCE_KEY) or 0) < bar
        ):
            demote_intent(message, name)

    def _rules_explain_a_guessed_emergency(
        self, message: Message, entities: list[ClinicalEntity]
    ) -> bool:
        """True when the classifier alone says emergency but the rules read the
        message as something else: a red flag that is not an emergency, or an
        emergency flag denied or hedged. The rules know these words; the
        classifier only escalates what the rules do not recognise."""
        intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
        return intent == self.emergency_intent and any(
            e.entity == RED_FLAG for e in entities
        )
