"""Load library content files (YAML) and validate every entry's fields.

A content file is a mapping with a ``version`` and one or more sections
(``contraindications``, ``exercises``, ``avoid``, ``activities``), each a list of
entries. Every problem is collected and raised together as a ContentError.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from bot.library.checks import check_content
from bot.library.schema import SCHEMA, SOURCE_PATTERN
from bot.library.specs import SECTIONS, ContentError, LibraryContent, SectionVersion

CONTENT_SUFFIXES = (".yml", ".yaml")
__all__ = ["SOURCE_PATTERN", "load_content", "load_content_file", "parse_content_text"]

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present


class _UniqueKeyLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    """Safe YAML loader that refuses a key written twice in one mapping."""


def _construct_mapping(
    loader: _UniqueKeyLoader, node: yaml.MappingNode
) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _value in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    mapping: dict[Any, Any] = loader.construct_mapping(node)
    return mapping


_UniqueKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping
)


def parse_content_text(
    text: str, label: str, *, check_references: bool = True
) -> LibraryContent:
    """Parse and validate one content document.

    Args:
        text: The YAML text.
        label: Name used in problem messages (usually the file name).
        check_references: Whether names it refers to (contraindication codes,
            easier alternatives) must be defined in the same document; turn off
            when the document will be merged with other content and checked then.

    Returns:
        The validated content of the document.

    Raises:
        ContentError: Listing every problem in the document.
    """
    content, problems = _parse(text, label)
    problems += check_content(content, check_references=check_references)
    if problems:
        raise ContentError(problems)
    return content


def load_content_file(path: Path, *, check_references: bool = True) -> LibraryContent:
    """Read and validate one content file (see ``parse_content_text``)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError([f"{path}: cannot read file ({error})"]) from error
    return parse_content_text(text, Path(path).name, check_references=check_references)


def load_content(content_dir: Path) -> LibraryContent:
    """Read and validate every ``*.yml`` file in ``content_dir`` as one library.

    Raises:
        ContentError: Listing every problem in every file, including entries
            defined twice across files.
    """
    directory = Path(content_dir)
    files = sorted(p for p in directory.glob("*") if p.suffix in CONTENT_SUFFIXES)
    if not files:
        raise ContentError([f"{directory}: no content files (*.yml) found"])
    parts: list[LibraryContent] = []
    problems: list[str] = []
    for path in files:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            problems.append(f"{path.name}: cannot read file ({error})")
            continue
        content, found = _parse(text, path.name)
        parts.append(content)
        problems += found
    merged = combine(parts)
    problems += [p for p in check_content(merged) if p not in problems]
    if problems:
        raise ContentError(problems)
    return merged


def combine(parts: list[LibraryContent]) -> LibraryContent:
    """Concatenate contents section by section, renumbering the sort order."""
    values: dict[str, Any] = {"versions": {}}
    for section in SECTIONS:
        entries = [entry for part in parts for entry in getattr(part, section)]
        values[section] = tuple(
            _replace_order(entry, index) for index, entry in enumerate(entries)
        )
    for part in parts:
        values["versions"].update(part.versions)
    return LibraryContent(**values)


def _replace_order(entry: Any, index: int) -> Any:
    return replace(entry, sort_order=index)


def _parse(text: str, label: str) -> tuple[LibraryContent, list[str]]:
    try:
        document = yaml.load(text, Loader=_UniqueKeyLoader)  # safe: SafeLoader subclass
    except yaml.YAMLError as error:
        return LibraryContent(), [f"{label}: not valid YAML: {_one_line(error)}"]
    if document is None:
        return LibraryContent(), [f"{label}: file is empty"]
    if not isinstance(document, dict):
        return LibraryContent(), [f"{label}: top level must be a mapping"]
    problems = []
    version = document.get("version")
    if not isinstance(version, (str, int, float)) or not str(version).strip():
        problems.append(f"{label}: missing top-level 'version'")
    unknown = sorted(set(document) - set(SECTIONS) - {"version"}, key=str)
    problems += [f"{label}: unknown top-level key {key!r}" for key in unknown]
    if not any(section in document for section in SECTIONS):
        problems.append(f"{label}: no section (expected one of {', '.join(SECTIONS)})")
    values: dict[str, Any] = {"versions": {}}
    for section in SECTIONS:
        if section not in document:
            continue
        values["versions"][section] = SectionVersion(str(version), label)
        entries = document[section]
        if not isinstance(entries, list) or not entries:
            problems.append(f"{label}: '{section}' must be a non-empty list")
            continue
        specs = []
        for index, entry in enumerate(entries):
            spec, found = _parse_entry(section, entry, f"{label}: {section}[{index}]")
            problems += found
            if spec is not None:
                specs.append(_replace_order(spec, index))
        values[section] = tuple(specs)
    return LibraryContent(**values), problems


def _parse_entry(section: str, entry: Any, where: str) -> tuple[Any, list[str]]:
    spec_class, key_field, fields = SCHEMA[section]
    if not isinstance(entry, dict):
        return None, [f"{where}: entry must be a mapping"]
    if isinstance(entry.get(key_field), str):
        where = f"{where} {entry[key_field]!r}"
    problems = [f"{where}: unknown field {key!r}" for key in entry if key not in fields]
    values = {}
    for name, (required, check) in fields.items():
        if name not in entry or entry[name] is None:
            if required:
                problems.append(f"{where}: missing field {name!r}")
            continue
        value, error = check(entry[name])
        if error:
            problems.append(f"{where}: field {name!r} {error}")
        else:
            values[name] = value
    if problems:
        return None, problems
    return spec_class(**values), []


def _one_line(error: yaml.YAMLError) -> str:
    return " ".join(str(error).split())
