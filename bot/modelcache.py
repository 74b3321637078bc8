"""Train the Rasa model only when its inputs change (keyed by their hash).

Training's own output (TensorFlow notices, other libraries' deprecation
warnings, Rasa's validation remarks about responses that actions and the
emergency policy send rather than rules) goes to ``var/train.log``; the console
gets one line, and the log's tail if training fails.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from bot.nlp.emergency_screen import DEV_CORPORA
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
    "bot/rasa/emergency_screen.py",
    DEV_CORPORA,  # the emergency screen learns from them
)


def _files(root: Path, inputs: Iterable[str]) -> list[Path]:
    found: list[Path] = []
    for name in inputs:
        path = root / name
        if "*" in name:
            found += sorted(root.glob(name))
        elif path.is_dir():
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


TRAIN_LOG = Path("var") / "train.log"
QUIET_TRAINING = {
    "TF_CPP_MIN_LOG_LEVEL": "3",
    "PYTHONWARNINGS": "ignore::DeprecationWarning",
    "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
    "RASA_TELEMETRY_ENABLED": "false",
}


def ensure_model(
    root: Path = PROJECT_ROOT, config: str = "config.yml", out: str = "models"
) -> Path:
    """Return the model for the current inputs, training it first if needed."""
    name = f"backchat-{Path(config).stem}-{inputs_hash(root, config=config)}"
    model = root / out / f"{name}.tar.gz"
    if model.exists():
        return model
    log = root / TRAIN_LOG
    log.parent.mkdir(parents=True, exist_ok=True)
    print(
        f"==> training model {name} (inputs changed; about 1-2 minutes; log: {log})",
        file=sys.stderr,
        flush=True,
    )
    with log.open("a", encoding="utf-8") as output:
        output.write(f"\n==> training {name}\n")
        output.flush()
        done = subprocess.run(
            train_command(config=config, out=out, name=name),
            cwd=root,
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, **QUIET_TRAINING},
        )
    if done.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-40:]
        print("\n".join(tail), file=sys.stderr)
        raise subprocess.CalledProcessError(done.returncode, done.args)
    return model


if __name__ == "__main__":
    print(ensure_model())
