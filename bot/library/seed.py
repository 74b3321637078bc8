"""Write validated content into the library tables, idempotently.

The caller owns the transaction (``with factory.begin() as session:``): these
functions validate everything before the first write and never commit, so a
problem leaves the database as it was.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from bot.library.checks import check_content
from bot.library.content import load_content, load_content_file
from bot.library.export import read_content
from bot.library.specs import SECTIONS, ContentError, LibraryContent
from bot.library.upsert import SeedReport, apply_content, entry_key

__all__ = ["SeedReport", "import_file", "overlay", "seed_library"]


def seed_library(session: Session, content_dir: Path) -> SeedReport:
    """Make the library tables mirror the content files in ``content_dir``.

    Entries missing from the files are deleted. Running it twice on the same
    files changes nothing; edited files update the rows they touch.

    Args:
        session: Open session inside the caller's transaction.
        content_dir: Folder with the content files (``data/library``).

    Returns:
        What changed.

    Raises:
        ContentError: The files are invalid; nothing was written.
    """
    return apply_content(session, load_content(Path(content_dir)), prune=True)


def import_file(session: Session, path: Path) -> SeedReport:
    """Add or update the entries of one content file, keeping all others.

    The file is checked together with what the database already holds, so an
    alias already used by another exercise or an unknown contraindication code
    is refused.

    Raises:
        ContentError: The file is invalid; nothing was written.
    """
    base = read_content(session)
    content = _keep_order(base, load_content_file(Path(path), check_references=False))
    problems = check_content(overlay(base, content))
    if problems:
        raise ContentError([f"{Path(path).name}: {p}" for p in problems])
    return apply_content(session, content, prune=False)


def overlay(base: LibraryContent, top: LibraryContent) -> LibraryContent:
    """Return ``base`` with the entries of ``top`` added or replacing by key."""
    values: dict[str, Any] = {"versions": {**base.versions, **top.versions}}
    for section in SECTIONS:
        entries = {entry_key(e): e for e in getattr(base, section)}
        entries.update({entry_key(e): e for e in getattr(top, section)})
        values[section] = tuple(entries.values())
    return LibraryContent(**values)


def _keep_order(base: LibraryContent, top: LibraryContent) -> LibraryContent:
    """Give entries of ``top`` their place in ``base``, new ones after the rest."""
    values: dict[str, Any] = {"versions": top.versions}
    for section in SECTIONS:
        known = {entry_key(e): e.sort_order for e in getattr(base, section)}
        next_order = max(known.values(), default=-1) + 1
        entries = []
        for entry in getattr(top, section):
            order = known.get(entry_key(entry))
            if order is None:
                order, next_order = next_order, next_order + 1
            entries.append(replace(entry, sort_order=order))
        values[section] = tuple(entries)
    return LibraryContent(**values)
