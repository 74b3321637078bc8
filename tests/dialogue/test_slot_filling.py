"""Entities and the question just asked, turned into triage answers."""

from __future__ import annotations

from typing import Any

import pytest

from bot.dialogue.slot_filling import answers_from_message, red_flag_quotes


def entity(kind: str, value: Any, **flags: bool) -> dict[str, Any]:
    return {"entity": kind, "value": value, **flags}


def parse(days: str) -> int | None:
    return 21 if "3 weeks" in days else None


@pytest.mark.parametrize(
    ("intent", "entities", "requested", "text", "expected"),
    [
        pytest.param(
            "report_pain",
            [
                entity("body_location", "lower_back"),
                entity("duration", 21),
                entity("onset", "lifting"),
                entity("red_flag", "has_night_pain", negated=True),
                entity("red_flag", "has_leg_symptoms"),
            ],
            None,
            "",
            {
                "pain_location": "lower_back",
                "pain_duration_days": 21,
                "pain_onset": "lifting",
                "has_night_pain": False,
                "has_leg_symptoms": True,
            },
            id="one message answers five questions, one of them no",
        ),
        pytest.param(
            "affirm",
            [],
            "has_fever",
            "yes",
            {"has_fever": True},
            id="yes to the question asked",
        ),
        pytest.param(
            "deny",
            [],
            "has_leg_symptoms",
            "no",
            {
                "has_leg_symptoms": False,
                "has_leg_weakness": False,
                "has_bilateral_leg_weakness": False,
            },
            id="no leg symptoms means no leg weakness",
        ),
        pytest.param(
            "deny",
            [],
            "has_cauda_equina_symptom",
            "none of these",
            {
                "has_cauda_equina_symptom": False,
                "has_bladder_bowel_change": False,
                "has_saddle_numbness": False,
                "has_bilateral_leg_weakness": False,
                "has_sexual_dysfunction": False,
            },
            id="none of these clears every emergency detail",
        ),
        pytest.param(
            "unsure", [], "has_night_pain", "not sure", {}, id="not sure is no answer"
        ),
        pytest.param(
            "inform",
            [entity("red_flag", "has_night_pain", uncertain=True)],
            "has_night_pain",
            "maybe it wakes me",
            {"has_night_pain": True},
            id="a hedged answer to the question asked is a yes",
        ),
        pytest.param(
            "inform",
            [entity("red_flag", "has_saddle_numbness", uncertain=True)],
            "has_cauda_equina_symptom",
            "I think so, a bit numb around my bum when I wipe",
            {"has_saddle_numbness": True, "has_cauda_equina_symptom": True},
            id="a hedged detail of the grouped question asked is a yes to both",
        ),
        pytest.param(
            "inform",
            [entity("red_flag", "has_night_pain", uncertain=True)],
            "has_fever",
            "maybe it wakes me",
            {},
            id="an uncertain flag is no answer to another question",
        ),
        pytest.param(
            "report_emergency_symptom",
            [entity("red_flag", "has_saddle_numbness")],
            None,
            "numb",
            {"has_saddle_numbness": True, "has_cauda_equina_symptom": True},
            id="a detail answers the grouped screen",
        ),
        pytest.param(
            "inform",
            [entity("onset", "major_trauma")],
            None,
            "car crash",
            {
                "pain_onset": "major_trauma",
                "is_after_injury": True,
                "is_major_trauma": True,
            },
            id="major trauma is an injury too",
        ),
        pytest.param(
            "inform",
            [],
            "pain_duration_days",
            "about 3 weeks",
            {"pain_duration_days": 21},
            id="bare duration reply",
        ),
        pytest.param(
            "inform",
            [entity("duration", "lots")],
            None,
            "",
            {},
            id="unreadable duration ignored",
        ),
        pytest.param(
            "affirm",
            [entity("red_flag", "has_fever", negated=True)],
            "has_fever",
            "yes no fever",
            {"has_fever": False},
            id="entity beats a bare yes",
        ),
        pytest.param(
            "inform",
            [
                entity("red_flag", "has_leg_symptoms"),
                entity("red_flag", "has_leg_symptoms", negated=True),
            ],
            None,
            "",
            {"has_leg_symptoms": True},
            id="a yes anywhere beats a no elsewhere",
        ),
        pytest.param(
            "inform",
            [entity("body_location", "kidney")],
            "pain_location",
            "",
            {},
            id="unknown location ignored",
        ),
        pytest.param("affirm", [], "pain_location", "yes", {}, id="yes is no location"),
    ],
)
def test_answers_from_message(
    intent: str,
    entities: list[dict[str, Any]],
    requested: str | None,
    text: str,
    expected: dict[str, Any],
) -> None:
    assert (
        answers_from_message(
            intent=intent,
            entities=entities,
            requested_slot=requested,
            text=text,
            parse_duration=parse,
        )
        == expected
    )


