"""The screen's Rasa adapter: scores in the parse, intents promoted or taken
away, on Rasa messages as the graph hands them over (no training)."""

from __future__ import annotations

from typing import Any

import pytest
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.emergency_screen import CRISIS, EMERGENCY, OTHER, EmergencyScreen
from bot.rasa.emergency_screen import SCORES_KEY, EmergencyScreenComponent

EXAMPLES = [
    ("both my legs have gone weak and numb and I wet myself", EMERGENCY),
    ("I wet myself and cannot feel my bottom or legs", EMERGENCY),
    ("numb bottom and both legs weak since this morning", EMERGENCY),
    ("I want to end my life, I have saved the pills", CRISIS),
    ("there is no point going on, I want to die tonight", CRISIS),
    ("sore back after digging the garden all weekend", OTHER),
    ("stiff back after a long drive, getting better each day", OTHER),
    ("my back aches after sitting at my desk all day", OTHER),
]


@pytest.fixture(scope="module")
def component() -> EmergencyScreenComponent:
    texts, labels = zip(*EXAMPLES * 20, strict=True)  # repeated: a confident toy screen
    screen = EmergencyScreen.fit(list(texts), list(labels))
    return EmergencyScreenComponent(None, None, screen)  # type: ignore[arg-type]


def message(text: str, intent: str, entities: list[dict[str, Any]] = ()) -> Message:
    ranked = [
        {INTENT_NAME_KEY: intent, PREDICTED_CONFIDENCE_KEY: 0.6},
        {INTENT_NAME_KEY: "inform", PREDICTED_CONFIDENCE_KEY: 0.3},
    ]
    return Message(
        data={
            TEXT: text,
            INTENT: dict(ranked[0]),
            INTENT_RANKING_KEY: ranked,
            ENTITIES: list(entities),
        }
    )


def intent_of(msg: Message) -> str:
    return msg.get(INTENT)[INTENT_NAME_KEY]


def test_an_emergency_the_rules_did_not_read_is_promoted(
    component: EmergencyScreenComponent,
) -> None:
    (msg,) = component.process(
        [message("since this morning my legs are weak and my bottom is numb", "inform")]
    )
    assert intent_of(msg) == "report_emergency_symptom"
    assert msg.get(INTENT)[PREDICTED_CONFIDENCE_KEY] == 1.0
    scores = msg.as_dict_nlu()[SCORES_KEY]
    assert set(scores) == {EMERGENCY, CRISIS, OTHER}
    assert scores[EMERGENCY] >= 0.3


def test_a_read_red_flag_and_a_short_reply_are_left_to_the_rules(
    component: EmergencyScreenComponent,
) -> None:
    flagged, short = component.process(
        [
            message(
                "since this morning my legs are weak and my bottom is numb",
                "inform",
                [{"entity": "red_flag", "value": "has_saddle_numbness"}],
            ),
            message("legs weak, bottom numb", "inform"),
        ]
    )
    assert intent_of(flagged) == "inform"
    assert intent_of(short) == "inform"
    assert SCORES_KEY in short.as_dict_nlu()  # scored all the same


def test_a_guessed_emergency_the_screen_rules_out_is_taken_away(
    component: EmergencyScreenComponent,
) -> None:
    (msg,) = component.process(
        [
            message(
                "my back aches after sitting at my desk all day",
                "report_emergency_symptom",
            )
        ]
    )
    if msg.as_dict_nlu()[SCORES_KEY][EMERGENCY] >= 0.05:
        pytest.fail("the toy screen should find this very unlikely")
    assert intent_of(msg) == "inform"
    assert [r[INTENT_NAME_KEY] for r in msg.get(INTENT_RANKING_KEY)] == ["inform"]


def test_a_message_without_text_is_passed_on(
    component: EmergencyScreenComponent,
) -> None:
    msg = Message(data={INTENT: {INTENT_NAME_KEY: "greet"}})
    assert component.process([msg]) == [msg]
    assert msg.get(SCORES_KEY) is None
