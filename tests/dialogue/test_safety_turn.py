"""The steps safety puts first in a turn: exact lists, no Rasa."""

from __future__ import annotations

from typing import Any

import pytest

from bot.dialogue.safety_turn import (
    ACTION_HANDOFF,
    DEACTIVATE_FORM,
    LISTEN,
    TRIAGE_FORM,
    UTTER_CONFIRM_EMERGENCY,
    UTTER_CONFIRM_TRAUMA,
    UTTER_CRISIS,
    UTTER_CRISIS_CHECK,
    UTTER_CRISIS_CLOSE,
    UTTER_EMERGENCY,
    UTTER_EMERGENCY_STAYS,
    UTTER_OFFER_HANDOFF,
    TurnFacts,
    emergency_if_hedged_true,
    next_step,
    safety_steps,
)


def flag(value: str, **flags: bool) -> dict[str, Any]:
    return {"entity": "red_flag", "value": value, **flags}


@pytest.mark.parametrize(
    ("facts", "steps"),
    [
        pytest.param(
            TurnFacts(
                "report_pain", [flag("has_saddle_numbness")], is_emergency_now=True
            ),
            [UTTER_EMERGENCY, ACTION_HANDOFF, LISTEN],
            id="rules find an emergency: advice at once",
        ),
        pytest.param(
            TurnFacts(
                "inform",
                [flag("has_chest_pain")],
                is_emergency_now=True,
                form_active=True,
            ),
            [DEACTIVATE_FORM, UTTER_EMERGENCY, ACTION_HANDOFF, LISTEN],
            id="chest pain mid-form ends the form",
        ),
        pytest.param(
            TurnFacts("report_emergency_symptom", []),
            [UTTER_CONFIRM_EMERGENCY, LISTEN],
            id="a classifier guess alone asks first",
        ),
        pytest.param(
            TurnFacts("report_emergency_symptom", [flag("has_leg_symptoms")]),
            [UTTER_CONFIRM_EMERGENCY, LISTEN],
            id="an emergency heard beside a lesser flag asks first",
        ),
        pytest.param(
            TurnFacts(
                "report_emergency_symptom",
                [flag("is_after_injury")],
                trauma_unknown=True,
            ),
            [UTTER_CONFIRM_TRAUMA, LISTEN],
            id="an emergency heard beside an injury of unknown force asks its force",
        ),
        pytest.param(
            TurnFacts(
                "deny",
                [],
                last_bot_response=UTTER_CONFIRM_TRAUMA,
                guess_before_trauma_question=True,
            ),
            [UTTER_CONFIRM_EMERGENCY, LISTEN],
            id="then the emergency it heard is asked about",
        ),
        pytest.param(
            TurnFacts(
                "report_pain", [flag("has_bladder_bowel_change", uncertain=True)]
            ),
            [UTTER_CONFIRM_EMERGENCY, LISTEN],
            id="a hedged emergency asks first",
        ),
        pytest.param(
            TurnFacts(
                "report_pain",
                [flag("has_night_pain", uncertain=True)],
            ),
            None,
            id="a hedged non-emergency flag is left to the form",
        ),
        pytest.param(
            TurnFacts("affirm", [], emergency_given=True),
            [UTTER_EMERGENCY_STAYS, LISTEN],
            id="after emergency advice a yes restates it",
        ),
        pytest.param(
            TurnFacts("ask_exercises", [], emergency_given=True),
            [UTTER_EMERGENCY_STAYS, LISTEN],
            id="after emergency advice no exercises",
        ),
        pytest.param(
            TurnFacts("restart", [], emergency_given=True),
            None,
            id="restart is Rasa's",
        ),
        pytest.param(
            TurnFacts("report_pain", [flag("has_suicidal_thoughts")], form_active=True),
            [UTTER_CRISIS, DEACTIVATE_FORM, LISTEN],
            id="crisis before any back question",
        ),
        pytest.param(
            TurnFacts(
                "report_pain",
                [flag("has_suicidal_thoughts"), flag("has_saddle_numbness")],
                is_emergency_now=True,
            ),
            [UTTER_CRISIS, UTTER_EMERGENCY, ACTION_HANDOFF, LISTEN],
            id="crisis and emergency: both, crisis first",
        ),
        pytest.param(
            TurnFacts("report_pain", [flag("has_suicidal_thoughts", uncertain=True)]),
            [UTTER_CRISIS_CHECK, LISTEN],
            id="can't go on like this gets a gentle check",
        ),
        pytest.param(
            TurnFacts(
                "report_emergency_symptom",
                [
                    flag("has_suicidal_thoughts", uncertain=True),
                    flag("has_bladder_bowel_change"),
                ],
                is_emergency_now=True,
            ),
            [UTTER_EMERGENCY, ACTION_HANDOFF, UTTER_CRISIS_CHECK, LISTEN],
            id="a veiled crisis does not hold back emergency advice",
        ),
        pytest.param(
            TurnFacts("express_crisis", [flag("has_saddle_numbness", uncertain=True)]),
            [UTTER_CONFIRM_EMERGENCY, LISTEN],
            id="a hedged emergency is asked before a crisis only guessed",
        ),
        pytest.param(
            TurnFacts(
                "express_crisis",
                [
                    flag("has_suicidal_thoughts", uncertain=True),
                    flag("has_saddle_numbness", uncertain=True),
                ],
            ),
            [UTTER_CRISIS_CHECK, LISTEN],
            id="veiled crisis words are checked first",
        ),
        pytest.param(
            TurnFacts("deny", [], last_bot_response=UTTER_CRISIS),
            [UTTER_CRISIS_CLOSE, LISTEN],
            id="no to carrying on after the crisis lines",
        ),
        pytest.param(
            TurnFacts("affirm", [], last_bot_response=UTTER_CRISIS),
            [TRIAGE_FORM],
            id="yes to carrying on starts triage",
        ),
        pytest.param(
            TurnFacts(
                "inform", [], typed_reply="yes", last_bot_response=UTTER_OFFER_HANDOFF
            ),
            [ACTION_HANDOFF, LISTEN],
            id="typed yes to the clinician offer",
        ),
        pytest.param(
            TurnFacts(
                "deny", [], typed_reply="no", last_bot_response=UTTER_OFFER_HANDOFF
            ),
            None,
            id="no to the clinician offer",
        ),
        pytest.param(
            TurnFacts("deny", [], last_bot_response=UTTER_CONFIRM_EMERGENCY),
            [TRIAGE_FORM],
            id="no to the confirming question goes on with triage",
        ),
        pytest.param(
            TurnFacts(
                "deny",
                [
                    {"entity": "body_location", "value": "lower_back"},
                    flag("has_fever", negated=True),
                ],
            ),
            [TRIAGE_FORM],
            id="a message that informs and denies is triaged",
        ),
        pytest.param(TurnFacts("deny", []), None, id="a bare no outside questions"),
    ],
)
def test_safety_steps(facts: TurnFacts, steps: list[str] | None) -> None:
    assert safety_steps(facts) == steps


