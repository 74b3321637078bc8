"""The triage evaluation's figures for one answer style (``make eval-triage``).

Appropriate / under- / over-triage overall, per level and per gold rule, dead
ends (no outcome) and turns to an outcome, from the outcomes of every vignette
(:mod:`bot.evaluation.vignettes`).
"""

from __future__ import annotations

import statistics
from collections import defaultdict

from bot.evaluation.vignettes import NO_OUTCOME, Outcome, score


def pct(value: float | None) -> str:
    """A rate as a percentage, "-" when there was nothing to count."""
    return "-" if value is None else f"{value:.1%}"


def report(name: str, outcomes: list[Outcome], *, errors: bool) -> str:
    """The figures of one answer style; ``errors`` lists every wrong outcome."""
    result = score(outcomes)
    overall = result["overall"]
    self_care = result["per_level"]["self_care"]
    dead = [o for o in outcomes if o.predicted == NO_OUTCOME]
    lines = [
        f"\n== {name}: {overall['n']} vignettes",
        f"appropriate {pct(overall['appropriate'])}, under-triage "
        f"{pct(overall['under_triage'])}, over-triage {pct(overall['over_triage'])}, "
        f"safe {pct(overall['safe'])}; over-triage of self-care cases "
        f"{pct(self_care['over_triage'])}",
        f"dead ends (no outcome): {len(dead)}; turns to outcome: median "
        f"{statistics.median(o.turns for o in outcomes):.0f}, max "
        f"{max(o.turns for o in outcomes)}",
    ]
    for level, counts in result["per_level"].items():
        lines.append(
            f"  {level:<10} n={counts['n']:<3} appropriate {pct(counts['appropriate'])}"
            f"  under {pct(counts['under_triage'])}  over {pct(counts['over_triage'])}"
        )
    by_rule: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_rule[outcome.gold_rule].append(outcome)
    lines.append("  per gold rule (appropriate/n):")
    lines.append(
        "    "
        + "  ".join(
            f"{rule} {sum(o.predicted == o.gold for o in group)}/{len(group)}"
            for rule, group in sorted(by_rule.items())
        )
    )
    if errors:
        for o in outcomes:
            if o.predicted != o.gold:
                lines.append(
                    f"  {o.id}: gold {o.gold}, got {o.predicted} {o.fired} {o.note}"
                )
    return "\n".join(lines)
