"""Read clinical entities from a message: the function the bot calls."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.language import Language

from bot.nlp.entities import ClinicalEntity
from bot.nlp.labels import (
    CRISIS_RED_FLAG,
    DURATION,
    EMERGENCY_RED_FLAGS,
    ONSET,
    RED_FLAG,
)
from bot.nlp.leg_sides import weakness_in_both_legs
from bot.nlp.matcher import ABSENT, HEDGED, SPAN_KEY, TODAY_KEY
from bot.nlp.negation import assess
from bot.nlp.pipeline import assertion_triggers, get_pipeline
from bot.nlp.plain_doc import make_plain_doc, original_offsets, original_start

#: Longest message read, in characters; the rest is ignored (a chat message
#: longer than this is a paste, not an answer).
MAX_CHARS = 10_000

#: Findings that an explanation further on ("turned out...", "those thoughts
#: are long gone", "lol") turns into a question: an emergency gets one direct
#: question, a crisis the gentle check, never silence. A serious injury told
#: as the onset ("my back is a car crash lol") is the same emergency.
_EXPLAINED_AWAY = EMERGENCY_RED_FLAGS | {CRISIS_RED_FLAG}

_HTML_TAG = re.compile(r"<[^<>]{0,200}>")
#: A hyphen or a plus joining two words ("lower-back", "chest+back pain").
_WORD_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u2010\u2011\u2013+](?=[^\W\d_])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: Punctuation spoken into voice-to-text and typed out as words ("blue skin
#: question mark no thats my tattoo"), read as the mark it names.
_SPOKEN_MARKS = {"question mark": "?", "full stop": ".", "comma": ","}
_SPOKEN_MARK = re.compile(r"\s+(question mark|full stop|comma)\b(?=\s|$)", re.I)


def _spoken_mark(match: re.Match[str]) -> str:
    mark = _SPOKEN_MARKS[match.group(1).lower()]
    return mark + " " * (len(match.group()) - 1)


def clean_text(text: str) -> str:
    """Blank out markup and join-hyphens without moving any character.

    HTML tags and control characters become spaces, a hyphen or a plus
    between two letters becomes a space ("lower-back", "chest+back"), and dictated
    punctuation becomes its mark ("skin question mark no" reads "skin? no"),
    so character offsets in the result are offsets in the original.

    Args:
        text: The raw message.

    Returns:
        A string of the same length.
    """
    text = _HTML_TAG.sub(lambda m: " " * len(m.group()), text)
    text = _CONTROL.sub(" ", text)
    text = _SPOKEN_MARK.sub(_spoken_mark, text)
    return _WORD_HYPHEN.sub(" ", text)


def _triggers_apply(label: str, value: str, flag_values: frozenset[str]) -> bool:
    """Whether triggers kept for ``flag_values`` (someone else's finding, a
    long-standing one) apply to an entity.

    An onset of major trauma is the same finding as the ``is_major_trauma``
    red flag ("my son fell off his bike"), so it follows that flag.
    """
    if label == RED_FLAG:
        return value in flag_values
    return label == ONSET and f"is_{value}" in flag_values


def extract(
    text: str, nlp: Language | None = None, *, today: date | None = None
) -> list[ClinicalEntity]:
    """Extract clinical entities, with negation and uncertainty, from a message.

    Args:
        text: The message. Only the first :data:`MAX_CHARS` characters are
            read; ``None`` or a non-string is treated as empty.
        nlp: A pipeline from :func:`bot.nlp.build_pipeline`; defaults to the
            shared :func:`bot.nlp.get_pipeline`.
        today: The date relative durations count back from ("since Monday");
            defaults to ``date.today()``.

    Returns:
        Entities in text order. Offsets refer to ``text``. Entities from
        ``assert: uncertain`` lexicon groups ("I can't go on like this") are
        always uncertain; those from ``assert: absent`` groups always negated.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    nlp = nlp or get_pipeline()
    original = text[:MAX_CHARS]
    doc = make_plain_doc(nlp, clean_text(original))
    if today is not None:
        doc.user_data[TODAY_KEY] = today
    doc = nlp(doc)
    triggers = assertion_triggers(nlp)
    entities: list[ClinicalEntity] = []
    sentences: list[int] = []  # where each entity's sentence starts
    for span in doc.spans[SPAN_KEY]:
        sentences.append(original_start(doc, span.sent.start))
        value: str | int = span.kb_id_
        if span.label_ == DURATION:
            value = int(span.kb_id_)
        status = assess(
            doc,
            span,
            absent=span.id_ == ABSENT,
            experiencer_applies=_triggers_apply(
                span.label_, span.kb_id_, triggers.experiencer_values
            ),
            relative_applies=_triggers_apply(
                span.label_, span.kb_id_, triggers.relative_values
            ),
            historical_applies=_triggers_apply(
                span.label_, span.kb_id_, triggers.historical_values
            ),
            dated_applies=_triggers_apply(
                span.label_, span.kb_id_, triggers.dated_values
            ),
            degree_applies=span.label_ == RED_FLAG
            and span.kb_id_ in EMERGENCY_RED_FLAGS,
            explanation_applies=_triggers_apply(
                span.label_, span.kb_id_, _EXPLAINED_AWAY
            ),
        )
        start, end = original_offsets(doc, span)
        entities.append(
            ClinicalEntity(
                entity=span.label_,
                value=value,
                text=original[start:end],
                start=start,
                end=end,
                # a duration is not a finding: "not got better in 8 weeks" and
                # "no fall, pain since 2 weeks" still say how long it has lasted
                negated=status.negated and span.label_ != DURATION,
                # a hedged group's words only hint at the finding
                uncertain=status.uncertain or span.id_ == HEDGED,
            )
        )
    return weakness_in_both_legs(_doubt_retracted(entities, sentences))


def _doubt_retracted(
    entities: list[ClinicalEntity], sentences: list[int]
) -> list[ClinicalEntity]:
    """An emergency red flag stated and then denied in a later sentence of the
    same message ("Can't feel my bum. Kidding, I can feel it fine") is in doubt:
    hedged, so the bot asks one direct question instead of acting on either.
    A denial before the statement ("bladder fine, but I can't control my
    bowels") is not a retraction, and one in the same sentence is more often
    a negation read too far ("losing weight without dieting, clothes hanging
    off me") than a change of mind. Other flags are left as read: "pain down
    my right leg. Left leg is fine" is two legs, not a retraction, and the
    form asks each of them anyway.

    Args:
        entities: The message's entities, in text order.
        sentences: Where each entity's sentence starts (character offset).
    """
    last_denial: dict[str | int, int] = {
        e.value: sentence
        for e, sentence in zip(entities, sentences, strict=True)
        if e.entity == RED_FLAG
        and e.value in EMERGENCY_RED_FLAGS
        and e.negated
        and not e.uncertain
    }
    return [
        replace(e, uncertain=True)
        if e.entity == RED_FLAG
        and not e.negated
        and last_denial.get(e.value, -1) > sentence
        else e
        for e, sentence in zip(entities, sentences, strict=True)
    ]
