"""Checks that span entries: duplicates, references and consistency."""

from __future__ import annotations

from collections.abc import Iterable

from bot.library.specs import LibraryContent
from bot.library.text import compact
from bot.library.vocab import CONTRA_ACUTE_PHASE, Phase


def check_content(
    content: LibraryContent, *, check_references: bool = True
) -> list[str]:
    """Return every cross-entry problem in ``content`` (empty when it is sound).

    Args:
        content: Parsed content, possibly merged from several files.
        check_references: Whether references (contraindication codes, easier
            alternatives) must resolve inside ``content``.

    Returns:
        Problem messages, in a stable order.
    """
    problems: list[str] = []
    problems += _duplicates(
        "contraindication code", ((c.code, c.code) for c in content.contraindications)
    )
    problems += _duplicates("avoid code", ((a.code, a.code) for a in content.avoid))
    problems += _duplicates(
        "exercise name or alias",
        ((key, e.name) for e in content.exercises for key in (e.name, *e.aliases)),
    )
    problems += _duplicates(
        "activity name or alias",
        ((key, a.name) for a in content.activities for key in (a.name, *a.aliases)),
    )
    problems += _consistency(content)
    if check_references:
        problems += check_references_in(content)
    return problems


def check_references_in(content: LibraryContent) -> list[str]:
    """Return problems with names that exercises refer to."""
    problems = []
    codes = {c.code for c in content.contraindications}
    by_name = {compact(e.name): e for e in content.exercises}
    for exercise in content.exercises:
        for code in exercise.contraindications:
            if code not in codes:
                problems.append(
                    f"exercise {exercise.name!r}: unknown contraindication {code!r}"
                )
        if exercise.easier_alternative is None:
            continue
        easier = by_name.get(compact(exercise.easier_alternative))
        if easier is None:
            problems.append(
                f"exercise {exercise.name!r}: easier_alternative "
                f"{exercise.easier_alternative!r} is not an exercise"
            )
        elif easier.difficulty >= exercise.difficulty:
            problems.append(
                f"exercise {exercise.name!r}: easier_alternative {easier.name!r} "
                "is not easier (difficulty must be lower)"
            )
    return problems


def _consistency(content: LibraryContent) -> list[str]:
    problems = []
    for exercise in content.exercises:
        if (
            CONTRA_ACUTE_PHASE in exercise.contraindications
            and Phase.ACUTE.value in exercise.phases
        ):
            problems.append(
                f"exercise {exercise.name!r}: marked {CONTRA_ACUTE_PHASE!r} "
                "but lists the acute phase"
            )
    return problems


def _duplicates(what: str, keys: Iterable[tuple[str, str]]) -> list[str]:
    """Report keys (compared ignoring case, spaces, punctuation) used twice."""
    owners: dict[str, str] = {}
    problems = []
    for key, owner in keys:
        folded = compact(key)
        if folded in owners:
            first = owners[folded]
            where = (
                f"twice by {owner!r}"
                if first == owner
                else (f"by {first!r} and {owner!r}")
            )
            problems.append(
                f"duplicate {what} {key!r} (used {where}; names are compared "
                "ignoring case, spaces and punctuation)"
            )
        else:
            owners[folded] = owner
    return problems
