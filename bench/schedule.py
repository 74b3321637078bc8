"""Open-loop arrivals and the pool of people they pick from (pure, no I/O)."""

from __future__ import annotations

import itertools
import random
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bench.scripts import Script, Turn


def arrival_offsets(
    rate: float, duration: float, *, poisson: bool = True, seed: int = 6
) -> list[float]:
    """Seconds from the start at which messages arrive, at ``rate`` per second.

    Args:
        rate: Mean arrivals per second (> 0).
        duration: Length of the window in seconds; every offset is below it.
        poisson: Exponential gaps (many independent people) rather than even ones.
        seed: Makes Poisson arrivals repeatable from run to run.

    Returns:
        Increasing offsets in ``[0, duration)``.
    """
    if rate <= 0 or duration <= 0:
        raise ValueError("rate and duration must be positive")
    if not poisson:
        count = int(rate * duration)
        return [i / rate for i in range(count) if i / rate < duration]
    rng = random.Random(seed)
    offsets: list[float] = []
    now = rng.expovariate(rate)
    while now < duration:
        offsets.append(now)
        now += rng.expovariate(rate)
    return offsets


@dataclass
class Conversation:
    """One simulated person going through a script."""

    sender: str
    script: Script
    position: int = 0

    @property
    def next_turn(self) -> Turn:
        """The message this person sends next."""
        return self.script.turns[self.position]

    @property
    def finished(self) -> bool:
        """True once every turn of the script has been sent and answered."""
        return self.position >= len(self.script.turns)


@dataclass
class ConversationPool:
    """People waiting to type their next message; new ones join when none waits.

    An arrival takes the person who has waited longest (their previous reply is
    in), so a person never sends while a reply is outstanding, yet the offered
    rate stays fixed, whatever the latency (open loop).
    """

    scripts: Sequence[Script]
    new_sender: Callable[[], str]
    idle: deque[Conversation] = field(default_factory=deque)
    started: int = 0
    finished: int = 0
    abandoned: int = 0
    _cycle: itertools.cycle = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if not self.scripts:
            raise ValueError("at least one script is needed")
        self._cycle = itertools.cycle(self.scripts)

    def take(self) -> Conversation:
        """The person who sends the next message (busy until released)."""
        if self.idle:
            return self.idle.popleft()
        self.started += 1
        return Conversation(self.new_sender(), next(self._cycle))

    def release(self, conversation: Conversation, replied: bool) -> None:
        """Their scripted reply came (``replied``): they wait to type again.

        Otherwise (an error, a lost or an unexpected reply) they leave: later
        turns would not match the script.
        """
        if not replied:
            self.abandoned += 1
            return
        conversation.position += 1
        if conversation.finished:
            self.finished += 1
        else:
            self.idle.append(conversation)
