"""Resident memory of a process, from /proc (Linux)."""

from __future__ import annotations

import contextlib
from pathlib import Path


def parse_status_kb(status_text: str, field: str) -> int | None:
    """The value in kB of ``field`` (``VmRSS``, ``VmHWM``) in a /proc status text."""
    for line in status_text.splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    return None


def rss_mb(pid: int, field: str = "VmRSS") -> float | None:
    """Resident memory (``VmRSS``) or its peak (``VmHWM``) of ``pid``, in MB."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    kb = parse_status_kb(text, field)
    return None if kb is None else round(kb / 1024, 1)


def process_tree(pid: int) -> list[int]:
    """``pid`` and every process below it (Sanic's workers are its children)."""
    tree, index = [pid], 0
    while index < len(tree):
        for children in Path(f"/proc/{tree[index]}/task").glob("*/children"):
            with contextlib.suppress(OSError):
                tree += [int(child) for child in children.read_text().split()]
        index += 1
    return tree


def tree_mb(pid: int, field: str = "VmRSS") -> float | None:
    """``field`` summed over ``pid`` and its children, in MB.

    Summed RSS counts pages the workers share (forked from one parent) once per
    worker, so it overstates; ``tree_pss_mb`` shares them out fairly.
    """
    values = [rss_mb(member, field) for member in process_tree(pid)]
    known = [value for value in values if value is not None]
    return round(sum(known), 1) if known else None


def tree_pss_mb(pid: int) -> float | None:
    """Proportional set size summed over ``pid`` and its children, in MB."""
    total_kb, seen = 0, False
    for member in process_tree(pid):
        try:
            text = Path(f"/proc/{member}/smaps_rollup").read_text()
        except OSError:
            continue
        kb = parse_status_kb(text, "Pss")
        if kb is not None:
            total_kb, seen = total_kb + kb, True
    return round(total_kb / 1024, 1) if seen else None
