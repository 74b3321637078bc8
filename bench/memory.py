"""Resident memory of a process, from /proc (Linux)."""

from __future__ import annotations

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
