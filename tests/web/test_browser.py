"""A person in the widget and a clinician in the console, in headless Chromium."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conversations.stack import ROOT
from tests.polling import wait_for
from tests.web.conftest import CLINICIAN, CLINICIAN_PASSWORD
from tests.web.stack import WebStack

pytestmark = pytest.mark.stack

TIMEOUT_MS = 30_000
PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1100, "height": 800}
# Screenshots are test artefacts in var/screenshots; BACKCHAT_UPDATE_DOCS=1 also
# refreshes the committed copies in docs/ that the README shows.
ARTEFACTS = ROOT / "var" / "screenshots"
DOCS = ROOT / "docs"


def save_screenshot(page: Any, name: str, **options: Any) -> None:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / name), **options)
    if os.environ.get("BACKCHAT_UPDATE_DOCS") == "1":
        page.screenshot(path=str(DOCS / name), **options)


EMERGENCY_TEXT = "I can't control my bladder and my bottom feels numb"


def open_chat(page: Any, stack: WebStack) -> None:
    """Load the demo page and open the widget by keyboard."""
    page.goto(f"{stack.web_url}/?delay=0")
    launcher = page.locator(".rw-launcher")
    launcher.wait_for(timeout=TIMEOUT_MS)
    launcher.focus()
    page.keyboard.press("Enter")
    page.locator(".rw-response").first.wait_for(timeout=TIMEOUT_MS)


def say(page: Any, text: str) -> None:
    """Type a message and send it with Enter."""
    box = page.locator(".rw-new-message")
    box.fill(text)
    box.press("Enter")


def bot_says(page: Any, pattern: str) -> Any:
    """Wait until a bot message matches ``pattern``; return its locator."""
    message = page.locator(".rw-response", has_text=re.compile(pattern, re.I)).last
    message.wait_for(timeout=TIMEOUT_MS)
    return message


def bot_count(page: Any) -> int:
    return page.locator(".rw-response").count()


@pytest.fixture
def person(browser: Any) -> Iterator[Any]:
    """A fresh visitor (own storage) on a phone-sized screen."""
    context = browser.new_context(viewport=PHONE)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture(scope="module")
def emergency_chat(browser: Any, web_stack: WebStack) -> Iterator[dict[str, Any]]:
    """A visitor who reported cauda equina symptoms; their case id."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    open_chat(page, web_stack)
    bot_says(page, "tell me about your back pain")
    say(page, EMERGENCY_TEXT)
    recorded = bot_says(page, r"passed your answers to a clinician \(case \d+\)")
    case_id = int(re.search(r"case (\d+)", recorded.inner_text()).group(1))
    try:
        yield {"page": page, "context": context, "case_id": case_id}
    finally:
        context.close()


def test_page_loads_the_widget_on_a_phone(person: Any, web_stack: WebStack) -> None:
    open_chat(person, web_stack)
    greeting = bot_says(person, "I'm BackChat")
    assert "not a clinician" in greeting.inner_text()
    container = person.locator(".rw-conversation-container").bounding_box()
    assert container["width"] <= PHONE["width"]
    assert person.locator(".rw-new-message").is_visible()
    assert person.locator(".rw-launcher").get_attribute("aria-label")


def test_a_benign_triage_by_typing_and_clicking(
    person: Any, web_stack: WebStack
) -> None:
    open_chat(person, web_stack)
    bot_says(person, "tell me about your back pain")
    say(person, "Pain in my lower back for 2 weeks, it came on slowly")
    for _ in range(14):
        if person.locator(".rw-response", has_text="Good news").count():
            break
        replies = person.locator(".rw-reply")
        replies.last.wait_for(timeout=TIMEOUT_MS)
        before = bot_count(person)
        answer = person.locator(
            ".rw-reply", has_text=re.compile("^(None of these|No|16 to 49)$")
        )
        if answer.count():
            # Quick replies are pressed by keyboard: Tab focus, then Enter.
            answer.last.focus()
            person.keyboard.press("Enter")
        else:
            say(person, "no")
        person.locator(".rw-response").nth(before).wait_for(timeout=TIMEOUT_MS)
        person.wait_for_timeout(300)
    advice = bot_says(person, "Good news")
    assert "staying active" in person.locator(".rw-messages-container").inner_text()
    assert "bc-emergency" not in (advice.get_attribute("class") or "")
    assert person.locator(".bc-emergency").count() == 0
    assert person.locator(".bc-safety-net").count() >= 1


def test_a_red_flag_shows_the_emergency_message(
    emergency_chat: dict[str, Any],
) -> None:
    page = emergency_chat["page"]
    alert = page.locator(".rw-response.bc-emergency").first
    alert.wait_for(timeout=TIMEOUT_MS)
    assert "call 999" in alert.inner_text()
    assert alert.get_attribute("role") == "alert"
    colour = alert.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour == "rgb(176, 0, 32)"
    DOCS.mkdir(exist_ok=True)
    alert.scroll_into_view_if_needed()
    save_screenshot(page, "widget.png")