def test_quotes_keep_the_persons_words_but_not_button_payloads() -> None:
    flags = [
        entity("red_flag", "has_night_pain"),
        entity("red_flag", "has_fever", negated=True),
    ]
    assert red_flag_quotes(flags, "it wakes me up") == [
        "has_night_pain: it wakes me up"
    ]
    assert red_flag_quotes(flags, '/inform{"red_flag":"has_night_pain"}') == []


def test_a_duration_in_an_answer_about_something_else_is_not_the_pains() -> None:
    answers = answers_from_message(
        intent="affirm",
        entities=[entity("duration", 2190), entity("red_flag", "has_cancer_history")],
        requested_slot="has_cancer_history",
        text="yes, 6 years ago",
    )
    assert answers == {"has_cancer_history": True, "has_general_flag": True}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No, it was just a slip at home", False),
        ("yes, quite a bad one", True),
        ("well it was a slip", None),
    ],
)
def test_a_reply_that_starts_with_yes_or_no_answers_the_question(
    text: str, expected: bool | None
) -> None:
    answers = answers_from_message(
        intent="inform", entities=[], requested_slot="is_major_trauma", text=text
    )
    assert answers.get("is_major_trauma") is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yeah a bit", True),
        ("sure", True),
        ("ok", True),
        ("I think so", True),
        ("not really", False),
        ("nah not at all", False),
        ("nothing like that", False),
        ("nowhere near", None),
        ("dunno", True),
        ("not sure", True),
    ],
)
def test_typed_replies_to_the_confirming_question(
    text: str, expected: bool | None
) -> None:
    # "not sure" to the confirming question counts as yes: safer checked.
    answers = answers_from_message(
        intent="inform",
        entities=[],
        requested_slot="has_cauda_equina_symptom",
        text=text,
        unsure_is_yes=True,
    )
    assert answers.get("has_cauda_equina_symptom") is expected


@pytest.mark.parametrize(
    ("intent", "slot", "expected"),
    [
        # describing it again, or not sure: yes, safer checked
        ("report_emergency_symptom", "has_cauda_equina_symptom", True),
        ("express_crisis", "has_suicidal_thoughts", True),
        ("unsure", "has_suicidal_thoughts", True),
        # an emergency told in reply to the crisis check is not a yes to it
        ("report_emergency_symptom", "has_suicidal_thoughts", None),
    ],
)
def test_insisting_on_a_safety_question(
    intent: str, slot: str, expected: bool | None
) -> None:
    answers = answers_from_message(
        intent=intent,
        entities=[],
        requested_slot=slot,
        text="a sudden tearing pain right through to my back",
        unsure_is_yes=True,
    )
    assert answers.get(slot) is expected


@pytest.mark.parametrize(
    ("text", "requested", "expected"),
    [
        ("I'm 68 and my back went lifting shopping", None, 68),
        ("68", "age", 68),
        ("sixty two", "age", 62),
        ("about 3 weeks", "pain_duration_days", None),
        ("I'm 5 weeks pregnant", None, None),
        ("9" * 400, "age", None),
    ],
)
def test_age_from_free_text_or_the_age_question(
    text: str, requested: str | None, expected: int | None
) -> None:
    answers = answers_from_message(
        intent="inform", entities=[], requested_slot=requested, text=text
    )
    assert answers.get("age") == expected


def test_a_hedged_mention_after_a_no_reopens_the_question() -> None:
    from bot.dialogue.slot_filling import slot_updates

    updates = slot_updates(
        intent="inform",
        entities=[entity("red_flag", "has_night_pain", uncertain=True)],
        text="actually maybe it does wake me sometimes",
        requested_slot="has_fever",
        slots={"has_night_pain": False, "has_fever": None},
        parse_duration=parse,
        quotes_slot="red_flag_quotes",
    )
    # ... and asked next, directly, before the form's other questions
    assert updates == {
        "has_night_pain": None,
        "triage_first_questions": ["has_night_pain"],
    }


