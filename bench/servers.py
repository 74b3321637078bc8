"""Start BackChat (the launcher's ``Stack``) and the starter bot; measure costs."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import requests

from bench.progress import say
from bot.modelcache import train_command
from bot.stack import Stack

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def pids(stack: Stack) -> dict[str, int]:
    """Process ids of the running servers, by name."""
    return {name: process.pid for name, process in stack.processes.items()}


def prepare_backchat_workdir(workdir: Path) -> None:
    """A fresh BackChat database, migrated and seeded as ``scripts/run.sh`` does."""
    workdir.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{workdir / 'backchat.db'}"
    for command in (["db", "upgrade"], ["db", "seed"]):
        subprocess.run(
            [str(BIN / "python"), "-m", "bot.cli", "--database-url", url, *command],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def ensure_redis() -> int:
    """Install and start Redis when missing (scripts/setup_redis.sh); its port."""
    result = subprocess.run(
        [str(ROOT / "scripts" / "setup_redis.sh")],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    port = int(result.stdout.strip().splitlines()[-1])
    os.environ["BACKCHAT_REDIS_PORT"] = str(port)
    return port


def start_and_time(stack: Stack, message: str, timeout_s: float = 300) -> float:
    """Start the servers; seconds from process start to the first real reply."""
    started = time.monotonic()
    stack.start()
    deadline = started + timeout_s
    while time.monotonic() < deadline:
        for name, process in stack.processes.items():
            if process.poll() is not None:
                raise RuntimeError(f"{name} exited; log:\n{stack.log(name)}")
        try:
            reply = requests.post(
                f"{stack.url}/webhooks/rest/webhook",
                json={"sender": "bench-cold-start", "message": message},
                timeout=10,
            )
            if reply.ok and reply.json():
                return time.monotonic() - started
        except (requests.ConnectionError, requests.Timeout, ValueError):
            pass
        time.sleep(0.2)
    stack.stop()
    raise TimeoutError(f"no reply within {timeout_s} s; log:\n{stack.log('rasa')}")


def train_backchat(out_dir: Path) -> tuple[Path, float]:
    """Train BackChat from scratch into ``out_dir``; return the model and seconds.

    Rasa's training cache is pointed at an empty directory, so nothing is
    restored from an earlier training and the time is a cold training's.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    say("backchat: training from scratch (timed)")
    started = time.monotonic()
    log_path = out_dir / "train.log"
    with log_path.open("wb") as log:
        result = subprocess.run(
            train_command(config="config.yml", out=str(out_dir), name="backchat-bench"),
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=training_env(out_dir / "rasa-cache"),
        )
    if result.returncode:
        tail = log_path.read_text(errors="replace")[-3000:]
        raise RuntimeError(f"rasa train failed:\n{tail}")
    seconds = time.monotonic() - started
    say(f"backchat: trained in {seconds:.1f} s")
    return out_dir / "backchat-bench.tar.gz", seconds


def training_env(cache_dir: Path) -> dict[str, str]:
    """Environment for a timed ``rasa train``: quiet, no telemetry, empty cache."""
    return {
        **os.environ,
        "TF_CPP_MIN_LOG_LEVEL": "3",
        "RASA_TELEMETRY_ENABLED": "false",
        "RASA_CACHE_DIRECTORY": str(cache_dir),
    }
