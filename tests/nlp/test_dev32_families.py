"""Language families found in the thirty-second development corpora (32a
machine-translated, 32b Gen Z texting, 32c long-term pain with something new,
32d metaphors only, 32e pasted letters and lists, 32f code-switching).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import found
from tests.nlp.values import BLADDER, BOTH_LEGS, BREATH, ONE_LEG, SADDLE, SUICIDE, Run


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "before it was only the left, now also the right, down to the feet",
            BOTH_LEGS,
        ),
        ("I don't feel the shower water on my bum or between my legs", SADDLE),
        ("she cannot empty the bladder completely since Monday", BLADDER),
        ("I have problem to pass urine since yesterday", BLADDER),
        ("he does not know when he must go to the toilet now", BLADDER),
        ("my son has leaked twice today with this back", BLADDER),
        ("his foot became weak after the back went", ONE_LEG),
        ("she trips on the rug many times a day now", ONE_LEG),
        ("I cannot stand on the tips of my toes on the left", ONE_LEG),
        ("my right leg is failing since this morning", ONE_LEG),
        ("the leg is like jelly and it buckles on every step", ONE_LEG),
        ("cannot finish a whole sentence, back pain and chest", BREATH),
        ("every morning I'm like a plank for an hour or two", "has_morning_stiffness"),
        ("at the window I wondered whether to just jump", SUICIDE),
        ("lost weight but it's not on purpose", "has_weight_loss"),
        ("lost a stone without dieting", "has_weight_loss"),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    "text",
    [
        "I can't go on.",
        "honestly I can no longer carry on like this",
        "my life has no meaning with this pain",
        "last night I stood on the balcony for a long while",
    ],
)
def test_veiled_thoughts_get_the_gentle_check(run: Run, text: str) -> None:
    assert (SUICIDE, False, True) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("can't go on holiday with my back like this", SUICIDE),
        ("I can't go on the treadmill this week", SUICIDE),
        ("Chest pain? No lah, only the back", "has_chest_pain"),
        ("walang chest pain, back lang", "has_chest_pain"),
        ("saw a programme about heart attacks in women, now I worry", "has_chest_pain"),
        ("crashed out on the settee and woke up stiff", "is_major_trauma"),
        ("had a car crash when I was 7, fine since", "is_major_trauma"),
        ("sorry my speech is odd because of my english", "has_sepsis_signs"),
        ("legs like jelly with relief after the scan", BOTH_LEGS),
        ("can't breathe 😂 the dog ate my sock, anyway my back", BREATH),
        ("numb bum on the train, went after 5 minutes of walking", SADDLE),
        ("lost half a stone but that's on purpose, slimming club", "has_weight_loss"),
    ],
)
def test_other_senses_and_denials_are_not_findings(
    run: Run, text: str, value: str
) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")
