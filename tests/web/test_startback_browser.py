"""The STarT Back questionnaire and the follow-up trend in the widget, in
headless Chromium, as a patient would use them (buttons and typing)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import update

from bot.db import get_session_factory
from bot.followup.models import FollowUpEpisode
from tests.web.stack import WebStack
from tests.web.test_browser import (
    DESKTOP,
    TIMEOUT_MS,
    bot_count,
    bot_says,
    open_chat,
    save_screenshot,
    say,
)

pytestmark = pytest.mark.stack

TALL = {"width": DESKTOP["width"], "height": 1100}


def press(page: Any, title: str) -> None:
    """Press the newest quick reply called ``title`` (keyboard: focus, Enter)."""
    before = bot_count(page)
    button = page.locator(".rw-reply", has_text=re.compile(f"^{re.escape(title)}$"))
    button.last.wait_for(timeout=TIMEOUT_MS)
    button.last.focus()
    page.keyboard.press("Enter")
    page.locator(".rw-response").nth(before).wait_for(timeout=TIMEOUT_MS)
    page.wait_for_timeout(300)


def answer(page: Any, text: str) -> None:
    before = bot_count(page)
    say(page, text)
    page.locator(".rw-response").nth(before).wait_for(timeout=TIMEOUT_MS)
    page.wait_for_timeout(300)


def reach_self_care(page: Any) -> None:
    bot_says(page, "tell me about your back pain")
    answer(
        page, "I'm 40 and my lower back has hurt for about a week, it came on slowly"
    )
    for _ in range(10):
        if page.locator(".rw-response", has_text="Good news").count():
            return
        answer(page, "no")
    raise AssertionError("no self-care outcome")


def test_questionnaire_then_a_return_with_the_trend(
    browser: Any, web_stack: WebStack
) -> None:
    context = browser.new_context(viewport=TALL)
    page = context.new_page()
    try:
        open_chat(page, web_stack)
        reach_self_care(page)
        bot_says(page, "Keele STarT Back tool")
        press(page, "Yes, ask me")
        first = bot_says(page, r"1 of 9\. Do you agree")
        assert "bc-questionnaire" in (first.get_attribute("class") or "")
        for title in ("Agree", "Disagree", "Agree", "Agree"):
            press(page, title)
        answer(page, "not really")  # typed, item 5
        answer(page, "a bit")  # item 6: a hedged yes agrees
        save_screenshot(page, "widget-startback.png")
        press(page, "Agree")
        press(page, "Disagree")
        press(page, "Very much")
        result = bot_says(page, "Your answers put you at")
        assert "medium risk" in result.inner_text()
        bot_says(page, "physiotherapist")
        press(page, "Yes, remember it")
        bot_says(page, "I'll remember this")

        # Three weeks later the same person comes back: a new conversation.
        url = web_stack.env["BACKCHAT_DATABASE_URL"]
        with get_session_factory(url).begin() as session:
            session.execute(
                update(FollowUpEpisode).values(
                    created_at=datetime.now(timezone.utc) - timedelta(days=21)
                )
            )
        answer(page, "start again")
        answer(page, "hi")
        bot_says(page, "Welcome back. When we last spoke")
        press(page, "Worse")
        answer(page, "about a 7")
        for title in ("None of these", "No", "None of these"):
            press(page, title)
        trend = bot_says(page, "How your back has been")
        assert "bc-trend" in (trend.get_attribute("class") or "")
        text = trend.inner_text()
        assert "first visit; STarT Back medium risk" in text
        assert re.search(r"worse, pain 7/10", text)
        advice = bot_says(page, "As your back is worse than last time")
        assert "bc-see-doctor" in (advice.get_attribute("class") or "")
        save_screenshot(page, "widget-trend.png")
    finally:
        context.close()