def test_confirming_question_is_asked_once() -> None:
    again = TurnFacts(
        "report_emergency_symptom", [], last_bot_response=UTTER_CONFIRM_EMERGENCY
    )
    assert safety_steps(again) != [UTTER_CONFIRM_EMERGENCY, LISTEN]


def test_next_step_runs_each_step_once_then_steps_aside() -> None:
    steps = [UTTER_EMERGENCY, ACTION_HANDOFF, LISTEN]
    assert next_step(steps, set()) == UTTER_EMERGENCY
    assert next_step(steps, {UTTER_EMERGENCY}) == ACTION_HANDOFF
    assert next_step(steps, {UTTER_EMERGENCY, ACTION_HANDOFF}) == LISTEN
    assert next_step([TRIAGE_FORM], {TRIAGE_FORM}) is None


def test_a_crisis_only_the_classifier_suggests_gets_a_gentle_check() -> None:
    assert safety_steps(TurnFacts("express_crisis", [])) == [UTTER_CRISIS_CHECK, LISTEN]
    after_check = TurnFacts("express_crisis", [], last_bot_response=UTTER_CRISIS_CHECK)
    assert safety_steps(after_check) != [UTTER_CRISIS_CHECK, LISTEN]


def test_a_guess_is_not_asked_about_when_the_message_said_none_of_these() -> None:
    facts = TurnFacts("report_emergency_symptom", [], screen_denied_now=True)
    assert safety_steps(facts) is None


