"""Rasa's starter bot (``rasa init``), trained once per Rasa version and cached."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.progress import say
from bench.servers import training_env

CACHE = Path(__file__).resolve().parent / ".cache"
BIN = Path(sys.executable).parent


def rasa_version() -> str:
    """The installed Rasa version (without importing Rasa, which is slow)."""
    from importlib.metadata import version

    return version("rasa")


@dataclass(frozen=True)
class Starter:
    """A ready starter project: its directory, trained model and training cost."""

    project: Path
    model: Path
    train_seconds: float
    trained_now: bool


def _has_actions(project: Path) -> bool:
    """True when the starter's actions.py defines an action (it ships commented)."""
    source = project / "actions" / "actions.py"
    if not source.exists():
        return False
    return any(line.startswith("class ") for line in source.read_text().splitlines())


def starter_has_actions(project: Path) -> bool:
    """Whether the starter project needs an action server."""
    return _has_actions(project)


def ensure_starter(cache: Path = CACHE, retrain: bool = False) -> Starter:
    """Create and train the starter bot unless a cached one exists for this Rasa."""
    key = f"starter-rasa-{rasa_version()}"
    project = cache / key
    model = project / "models" / "starter.tar.gz"
    meta = project / "bench-meta.json"
    if model.exists() and meta.exists() and not retrain:
        seconds = json.loads(meta.read_text())["train_seconds"]
        return Starter(project, model, seconds, trained_now=False)
    if project.exists():
        shutil.rmtree(project)
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache) as tmp:
        staging = Path(tmp) / key
        say(f"starter: writing the `rasa init --no-prompt` project into {staging}")
        _scaffold(staging)
        say("starter: training (timed)")
        started = time.monotonic()
        subprocess.run(
            [
                str(BIN / "rasa"),
                "train",
                "--out",
                "models",
                "--fixed-model-name",
                "starter",
            ],
            cwd=staging,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=training_env(Path(tmp) / "rasa-cache"),
        )
        seconds = time.monotonic() - started
        (staging / "bench-meta.json").write_text(
            json.dumps({"train_seconds": seconds, "rasa": rasa_version()})
        )
        shutil.move(str(staging), project)
    say(f"starter: trained in {seconds:.1f} s")
    return Starter(project, model, seconds, trained_now=True)


def _scaffold(path: Path) -> None:
    """Write the files ``rasa init --no-prompt`` writes, without its own training.

    ``rasa init`` copies this scaffold and then trains; we train separately so
    that the training time is measured on its own.
    """
    from rasa.cli.scaffold import create_initial_project

    path.mkdir(parents=True)
    create_initial_project(str(path))
