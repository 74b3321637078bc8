"""Reading one reply to a STarT Back item: a button, or the person's own words.

Pure. A button carries the option id as a ``choice`` entity. Typed words are
matched against the scale's phrases in the content file, then, for the
agree/disagree items, against BackChat's typed yes/no replies
(``bot.dialogue.replies``): "yeah" and "a bit" agree, "not really" disagrees.
A reply that says neither ("not sure", "what?") is no answer: the item is asked
again, never guessed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from bot.dialogue.replies import match_reply, reply_table, typed_reply
from bot.startback.content import Item, Option, StartBack

CHOICE_ENTITY = "choice"  # the entity every STarT Back and follow-up button sets
_AGREE_FROM_YES_NO = {"yes": "agree", "no": "disagree"}


@lru_cache(maxsize=16)
def _table(options: tuple[Option, ...]) -> list[tuple[str, str]]:
    return reply_table({o.id: o.says for o in options})


def button_choice(entities: Sequence[Mapping[str, Any]]) -> str | None:
    """The option a button sent, if the message came from one."""
    return next(
        (
            str(e.get("value"))
            for e in entities
            if e.get("entity") == CHOICE_ENTITY and e.get("value") is not None
        ),
        None,
    )


def read_answer(
    item: Item,
    tool: StartBack,
    *,
    text: str | None,
    entities: Sequence[Mapping[str, Any]] = (),
) -> str | None:
    """The option id the reply chooses for ``item``, or ``None`` if it chooses none."""
    options = tool.options(item)
    ids = {o.id for o in options}
    chosen = button_choice(entities)
    if chosen is not None:
        return chosen if chosen in ids else None
    if (text or "").startswith("/"):
        return None  # a payload of another question's button
    said = match_reply(text, _table(options))
    if said is not None:
        return said
    agreed = _AGREE_FROM_YES_NO.get(typed_reply(text) or "")
    return agreed if agreed in ids else None
