"""Triggers that stand apart from the finding they govern: a "came back as
soon as I stood up" or "turned out it was the dog" further on in the message, a
"years ago" later in the sentence, a bare "no" that answers a question
instead of denying what follows it, and a "no" after a form's or a list's
question that denies everything the question asked about.

Pure functions over a processed spaCy ``Doc``; :func:`bot.nlp.negation.assess`
decides with them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from bot.nlp.triggers import POST_LONG_STANDING

#: Words that may not stand between a finding and a "for 5 years" after it:
#: "can't pee and back pain for years" dates the back pain, not the bladder.
_NOT_IN_HISTORICAL_GAP = frozenset(
    {"and", "plus", "&", "with", "but", "back", "pain", "backache", "ache", "now"}
)


#: "...went numb on the bleachers, it came back as soon as I stood up": a
#: resolved trigger may stand further away, across clause joins ("...but it
#: goes as soon as I walk"), but not across a new development ("it came back
#: but now it is numb again").
RESOLVED_WINDOW = 30
_RESOLVED_BARRIERS = frozenset({"still", "now", "again", "except"})

#: Words that turn a resolution round ("it doesn't go away") or an
#: explanation into a restatement ("it's just not there").
_DENIALS = frozenset({"not", "n't", "never", "no"})

#: Words across which a far "years ago" does not date a finding: something
#: else is dated, something new happened, or it is "the first time since".
_NOT_DATED_ACROSS = (
    _NOT_IN_HISTORICAL_GAP
    | _RESOLVED_BARRIERS
    | {"first", "1st"}
    # the finding is dated already: "a car crash yesterday, 2 years ago I..."
    | {"yesterday", "today", "tonight", "morning", "afternoon", "evening", "night"}
)
#: An explanation ending in one of these and followed by a denial restates the
#: finding ("it's just not there") instead of explaining it away.
_JUST_WORDS = frozenset({"just", "only"})
#: After a bare "no", a new subject starts the statement the "no" answers:
#: "no I haven't been able to pass water" is not a denial of passing water,
#: and "fell off the ladder? no I was on it" is a denial of the question.
_NEW_SUBJECTS = frozenset({"i", "he", "she", "we", "they", "it", "my", "his", "her"})
#: Words that make a "no" a correction of what was just said ("no sorry its
#: both legs now"), which does not deny what follows.
_CORRECTION_WORDS = frozenset({"sorry", "wait", "actually", "oops"})
#: Answers that deny a whole question when they stand alone after it
#: ("any numbness round his bum, any weakness in his legs? No, no and no").
_BARE_DENIALS = frozenset({"no", "nope", "nah", "none", "neither", "negative"})
#: A form's answer label between a question and its answer ("? A: No").
_ANSWER_LABELS = frozenset({"a", ":", "-"})
#: Words that open a question about what was said before it ("I wet myself,
#: is that normal? no idea"): what comes before them is a statement, not the
#: question a bare "no" answers.
_QUESTION_OPENERS = frozenset(
    {
        "is", "are", "am", "was", "do", "does", "did", "should", "could", "can",
        "would", "will", "what", "how", "why", "when", "where", "has", "have",
        "shall", "might", "must", "anything", "any1", "anyone",
    }
)  # fmt: skip


def plain_gap(doc: Doc, start: int, end: int) -> bool:
    """Whether the words from ``start`` to ``end`` stay in one plain phrase."""
    return not any(
        doc[i].is_punct or doc[i].lower_ in _NOT_IN_HISTORICAL_GAP
        for i in range(start, end)
    )


def resolved_later(doc: Doc, span: Span, trig: Span) -> bool:
    """Whether ``trig`` ("came back as soon as I stood up") follows ``span`` in
    its sentence, with no contrast or new development between them."""
    if trig.start < span.end or trig.start - span.end > RESOLVED_WINDOW:
        return False
    if trig.sent.start != span.sent.start and not (
        # "Went numb on the horse. Back to normal 10 mins after getting off."
        trig.start == trig.sent.start and trig.sent.start == span.sent.end
    ):
        return False
    # "it doesn't go away when I stand up" says the opposite
    if any(doc[i].norm_ in _DENIALS for i in range(max(0, trig.start - 2), trig.start)):
        return False
    return not any(
        doc[i].lower_ in _RESOLVED_BARRIERS for i in range(span.end, trig.start)
    )


def explained_later(doc: Doc, span: Span, trig: Span) -> bool:
    """Whether ``trig`` (went away, turned out, good as new) comes after
    ``span`` anywhere in the message, with no new development between them
    ("...fine by Monday, but now it is numb again"), and explains something:
    "it's just | not there" restates the loss instead of explaining it."""
    return (
        trig.start >= span.end
        and not _restates_a_loss(doc, trig)
        and not any(
            doc[i].lower_ in _RESOLVED_BARRIERS for i in range(span.end, trig.start)
        )
    )


def bare_answer(doc: Doc, trig: Span) -> bool:
    """Whether ``trig`` is a bare "no" answering something, with a new
    subject after it ("no I haven't", "? no he was on it"), or correcting
    what was just said ("no sorry its both legs now")."""
    return (
        trig.text.lower() == "no"
        and trig.end < len(doc)
        and doc[trig.end].lower_ in _NEW_SUBJECTS | _CORRECTION_WORDS
    )


def after_a_question(doc: Doc, trig: Span) -> bool:
    """Whether ``trig`` follows a question mark ("fell off the roof? no")."""
    return trig.start > 0 and doc[trig.start - 1].text == "?"


#: Words of a question that asks for a judgement about a finding ("is it
#: normal to not be able to pee? no I don't think so"): a bare "no" after it
#: answers the judgement, not whether the finding is there.
_JUDGEMENT_WORDS = frozenset(
    {
        "normal", "ok", "okay", "serious", "bad", "dangerous", "related",
        "worry", "worried", "worrying", "emergency", "common", "concerned",
        "concerning", "urgent", "fine", "alright", "safe", "connected", "linked",
    }
)  # fmt: skip


def _question_mark_before(doc: Doc, trig: Span) -> int | None:
    """Where the question mark ``trig`` answers stands, past a form's answer
    label ("? A: No"), or None when ``trig`` does not follow a question."""
    mark = trig.start - 1
    while mark >= 0 and trig.start - mark <= 2 and doc[mark].lower_ in _ANSWER_LABELS:
        mark -= 1
    return mark if mark >= 0 and doc[mark].text == "?" else None


def asks_a_judgement(doc: Doc, trig: Span) -> bool:
    """Whether the question just before ``trig`` asks whether something is
    normal, serious or related, rather than whether it is there."""
    mark = _question_mark_before(doc, trig)
    if mark is None:
        return False
    start = doc[mark].sent.start
    return any(doc[i].lower_ in _JUDGEMENT_WORDS for i in range(start, mark))


def asked_in_the_negative(span: Span) -> bool:
    """Whether the finding is worded as a negative ("can't feel my bum when I
    wipe? no I can't"), which a bare "no" after it may as well confirm."""
    return any(token.norm_ in _DENIALS for token in span)


def answers_the_question(doc: Doc, span: Span, trig: Span) -> bool:
    """Whether ``trig`` is a bare "no" answering the question ``span`` is
    part of: "Q: Arm or jaw pain? A: No." and "any trouble peeing, any
    numbness round his bum, any weakness in his legs? No, no and no" deny
    every finding asked about, however far before the question mark. A
    statement before a question about it ("I've wet myself, is that bad?
    no idea") is not asked about, and "no idea" is not an answer."""
    if trig.text.lower() not in _BARE_DENIALS or (
        trig.end < len(doc)
        and not doc[trig.end].is_punct
        and doc[trig.end].lower_ not in _BARE_DENIALS
    ):
        return False
    if trig.end < len(doc) and doc[trig.end].text == "?":
        return False
    mark = _question_mark_before(doc, trig)
    if mark is None or span.end > mark:
        return False
    if (
        doc[mark].sent.start > span.start
        or asks_a_judgement(doc, trig)
        or asked_in_the_negative(span)
    ):
        return False
    return not any(doc[i].lower_ in _QUESTION_OPENERS for i in range(span.end, mark))


def _restates_a_loss(doc: Doc, trig: Span) -> bool:
    """Whether an "it's just" or "it's only" is followed by a denial ("it's
    just not there", "it's only not working on the left")."""
    return (
        trig[-1].lower_ in _JUST_WORDS
        and trig.end < len(doc)
        and doc[trig.end].lemma_.lower() in _DENIALS
    )


def dated_later(doc: Doc, span: Span, trig: Span) -> bool:
    """Whether a "years ago" or "nothing new" further on in the finding's
    sentence may date it ("a catheter for a day after my c-section 3 years
    ago"): too far to deny the finding, near enough to doubt that it is new,
    so it is checked with one direct question instead of acted on at once.
    Not across words that date something else ("I wet myself this morning, my
    back has been bad for years") or a new development ("...but now")."""
    return (
        trig.label_ in POST_LONG_STANDING
        and trig.sent.start == span.sent.start
        and not any(
            doc[i].lower_ in _NOT_DATED_ACROSS for i in range(span.end, trig.start)
        )
    )