def test_a_person_in_crisis_sees_the_crisis_lines_first_then_a_guess_asks(
    person: Any, web_stack: WebStack
) -> None:
    open_chat(person, web_stack)
    bot_says(person, "tell me about your back pain")
    say(person, "my back has hurt for years and I want to kill myself")
    support = person.locator(".rw-response.bc-crisis").first
    support.wait_for(timeout=TIMEOUT_MS)
    assert "116 123" in support.inner_text()
    assert support.get_attribute("role") == "alert"
    assert person.locator(".rw-response", has_text="Where is the pain").count() == 0
    # the quick replies render just after the message they belong to
    carry_on = person.locator(".rw-reply", has_text="Yes, carry on")
    carry_on.first.wait_for(timeout=TIMEOUT_MS)
    assert carry_on.count() == 1
    save_screenshot(person, "widget-crisis.png")


def test_an_injury_of_unknown_force_is_asked_about_with_buttons_first(
    person: Any, web_stack: WebStack
) -> None:
    open_chat(person, web_stack)
    bot_says(person, "tell me about your back pain")
    say(person, "fell down the cellar hatch at work this morning, back is killing me")
    bot_says(person, "was it a serious injury")
    fall = person.locator(".rw-reply", has_text="A fall from a height")
    fall.first.wait_for(timeout=TIMEOUT_MS)
    assert person.locator(".rw-response", has_text="Where is the pain").count() == 0
    save_screenshot(person, "widget-injury.png", animations="disabled")
    fall.first.focus()
    person.keyboard.press("Enter")
    person.locator(".rw-response.bc-emergency").first.wait_for(timeout=TIMEOUT_MS)
    bot_says(person, "after a serious accident or fall")


def test_the_clinician_takes_over_and_the_chat_survives_a_reload(
    browser: Any, web_stack: WebStack, emergency_chat: dict[str, Any]
) -> None:
    page, case_id = emergency_chat["page"], emergency_chat["case_id"]
    clinician = browser.new_context(viewport=DESKTOP).new_page()

    # Nothing of the console answers without signing in.
    clinician.goto(f"{web_stack.web_url}/console/cases/{case_id}")
    assert clinician.url.endswith("/console/login")
    clinician.fill("#name", CLINICIAN)
    clinician.fill("#password", CLINICIAN_PASSWORD)
    clinician.click("button[type=submit]")
    row = clinician.locator("tr", has_text=f"Case {case_id}")
    row.wait_for(timeout=TIMEOUT_MS)
    assert "emergency" in row.inner_text().lower()

    clinician.click(f"a[href='/console/cases/{case_id}']")
    clinician.locator("text=In the person's own words").wait_for()
    assert "bladder" in clinician.locator(".quotes").inner_text()
    clinician.click("text=Claim this case")
    bot_says(page, "A clinician, alice, has joined")

    reply = "Hello, I'm Alice <script>alert(1)</script>. Can you get to A&E now?"
    clinician.fill("#reply-text", reply)
    clinician.click("form.reply button[type=submit]")
    bot_says(page, "Clinician alice: Hello, I'm Alice")

    # While the clinician holds the case the bot stays quiet...
    before = bot_count(page)
    say(page, "Yes, my partner can drive me <b>now</b>")
    page.wait_for_timeout(2500)
    assert bot_count(page) == before
    # ...and what the person typed reaches the console, escaped.
    clinician.reload()
    turn = clinician.locator(".turn-person", has_text="partner can drive me")
    turn.wait_for(timeout=TIMEOUT_MS)
    assert "<b>now</b>" in turn.inner_text()
    assert clinician.locator(".transcript script, .transcript b").count() == 0
    clinician.set_viewport_size(DESKTOP)
    save_screenshot(clinician, "console.png", full_page=True)

    clinician.click("text=Resolve and give the chat back to the bot")
    bot_says(page, "BackChat is back")

    # After a reload the conversation is still there, and Rasa has it too.
    page.reload()
    page.locator(".rw-response").first.wait_for(timeout=TIMEOUT_MS)
    if not page.locator(".rw-messages-container").count():
        page.locator(".rw-launcher").click()
    history = page.locator(".rw-messages-container").inner_text()
    assert "Please call 999" in history
    assert "Clinician alice: Hello" in history
    assert "partner can drive me" in history
    clinician.context.close()


def test_the_page_loads_with_no_console_error_and_its_own_fonts(
    person: Any, web_stack: WebStack
) -> None:
    errors: list[str] = []
    outside: list[str] = []
    person.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    ours = (web_stack.web_url, "data:")
    person.on(
        "request", lambda r: None if r.url.startswith(ours) else outside.append(r.url)
    )
    open_chat(person, web_stack)
    # Polled from here: Playwright's own polling builds a function in the page,
    # which the page's CSP (no 'unsafe-eval') refuses when the font is late.
    wait_for(
        lambda: person.evaluate("document.fonts.check('16px Inter')"),
        TIMEOUT_MS / 1000,
    )
    fonts = person.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)"
    )
    assert any("Inter" in family for family in fonts)
    assert errors == []
    assert not any("font" in url for url in outside)
