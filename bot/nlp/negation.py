"""NegEx-style negation and uncertainty, over entities that may overlap.

negspacy's ``negex`` only looks at ``doc.ents``, which cannot hold overlapping
spans; our entities overlap by design ("my left leg tingles" is a laterality, a
symptom and a red flag at once) and we also need uncertainty. So we keep
NegEx's idea (Chapman et al., J Biomed Inform 2001; ConText, Harkema et al.
2009): trigger phrases, a scope that runs forward (or back) a few words and
ends at a termination term or the end of the sentence.

The trigger phrases are marked by :mod:`bot.nlp.triggers`; this module holds
:func:`assess`, a pure function deciding whether one entity span is negated or
uncertain, given those marks; triggers that stand apart from their finding
(further on in the message, or a bare "no") are weighed in
:mod:`bot.nlp.later_triggers`.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from bot.nlp.later_triggers import (
    after_a_question,
    answers_the_question,
    asked_in_the_negative,
    asks_a_judgement,
    bare_answer,
    dated_later,
    explained_later,
    plain_gap,
    resolved_later,
)
from bot.nlp.list_items import (
    closes_a_list_item,
    dash_item_between,
    in_denied_list,
    in_unticked_item,
    new_item_between,
)
from bot.nlp.patterns import GAP_NEVER
from bot.nlp.trigger_gaps import (
    another_denial_follows,
    ends_clause,
    no_termination_between,
    words_between,
    writer_between,
)
from bot.nlp.triggers import (
    ANIMAL,
    EXPERIENCER,
    OTHER_PATIENT_KEY,
    OWN_PATIENT_KEY,
    POST_DATED,
    POST_EXPLAINED,
    POST_LONG_STANDING,
    POST_NEGATION,
    POST_RESOLVED,
    POST_TRIGGER_KEY,
    POST_UNCERTAIN,
    PRE_DATED,
    PRE_DEGREE,
    PRE_LONG_STANDING,
    PRE_NEGATION,
    PRE_TRIGGER_KEY,
    PRE_UNCERTAIN,
    QUESTION_FRAME,
    RELATIVE,
    TERMINATION,
)

#: How many words may stand between a trigger and the finding it governs.
PRE_WINDOW = 6
POST_WINDOW = 3
#: A degree word ("a bit") hedges only a finding at most this many words on.
DEGREE_WINDOW = 1
#: Terminations that only say when a long-standing finding happens ("when I
#: sneeze"), which a "for years" after it still dates.
_CIRCUMSTANCE_WORDS = frozenset({"when", "whenever", "if"})
#: Terminations that make an exception to a denial: what follows them is
#: affirmed ("no numbness except a strip inside both thighs").
_EXCEPTION_WORDS = frozenset(
    {"except", "apart from", "aside from", "other than", "besides"}
)


@dataclass(frozen=True)
class Assertion:
    """Whether a finding was denied or hedged.

    Attributes:
        negated: The person said it is absent.
        uncertain: The person hedged, or spoke about someone else.
    """

    negated: bool = False
    uncertain: bool = False


def _denies_within(doc: Doc, start: int, end: int) -> bool:
    """Whether a negation word stands in ``doc[start:end]``: the finding's own
    words ("can't feel", "don't have any feeling in my bum")."""
    return any(doc[i].lemma_.lower() in GAP_NEVER for i in range(start, end))


def _exception_inside(span: Span, terminations: list[Span]) -> bool:
    """Whether the finding runs through an exception to the denial before it
    ("no numbness except | a strip inside both thighs"): the finding is what
    the exception affirms, so the denial does not reach it."""
    return any(
        span.start < t.start < span.end and t.text.lower() in _EXCEPTION_WORDS
        for t in terminations
    )


def assess(
    doc: Doc,
    span: Span,
    *,
    absent: bool = False,
    experiencer_applies: bool = False,
    relative_applies: bool = False,
    historical_applies: bool = False,
    dated_applies: bool = False,
    degree_applies: bool = False,
    explanation_applies: bool = False,
) -> Assertion:
    """Decide whether one finding is negated or uncertain.

    Triggers inside the finding itself are ignored ("can't hold my wee" is a
    finding, not a denial), except a hedge that starts before it ("if you
    can't feel your bum"). A pre-trigger governs findings up to
    :data:`PRE_WINDOW` words after it in the same sentence, unless a
    termination term comes between. A post-trigger governs a finding up to
    :data:`POST_WINDOW` words before it and only counts when it ends its
    clause ("fever? no" but not "fever, no idea"); it may follow a question
    mark ("numbness? none").

    Args:
        doc: The processed document (with the trigger span groups).
        span: The finding.
        absent: The finding's own words state absence ("bladder is fine").
        experiencer_applies: Whether "someone else had it" triggers apply to
            this finding (only for history questions such as cancer).
        relative_applies: Whether a person or an animal named before this
            symptom makes it theirs ("my mum's incontinent", "our dog can't
            hold his wee"): in doubt, so asked about, never acted on or
            dropped; only in a message about the writer's own back, and not
            when the writer is the subject ("my wife says I wet myself").
        historical_applies: Whether "long-standing, unchanged" triggers
            ("for 5 years", "never changed") deny this finding: a red flag
            that asks about a new change is not that change.
        dated_applies: Whether a date long ago ("in 1998", "when I was 12")
            puts this finding in doubt: an accident then is asked about, not
            taken for today's.
        degree_applies: Whether a degree word right before it ("a bit numb")
            hedges this finding: only an emergency finding, which a hedge turns
            into one direct question; "a bit shivery" is still a fever.
        explanation_applies: Whether a resolution or explanation anywhere
            after it ("turned out the dog slept on them", "those thoughts are
            long gone") hedges this finding: an emergency or a crisis, which
            a hedge turns into one direct question or a gentle check.

    Returns:
        The assertion status.
    """
    pre = list(doc.spans[PRE_TRIGGER_KEY]) if PRE_TRIGGER_KEY in doc.spans else []
    post = list(doc.spans[POST_TRIGGER_KEY]) if POST_TRIGGER_KEY in doc.spans else []
    sent = span.sent
    terminations = [t for t in (*pre, *post) if t.label_ == TERMINATION]
    negated = absent or in_unticked_item(doc, span)
    uncertain = False
    # "my mum had cancer" is family history, unless the message is about the
    # mum's own back ("my mum had cancer and now her back hurts")
    # and a relative's symptom is theirs only in a message about the writer's
    # own back: "dad doesn't recognise us since the fever" is about the dad
    about_another = bool(doc.spans.get(OTHER_PATIENT_KEY))
    about_writer = bool(doc.spans.get(OWN_PATIENT_KEY))
    named_person_applies = (
        experiencer_applies or (relative_applies and about_writer)
    ) and not about_another
    for trig in pre:
        # A hedge or a question may run into the finding ("if you can't |
        # feel your bum" hedges "can't feel your bum"; "is it true that
        # sciatica in both legs..."), and so may a denial whose last word is
        # the finding's first ("I don't | have cancer"); any other trigger
        # must end before it.
        straddles = trig.start < span.start < trig.end and (
            trig.label_ in (PRE_UNCERTAIN, QUESTION_FRAME)
            or (
                trig.label_ == PRE_NEGATION
                and not _denies_within(doc, span.start, trig.end)
            )
        )
        if (trig.end > span.start and not straddles) or trig.start < sent.start:
            continue
        if new_item_between(doc, trig.end, span.start):
            continue
        if trig.label_ == PRE_NEGATION and dash_item_between(doc, trig.end, span.start):
            continue
        if trig.label_ == PRE_NEGATION and bare_answer(doc, trig):
            continue
        if not no_termination_between(terminations, trig.end, span.start):
            continue
        # an animal named in the sentence is its subject ("our old dog has
        # back leg weakness and can't control her bladder"), and a question
        # frames the whole list asked about
        if (
            span.start - trig.end > PRE_WINDOW
            and trig.label_ not in (ANIMAL, QUESTION_FRAME)
            and not (
                trig.label_ == PRE_NEGATION
                and in_denied_list(doc, trig, span, PRE_WINDOW)
            )
        ):
            continue
        if trig.label_ == PRE_DEGREE and (
            not degree_applies or span.start - trig.end > DEGREE_WINDOW
        ):
            continue
        if trig.label_ == PRE_NEGATION and closes_a_list_item(doc, trig):
            continue
        if trig.label_ == PRE_NEGATION and _exception_inside(span, terminations):
            continue
        someone_elses = (trig.label_ == RELATIVE and named_person_applies) or (
            trig.label_ == ANIMAL and (experiencer_applies or relative_applies)
        )
        if someone_elses and relative_applies:
            # "my wife says I've wet myself" is the writer's own symptom
            someone_elses = not writer_between(doc, trig.end, span.start)
        if trig.label_ == PRE_NEGATION or (
            trig.label_ in PRE_LONG_STANDING and historical_applies
        ):
            negated = True
        elif (
            trig.label_ in (PRE_UNCERTAIN, QUESTION_FRAME, PRE_DEGREE)
            or (trig.label_ == EXPERIENCER and experiencer_applies)
            or (trig.label_ == PRE_DATED and dated_applies)
            or someone_elses
        ):
            uncertain = True
    for trig in post:
        if trig.label_ in (POST_RESOLVED, POST_EXPLAINED):
            if (
                trig.label_ == POST_RESOLVED
                and historical_applies
                and resolved_later(doc, span, trig)
            ):
                negated = True
            elif explanation_applies and explained_later(doc, span, trig):
                # too far to deny, near enough to doubt: asked, not acted on
                uncertain = True
            continue
        if trig.start < span.end or new_item_between(doc, span.end, trig.start):
            continue
        if trig.label_ == POST_NEGATION and answers_the_question(doc, span, trig):
            negated = True
            continue
        # Too far, or across a clause, to deny: it may still date the finding.
        dated = (
            historical_applies or (dated_applies and trig.label_ == POST_DATED)
        ) and dated_later(doc, span, trig)
        if words_between(doc, span.end, trig.start) > POST_WINDOW:
            uncertain = uncertain or dated
            continue
        # "a leak when I sneeze since my first baby, years ago": the "when"
        # clause says when it happens; it does not end the finding's clause
        barriers = (
            [t for t in terminations if t.text.lower() not in _CIRCUMSTANCE_WORDS]
            if trig.label_ in POST_LONG_STANDING
            else terminations
        )
        if not no_termination_between(barriers, span.end, trig.start):
            uncertain = uncertain or dated
            continue
        if any(
            doc[i].is_sent_start and doc[i - 1].text != "?"
            for i in range(span.end + 1, trig.start + 1)
        ):
            continue
        denies = (
            trig.label_ == POST_NEGATION
            and (
                ends_clause(doc, trig.end, terminations)
                or another_denial_follows(trig, post)
                or (
                    bare_answer(doc, trig)
                    and after_a_question(doc, trig)
                    and not asked_in_the_negative(span)
                )
            )
            # "Is numbness in both legs normal? No." answers the judgement
            and not (after_a_question(doc, trig) and asks_a_judgement(doc, trig))
        ) or (
            trig.label_ in POST_LONG_STANDING
            and historical_applies
            and plain_gap(doc, span.end, trig.start)
        )
        if denies:
            negated = True
        elif (
            trig.label_ == POST_UNCERTAIN
            or dated
            or (
                trig.label_ == POST_DATED
                and dated_applies
                and plain_gap(doc, span.end, trig.start)
            )
        ):
            uncertain = True
    return Assertion(negated=negated, uncertain=uncertain)
