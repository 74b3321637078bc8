"""Triage answers shared by the tests: every screening question answered no."""

from __future__ import annotations

from typing import Any

from bot.triage import load_ruleset


def all_no(**overrides: Any) -> dict[str, Any]:
    """A 35-year-old, lower back, 21 days, gradual onset, every red flag "no";
    follow-ups a "no" makes unnecessary are left unasked (None)."""
    answers: dict[str, Any] = {
        **{name: False for name in load_ruleset().yes_no_answers},
        "pain_location": "lower_back",
        "pain_duration_days": 21,
        "pain_onset": "gradual",
        "age": 35,
        "has_leg_weakness": None,
        "is_major_trauma": None,
        "has_severe_pain": None,
        "is_improving": None,
    }
    return {**answers, **overrides}


ALL_NO: dict[str, Any] = all_no()
