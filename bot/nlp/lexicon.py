"""Load and validate the clinical lexicon (``data/clinical/lexicon.yml``).

The lexicon is data: each group names the entity type and value it produces,
where the vocabulary comes from (``source``), and its terms in a tiny phrase
language compiled by :mod:`bot.nlp.patterns`. This module only reads and checks
the YAML; it imports nothing from spaCy.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.nlp.labels import ENTITY_VALUES, RED_FLAG

#: Repository root, resolved from this file (bot/nlp/lexicon.py).
REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_LEXICON_PATH = REPO_ROOT / "data" / "clinical" / "lexicon.yml"

#: Values of a group's ``assert`` key: how its matches are asserted.
PRESENT = "present"
ABSENT = "absent"
UNCERTAIN = "uncertain"
_ASSERTS = (PRESENT, ABSENT, UNCERTAIN)

_GROUP_KEYS = {"id", "entity", "value", "source", "terms", "also", "assert", "not_when"}
_TRIGGER_KINDS = (
    "pre_negation",
    "post_negation",
    "pseudo",
    "pre_uncertain",
    "pre_degree",
    "post_uncertain",
    "experiencer",
    "relative",
    "other_patient",
    "termination",
    "pre_historical",
    "post_historical",
    "post_resolved",
    "post_explained",
)
_ASSERTION_KEYS = {
    "source",
    "experiencer_values",
    "historical_values",
    *_TRIGGER_KINDS,
}


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
            ("slipped disc" is not a slip).
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
        pre_degree: Hedge only the finding right after them ("a bit numb"): a
            degree word qualifies its own word, not the rest of the clause
            ("a bit off and hot and cold" is a fever).
        post_uncertain: Hedge a finding before them ("fever maybe").
        experiencer: Say the finding may not be the person's own ("I'm
            worried it's cancer").
        relative: Name someone else ("my mum"): a finding after them is
            theirs, unless the message is about that person's own pain.
        other_patient: Show that the message is about someone else's pain
            ("her back", "he has back pain"); then a relative's history is
            the patient's history.
        termination: End a trigger's scope ("but", "although").
        experiencer_values: Values that experiencer triggers apply to.
        source: Where the trigger lists come from.
        pre_historical: Say the finding that follows is long-standing
            ("long-standing incontinence"; ConText's historical category):
            it is not the new finding a red flag asks about.
        post_historical: The same, after the finding, in its own clause
            ("a slow stream for 5 years", "catheter since 2019").
        post_resolved: Say the finding that came before went away as soon as
            the position changed, anywhere later in its sentence ("my bum went
            numb on the bleachers, it came back as soon as I stood up"): a
            passing, positional feeling, not the lasting change a red flag asks
            about. Applies to ``historical_values``.
        post_explained: Explain an alarming finding away further on in the
            message ("I couldn't feel my feet. Turned out the dog had slept
            on them"). Like a ``post_resolved`` trigger out of its sentence,
            they hedge an emergency finding before them: the bot asks instead
            of acting, and never drops it.
        historical_values: Values that historical triggers apply to (new
            findings only; a past cancer stays a cancer history).
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
    pre_historical: tuple[str, ...] = ()
    post_historical: tuple[str, ...] = ()
    post_resolved: tuple[str, ...] = ()
    post_explained: tuple[str, ...] = ()
    historical_values: frozenset[str] = frozenset()

    def by_kind(self) -> dict[str, tuple[str, ...]]:
        """Return the trigger phrases keyed by kind name."""
        return {kind: getattr(self, kind) for kind in _TRIGGER_KINDS}


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


def _fail(path: Path, where: str, message: str) -> LexiconError:
    return LexiconError(f"{path}: {where}: {message}")


def _str_list(
    raw: Any, path: Path, where: str, *, allow_empty: bool = False
) -> tuple[str, ...]:
    if raw is None and allow_empty:
        return ()
    if not isinstance(raw, list):
        raise _fail(path, where, "must be a list of non-empty strings")
    bad = [item for item in raw if not isinstance(item, str) or not item.strip()]
    if bad:
        raise _fail(
            path,
            where,
            f"must be a list of non-empty strings; bad items {bad!r} "
            "(quote YAML words such as no, yes, on, off)",
        )
    if not raw and not allow_empty:
        raise _fail(path, where, "must not be empty")
    return tuple(item.strip() for item in raw)


def _check_value(entity: Any, value: Any, path: Path, where: str) -> None:
    if entity not in ENTITY_VALUES:
        known = ", ".join(sorted(ENTITY_VALUES))
        raise _fail(path, where, f"unknown entity {entity!r} (known: {known})")
    if value not in ENTITY_VALUES[entity]:
        known = ", ".join(sorted(ENTITY_VALUES[entity]))
        raise _fail(path, where, f"unknown {entity} value {value!r} (known: {known})")


def _parse_group(raw: Any, path: Path, index: int) -> TermGroup:
    where = f"groups[{index}]"
    if not isinstance(raw, dict):
        raise _fail(path, where, "must be a mapping")
    where = f"group {raw.get('id', index)!r}"
    unknown = set(raw) - _GROUP_KEYS
    if unknown:
        raise _fail(path, where, f"unknown keys {sorted(unknown)}")
    for key in ("id", "entity", "value", "source"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise _fail(path, where, f"'{key}' must be a non-empty string")
    _check_value(raw["entity"], raw["value"], path, where)
    also: list[tuple[str, str]] = []
    for extra in raw.get("also") or []:
        if not isinstance(extra, dict) or set(extra) != {"entity", "value"}:
            raise _fail(path, where, "'also' items need exactly 'entity' and 'value'")
        _check_value(extra["entity"], extra["value"], path, where + " also")
        also.append((extra["entity"], extra["value"]))
    assertion = raw.get("assert", PRESENT)
    if assertion not in _ASSERTS:
        raise _fail(path, where, "'assert' must be 'present', 'absent' or 'uncertain'")
    return TermGroup(
        id=raw["id"],
        entity=raw["entity"],
        value=raw["value"],
        source=raw["source"].strip(),
        terms=_str_list(raw.get("terms"), path, where + " terms"),
        also=tuple(also),
        absent=assertion == ABSENT,
        uncertain=assertion == UNCERTAIN,
        not_when=_str_list(
            raw.get("not_when"), path, where + " not_when", allow_empty=True
        ),
    )


def _parse_assertion(raw: Any, path: Path) -> AssertionTriggers:
    if not isinstance(raw, dict):
        raise _fail(path, "assertion", "must be a mapping")
    unknown = set(raw) - _ASSERTION_KEYS
    if unknown:
        raise _fail(path, "assertion", f"unknown keys {sorted(unknown)}")
    if not isinstance(raw.get("source"), str) or not raw["source"].strip():
        raise _fail(path, "assertion", "'source' must be a non-empty string")
    lists = {
        kind: _str_list(raw.get(kind), path, f"assertion.{kind}", allow_empty=True)
        for kind in _TRIGGER_KINDS
    }
    values = _str_list(
        raw.get("experiencer_values"),
        path,
        "assertion.experiencer_values",
        allow_empty=True,
    )
    for value in values:
        _check_value(RED_FLAG, value, path, "assertion.experiencer_values")
    historical_values = _str_list(
        raw.get("historical_values"),
        path,
        "assertion.historical_values",
        allow_empty=True,
    )
    for value in historical_values:
        _check_value(RED_FLAG, value, path, "assertion.historical_values")
    return AssertionTriggers(
        **lists,
        experiencer_values=frozenset(values),
        source=raw["source"].strip(),
        historical_values=frozenset(historical_values),
    )


def parse_lexicon(data: Any, path: Path) -> Lexicon:
    """Validate already-parsed YAML data as a lexicon.

    Args:
        data: The YAML document.
        path: The file it came from, for error messages.

    Returns:
        The validated lexicon.

    Raises:
        LexiconError: When anything is missing, mistyped or unknown.
    """
    if not isinstance(data, dict):
        raise _fail(path, "top level", "must be a mapping")
    unknown = set(data) - {"version", "determiners", "groups", "assertion", "spellings"}
    if unknown:
        raise _fail(path, "top level", f"unknown keys {sorted(unknown)}")
    if data.get("version") in (None, ""):
        raise _fail(path, "top level", "'version' is required")
    raw_groups = data.get("groups")
    if not isinstance(raw_groups, list) or not raw_groups:
        raise _fail(path, "groups", "must be a non-empty list")
    groups = tuple(_parse_group(raw, path, i) for i, raw in enumerate(raw_groups))
    seen: set[str] = set()
    for group in groups:
        if group.id in seen:
            raise _fail(path, f"group {group.id!r}", "duplicate id")
        seen.add(group.id)
    return Lexicon(
        version=str(data["version"]),
        determiners=_str_list(data.get("determiners"), path, "determiners"),
        groups=groups,
        assertion=_parse_assertion(data.get("assertion"), path),
        spellings=_parse_spellings(data.get("spellings"), path),
    )


def _parse_spellings(raw: Any, path: Path) -> dict[str, str]:
    """The ``spellings`` table: one lower-case word for one or two words."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise _fail(path, "spellings", "must be a mapping of word: word")
    bad = [
        (k, v)
        for k, v in raw.items()
        if not (isinstance(k, str) and isinstance(v, str))
        or not k.strip()
        or not v.strip()
        or k != k.lower()
        or " " in k
        or len(v.split()) > 2
        or v != " ".join(v.split())
    ]
    if bad:
        raise _fail(
            path,
            "spellings",
            f"each entry maps one lower-case word to one or two words; bad: {bad!r} "
            "(quote YAML words such as no, yes, on, off)",
        )
    return dict(raw)


@lru_cache(maxsize=8)
def load_lexicon(path: Path | None = None) -> Lexicon:
    """Read and validate a lexicon file (cached per path).

    Args:
        path: The YAML file; defaults to ``data/clinical/lexicon.yml`` in the
            repository.

    Returns:
        The validated lexicon.

    Raises:
        LexiconError: When the file cannot be read or is invalid.
    """
    path = Path(path) if path is not None else DEFAULT_LEXICON_PATH
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise LexiconError(f"{path}: cannot read lexicon: {err}") from err
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise LexiconError(f"{path}: invalid YAML: {err}") from err
    return parse_lexicon(data, path)
