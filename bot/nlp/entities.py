"""The extracted-entity data type and helpers over lists of them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from bot.nlp.labels import EXTRACTOR_NAME, RED_FLAG


@dataclass(frozen=True)
class ClinicalEntity:
    """One clinical fact found in a message.

    Attributes:
        entity: Entity type, e.g. ``"red_flag"`` (see :mod:`bot.nlp.labels`).
        value: Normalised value, e.g. ``"has_night_pain"``; an int number of
            days for ``duration``.
        text: The words of the message the entity was read from.
        start: Character offset of ``text`` in the message.
        end: Character offset just after ``text``.
        negated: The person said it is absent ("it doesn't wake me").
        uncertain: The person hedged ("not sure if", "maybe"), or spoke about
            someone else ("my mum had cancer").
    """

    entity: str
    value: str | int
    text: str
    start: int
    end: int
    negated: bool = False
    uncertain: bool = False

    @property
    def is_affirmed(self) -> bool:
        """Whether the entity is stated as present, without negation or hedging."""
        return not self.negated and not self.uncertain

    def to_rasa(self) -> dict[str, Any]:
        """Return the entity as a Rasa NLU entity dict.

        Returns:
            A dict with Rasa's ``entity``, ``value``, ``start``, ``end``,
            ``confidence_entity`` and ``extractor`` keys, plus ``negated`` and
            ``uncertain``.
        """
        return {
            "entity": self.entity,
            "value": self.value,
            "start": self.start,
            "end": self.end,
            "confidence_entity": 1.0,
            "extractor": EXTRACTOR_NAME,
            "negated": self.negated,
            "uncertain": self.uncertain,
        }


def red_flags_present(entities: Iterable[ClinicalEntity]) -> set[str]:
    """Red-flag answers the person affirmed.

    Args:
        entities: Entities from :func:`bot.nlp.extract`.

    Returns:
        Values of ``red_flag`` entities that are neither negated nor uncertain.
    """
    return {str(e.value) for e in entities if e.entity == RED_FLAG and e.is_affirmed}


def red_flags_denied(entities: Iterable[ClinicalEntity]) -> set[str]:
    """Red-flag answers the person denied.

    A flag both denied and affirmed in one message ("my bladder is fine but I
    wet myself") counts as present, never as denied.

    Args:
        entities: Entities from :func:`bot.nlp.extract`.

    Returns:
        Values of negated, certain ``red_flag`` entities, minus those present.
    """
    entities = list(entities)
    denied = {
        str(e.value)
        for e in entities
        if e.entity == RED_FLAG and e.negated and not e.uncertain
    }
    return denied - red_flags_present(entities)