@pytest.mark.parametrize(
    ("entities", "answers", "expected"),
    [
        pytest.param(
            [entity("red_flag", "has_leg_weakness", uncertain=True)],
            {},
            ["has_leg_weakness"],
            id="a lesser flag in doubt",
        ),
        pytest.param(
            [
                entity("red_flag", "has_fever", uncertain=True),
                entity("red_flag", "has_cancer_history", uncertain=True),
            ],
            {},
            ["has_cancer_history", "has_fever"],
            id="two, in a stable order",
        ),
        pytest.param(
            [entity("red_flag", "has_saddle_numbness", uncertain=True)],
            {},
            [],
            id="an emergency in doubt gets the confirming question instead",
        ),
        pytest.param(
            [entity("red_flag", "has_suicidal_thoughts", uncertain=True)],
            {},
            [],
            id="a crisis in doubt gets the gentle check instead",
        ),
        pytest.param(
            [entity("red_flag", "has_fever", uncertain=True)],
            {"has_fever": False},
            [],
            id="already answered",
        ),
        pytest.param(
            [entity("red_flag", "has_fever"), entity("red_flag", "has_night_pain")],
            {},
            [],
            id="stated plainly",
        ),
        pytest.param(
            [entity("red_flag", "has_fever", negated=True, uncertain=True)],
            {},
            [],
            id="denied",
        ),
        pytest.param(
            [entity("red_flag", "has_wound_signs", uncertain=True)],
            {},
            [],
            id="no question of its own and none covering it",
        ),
    ],
)
def test_questions_for_doubts(
    entities: list[dict[str, Any]], answers: dict[str, Any], expected: list[str]
) -> None:
    from bot.dialogue.slot_filling import questions_for_doubts

    assert questions_for_doubts(entities, answers) == expected


def test_a_doubt_already_queued_is_not_queued_twice() -> None:
    from bot.dialogue.slot_filling import slot_updates

    updates = slot_updates(
        intent="inform",
        entities=[entity("red_flag", "has_fever", uncertain=True)],
        text="maybe a bit of a temperature",
        requested_slot=None,
        slots={"triage_first_questions": ["has_fever"]},
        parse_duration=parse,
        quotes_slot="red_flag_quotes",
    )
    assert "triage_first_questions" not in updates


def test_not_sure_to_the_forms_screen_question_is_explained_first() -> None:
    answers = answers_from_message(
        intent="unsure",
        entities=[],
        requested_slot="has_cauda_equina_symptom",
        text="not sure",
    )
    assert answers == {}


def test_the_current_episode_is_the_shortest_duration_given() -> None:
    answers = answers_from_message(
        intent="report_pain",
        entities=[entity("duration", 730), entity("duration", 4)],
        requested_slot=None,
        text="on and off for years, this flare started four days ago",
    )
    assert answers["pain_duration_days"] == 4


def _at(kind: str, value: Any, text: str, words: str, **flags: bool) -> dict[str, Any]:
    start = text.index(words)
    return {**entity(kind, value, **flags), "start": start, "end": start + len(words)}


@pytest.mark.parametrize(
    ("text", "durations", "expected"),
    [
        (
            "Hers settled in a few days. Mine's been there 6 weeks and isn't "
            "getting any better",
            [("a few days", 3), ("6 weeks", 42)],
            42,
        ),
        (
            "on and off for years, this flare started four days ago and isn't "
            "getting better",
            [("for years", 730), ("four days", 4)],
            4,
        ),
    ],
)
def test_the_duration_told_beside_not_improving_is_the_one_that_counts(
    text: str, durations: list[tuple[str, int]], expected: int
) -> None:
    # RF-DUR-01 asks how long the pain that is not improving has lasted
    not_improving = _at("red_flag", "is_improving", text, "n't getting", negated=True)
    answers = answers_from_message(
        intent="report_pain",
        entities=[_at("duration", d, text, w) for w, d in durations] + [not_improving],
        requested_slot=None,
        text=text,
    )
    assert answers["pain_duration_days"] == expected
    assert answers["is_improving"] is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [("he's 38", 38), ("dad's 66", 66), ("about 40ish", 40), ("38 i think", 38)],
)
def test_ages_as_people_answer_for_themselves_or_others(
    text: str, expected: int
) -> None:
    answers = answers_from_message(
        intent="inform", entities=[], requested_slot="age", text=text
    )
    assert answers["age"] == expected


