"""Loading and checking the STarT Back content file (data/clinical/startback.yml)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.settings import PROJECT_ROOT

DEFAULT_STARTBACK_PATH = PROJECT_ROOT / "data" / "clinical" / "startback.yml"
ITEM_COUNT = 9  # the tool has nine items; anything else is not the tool
CHANGES = ("better", "same", "worse")  # how the back is compared with last time


class Risk(str, Enum):
    """The STarT Back risk groups."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class StartBackError(ValueError):
    """The content file is malformed; the message lists every problem."""


@dataclass(frozen=True)
class Option:
    """One answer to an item: its id, the tool's label, points and typed forms."""

    id: str
    label: str
    points: int
    says: tuple[str, ...]


@dataclass(frozen=True)
class Item:
    """One question of the tool, verbatim, and how it is answered."""

    id: str
    text: str
    scale: str
    psychosocial: bool

    @property
    def slot(self) -> str:
        """The slot (and ``utter_ask_<slot>`` response) holding the answer."""
        return f"startback_{self.id}"


@dataclass(frozen=True)
class Advice:
    """What a risk group is offered: a response name and whether to hand off."""

    response: str
    offer_handoff: bool
    source: tuple[str, ...]


@dataclass(frozen=True)
class FollowUpRules:
    """When a returning person is sent to a doctor, and what is asked again."""

    not_better_after_days: int
    rescreen: tuple[str, ...]
    source: tuple[str, ...]
    changes: tuple[Option, ...] = ()


@dataclass(frozen=True)
class StartBack:
    """The tool, its cut-offs, the advice per group and the follow-up rules."""

    version: str
    copyright: str
    items: tuple[Item, ...]
    scales: Mapping[str, tuple[Option, ...]]
    low_max_total: int
    high_min_psychosocial: int
    advice: Mapping[Risk, Advice]
    follow_up: FollowUpRules

    def options(self, item: Item) -> tuple[Option, ...]:
        """The answers ``item`` takes, in the tool's order."""
        return self.scales[item.scale]

    def item_for_slot(self, slot: str) -> Item | None:
        """The item whose answer ``slot`` holds, if any."""
        return next((item for item in self.items if item.slot == slot), None)

    @property
    def slots(self) -> tuple[str, ...]:
        """The answer slots, in asking order."""
        return tuple(item.slot for item in self.items)


def _sources(value: Any, known: Mapping[str, Any], where: str, errors: list) -> tuple:
    sources = tuple(value or ())
    if not sources:
        errors.append(f"{where}: no source")
    errors.extend(f"{where}: unknown source {s!r}" for s in sources if s not in known)
    return sources


def _options(entries: Any) -> tuple[Option, ...]:
    return tuple(
        Option(
            id=str(o["id"]),
            label=str(o["label"]),
            points=int(o["points"]),
            says=tuple(str(s).lower() for s in o.get("says") or ()),
        )
        for o in entries
    )


def parse_startback(document: Any) -> StartBack:
    """Build and check the content from a parsed YAML document."""
    if not isinstance(document, Mapping):
        raise StartBackError("startback: the file is not a mapping")
    errors: list[str] = []
    known = document.get("sources") or {}
    scales = {
        name: _options(options)
        for name, options in (document.get("scales") or {}).items()
    }
    items = tuple(
        Item(
            id=str(i["id"]),
            text=str(i["text"]),
            scale=str(i["scale"]),
            psychosocial=bool(i["psychosocial"]),
        )
        for i in document.get("items") or ()
    )
    if len(items) != ITEM_COUNT:
        errors.append(f"items: {len(items)} items, the tool has {ITEM_COUNT}")
    errors.extend(
        f"item {i.id}: unknown scale {i.scale!r}"
        for i in items
        if i.scale not in scales
    )
    if len({i.id for i in items}) != len(items):
        errors.append("items: ids are not unique")
    scoring = document.get("scoring") or {}
    _sources(scoring.get("source"), known, "scoring", errors)
    advice: dict[Risk, Advice] = {}
    for risk in Risk:
        entry = (document.get("advice") or {}).get(risk.value)
        if not entry:
            errors.append(f"advice: nothing for {risk.value} risk")
            continue
        advice[risk] = Advice(
            response=str(entry["response"]),
            offer_handoff=bool(entry.get("offer_handoff")),
            source=_sources(entry.get("source"), known, f"advice {risk.value}", errors),
        )
    follow = document.get("follow_up") or {}
    follow_up = FollowUpRules(
        not_better_after_days=int(follow.get("not_better_after_days") or 0),
        rescreen=tuple(follow.get("rescreen") or ()),
        source=_sources(follow.get("source"), known, "follow_up", errors),
        changes=_options(follow.get("changes") or ()),
    )
    if {o.id for o in follow_up.changes} != set(CHANGES):
        errors.append(f"follow_up: changes must be {', '.join(CHANGES)}")
    if follow_up.not_better_after_days <= 0:
        errors.append("follow_up: not_better_after_days must be a positive number")
    try:
        low_max, high_min = (
            int(scoring["low_max_total"]),
            int(scoring["high_min_psychosocial"]),
        )
    except (KeyError, TypeError, ValueError):
        errors.append("scoring: low_max_total and high_min_psychosocial are needed")
        low_max = high_min = 0
    if errors:
        raise StartBackError("startback: " + "; ".join(errors))
    return StartBack(
        version=str(document.get("version")),
        copyright=str(document.get("copyright")),
        items=items,
        scales=scales,
        low_max_total=low_max,
        high_min_psychosocial=high_min,
        advice=advice,
        follow_up=follow_up,
    )


def load_startback(path: Path = DEFAULT_STARTBACK_PATH) -> StartBack:
    """Read and check the content file at ``path``."""
    try:
        document = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise StartBackError(f"startback: cannot read {path}: {error}") from error
    try:
        return parse_startback(document)
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, StartBackError):
            raise
        raise StartBackError(f"startback: malformed entry: {error!r}") from error


@lru_cache(maxsize=4)
def default_startback(path: Path = DEFAULT_STARTBACK_PATH) -> StartBack:
    """The content, read once per process."""
    return load_startback(path)
