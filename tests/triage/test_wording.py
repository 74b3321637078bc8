"""What the person reads: no diagnosis, no medicine, no bed rest, the emergency
number with its local alternative, and the clinician disclaimer on outcomes."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.triage import load_ruleset

ROOT = Path(__file__).resolve().parents[2]
RESPONSES = yaml.safe_load((ROOT / "domain.yml").read_text())["responses"]


def texts(name: str) -> list[str]:
    return [variant["text"] for variant in RESPONSES[name]]


def every_text() -> list[tuple[str, str]]:
    return [(name, text) for name in RESPONSES for text in texts(name)]


def test_no_response_diagnoses_prescribes_or_advises_bed_rest() -> None:
    forbidden = re.compile(
        r"\byou have (a |an )?(slipped disc|sciatica|cauda equina|cancer|fracture)"
        r"|\b(paracetamol|ibuprofen|naproxen|codeine|co-codamol|diazepam|tablets? of)\b"
        r"|\brest in bed\b|\bbed ?rest\b|\bstay in bed\b",
        re.I,
    )
    assert [name for name, text in every_text() if forbidden.search(text)] == []


def test_every_999_says_or_your_local_emergency_number() -> None:
    bare = [
        name
        for name, text in every_text()
        for match in re.finditer(r"999", text)
        if "local emergency number" not in text
    ]
    assert bare == []


def test_every_outcome_says_it_is_not_a_clinician() -> None:
    for response in load_ruleset().responses.values():
        if response == "utter_triage_self_care":
            continue  # followed by the safety-net; the greeting says it
        assert all("not a clinician" in text for text in texts(response)), response


def test_emergency_says_why_and_not_to_drive() -> None:
    (text,) = texts("utter_triage_emergency")
    assert "{emergency_reason}" in text and "Don't drive yourself" in text
    (stays,) = texts("utter_emergency_stays")
    assert (
        "{emergency_reason}" in stays
        and "even if it's the middle of the night" in stays
    )


def test_soon_and_urgent_have_their_own_safety_nets() -> None:
    (soon,) = texts("utter_triage_soon")
    assert (
        "keep gently active" in soon and "a leg gets weaker or a fever starts" in soon
    )
    (urgent,) = texts("utter_triage_urgent")
    assert "confused" in urgent and "shivery" in urgent


def test_crisis_response_gives_the_uk_lines_and_the_emergency_number() -> None:
    (text,) = texts("utter_crisis")
    assert "116 123" in text and "85258" in text and "999" in text


def test_the_numbers_in_the_wording_are_the_default_locales() -> None:
    locales = yaml.safe_load((ROOT / "data" / "clinical" / "locales.yml").read_text())
    locale = locales["locales"][locales["default"]]
    wording = "\n".join(text for _, text in every_text())
    assert locale["emergency"] in wording and locale["urgent_care"] in wording
    assert "116 123" in locale["crisis_line"] and "85258" in locale["crisis_text"]
    other = {
        number
        for code, info in locales["locales"].items()
        if code != locales["default"]
        for number in re.findall(r"\b\d{3}\b", info["emergency"])
    } - set(re.findall(r"\b\d{3}\b", locale["emergency"]))
    assert [n for n in other if re.search(rf"\b{n}\b", wording)] == []
