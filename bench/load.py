"""Asyncio load generator: scripted conversations over Rasa's REST channel."""

from __future__ import annotations

import asyncio
import itertools
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

import aiohttp

from bench.memory import tree_mb
from bench.schedule import Conversation, ConversationPool, arrival_offsets
from bench.scripts import Script, Turn
from bench.stats import LevelResult, summarise

TIMEOUT_S = 10.0  # a reply slower than this is lost


@dataclass
class Tally:
    """Raw outcomes of one level."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    lost: int = 0
    unexpected: int = 0
    examples: list[str] = field(default_factory=list)

    def note(self, text: str) -> None:
        """Keep a few examples of what went wrong, for the report."""
        if len(self.examples) < 5:
            self.examples.append(text)


def new_sender(prefix: str = "bench") -> str:
    """A fresh conversation id."""
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


async def send(
    session: aiohttp.ClientSession,
    url: str,
    sender: str,
    turn: Turn,
    tally: Tally,
    started: float | None = None,
) -> bool:
    """Send one message; record its latency or failure.

    ``started`` is when the message was due (open loop), so time spent waiting
    for the client itself is counted too (no coordinated omission).

    Returns:
        True if the scripted reply came. A reply without the scripted text is
        timed but returns False: the conversation is off its script, so the
        person stops there (as after an error or a lost reply).
    """
    started = time.monotonic() if started is None else started
    try:
        async with session.post(
            f"{url}/webhooks/rest/webhook",
            json={"sender": sender, "message": turn.message},
            timeout=aiohttp.ClientTimeout(total=TIMEOUT_S),
        ) as response:
            if response.status != 200:
                tally.errors += 1
                tally.note(f"HTTP {response.status} for {turn.message!r}")
                return False
            replies = await response.json()
    except asyncio.TimeoutError:
        tally.lost += 1
        tally.note(f"timeout for {turn.message!r}")
        return False
    except (aiohttp.ClientError, ValueError) as error:
        tally.errors += 1
        tally.note(f"{type(error).__name__} for {turn.message!r}")
        return False
    latency = time.monotonic() - started
    if not replies:
        tally.lost += 1
        tally.note(f"no reply to {turn.message!r}")
        return False
    tally.latencies.append(latency)
    text = "\n".join(reply.get("text") or "" for reply in replies)
    if turn.expect.lower() not in text.lower():
        tally.unexpected += 1
        tally.note(f"{turn.message!r} -> {text[:80]!r}")
        return False
    return True


class MemorySampler:
    """Samples the servers' resident memory while a level runs; keeps the peak."""

    def __init__(self, pids: dict[str, int], every_s: float = 0.5) -> None:
        self.pids = pids
        self.every_s = every_s
        self.peak: dict[str, float] = {}
        self._task: asyncio.Task | None = None

    def sample(self) -> None:
        """Read every server's RSS (summed over its workers) once."""
        for name, pid in self.pids.items():
            value = tree_mb(pid)
            if value is not None:
                self.peak[name] = max(self.peak.get(name, 0.0), value)

    async def _run(self) -> None:
        while True:
            self.sample()
            await asyncio.sleep(self.every_s)

    def __enter__(self) -> MemorySampler:
        self._task = asyncio.get_running_loop().create_task(self._run())
        return self

    def __exit__(self, *exc: object) -> None:
        if self._task:
            self._task.cancel()
        self.sample()


def _session() -> aiohttp.ClientSession:
    return aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0))


async def play(url: str, script: Script, tally: Tally) -> None:
    """Play one whole conversation, one message after the other."""
    async with _session() as session:
        sender = new_sender("warmup")
        for turn in script.turns:
            if not await send(session, url, sender, turn, tally):
                return


async def warm_up(url: str, scripts: Sequence[Script]) -> Tally:
    """Play each script once (not measured), so caches and pools are warm."""
    tally = Tally()
    for script in scripts:
        await play(url, script, tally)
    return tally


async def closed_loop(
    url: str,
    scripts: Sequence[Script],
    people: int,
    duration_s: float,
    pids: dict[str, int],
) -> tuple[LevelResult, Tally]:
    """``people`` each send their next message as soon as the reply arrives."""
    tally = Tally()
    cycle = itertools.cycle(scripts)
    done = 0

    async def person(session: aiohttp.ClientSession, deadline: float) -> None:
        nonlocal done
        while time.monotonic() < deadline:
            conversation = Conversation(new_sender(), next(cycle))
            while not conversation.finished and time.monotonic() < deadline:
                ok = await send(
                    session, url, conversation.sender, conversation.next_turn, tally
                )
                if not ok:
                    break
                conversation.position += 1
            done += conversation.finished

    with MemorySampler(pids) as memory:
        async with _session() as session:
            start = time.monotonic()
            deadline = start + duration_s
            await asyncio.gather(*(person(session, deadline) for _ in range(people)))
            elapsed = time.monotonic() - start
    result = summarise(
        mode="closed",
        level=people,
        duration_s=elapsed,
        latencies_s=tally.latencies,
        errors=tally.errors,
        lost=tally.lost,
        unexpected=tally.unexpected,
        rss_mb=memory.peak,
        conversations_done=done,
    )
    return result, tally


async def open_loop(
    url: str,
    scripts: Sequence[Script],
    rate: float,
    duration_s: float,
    pids: dict[str, int],
) -> tuple[LevelResult, Tally]:
    """Messages arrive at ``rate`` per second (Poisson), whatever the latency."""
    tally = Tally()
    pool = ConversationPool(scripts, new_sender)
    offsets = arrival_offsets(rate, duration_s)

    async def one(
        session: aiohttp.ClientSession, conversation: Conversation, due: float
    ) -> None:
        ok = await send(
            session,
            url,
            conversation.sender,
            conversation.next_turn,
            tally,
            started=due,
        )
        pool.release(conversation, ok)

    with MemorySampler(pids) as memory:
        async with _session() as session:
            start = time.monotonic()
            tasks = []
            for offset in offsets:
                due = start + offset
                delay = due - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
                tasks.append(asyncio.create_task(one(session, pool.take(), due)))
            await asyncio.gather(*tasks)
            elapsed = max(time.monotonic() - start, duration_s)
    result = summarise(
        mode="open",
        level=rate,
        duration_s=elapsed,
        latencies_s=tally.latencies,
        errors=tally.errors,
        lost=tally.lost,
        unexpected=tally.unexpected,
        rss_mb=memory.peak,
        conversations_done=pool.finished,
    )
    return result, tally
