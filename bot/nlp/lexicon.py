"""The clinical lexicon (``data/clinical/lexicon.yml``) as typed values.

The lexicon is data: each group names the entity type and value it produces,
where the vocabulary comes from (``source``), and its terms in a tiny phrase
language compiled by :mod:`bot.nlp.patterns`. This module holds what a read
lexicon is; :mod:`bot.nlp.lexicon_file` reads and checks the YAML. Neither
imports spaCy.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

#: The kinds of assertion trigger, in the order the file lists them.
TRIGGER_KINDS = (
    "pre_negation",
    "post_negation",
    "pseudo",
    "pre_uncertain",
    "question_frame",
    "pre_degree",
    "post_uncertain",
    "experiencer",
    "relative",
    "animal",
    "other_patient",
    "own_patient",
    "termination",
    "pre_historical",
    "post_historical",
    "pre_dated",
    "post_dated",
    "post_resolved",
    "post_explained",
)


class LexiconError(ValueError):
    """The lexicon file is missing, malformed or names an unknown value."""


@dataclass(frozen=True)
class TermGroup:
    """Terms that all mean one entity value.

    Attributes:
        id: Stable identifier, unique in the file.
        entity: Entity type (a key of :data:`bot.nlp.labels.ENTITY_VALUES`).
        value: Normalised value.
        source: Where the vocabulary comes from.
        terms: Phrases in the pattern language of :mod:`bot.nlp.patterns`.
        also: Further ``(entity, value)`` pairs each match also produces.
        absent: The terms state the finding is absent ("bladder is fine"), so
            their entities are produced already negated.
        uncertain: The terms only hint at the finding ("I can't go on like
            this"), so their entities are produced already hedged: the bot
            checks rather than acts.
        not_when: Phrases that, when they overlap a match, cancel it
            ("slipped disc" is not a slip); with those of the group its
            ``not_when_from`` names, if any.
    """

    id: str
    entity: str
    value: str
    source: str
    terms: tuple[str, ...]
    also: tuple[tuple[str, str], ...] = ()
    absent: bool = False
    not_when: tuple[str, ...] = ()
    uncertain: bool = False


@dataclass(frozen=True)
class AssertionTriggers:
    """NegEx-style trigger phrases, by kind.

    Attributes:
        pre_negation: Negate a finding that follows ("no", "never").
        post_negation: Negate a finding before them when they end the clause
            ("numbness? no").
        pseudo: Look like negations but are not ("can't", "nothing helps");
            they mask shorter triggers inside them.
        pre_uncertain: Hedge a finding that follows ("not sure if").
        question_frame: Frame a question asked or a warning given ("the
            physio asked if I had", "the leaflet says"): every finding after
            it in its sentence is hedged, however long the list.
        pre_degree: Hedge only the finding right after them ("a bit numb"): a
            degree word qualifies its own word, not the rest of the clause
            ("a bit off and hot and cold" is a fever).
        post_uncertain: Hedge a finding before them ("fever maybe").
        experiencer: Say the finding may not be the person's own ("I'm
            worried it's cancer").
        relative: Name someone else ("my mum"): a finding after them is
            theirs, unless the message is about that person's own pain.
        animal: Name an animal ("our old spaniel"): a finding after it in
            its sentence is the animal's, not the person's.
        own_patient: Show that the message is about the writer's own pain
            ("my own back"): then a relative's symptom named in it
            (``relative_values``) is theirs, not the writer's.
        other_patient: Show that the message is about someone else's pain
            ("her back", "he has back pain"); then a relative's history is
            the patient's history.
        termination: End a trigger's scope ("but", "although").
        experiencer_values: Values that experiencer triggers apply to.
        relative_values: Symptoms that relative and animal triggers put in
            doubt besides ``experiencer_values`` ("my mum's incontinent, I
            hurt my back lifting her"): asked about, never acted on, and
            never dropped.
        source: Where the trigger lists come from.
        pre_historical: Say the finding that follows is long-standing
            ("long-standing incontinence"; ConText's historical category):
            it is not the new finding a red flag asks about.
        post_historical: The same, after the finding, in its own clause
            ("a slow stream for 5 years", "catheter since 2019").
        pre_dated: Date the finding that follows long ago ("in 1998", "when I
            was 12", "10 years ago"): historical triggers that also apply to
            ``dated_values``. The file's ``dated`` list, dates that stand on
            either side ("in my youth"), is read into both.
        post_dated: The same, after the finding ("thrown from a pony when I
            was 12").
        post_resolved: Say the finding that came before went away as soon as
            the position changed, anywhere later in its sentence ("my bum went
            numb on the bleachers, it came back as soon as I stood up"): a
            passing, positional feeling, not the lasting change a red flag asks
            about. Applies to ``historical_values``.
        post_explained: Explain an alarming finding away further on in the
            message ("I couldn't feel my feet. Turned out the dog had slept
            on them", "lol"). Like a ``post_resolved`` trigger out of its
            sentence, they hedge an emergency or crisis finding anywhere
            before them: the bot asks instead of acting, and never drops it.
        historical_values: Values that historical triggers apply to (new
            findings only; a past cancer stays a cancer history).
        dated_values: Values that only a date long ago puts in doubt ("rear-
            ended in 1998"): asked about, not acted on, never dropped; a
            "for ten minutes" says nothing about when an accident was.
    """

    pre_negation: tuple[str, ...]
    post_negation: tuple[str, ...]
    pseudo: tuple[str, ...]
    pre_uncertain: tuple[str, ...]
    pre_degree: tuple[str, ...]
    post_uncertain: tuple[str, ...]
    experiencer: tuple[str, ...]
    relative: tuple[str, ...]
    other_patient: tuple[str, ...]
    termination: tuple[str, ...]
    experiencer_values: frozenset[str]
    source: str
    animal: tuple[str, ...] = ()
    question_frame: tuple[str, ...] = ()
    own_patient: tuple[str, ...] = ()
    relative_values: frozenset[str] = frozenset()
    pre_historical: tuple[str, ...] = ()
    post_historical: tuple[str, ...] = ()
    post_resolved: tuple[str, ...] = ()
    post_explained: tuple[str, ...] = ()
    historical_values: frozenset[str] = frozenset()
    pre_dated: tuple[str, ...] = ()
    post_dated: tuple[str, ...] = ()
    dated_values: frozenset[str] = frozenset()

    def by_kind(self) -> dict[str, tuple[str, ...]]:
        """Return the trigger phrases keyed by kind name."""
        return {kind: getattr(self, kind) for kind in TRIGGER_KINDS}


@dataclass(frozen=True)
class Lexicon:
    """The whole clinical lexicon.

    Attributes:
        version: Version string of the file.
        determiners: Words the ``<det>`` slot of a term may take.
        groups: Term groups, in file order.
        assertion: Negation and uncertainty triggers.
        spellings: Chat forms and the words they stand for ("wen": "when"),
            read before matching (:mod:`bot.nlp.spelling`); a form that
            stands for two words ("cannae": "can not") is split into two
            tokens (:func:`bot.nlp.pipeline.build_pipeline`).
    """

    version: str
    determiners: tuple[str, ...]
    groups: tuple[TermGroup, ...]
    assertion: AssertionTriggers
    spellings: Mapping[str, str] = field(default_factory=dict)

    def one_word_spellings(self) -> dict[str, str]:
        """The spellings read as one word ("wen": "when")."""
        return {k: v for k, v in self.spellings.items() if " " not in v}

    def two_word_spellings(self) -> dict[str, tuple[str, str]]:
        """The forms that stand for two words ("cannae": ("can", "not"))."""
        return {
            k: (v.split()[0], v.split()[1])
            for k, v in self.spellings.items()
            if " " in v
        }

    def words(self) -> frozenset[str]:
        """Every plain word the terms, their exceptions and the triggers are
        written in (lower case, without the term language's marks)."""
        phrases = [
            *(t for g in self.groups for t in (*g.terms, *g.not_when)),
            *(t for kind in self.assertion.by_kind().values() for t in kind),
        ]
        return frozenset(
            word.lstrip("=").rstrip("?")
            for phrase in phrases
            for token in phrase.lower().split()
            for word in token.split("|")
            if word.lstrip("=").rstrip("?").isalpha()
        )
