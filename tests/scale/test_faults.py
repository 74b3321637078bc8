"""Faults a clinic's network throws at the production profile, through nginx.

One stack for the module (``production`` in ``conftest.py``): two Rasa replicas
and the action server behind nginx, PostgreSQL and Redis. Each test leaves it
whole again, and records its figures (printed at the end of the run).
"""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

import pytest
import requests

from bot.stack.production import ProductionStack
from tests.conversations.test_triage_conversations import (
    Q_DURATION,
    Q_ONSET,
)
from tests.polling import wait_for
from tests.scale.load import (
    NO_REPLY,
    OUTAGE_NOTICE,
    SCRIPT,
    Background,
    Tally,
    half_written_turns,
    new_sender,
    play,
    play_many,
    replicas_used,
    send,
    stored_as_sent,
    stored_turns,
    user_texts,
    wait_answering,
)

pytestmark = pytest.mark.stack

PEOPLE = 50
OUTAGE_S = 2.0  # how long a killed service stays down
EMERGENCY_TEXT = "I've lost control of my bowels"
# A turn that fails is rolled back and the person may send again: Rasa or nginx
# answer an error status, or the outage notice says there is a technical problem,
# to try again and what to do meanwhile (the emergency line). Never a wrong
# question, never the conversation started afresh, and never the "couldn't
# read that message" meant for bad input (SEND_AGAIN).
CLEAN_FAILURES = {
    "HTTP 500",
    "HTTP 502",
    "HTTP 503",
    NO_REPLY,
    OUTAGE_NOTICE,
}


def assert_stored_whole(stack: ProductionStack, tally: Tally) -> None:
    """Every answered message stored once, in order; no turn half-written."""
    for who, sent in tally.messages.items():
        events = stored_turns(stack, who)
        assert stored_as_sent(sent, user_texts(events)), (who, sent, events)
        assert half_written_turns(events) == 0, (who, events)


def assert_failed_cleanly(tally: Tally) -> None:
    """A lost message got an error status or the outage notice, nothing else."""
    assert set(tally.failures) <= CLEAN_FAILURES, tally.failures


def replica_of(stack: ProductionStack, address: str) -> str:
    port = int(address.rsplit(":", 1)[1])
    return stack.replica_names[stack.rasa_ports.index(port)]


def rest_lines(stack: ProductionStack) -> list[str]:
    """nginx's access-log lines for REST messages, oldest first."""
    lines = (stack.nginx_dir / "access.log").read_text().splitlines()
    return [line for line in lines if "/webhooks/rest" in line]


def last_replica(stack: ProductionStack, count: int) -> str:
    """The replica that answered the ``count``-th REST message (nginx's log).

    nginx writes the line after the reply has gone, so a client can read the
    log before it is there: wait for it.
    """
    assert wait_for(lambda: len(rest_lines(stack)) >= count, 5)
    # "$upstream_addr" lists every replica tried ("a:1, b:2"): the last answered.
    tried = rest_lines(stack)[count - 1].split(" ", 1)[1].rsplit(" 200 ", 1)[0]
    return replica_of(stack, tried.split(",")[-1].strip())


def replica_answers(stack: ProductionStack, name: str) -> bool:
    """Whether replica ``name`` itself answers a new conversation's "hi".

    A replica that has just (re)started answers ``/status`` before its first
    reply, which loads what the message path needs and takes longest on a
    busy machine; a test that waits for this does not race that first reply.
    """
    port = stack.rasa_ports[stack.replica_names.index(name)]
    try:
        response = requests.post(
            f"http://127.0.0.1:{port}/webhooks/rest/webhook",
            json={"sender": new_sender("warm"), "message": "hi"},
            timeout=30,
        )
    except requests.RequestException:
        return False
    return response.ok and "not a clinician" in response.text


