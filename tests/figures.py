"""Figures the tests measure, printed at the end of the run (tests/conftest.py).

Issue 12's "done when" asks for them: bad inputs tried and 5xx answers, another
person's wait during a 1 MB flood, processes killed and their recovery, a
deleted person's rows before and after.
"""

from __future__ import annotations

from collections import Counter

FIGURES: list[str] = []
BAD_INPUTS: Counter[str] = Counter()  # entry point -> bad inputs tried
SERVER_ERRORS: Counter[str] = Counter()  # entry point -> 5xx answers


def record(line: str) -> None:
    """Keep one line for the summary."""
    FIGURES.append(line)


def bad_input(entry_point: str, status: int | None = None) -> None:
    """Count one bad input sent to ``entry_point`` and whether it got a 5xx."""
    BAD_INPUTS[entry_point] += 1
    if status is not None and status >= 500:
        SERVER_ERRORS[entry_point] += 1


def summary() -> list[str]:
    """The lines to print: the bad-input tally first, then the rest."""
    lines = []
    if BAD_INPUTS:
        per_entry = ", ".join(f"{k} {v}" for k, v in sorted(BAD_INPUTS.items()))
        lines.append(
            f"bad inputs tried: {sum(BAD_INPUTS.values())} ({per_entry}); "
            f"5xx answers: {sum(SERVER_ERRORS.values())}"
        )
    return lines + FIGURES
