"""Rasa in process, for the evaluations: a trained model loaded with the patches."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rasa.core.agent import Agent

from bot.rasa import install


def load_agent(model: Path | str) -> Agent:
    """Load a trained model as the server would, BackChat's patches installed.

    Raises:
        bot.rasa.RasaVersionError: when the installed Rasa is another release.
    """
    install()
    return Agent.load(str(model))


def parse_texts(model: Path | str, texts: Iterable[str]) -> list[dict[str, Any]]:
    """Rasa's parse (intent, ranking, entities) of each text, in order."""
    agent = load_agent(model)

    async def run() -> list[dict[str, Any]]:
        return [await agent.parse_message(text) for text in texts]

    return asyncio.run(run())
