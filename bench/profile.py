"""py-spy sampling of a running server, and a summary of where the time goes."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

_FRAME = re.compile(r"^(?P<func>.*?) \((?P<file>[^:()]+)(?::(?P<line>\d+))?\)$")
_PACKAGES = (
    "rasa_sdk",
    "rasa",
    "sanic",
    "sqlalchemy",
    "aiohttp",
    "spacy",
    "sklearn",
    "numpy",
    "tensorflow",
    "scipy",
    "asyncio",
    "json",
    "logging",
    "sqlite3",
    "yaml",
    "actions",
    "bot",
    "negspacy",
    "uvloop",
    "thinc",
    "pydantic",
    "jsonschema",
    "copy",
    "structlog",
)


def py_spy() -> str | None:
    """The py-spy executable next to this Python, or on PATH."""
    beside = Path(sys.executable).with_name("py-spy")
    return str(beside) if beside.exists() else shutil.which("py-spy")


def record(pid: int, seconds: int, out: Path, rate: int = 100) -> subprocess.Popen:
    """Start sampling ``pid`` for ``seconds`` into collapsed stacks at ``out``."""
    exe = py_spy()
    if exe is None:
        raise FileNotFoundError("py-spy is not installed (pip install py-spy==0.4.3)")
    return subprocess.Popen(
        [
            exe,
            "record",
            "--pid",
            str(pid),
            "--duration",
            str(seconds),
            "--rate",
            str(rate),
            "--format",
            "raw",
            "--output",
            str(out),
            "--nonblocking",
            "--full-filenames",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def package_of(file: str) -> str:
    """The top-level package a source file belongs to (``rasa``, ``sqlalchemy``)."""
    parts = Path(file).parts
    if "site-packages" in parts:
        rest = parts[parts.index("site-packages") + 1 :]
        return rest[0].removesuffix(".py") if rest else file
    for name in ("bot", "actions"):
        if name in parts:
            return name
    for part in reversed(parts[:-1]):
        if part.startswith("python3"):
            return f"stdlib:{Path(file).stem}"
    return Path(file).stem


def parse_frame(frame: str) -> tuple[str, str]:
    """``"func (path:line)"`` -> (``"func (short/path)"``, package)."""
    match = _FRAME.match(frame.strip())
    if not match:
        return frame.strip(), "?"
    file = match["file"]
    short = "/".join(Path(file).parts[-2:])
    return f"{match['func']} ({short})", package_of(file)


def summarise_collapsed(text: str, top: int = 25) -> dict[str, Any]:
    """Self and inclusive sample shares by function and by package.

    Args:
        text: py-spy ``--format raw`` output: ``frame;frame;... count`` per line,
            outermost frame first.
        top: How many functions to keep in each list.
    """
    self_fn: Counter[str] = Counter()
    incl_fn: Counter[str] = Counter()
    incl_pkg: Counter[str] = Counter()
    self_pkg: Counter[str] = Counter()
    total = 0
    for line in text.splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = [parse_frame(f) for f in stack.split(";") if f.strip()]
        frames = [
            f
            for f in frames
            if not f[0].startswith("process ") and not f[0].startswith("thread ")
        ]
        if not frames:
            continue
        total += count
        self_fn[frames[-1][0]] += count
        self_pkg[frames[-1][1]] += count
        for name in {f[0] for f in frames}:
            incl_fn[name] += count
        for package in {f[1] for f in frames}:
            incl_pkg[package] += count

    def shares(counter: Counter[str], n: int) -> list[tuple[str, float]]:
        return [(k, round(v / total, 3)) for k, v in counter.most_common(n)]

    return {
        "samples": total,
        "self_by_function": shares(self_fn, top) if total else [],
        "inclusive_by_function": shares(incl_fn, top) if total else [],
        "self_by_package": shares(self_pkg, 15) if total else [],
        "inclusive_by_package": shares(incl_pkg, 15) if total else [],
    }
