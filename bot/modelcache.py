"""Train the Rasa model only when its inputs change (keyed by their hash)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from bot.settings import PROJECT_ROOT

# Everything that changes what the trained model does.
MODEL_INPUTS = (
    "config.yml",
    "domain.yml",
    "data/nlu",
    "data/rules",
    "bot/nlp",
    "bot/rasa/policy.py",
    "bot/rasa/nlu_component.py",
    "bot/rasa/intent_classifier.py",
    "bot/triage/emergency_message.py",
    "data/clinical/lexicon.yml",
)


def _files(root: Path, inputs: Iterable[str]) -> list[Path]:
    found: list[Path] = []
    for name in inputs:
        path = root / name
        if path.is_dir():
            found += sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and "__pycache__" not in p.parts
            )
        elif path.is_file():
            found.append(path)
    return found


def inputs_hash(
    root: Path = PROJECT_ROOT,
    inputs: Iterable[str] = MODEL_INPUTS,
    config: str = "config.yml",
) -> str:
    """A short hash of every model input's path and content."""
    inputs = [config if name == "config.yml" else name for name in inputs]
    digest = hashlib.sha256()
    for path in _files(root, inputs):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def train_command(*, config: str, out: str, name: str) -> list[str]:
    """``rasa train`` for this project's domain and data, into ``out/name``."""
    return [
        str(Path(sys.executable).with_name("rasa")),
        "train",
        "--config",
        config,
        "--domain",
        "domain.yml",
        "--data",
        "data/nlu",
        "data/rules",
        "--out",
        out,
        "--fixed-model-name",
        name,
    ]


def ensure_model(
    root: Path = PROJECT_ROOT, config: str = "config.yml", out: str = "models"
) -> Path:
    """Return the model for the current inputs, training it first if needed."""
    name = f"backchat-{Path(config).stem}-{inputs_hash(root, config=config)}"
    model = root / out / f"{name}.tar.gz"
    if model.exists():
        return model
    print(f"==> training model {name} (inputs changed)", flush=True)
    subprocess.run(
        train_command(config=config, out=out, name=name),
        cwd=root,
        check=True,
    )
    return model


if __name__ == "__main__":
    print(ensure_model())
