"""Language families found in the forty-sixth development corpora (46a
search-box lines, 46b denial checklists, 46c partners and parents in the third
person, 46d euphemisms, 46e heart, aorta, lungs and infection told by feel,
46f American, Australian and British regional English).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import found
from tests.nlp.values import (
    BLADDER,
    PULSE,
    SADDLE,
    SEPSIS,
    SUICIDE,
    TRAUMA,
    Run,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("he says his penis and around it went numb on Sunday", SADDLE),
        ("Bladder: leaking, no control since this morning. Legs fine.", BLADDER),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a topic read about, not had
        ("I read about losing bladder control, freaked out", BLADDER),
        # the other sense, a joke, or explained
        ("lost a week of work in my laptop crash, back stiff from the desk", TRAUMA),
        ("a heavy blow when the club lost the final, back sore from shouting", TRAUMA),
        ("she wants to end it... the phone contract, back twinge", SUICIDE),
        ("numb bum after the 3 hour play, fine getting up", SADDLE),
        ("lips went blue and I was shaking, it was freezing. Warm now", SEPSIS),
        ("speech slurred as I've had a filling, back stiff from the chair", SEPSIS),
        ("Aneurysm? I almost had one at the gas bill. Back stiff", PULSE),
        # long ago
        ("came off my bike last winter, fine, back sore after gardening", TRAUMA),
    ],
)
def test_look_alikes_are_not_acted_on(run: Run, text: str, value: str) -> None:
    assert (value, False, False) not in found(run(text), "red_flag")


def test_a_child_named_by_age_is_someone_else(run: Run) -> None:
    text = "my 4-year-old keeps wetting herself, my back aches from the washing"
    assert (BLADDER, False, False) not in found(run(text), "red_flag")
