"""What a clinician does to a case: view it, claim it, reply, resolve it.

Each operation changes the hand-off queue and the person's conversation (through
Rasa's HTTP API) together; the console blueprints only translate.
"""

from __future__ import annotations

from typing import Any

from sanic import Sanic

from bot.handoff import console
from bot.handoff.console_models import CaseClaim
from bot.web import wording
from bot.web.rasa_client import RasaError
from bot.web.sessions import ConsoleSession
from bot.web.transcript import (
    CLINICIAN_METADATA_KEY,
    build_transcript,
    is_paused,
    split_quote,
)

MAX_REPLY_CHARS = 2000
MAX_CASE_ID = 2**31 - 1


class BadInputError(Exception):
    """A request the console cannot act on; ``status`` is the HTTP status."""

    def __init__(self, message: str, status: int = 400) -> None:
        """Keep the message shown to the caller and the status."""
        super().__init__(message)
        self.status = status


def check_case_id(case_id: int) -> None:
    if not 0 < case_id <= MAX_CASE_ID:
        raise console.CaseNotFoundError(f"no case {case_id}")


async def case_view(app: Sanic, case_id: int) -> dict[str, Any]:
    check_case_id(case_id)
    with app.ctx.db() as db:
        case = console.get_case(db, case_id)
        held_by = console.holder_of(db, case_id)
    transcript, error, paused = [], None, False
    try:
        # The conversation is found through the case: no sender id from the browser.
        tracker = await app.ctx.rasa.tracker(case.sender_id)
        events = tracker.get("events") or []
        transcript, paused = build_transcript(events), is_paused(events)
    except RasaError as failure:
        error = f"The transcript could not be loaded: {failure}"
    summary = case.summary or {}
    return {
        "case": case,
        "held_by": held_by,
        "answers": sorted((summary.get("answers") or {}).items()),
        "missing": summary.get("missing") or [],
        "quotes": [split_quote(str(q)) for q in summary.get("quotes") or []],
        "transcript": transcript,
        "transcript_error": error,
        "paused": paused,
    }


async def claim(app: Sanic, session: ConsoleSession, case_id: int) -> None:
    clinician = session.clinician
    with app.ctx.db.begin() as db:
        already = console.holder_of(db, case_id) == clinician.name
        case = console.claim_case(db, case_id, clinician.id)
        sender_id = case.sender_id
    if already:
        return
    try:
        await app.ctx.rasa.append(
            sender_id,
            [
                bot_event(wording.joined(clinician.name), clinician.name),
                {"event": "pause"},
            ],
            to_widget=True,
        )
    except RasaError:
        # The person was not told and the bot not paused: undo the claim.
        with app.ctx.db.begin() as db:
            claim = db.get(CaseClaim, case_id)
            if claim is not None:
                db.delete(claim)
        raise


async def resolve(app: Sanic, session: ConsoleSession, case_id: int) -> None:
    with app.ctx.db() as db:
        case = console.require_holder(db, case_id, session.clinician.id)
    await app.ctx.rasa.append(
        case.sender_id,
        [
            {"event": "resume"},
            bot_event(wording.CLINICIAN_LEFT, session.clinician.name),
        ],
        to_widget=True,
    )
    with app.ctx.db.begin() as db:
        console.resolve_case(db, case_id, session.clinician.id)


async def reply(app: Sanic, session: ConsoleSession, case_id: int, text: Any) -> None:
    if not isinstance(text, str) or not text.strip():
        raise BadInputError("write a reply first (field 'text')", 422)
    text = text.strip()
    if len(text) > MAX_REPLY_CHARS:
        raise BadInputError(f"a reply has at most {MAX_REPLY_CHARS} characters", 422)
    with app.ctx.db() as db:
        case = console.require_holder(db, case_id, session.clinician.id)
    name = session.clinician.name
    await app.ctx.rasa.append(
        case.sender_id, [bot_event(wording.reply(name, text), name)], to_widget=True
    )


def bot_event(text: str, clinician: str) -> dict[str, Any]:
    return {
        "event": "bot",
        "text": text,
        "metadata": {CLINICIAN_METADATA_KEY: clinician},
    }


async def act(
    app: Sanic, session: ConsoleSession, body: dict, case_id: int, action: str
) -> str:
    """Do ``action`` (claim, resolve, reply) on a case; what happened, in a word."""
    check_case_id(case_id)
    if action == "claim":
        await claim(app, session, case_id)
        return "claimed"
    if action == "resolve":
        await resolve(app, session, case_id)
        return "resolved"
    if action == "reply":
        await reply(app, session, case_id, body.get("text"))
        return "sent"
    raise BadInputError(f"unknown action {action!r}", 404)
