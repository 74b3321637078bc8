"""Negation, uncertainty and their scope."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.nlp import ClinicalEntity, red_flags_denied, red_flags_present
from tests.nlp.conftest import found

Run = Callable[[str], list[ClinicalEntity]]


@pytest.mark.parametrize(
    ("text", "entity", "value"),
    [
        ("no numbness", "symptom", "numbness"),
        ("it doesn't wake me", "red_flag", "has_night_pain"),
        ("it doesnt wake me up", "red_flag", "has_night_pain"),
        ("never had cancer", "red_flag", "has_cancer_history"),
        ("not since the fall", "red_flag", "is_after_injury"),
        ("no problems with my bladder", "red_flag", "has_bladder_bowel_change"),
        ("denies fever", "red_flag", "has_fever"),
        ("without any tingling", "symptom", "tingling"),
        ("I can control my bladder fine", "red_flag", "has_bladder_bowel_change"),
        ("bladder and bowels are fine", "red_flag", "has_bladder_bowel_change"),
        ("I haven't wet myself", "red_flag", "has_bladder_bowel_change"),
        ("I don't have a temperature", "red_flag", "has_fever"),
        ("I've not lost any weight", "red_flag", "has_weight_loss"),
        ("no weakness in my legs", "red_flag", "has_leg_weakness"),
        ("numbness? no", "symptom", "numbness"),
        ("fever - none", "red_flag", "has_fever"),
        ("I sleep fine", "red_flag", "has_night_pain"),
        ("it's fine at night", "red_flag", "has_night_pain"),
        ("no history of cancer", "red_flag", "has_cancer_history"),
        ("the tingling has gone away now", "symptom", "tingling"),
        ("my legs aren't weak", "red_flag", "has_bilateral_leg_weakness"),
        ("i can feel everything when i wipe", "red_flag", "has_saddle_numbness"),
        ("my weight is the same", "red_flag", "has_weight_loss"),
        ("my legs are fine", "red_flag", "has_leg_symptoms"),
    ],
)
def test_negated(run: Run, text: str, entity: str, value: str) -> None:
    assert (value, True, False) in found(run(text), entity)


@pytest.mark.parametrize(
    ("text", "entity", "value"),
    [
        ("not sure if I have a fever", "red_flag", "has_fever"),
        ("maybe I've lost some weight", "red_flag", "has_weight_loss"),
        ("I think I might have wet myself", "red_flag", "has_bladder_bowel_change"),
        ("might have a temperature", "red_flag", "has_fever"),
        ("possibly some numbness", "symptom", "numbness"),
        ("my mum had cancer", "red_flag", "has_cancer_history"),
        ("I'm worried it's cancer", "red_flag", "has_cancer_history"),
        ("fever maybe", "red_flag", "has_fever"),
    ],
)
def test_uncertain(run: Run, text: str, entity: str, value: str) -> None:
    assert (value, False, True) in found(run(text), entity)


@pytest.mark.parametrize(
    ("text", "present", "denied"),
    [
        (
            "it doesn't wake me, but my left leg tingles",
            {"has_leg_symptoms"},
            {"has_night_pain"},
        ),
        (
            "no fever although I have lost weight",
            {"has_weight_loss"},
            {"has_fever"},
        ),
        ("no fever, my leg is weak", {"has_leg_weakness"}, {"has_fever"}),
        (
            "never had cancer. I wet myself",
            {"has_bladder_bowel_change"},
            {"has_cancer_history"},
        ),
        (
            "no numbness apart from the pins and needles in my foot",
            {"has_leg_symptoms"},
            set(),
        ),
        # present wins over denied for the same flag
        (
            "my bladder is fine but I pooed myself",
            {"has_bladder_bowel_change"},
            set(),
        ),
        # a negation word inside the finding does not negate it
        ("I can't hold my wee", {"has_bladder_bowel_change"}, set()),
        ("I cannot feel when I wipe", {"has_saddle_numbness"}, set()),
        ("nothing eases it at night", {"has_night_pain"}, set()),
        # a list after one negation word is all negated
        (
            "no fever, night sweats or weight loss",
            set(),
            {"has_fever", "has_weight_loss"},
        ),
        # ...but not into the next item of a typed list
        (
            "1) no fever 2) can't pee since last night",
            {"has_bladder_bowel_change"},
            {"has_fever"},
        ),
        (
            "no fever\ncan't pee since last night",
            {"has_bladder_bowel_change"},
            {"has_fever"},
        ),
        (
            "\u2022 no fever \u2022 I wet myself",
            {"has_bladder_bowel_change"},
            {"has_fever"},
        ),
        (
            "a) no temperature b) I wet myself today",
            {"has_bladder_bowel_change"},
            {"has_fever"},
        ),
        ("[ ] fever [x] can't feel my bum", {"has_saddle_numbness"}, {"has_fever"}),
        # checklists pasted from a notes app: a cross before or after an item
        # says "not had", a tick "had"; one item a line
        (
            "\u2713 sore back\n\u2717 leg pain\n\u2717 waterworks issues",
            set(),
            {"has_leg_symptoms", "has_bladder_bowel_change"},
        ),
        (
            "- pain down leg \u2713\n- bladder problems \u2717",
            {"has_leg_symptoms"},
            {"has_bladder_bowel_change"},
        ),
        # a cross mid-line marks the item before it: "Fever \u2717" is denied, and
        # what follows the cross is still said
        (
            "Fever \u2717 Bowels: I can't feel when I need to go",
            {"has_bladder_bowel_change"},
            {"has_fever"},
        ),
        # the red cross emoji marks the trouble, not its absence
        (
            "\U0001f6bd\u274c can't pee since yesterday",
            {"has_bladder_bowel_change"},
            set(),
        ),
        # "Fever: NO" ends its line
        (
            "\u2022 Fever: NO\n\u2022 Incontinence: YES",
            {"has_bladder_bowel_change"},
            {"has_fever"},
        ),
        # an exception to a denial affirms what follows it
        (
            "no fever, no numbness except a strip on the inside of both thighs",
            {"has_saddle_numbness"},
            {"has_fever"},
        ),
        (
            "no tingling other than in my bum",
            {"has_saddle_numbness"},
            set(),
        ),
        # a negation in an if-clause is the condition's
        (
            "if my back isn't fixed I'm going to kill myself",
            {"has_suicidal_thoughts"},
            set(),
        ),
    ],
)
def test_scope(run: Run, text: str, present: set[str], denied: set[str]) -> None:
    entities = run(text)
    assert red_flags_present(entities) == present
    assert red_flags_denied(entities) == denied


def test_lead_example(run: Run) -> None:
    entities = run(
        "my lower back has hurt for about three weeks since I lifted a box, "
        "it doesn't wake me up but my left leg tingles"
    )
    assert found(entities, "body_location") == {("lower_back", False, False)}
    assert found(entities, "duration") == {(21, False, False)}
    assert found(entities, "onset") == {("lifting", False, False)}
    assert found(entities, "laterality") == {("left", False, False)}
    assert found(entities, "symptom") == {("tingling", False, False)}
    assert found(entities, "red_flag") == {
        ("has_night_pain", True, False),
        ("has_leg_symptoms", False, False),
    }


def test_negation_does_not_cross_sentences(run: Run) -> None:
    entities = run("No. My legs are both going weak.")
    assert "has_bilateral_leg_weakness" in red_flags_present(entities)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a pseudo-trigger as long as a negation wins ("doesn't get better")
        ("if it doesn't get better I'll kill myself", "has_suicidal_thoughts"),
        # a negation in an if-clause or a "wouldn't matter" denies nothing
        ("if this doesn't stop I want to die", "has_suicidal_thoughts"),
        # minimising is not hedging
        ("might be nothing but my leg is weak", "has_leg_weakness"),
        ("could be nothing, I've had cancer before", "has_cancer_history"),
        # "I think" softens a statement without doubting it
        ("I think my foot is dragging", "has_leg_weakness"),
    ],
)
def test_not_denied_nor_hedged(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "uncertain"),
    [
        # family history: not the patient's
        ("my dad had bowel cancer, my back hurts", True),
        # a message about the relative's own back: their history counts
        ("my dad had bowel cancer and now his back hurts at night", False),
        ("my aunt had breast cancer and she's got back pain now", False),
    ],
)
def test_relative_history_counts_when_the_relative_is_the_patient(
    run: Run, text: str, uncertain: bool
) -> None:
    assert ("has_cancer_history", False, uncertain) in found(run(text), "red_flag")


def test_wouldnt_matter_does_not_deny_a_veiled_crisis(run: Run) -> None:
    flags = found(run("it wouldn't matter if I didn't wake up"), "red_flag")
    assert flags == {("has_suicidal_thoughts", False, True)}


@pytest.mark.parametrize(
    ("text", "value", "doubted"),
    [
        (
            "I had a catheter after my c section 3 years ago",
            "has_bladder_bowel_change",
            True,
        ),
        (
            "my wee's always been slow to start in public toilets (shy bladder), "
            "nothing new",
            "has_bladder_bowel_change",
            True,
        ),
        # the "for years" dates the back pain, not the wetting
        (
            "I wet myself this morning, my back has been bad for years",
            "has_bladder_bowel_change",
            False,
        ),
        # a new development after the dating word
        (
            "I had a catheter after my op years ago but now I'm leaking all day",
            "has_bladder_bowel_change",
            False,
        ),
    ],
)
def test_a_dating_word_further_on_doubts_a_new_change(
    run: Run, text: str, value: str, doubted: bool
) -> None:
    flags = found(run(text), "red_flag")
    assert (value, False, doubted) in flags, flags


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a bit numb down below since yesterday", "has_saddle_numbness"),
        ("slightly incontinent since Monday", "has_bladder_bowel_change"),
        ("kind of numb around my bum", "has_saddle_numbness"),
    ],
)
def test_a_degree_word_is_a_hedge(run: Run, text: str, value: str) -> None:
    assert (value, False, True) in found(run(text), "red_flag")


def test_a_small_fall_is_not_hedged(run: Run) -> None:
    assert ("is_after_injury", False, False) in found(
        run("just a little slip on the stairs"), "red_flag"
    )
