"""Named commands, each in its own process group, stopped together."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

from bot.stack.services import as_user


def signal_group(process: subprocess.Popen, signum: int) -> None:
    """Send ``signum`` to the process's whole group (Sanic forks workers)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signum)


class ProcessGroup:
    """Processes by name, their output in ``<logdir>/<name>.log``."""

    def __init__(self, logdir: Path) -> None:
        self.logdir = logdir
        self.processes: dict[str, subprocess.Popen] = {}

    def spawn(
        self,
        name: str,
        command: Sequence[str],
        *,
        cwd: Path,
        env: Mapping[str, str],
        user: str | None = None,
    ) -> subprocess.Popen:
        """Start ``command`` in a new session (its own group) as ``name``."""
        if name in self.processes and self.processes[name].poll() is None:
            raise RuntimeError(f"{name} is already running")
        self.logdir.mkdir(parents=True, exist_ok=True)
        with (self.logdir / f"{name}.log").open("ab") as log:
            process = subprocess.Popen(
                list(command),
                cwd=cwd,
                env=dict(env),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # a group, so stopping reaches the workers
                **as_user(user),
            )
        self.processes[name] = process
        return process

    def exited(self) -> dict[str, int]:
        """The processes that have exited, with their exit codes."""
        return {
            name: code
            for name, process in self.processes.items()
            if (code := process.poll()) is not None
        }

    def kill(self, name: str) -> None:
        """Kill one at once (SIGKILL), as a crash would."""
        process = self.processes.pop(name)
        signal_group(process, signal.SIGKILL)
        process.wait(timeout=30)

    def terminate(self, name: str, timeout: float = 30) -> None:
        """Stop one politely (SIGTERM), killing it if it does not go."""
        self._stop([self.processes.pop(name)], timeout)

    def stop(self, timeout: float = 30) -> None:
        """Stop every process (SIGTERM to each group, SIGKILL if it lingers)."""
        processes = list(self.processes.values())
        self.processes.clear()
        self._stop(processes, timeout)

    @staticmethod
    def _stop(processes: list[subprocess.Popen], timeout: float) -> None:
        for process in processes:
            signal_group(process, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                signal_group(process, signal.SIGKILL)
                process.wait(timeout=10)

    def log(self, name: str, chars: int = 4000) -> str:
        """The end of ``name``'s log."""
        path = self.logdir / f"{name}.log"
        return path.read_text(errors="replace")[-chars:] if path.exists() else ""
