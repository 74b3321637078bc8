"""Marking assertion triggers: the phrases that negate, hedge, date or end the
scope of a finding (NegEx, Chapman et al. 2001; ConText, Harkema et al. 2009).

:class:`AssertionTriggerFinder` is the pipeline component that finds the
lexicon's trigger phrases and keeps them in span groups, one per side of a
finding; :mod:`bot.nlp.negation` reads them to decide each finding.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from bot.nlp.lexicon import AssertionTriggers
from bot.nlp.patterns import compile_term

#: Span groups holding triggers read before a finding and after it. A phrase
#: can be both ("no" in "no fever" and "fever? no"), so each side resolves its
#: own overlaps; pseudo-triggers and terminations take part in both.
PRE_TRIGGER_KEY = "assertion_triggers_pre"
POST_TRIGGER_KEY = "assertion_triggers_post"
#: Span group holding phrases that show the message is about someone else's
#: pain ("her back hurts"), which makes a relative's history the patient's.
OTHER_PATIENT_KEY = "assertion_other_patient"
#: Span group holding phrases that show the message is about the writer's own
#: pain ("my own back"), beside whatever a relative has.
OWN_PATIENT_KEY = "assertion_own_patient"

PRE_NEGATION = "pre_negation"
POST_NEGATION = "post_negation"
PSEUDO = "pseudo"
PRE_UNCERTAIN = "pre_uncertain"
QUESTION_FRAME = "question_frame"
PRE_DEGREE = "pre_degree"
POST_UNCERTAIN = "post_uncertain"
EXPERIENCER = "experiencer"
RELATIVE = "relative"
ANIMAL = "animal"
OTHER_PATIENT = "other_patient"
OWN_PATIENT = "own_patient"
TERMINATION = "termination"
PRE_HISTORICAL = "pre_historical"
POST_HISTORICAL = "post_historical"
PRE_DATED = "pre_dated"
POST_DATED = "post_dated"
POST_RESOLVED = "post_resolved"
POST_EXPLAINED = "post_explained"

PRE_SIDE = frozenset(
    {
        PRE_NEGATION,
        PRE_UNCERTAIN,
        QUESTION_FRAME,
        PRE_DEGREE,
        EXPERIENCER,
        RELATIVE,
        ANIMAL,
        PSEUDO,
        TERMINATION,
        PRE_HISTORICAL,
        PRE_DATED,
    }
)
#: A finding dated long ago ("in 1998", "when I was 12") is one kind of
#: long-standing finding: both kinds deny a new change; only a date also
#: dates an injury ("rear-ended in 1998" is not today's accident).
PRE_LONG_STANDING = frozenset({PRE_HISTORICAL, PRE_DATED})
POST_LONG_STANDING = frozenset({POST_HISTORICAL, POST_DATED})
POST_SIDE = frozenset(
    {
        POST_NEGATION,
        POST_UNCERTAIN,
        PSEUDO,
        TERMINATION,
        POST_HISTORICAL,
        POST_DATED,
        POST_RESOLVED,
        POST_EXPLAINED,
    }
)


class AssertionTriggerFinder:
    """Pipeline component marking negation, uncertainty and termination triggers."""

    def __init__(
        self,
        nlp: Language,
        triggers: AssertionTriggers,
        determiners: tuple[str, ...],
        lemma_of: Callable[[str], str],
    ) -> None:
        """Compile the trigger phrases.

        Args:
            nlp: The pipeline (for its vocab and tokenizer).
            triggers: Trigger phrases from the lexicon.
            determiners: Words ``<det>`` accepts.
            lemma_of: Norm-to-lemma function of the pipeline.
        """
        self.matcher = Matcher(nlp.vocab)

        def split(word: str) -> list[str]:
            return [t.norm_ for t in nlp.make_doc(word)]

        for kind, phrases in triggers.by_kind().items():
            patterns = [
                compile_term(p, split=split, lemma_of=lemma_of, determiners=determiners)
                for p in phrases
            ]
            if patterns:
                self.matcher.add(kind, patterns)

    def __call__(self, doc: Doc) -> Doc:
        """Mark triggers; on each side, where two overlap, the longer wins.

        Args:
            doc: The document.

        Returns:
            The same document, with the pre- and post-trigger span groups set.
        """
        spans = self.matcher(doc, as_spans=True)
        doc.spans[PRE_TRIGGER_KEY] = resolve_overlaps(
            [s for s in spans if s.label_ in PRE_SIDE]
        )
        doc.spans[POST_TRIGGER_KEY] = resolve_overlaps(
            [s for s in spans if s.label_ in POST_SIDE]
        )
        own = [s for s in spans if s.label_ == OWN_PATIENT]
        # "she told me to ask about my back" names someone else, but the
        # back is the writer's own
        doc.spans[OTHER_PATIENT_KEY] = [
            s
            for s in spans
            if s.label_ == OTHER_PATIENT
            and not any(s.start <= o.start and o.end <= s.end for o in own)
        ]
        doc.spans[OWN_PATIENT_KEY] = own
        return doc


def resolve_overlaps(spans: list[Span]) -> list[Span]:
    """Keep non-overlapping triggers: the longer wins, a pseudo-trigger a tie;
    an explanation in the very words of a kept trigger is kept beside it.

    A pseudo-trigger ("not get better") exists to hide the negation inside it,
    so where it is as long as an overlapping negation ("doesn't get") it wins.

    Args:
        spans: Trigger spans of one side.

    Returns:
        The kept spans, in text order.
    """
    ordered = sorted(
        spans, key=lambda s: (-(s.end - s.start), s.label_ != PSEUDO, s.start)
    )
    kept: list[Span] = []
    for span in ordered:
        if all(span.end <= k.start or k.end <= span.start for k in kept):
            kept.append(span)
    # "always been like that" is both a dating in its own sentence and an
    # explanation of an alarming finding further back: the same words kept
    # as both, unless a pseudo-trigger hid them
    twins = [
        s
        for s in spans
        if s.label_ == POST_EXPLAINED
        and s not in kept
        and any(
            (k.start, k.end) == (s.start, s.end) and k.label_ != PSEUDO for k in kept
        )
    ]
    return sorted([*kept, *twins], key=lambda s: s.start)
