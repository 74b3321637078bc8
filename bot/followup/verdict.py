"""What a returning person should do: pure, from their answers and the content.

Worse means see a doctor. Not better once the episode has lasted the content
file's limit (the safety-net's 4 to 6 weeks, its cautious end) means see a
doctor too. Red flags found by the re-screen are the ruleset's business and
come before this (``actions/follow_up.py``).
"""

from __future__ import annotations

from enum import Enum

from bot.startback.content import FollowUpRules


class Verdict(str, Enum):
    """The follow-up outcomes; each has ``utter_follow_up_<value>``."""

    WORSE = "worse"  # see a doctor
    NOT_BETTER = "not_better"  # see a doctor: not improving for too long
    SAME = "same"  # keep going, check again
    BETTER = "better"  # keep going

    @property
    def needs_doctor(self) -> bool:
        """Whether the person is told to see a doctor."""
        return self in (Verdict.WORSE, Verdict.NOT_BETTER)

    @property
    def response(self) -> str:
        """The response that says it (domain.yml)."""
        return f"utter_follow_up_{self.value}"


def follow_up_verdict(
    change: str, episode_days: float, rules: FollowUpRules
) -> Verdict:
    """The verdict for a change (``better``/``same``/``worse``) after ``episode_days``.

    Args:
        change: How the back is compared with last time.
        episode_days: How long the episode has lasted: the duration given at
            the first visit plus the days since.
        rules: The content file's follow-up rules.

    Raises:
        ValueError: ``change`` is not one of the three.
    """
    if change == "worse":
        return Verdict.WORSE
    if change not in ("better", "same"):
        raise ValueError(f"not a change: {change!r}")
    if change == "same" and episode_days >= rules.not_better_after_days:
        return Verdict.NOT_BETTER
    return Verdict.BETTER if change == "better" else Verdict.SAME
