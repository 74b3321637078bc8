"""'Delete my data', confirmed in the chat: the conversation, its cases, all of it."""

from __future__ import annotations

import logging

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions import names
from actions.context import settings
from bot.privacy.chat import delete_conversation

logger = logging.getLogger(__name__)


class ActionDeletePersonalData(Action):
    """Delete the person's data after they confirmed (bot/privacy)."""

    def name(self) -> str:
        """Name used in the rules."""
        return names.ACTION_DELETE_PERSONAL_DATA

    async def run(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[EventType]:
        """Delete, then say so; Rasa's tracker store then writes nothing back."""
        try:
            delete_conversation(settings(), tracker.sender_id)
        except (SQLAlchemyError, OSError) as error:
            logger.error("a chat deletion failed (%s)", type(error).__name__)
            dispatcher.utter_message(response=names.UTTER_DATA_DELETION_FAILED)
            return []
        dispatcher.utter_message(response=names.UTTER_DATA_DELETION_DONE)
        return []