def restart(stack: ProductionStack, name: str) -> float:
    """Start ``name`` again after a kill; seconds until it answers a message."""
    started = time.monotonic()
    stack.start_program(name)
    stack.wait_serving(name)
    if name in stack.replica_names:
        assert wait_for(lambda: replica_answers(stack, name), 120)
    return time.monotonic() - started


def test_fifty_conversations_at_once_over_the_replicas(
    production: ProductionStack, figure: Callable[[str], None]
) -> None:
    since = time.time()
    started = time.monotonic()
    tally = play_many(production, PEOPLE, "fifty")
    seconds = time.monotonic() - started
    by_replica = replicas_used(production, since)
    figure(
        f"{tally.line('50 at once')} in {seconds:.1f} s; "
        f"messages per replica: {dict(sorted(by_replica.items()))}"
    )
    assert (tally.sent, tally.answered, tally.lost) == (
        PEOPLE * len(SCRIPT),
        PEOPLE * len(SCRIPT),
        0,
    )
    assert len(by_replica) == production.replicas
    assert all(count >= tally.sent // 10 for count in by_replica.values())
    assert_stored_whole(production, tally)
    for who, sent in tally.messages.items():  # and nothing extra
        assert user_texts(stored_turns(production, who)) == [m for m, _ in sent]


def test_a_replica_killed_mid_form_the_conversation_goes_on_over_rest(
    production: ProductionStack, figure: Callable[[str], None]
) -> None:
    who = new_sender("kill-rest")
    tally = Tally()
    before = len(rest_lines(production))
    assert play(production, who, tally, SCRIPT[:2])  # asked how long
    victim = last_replica(production, before + 2)
    production.kill(victim)
    started = time.monotonic()
    reply = send(production, who, "about 3 weeks")
    continued = time.monotonic() - started
    assert Q_ONSET.lower() in reply.lower()  # the same form, the next question
    assert last_replica(production, before + 3) != victim
    tally.record(who, "about 3 weeks", True)
    back = restart(production, victim)
    figure(
        f"replica {victim} SIGKILLed mid-form (REST): next answer from another "
        f"replica in {continued:.2f} s, {victim} answering again {back:.1f} s later"
    )
    assert play(production, who, tally, SCRIPT[3:])
    assert tally.lost == 0
    assert_stored_whole(production, tally)


def established(port: int) -> int:
    """Established TCP connections to ``port`` on loopback (from nginx)."""
    out = subprocess.run(
        ["ss", "-tnH", "state", "established", f"( dport = :{port} )"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return len(out.splitlines())


@pytest.fixture
def widget_page(production: ProductionStack) -> Iterator[Any]:
    """A visitor's page on nginx's origin, in headless Debian chromium."""
    from tests.web.conftest import CHROMIUM, CHROMIUM_ARGS, _ensure_browser_installed

    reason = _ensure_browser_installed()
    if reason:
        pytest.skip(reason)
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip)"
    )
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        try:
            yield browser.new_context().new_page()
        finally:
            browser.close()


def test_a_replica_killed_mid_form_the_widget_goes_on(
    production: ProductionStack, widget_page: Any, figure: Callable[[str], None]
) -> None:
    from tests.web.test_browser import bot_says, open_chat, say

    page = widget_page
    for name in production.replica_names:  # whichever the socket is pinned to
        assert wait_for(partial(replica_answers, production, name), 120)
    open_chat(page, production)  # the page, the widget and socket.io via nginx
    say(page, "my lower back hurts")
    bot_says(page, Q_DURATION)

    def sticky() -> list[str]:
        names = zip(production.replica_names, production.rasa_ports, strict=True)
        return [name for name, port in names if established(port)]

    pinned = wait_for(lambda: len(sticky()) == 1 and sticky(), 30)
    assert pinned, "the widget's socket should be pinned to one replica"
    victim = pinned[0]
    production.kill(victim)
    started = time.monotonic()
    assert wait_for(lambda: sticky() and victim not in sticky(), 60)
    reconnected = time.monotonic() - started
    say(page, "about 3 weeks")
    bot_says(page, Q_ONSET)  # the same form goes on, from the same question
    continued = time.monotonic() - started
    back = restart(production, victim)
    figure(
        f"replica {victim} SIGKILLed mid-form (widget): socket.io reconnected to "
        f"another replica in {reconnected:.1f} s, next question shown "
        f"{continued:.1f} s after the kill; {victim} answering again {back:.1f} s later"
    )
    cookies = {c["name"] for c in page.context.cookies()}
    assert "backchat_route" in cookies


def fault_under_load(
    production: ProductionStack,
    name: str,
    people: int,
    prefix: str,
    while_down: Callable[[], None] | None = None,
) -> tuple[Tally, float]:
    """Kill ``name`` under load, start it again after ``OUTAGE_S``.

    ``while_down`` starts (in a thread) just after the kill and is awaited
    after the restart.

    Returns:
        The load's tally, and the seconds from the restart until a new
        conversation is answered through nginx.
    """
    with Background(production, people, prefix) as load:
        time.sleep(3)
        production.kill(name)
        during = threading.Thread(target=while_down or (lambda: None))
        during.start()
        time.sleep(OUTAGE_S)
        restarted = time.monotonic()
        production.start_program(name)
        production.wait_serving(name)
        wait_answering(production)
        recovery = time.monotonic() - restarted
        during.join(timeout=90)
        time.sleep(3)  # the load goes on after recovery
    return load.tally, recovery


@pytest.mark.parametrize("service", ["redis", "postgres"])
def test_a_backing_service_restarted_under_load(
    production: ProductionStack, figure: Callable[[str], None], service: str
) -> None:
    emergency: list[str] = []

    def an_emergency() -> None:
        time.sleep(0.3)  # once the service is gone
        emergency.append(send(production, new_sender("emergency"), EMERGENCY_TEXT))

    tally, recovery = fault_under_load(
        production, service, 6, service, while_down=an_emergency
    )
    figure(
        f"{tally.line(f'{service} SIGKILLed for {OUTAGE_S:g} s, 6 people')}; "
        f"answering again {recovery:.1f} s after the restart; an emergency sent "
        "while it was down routed"
    )
    assert tally.answered > 0
    # Rasa's stores wait for their service (PostgreSQL 20 s, Redis 10 s), so the
    # emergency sent while it was down is answered as one when it is back.
    assert emergency and emergency[0].lower().startswith("please call 999")
    if service == "redis":  # only locks live there: nothing is lost
        assert tally.lost == 0, tally.failures
    assert_failed_cleanly(tally)
    assert_stored_whole(production, tally)
    after = Tally()
    assert play(production, new_sender(f"after-{service}"), after)


def test_the_action_server_killed_under_load(
    production: ProductionStack, figure: Callable[[str], None]
) -> None:
    with Background(production, 4, "actions") as load:
        time.sleep(3)
        production.kill("actions")
        killed = time.monotonic()
        emergency = send(production, new_sender("emergency"), EMERGENCY_TEXT)
        told = send(production, new_sender("told"), "my lower back hurts")
        down = time.monotonic() - killed
        back = restart(production, "actions")
        recovered = time.monotonic()
        tally_after = Tally()
        who = new_sender("recovered")
        assert play(production, who, tally_after, SCRIPT[:4])
        recovery = time.monotonic() - recovered + back
    figure(
        f"{load.tally.line('action server killed under load of 4 people')}; "
        f"emergency routed and others told while down ({down:.1f} s); "
        f"serving again {back:.1f} s after the restart, a form question "
        f"{recovery:.1f} s after it"
    )
    assert emergency.lower().startswith("please call 999")
    assert told.count(OUTAGE_NOTICE) == 1 and "call 999" in told
    assert_failed_cleanly(load.tally)
    assert_stored_whole(production, load.tally)