@pytest.mark.parametrize(
    ("facts", "steps"),
    [
        pytest.param(
            TurnFacts("report_pain", [flag("is_after_injury")], trauma_unknown=True),
            [UTTER_CONFIRM_TRAUMA, LISTEN],
            id="an injury of unknown force: its question first",
        ),
        pytest.param(
            TurnFacts(
                "report_pain",
                [flag("is_major_trauma", uncertain=True)],
                trauma_unknown=True,
            ),
            [UTTER_CONFIRM_TRAUMA, LISTEN],
            id="a hedged serious injury: the same question, not the bladder one",
        ),
        pytest.param(
            TurnFacts(
                "inform",
                [flag("is_major_trauma", uncertain=True)],
                trauma_unknown=True,
                emergency_if_hedged_true=True,
            ),
            [UTTER_CONFIRM_TRAUMA, LISTEN],
            id="an accident dated long ago: asked by the injury question",
        ),
        pytest.param(
            TurnFacts(
                "inform",
                [
                    flag("is_major_trauma", uncertain=True),
                    flag("has_saddle_numbness", uncertain=True),
                ],
                trauma_unknown=True,
                emergency_if_hedged_true=True,
            ),
            [UTTER_CONFIRM_EMERGENCY, LISTEN],
            id="beside a hedged bladder or saddle sign: the symptom list first",
        ),
        pytest.param(
            TurnFacts("report_pain", [flag("is_after_injury")], trauma_unknown=False),
            None,
            id="the force already told: nothing to ask",
        ),
        pytest.param(
            TurnFacts(
                "inform",
                [flag("is_after_injury")],
                trauma_unknown=True,
                form_active=True,
            ),
            None,
            id="in the form, its own question comes next",
        ),
        pytest.param(
            TurnFacts(
                "report_pain",
                [flag("is_after_injury")],
                trauma_unknown=True,
                last_bot_response=UTTER_CONFIRM_TRAUMA,
            ),
            None,
            id="asked once, never twice in a row",
        ),
        pytest.param(
            TurnFacts(
                "report_pain",
                [flag("is_after_injury", negated=True)],
                trauma_unknown=True,
            ),
            None,
            id="no injury: no question",
        ),
        pytest.param(
            TurnFacts("deny", [], last_bot_response=UTTER_CONFIRM_TRAUMA),
            [TRIAGE_FORM],
            id="no to the injury question: triage goes on",
        ),
    ],
)
def test_the_force_of_an_injury_is_asked_first(
    facts: TurnFacts, steps: list[str] | None
) -> None:
    assert safety_steps(facts) == steps


@pytest.mark.parametrize(
    ("answers", "entities", "expected"),
    [
        pytest.param(
            {"has_cancer_history": True},
            [flag("has_leg_weakness", uncertain=True)],
            True,
            id="after cancer, a hedged weak leg would be cord compression",
        ),
        pytest.param(
            {},
            [flag("has_leg_weakness", uncertain=True)],
            False,
            id="a hedged weak leg alone is not an emergency",
        ),
        pytest.param(
            {"has_cancer_history": True, "has_leg_weakness": False},
            [flag("has_leg_weakness", uncertain=True)],
            False,
            id="already answered: the answer stands",
        ),
        pytest.param(
            {"has_saddle_numbness": True},
            [flag("has_leg_weakness", uncertain=True)],
            False,
            id="already an emergency: nothing to ask",
        ),
    ],
)
def test_emergency_if_hedged_true(
    answers: dict[str, Any], entities: list[dict[str, Any]], expected: bool
) -> None:
    assert emergency_if_hedged_true(answers, entities) is expected


def test_a_hedge_that_would_make_an_emergency_asks_first() -> None:
    facts = TurnFacts(
        "report_pain",
        [flag("has_leg_weakness", uncertain=True)],
        emergency_if_hedged_true=True,
    )
    assert safety_steps(facts) == [UTTER_CONFIRM_EMERGENCY, LISTEN]


def test_a_lesser_flag_in_doubt_starts_the_form_which_asks_it_first() -> None:
    doubt = [flag("has_leg_weakness", uncertain=True)]
    assert safety_steps(
        TurnFacts("ask_what_to_avoid", doubt, lesser_flag_in_doubt=True)
    ) == [TRIAGE_FORM]
    # in the form, the form itself puts the question first
    assert (
        safety_steps(
            TurnFacts("inform", doubt, lesser_flag_in_doubt=True, form_active=True)
        )
        is None
    )
    # a typed yes to the clinician offer is still that yes
    assert safety_steps(
        TurnFacts(
            "affirm",
            doubt,
            lesser_flag_in_doubt=True,
            last_bot_response=UTTER_OFFER_HANDOFF,
        )
    ) == [ACTION_HANDOFF, LISTEN]
