"""The console's calls to Rasa's HTTP API (token-protected), over aiohttp."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote

import aiohttp

# Bot events posted with these query parameters are also sent to the person's
# widget: Rasa runs the events' side effects through the socket.io output channel.
WIDGET_CHANNEL = "socketio"
TIMEOUT_SECONDS = 15


class RasaError(Exception):
    """Rasa could not be reached or refused the call."""


class RasaClient:
    """Reads and appends to conversations through Rasa's HTTP API."""

    def __init__(self, base_url: str, token: str | None) -> None:
        """Prepare a client; the HTTP session is opened on first use."""
        self.base_url = base_url.rstrip("/")
        self.token = token
        self._http: aiohttp.ClientSession | None = None

    async def close(self) -> None:
        """Close the HTTP session."""
        if self._http is not None:
            await self._http.close()
            self._http = None

    async def tracker(self, sender_id: str) -> dict[str, Any]:
        """The conversation's tracker, with every event since it began."""
        return await self._call(
            "GET", sender_id, "tracker", params={"include_events": "ALL"}
        )

    async def append(
        self, sender_id: str, events: Sequence[Mapping[str, Any]], *, to_widget: bool
    ) -> dict[str, Any]:
        """Append ``events``; with ``to_widget`` the bot events reach the person."""
        params = {"include_events": "NONE"}
        if to_widget:
            params |= {"output_channel": WIDGET_CHANNEL, "execute_side_effects": "true"}
        return await self._call(
            "POST", sender_id, "tracker/events", params=params, json=list(events)
        )

    async def _call(
        self,
        method: str,
        sender_id: str,
        path: str,
        *,
        params: dict[str, str],
        json: Any = None,
    ) -> dict[str, Any]:
        if not self.token:
            raise RasaError("BACKCHAT_RASA_TOKEN is not set: cannot call Rasa's API")
        url = f"{self.base_url}/conversations/{quote(sender_id, safe='')}/{path}"
        try:
            http = self._session()
            async with http.request(
                method, url, params={**params, "token": self.token}, json=json
            ) as response:
                if response.status >= 400:
                    raise RasaError(f"Rasa answered {response.status} to {path}")
                return await response.json()
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            # The type only: an aiohttp message may quote the URL, token included.
            raise RasaError(
                f"Rasa could not be reached ({type(error).__name__})"
            ) from None

    def _session(self) -> aiohttp.ClientSession:
        if self._http is None:
            timeout = aiohttp.ClientTimeout(total=TIMEOUT_SECONDS)
            self._http = aiohttp.ClientSession(timeout=timeout)
        return self._http
