"""Pipeline components that find clinical entity spans.

``ClinicalMatcher`` turns lexicon groups into spans of ``doc.spans["clinical"]``
(label = entity type, ``kb_id_`` = value, ``id_`` = ``"absent"`` for groups that
state absence, ``"uncertain"`` for groups that only hint at a finding, else
``"mention"``). ``DurationFinder`` adds duration spans from
:mod:`bot.nlp.durations`. Spans of different types may overlap; within one type
the longest match wins, except that one stretch of text may carry several
values ("fell off a ladder" is both ``is_major_trauma`` and ``is_after_injury``)
and that red flags compete only with the same red flag: each is its own yes/no
answer, so "my leg is weak and numb" is both ``has_leg_weakness`` and
``has_leg_symptoms`` although the second match is longer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from bot.nlp.durations import find_durations
from bot.nlp.labels import DURATION, RED_FLAG
from bot.nlp.lexicon import Lexicon, LexiconError, TermGroup
from bot.nlp.patterns import (
    GAP_NEVER,
    TermSyntaxError,
    compile_term,
    split_leading_alternatives,
)

SPAN_KEY = "clinical"
ABSENT = "absent"
HEDGED = "uncertain"
MENTION = "mention"
#: Key in ``doc.user_data`` holding the date durations count back from.
TODAY_KEY = "backchat_today"


def _competitor_key(span: Span) -> tuple[str, str]:
    """Spans with equal keys compete: a red flag per value, others per type."""
    return (span.label_, span.kb_id_ if span.label_ == RED_FLAG else "")


def keep_longest_per_type(spans: Iterable[Span]) -> list[Span]:
    """Resolve overlaps within each entity type: the longest span wins.

    Spans with exactly the same extent and type but different values are all
    kept. Spans of different types never compete, nor do red flags of
    different values (a mention and a statement of absence of the same red
    flag do). Where a hedged span and a plain one of the same value have the
    same extent, the plain one is kept.

    Args:
        spans: Candidate spans.

    Returns:
        The kept spans, in text order, without exact duplicates.
    """
    ordered = sorted(
        spans, key=lambda s: (-(s.end - s.start), s.start, s.id_ == HEDGED)
    )
    kept: list[Span] = []
    seen: set[tuple[str, str, int, int]] = set()
    for span in ordered:
        key = (span.label_, span.kb_id_, span.start, span.end)
        if key in seen:
            continue
        clashes = [
            k
            for k in kept
            if _competitor_key(k) == _competitor_key(span)
            and k.start < span.end
            and span.start < k.end
            and (k.start, k.end) != (span.start, span.end)
        ]
        if not clashes:
            kept.append(span)
            seen.add(key)
        elif span.label_ == RED_FLAG and span.start < clashes[0].start:
            # Two overlapping statements of one finding are one statement when
            # the earlier one holds a negation among its own words: "didn't
            # make it to the toilet" and "toilet, didn't feel it coming" read
            # as one, so that the first's "didn't" does not deny the second.
            # Otherwise the longer stands alone: widening it would bring an
            # earlier denial of something else into its reach.
            longer = clashes[0]
            own_negation = any(
                t.lemma_ in GAP_NEVER for t in span.doc[span.start : longer.start]
            )
            if longer.id_ == span.id_ and own_negation:
                kept[kept.index(longer)] = Span(
                    longer.doc,
                    span.start,
                    longer.end,
                    label=longer.label_,
                    kb_id=longer.kb_id_,
                    span_id=longer.id_,
                )
    return sorted(kept, key=lambda s: (s.start, s.end, s.label_, s.kb_id_))


class ClinicalMatcher:
    """Pipeline component producing lexicon-driven entity spans."""

    def __init__(
        self, nlp: Language, lexicon: Lexicon, lemma_of: Callable[[str], str]
    ) -> None:
        """Compile every group of the lexicon.

        Args:
            nlp: The pipeline (for its vocab and tokenizer).
            lexicon: The validated lexicon.
            lemma_of: Norm-to-lemma function of the pipeline.

        Raises:
            LexiconError: When a term does not compile.
        """
        self.matcher = Matcher(nlp.vocab)
        self.groups: dict[str, TermGroup] = {}

        def split(word: str) -> list[str]:
            return [t.norm_ for t in nlp.make_doc(word)]

        for index, group in enumerate(lexicon.groups):
            key = f"group:{index}"
            self.groups[key] = group
            try:
                terms = [
                    variant
                    for term in group.terms
                    for variant in split_leading_alternatives(
                        compile_term(
                            term,
                            split=split,
                            lemma_of=lemma_of,
                            determiners=lexicon.determiners,
                        )
                    )
                ]
                self.matcher.add(key, terms)
                if group.not_when:
                    exclusions = [
                        variant
                        for term in group.not_when
                        for variant in split_leading_alternatives(
                            compile_term(
                                term,
                                split=split,
                                lemma_of=lemma_of,
                                determiners=lexicon.determiners,
                            )
                        )
                    ]
                    self.matcher.add(f"exclude:{index}", exclusions)
            except TermSyntaxError as err:
                raise LexiconError(f"group {group.id!r}: {err}") from err

    def __call__(self, doc: Doc) -> Doc:
        """Add entity spans to ``doc.spans["clinical"]``.

        Args:
            doc: The document (lemmatised).

        Returns:
            The same document.
        """
        matches = self.matcher(doc)
        excluded: dict[str, list[tuple[int, int]]] = {}
        for match_id, start, end in matches:
            name = doc.vocab.strings[match_id]
            if name.startswith("exclude:"):
                index = name.split(":", 1)[1]
                excluded.setdefault(f"group:{index}", []).append((start, end))
        spans: list[Span] = list(doc.spans.get(SPAN_KEY, []))
        for match_id, start, end in matches:
            name = doc.vocab.strings[match_id]
            group = self.groups.get(name)
            if group is None:
                continue
            if any(s < end and start < e for s, e in excluded.get(name, [])):
                continue
            span_id = ABSENT if group.absent else HEDGED if group.uncertain else MENTION
            for entity, value in ((group.entity, group.value), *group.also):
                spans.append(
                    Span(doc, start, end, label=entity, kb_id=value, span_id=span_id)
                )
        doc.spans[SPAN_KEY] = keep_longest_per_type(spans)
        return doc


class DurationFinder:
    """Pipeline component adding ``duration`` spans (``kb_id_`` = days)."""

    def __call__(self, doc: Doc) -> Doc:
        """Add duration spans, counting relative dates from ``doc.user_data``.

        Args:
            doc: The document; ``doc.user_data["backchat_today"]`` may hold a
                :class:`datetime.date` (default: today).

        Returns:
            The same document.
        """
        today = doc.user_data.get(TODAY_KEY)
        if not isinstance(today, date):
            today = None
        spans = list(doc.spans.get(SPAN_KEY, []))
        for found in find_durations(doc.text, today=today):
            span = doc.char_span(found.start, found.end, alignment_mode="expand")
            if span is not None:
                spans.append(
                    Span(
                        doc,
                        span.start,
                        span.end,
                        label=DURATION,
                        kb_id=str(found.days),
                        span_id=MENTION,
                    )
                )
        doc.spans[SPAN_KEY] = keep_longest_per_type(spans)
        return doc
