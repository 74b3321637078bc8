"""Read and validate the clinical lexicon file (``data/clinical/lexicon.yml``).

Every entry is checked when the pipeline is built, so a bad lexicon stops the
build with a message naming the file, the place and the fix, never a half
lexicon. The values it builds are in :mod:`bot.nlp.lexicon`.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.nlp.labels import ENTITY_VALUES, RED_FLAG
from bot.nlp.lexicon import (
    TRIGGER_KINDS,
    AssertionTriggers,
    Lexicon,
    LexiconError,
    TermGroup,
)

#: Repository root, resolved from this file (bot/nlp/lexicon_file.py).
REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_LEXICON_PATH = REPO_ROOT / "data" / "clinical" / "lexicon.yml"

#: Values of a group's ``assert`` key: how its matches are asserted.
PRESENT = "present"
ABSENT = "absent"
UNCERTAIN = "uncertain"
_ASSERTS = (PRESENT, ABSENT, UNCERTAIN)

_GROUP_KEYS = {
    "id",
    "entity",
    "value",
    "source",
    "terms",
    "also",
    "assert",
    "not_when",
    "not_when_from",
}
#: A date that may stand on either side of its finding ("in my youth"):
#: written once, read into both ``pre_dated`` and ``post_dated``.
DATED_EITHER_SIDE = "dated"

_ASSERTION_KEYS = {
    "source",
    "experiencer_values",
    "relative_values",
    "historical_values",
    "dated_values",
    DATED_EITHER_SIDE,
    *TRIGGER_KINDS,
}


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
        for kind in TRIGGER_KINDS
    }
    either_side = _str_list(
        raw.get(DATED_EITHER_SIDE),
        path,
        f"assertion.{DATED_EITHER_SIDE}",
        allow_empty=True,
    )
    lists["pre_dated"] += either_side
    lists["post_dated"] += either_side
    values = _red_flag_values(raw, "experiencer_values", path)
    historical_values = _red_flag_values(raw, "historical_values", path)
    return AssertionTriggers(
        **lists,
        experiencer_values=frozenset(values),
        relative_values=frozenset(_red_flag_values(raw, "relative_values", path)),
        source=raw["source"].strip(),
        historical_values=frozenset(historical_values),
        dated_values=frozenset(_red_flag_values(raw, "dated_values", path)),
    )


def _red_flag_values(raw: dict[str, Any], key: str, path: Path) -> tuple[str, ...]:
    """A list of red-flag values under ``assertion.<key>``, each one known."""
    where = f"assertion.{key}"
    values = _str_list(raw.get(key), path, where, allow_empty=True)
    for value in values:
        _check_value(RED_FLAG, value, path, where)
    return values


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
    groups = _with_shared_exceptions(groups, raw_groups, path)
    return Lexicon(
        version=str(data["version"]),
        determiners=_str_list(data.get("determiners"), path, "determiners"),
        groups=groups,
        assertion=_parse_assertion(data.get("assertion"), path),
        spellings=_parse_spellings(data.get("spellings"), path),
    )


def _with_shared_exceptions(
    groups: tuple[TermGroup, ...], raw_groups: list[Any], path: Path
) -> tuple[TermGroup, ...]:
    """Give each group with ``not_when_from: <id>`` that group's ``not_when``
    as well as its own, so that look-alikes two groups share (the onset and
    the red flag of a serious injury) are written once. One step only: the
    group named may not take its own from a third."""
    pairs = list(zip(groups, raw_groups, strict=True))
    by_id = {group.id: (group, raw) for group, raw in pairs}
    resolved: list[TermGroup] = []
    for group, raw in pairs:
        source_id = raw.get("not_when_from")
        if source_id is None:
            resolved.append(group)
            continue
        where = f"group {group.id!r} not_when_from"
        if (
            not isinstance(source_id, str)
            or source_id not in by_id
            or (source_id == group.id)
        ):
            raise _fail(path, where, f"must name another group, not {source_id!r}")
        source, source_raw = by_id[source_id]
        if source_raw.get("not_when_from") is not None:
            raise _fail(path, where, f"{source_id!r} takes its own from another")
        resolved.append(replace(group, not_when=group.not_when + source.not_when))
    return tuple(resolved)


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
