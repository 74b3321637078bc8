"""The clinician console's JSON API (used by the case page's script)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sanic import Blueprint, response
from sanic.request import Request

from bot.handoff import console
from bot.web.cases import act, case_view
from bot.web.console_auth import signed_in
from bot.web.rendering import iso, when
from bot.web.sessions import ConsoleSession


def blueprint() -> Blueprint:
    """A fresh blueprint of the console API (one per app)."""
    bp = Blueprint("console_api", url_prefix="/console/api")

    @bp.get("/queue")
    @signed_in(api=True)
    async def queue_api(request: Request, _session: ConsoleSession, _b: dict) -> Any:
        with request.app.ctx.db() as db:
            entries = console.list_queue(db)
        return response.json({"cases": [entry_json(e) for e in entries]})

    @bp.get("/cases/<case_id:int>")
    @signed_in(api=True)
    async def case_api(
        request: Request, _session: ConsoleSession, _body: dict, case_id: int
    ) -> Any:
        view = await case_view(request.app, case_id)
        case = view["case"]
        entry = console.QueueEntry(
            case.id,
            case.urgency,
            case.reason,
            case.created_at,
            case.status,
            view["held_by"],
        )
        return response.json(
            {
                "case": entry_json(entry),
                "summary": case.summary,
                "fired_rule_ids": case.fired_rule_ids,
                "ruleset_version": case.ruleset_version,
                "paused": view["paused"],
                "transcript": [
                    {**asdict(turn), "at": iso(turn.at), "at_text": when(turn.at)}
                    for turn in view["transcript"]
                ],
                "transcript_error": view["transcript_error"],
            }
        )

    @bp.post("/cases/<case_id:int>/<action:str>")
    @signed_in(api=True)
    async def case_action_api(
        request: Request,
        session: ConsoleSession,
        posted: dict,
        case_id: int,
        action: str,
    ) -> Any:
        result = await act(request.app, session, posted, case_id, action)
        return response.json({"case_id": case_id, "result": result})

    return bp


def entry_json(entry: console.QueueEntry) -> dict[str, Any]:
    """A queue entry as JSON."""
    return {**asdict(entry), "created_at": iso(entry.created_at)}