@pytest.mark.parametrize("value", ["1e400", "-1e400", "nan", 10**400, None, [3]])
def test_a_duration_entity_that_is_no_number_of_days_is_ignored(value: object) -> None:
    answers = answers_from_message(
        intent="inform",
        entities=[entity("duration", value)],
        requested_slot="pain_duration_days",
        text='/inform{"duration":"1e400"}',
    )
    assert "pain_duration_days" not in answers


def test_the_emergency_reason_explains_each_kind_of_emergency_once() -> None:
    from bot.triage.emergency_message import emergency_reason

    two_nerve_symptoms = emergency_reason(
        {"has_bladder_bowel_change": True, "has_saddle_numbness": True}
    )
    assert two_nerve_symptoms is not None
    assert two_nerve_symptoms.count("base of the spine") == 1
    both = emergency_reason({"has_bladder_bowel_change": True, "has_chest_pain": True})
    assert both is not None and "heart" in both and "base of the spine" in both
    assert emergency_reason({"has_night_pain": True}) is None


def test_a_classifier_deny_of_a_message_that_says_something_else_is_not_a_no() -> None:
    # "after sleeping funny" to the cauda equina question, classified deny
    answers = answers_from_message(
        intent="deny",
        entities=[entity("onset", "sudden")],
        requested_slot="has_cauda_equina_symptom",
        text="after sleeping funny",
    )
    assert "has_cauda_equina_symptom" not in answers
    assert answers["pain_onset"] == "sudden"


def test_a_classifier_yes_to_a_message_that_says_something_else_is_not_a_yes() -> None:
    # "yesterday" to the emergency screen, classified affirm: asked again,
    # never an emergency from the classifier's guess
    answers = answers_from_message(
        intent="affirm",
        entities=[entity("duration", 1)],
        requested_slot="has_cauda_equina_symptom",
        text="yesterday",
    )
    assert "has_cauda_equina_symptom" not in answers


@pytest.mark.parametrize("text", ["34", "I'm 52", "17 years old"])
def test_an_age_typed_to_a_safety_question_is_not_a_yes(text: str) -> None:
    # the classifier reads a bare number as affirm: asked again, never 999
    answers = answers_from_message(
        intent="affirm",
        entities=[],
        requested_slot="has_cauda_equina_symptom",
        text=text,
    )
    assert "has_cauda_equina_symptom" not in answers


@pytest.mark.parametrize(
    ("intent", "text", "entities", "answer"),
    [
        ("affirm", "yes", [], True),
        ("affirm", "yes, since yesterday", [entity("duration", 1)], True),
        ("affirm", "I do", [], True),
        ("deny", "no", [], False),
        (
            "deny",
            "nope, it started after sleeping funny",
            [entity("onset", "sudden")],
            False,
        ),
        ("deny", "I don't think so", [], False),
    ],
)
def test_a_plain_or_typed_yes_or_no_still_answers_the_safety_question(
    intent: str, text: str, entities: list[dict], answer: bool
) -> None:
    answers = answers_from_message(
        intent=intent,
        entities=entities,
        requested_slot="has_cauda_equina_symptom",
        text=text,
    )
    assert answers["has_cauda_equina_symptom"] is answer


def test_where_it_hurts_is_read_even_from_a_question() -> None:
    answers = answers_from_message(
        intent="ask_what_to_avoid",
        entities=[entity("body_location", "upper_back", uncertain=True)],
        requested_slot=None,
        text="should I be worried about pain between my shoulder blades?",
    )
    assert answers == {"pain_location": "upper_back"}
    denied = answers_from_message(
        intent="inform",
        entities=[entity("body_location", "neck", negated=True, uncertain=True)],
        requested_slot=None,
        text="not my neck, maybe",
    )
    assert "pain_location" not in denied


@pytest.mark.parametrize(
    ("places", "expected"),
    [
        # a place a rule asks about counts, wherever it is named
        (["neck", "upper_back"], "upper_back"),
        (["upper_back", "lower_back"], "upper_back"),
        # otherwise the first place named
        (["neck", "lower_back"], "neck"),
    ],
)
def test_of_several_places_the_one_a_rule_asks_about_counts(
    places: list[str], expected: str
) -> None:
    answers = answers_from_message(
        intent="inform",
        entities=[entity("body_location", place) for place in places],
        requested_slot=None,
        text="my neck and the top of my back hurt, I had bowel cancer",
    )
    assert answers["pain_location"] == expected
