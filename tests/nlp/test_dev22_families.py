"""Language families found in the twenty-second development corpora (22a the
harder flags, 22b numbers, 22c after a procedure, 22d regional Englishes, 22e
stoics and worriers, 22f denials and corrections).

Every sentence is written here for its family (never a corpus sentence).
"""

from __future__ import annotations

import pytest

from tests.nlp.conftest import found
from tests.nlp.values import (
    ARMS,
    BLADDER,
    BOTH_LEGS,
    BREATH,
    ONE_LEG,
    SADDLE,
    SUICIDE,
    Run,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # legs that will not work, lift or cooperate; heavy as lead; cotton wool
        ("since lunch his legs won't work properly", BOTH_LEGS),
        ("he's struggling to lift his legs onto the bed", BOTH_LEGS),
        ("I have trouble getting my legs to obey me", BOTH_LEGS),
        ("my legs are like concrete today", BOTH_LEGS),
        ("it's like I'm walking on sponges", BOTH_LEGS),
        ("she keeps stumbling in the kitchen", ONE_LEG),
        # the left leg, then the right, each weak in its own words
        ("left leg went weak on Friday and the right leg went weak today", BOTH_LEGS),
        # a foot that gives out or is useless
        ("my right ankle keeps giving way", ONE_LEG),
        ("his left foot has gone completely useless", ONE_LEG),
        # hands and arms: clumsy, numb, dropping things (with cancer: NG234)
        ("my fingers have gone numb and clumsy", ARMS),
        ("I keep dropping mugs this week", ARMS),
        ("there's weakness in both my arms", ARMS),
        # not knowing one needs to go, no feeling of needing the loo
        ("I didn't know I needed a wee until it was too late", BLADDER),
        ("I haven't had the urge to pee for two days", BLADDER),
        ("Bladder: can't go at all since this morning", BLADDER),
        ("only managed a few drops and a dribble", BLADDER),
        ("I can go but it takes ages to start", BLADDER),
        # numbness round the back passage, sitting on 'someone else's bum'
        ("the numbness has spread round to my anus", SADDLE),
        ("it feels like I'm sitting on somebody else's bottom", SADDLE),
        ("I can't feel the towel on my inner thighs", SADDLE),
        ("now nothing down there is working", "has_sexual_dysfunction"),
        # pain that wraps round like a belt; feeling rubbish in oneself
        ("the pain goes round like a belt under my ribs", "has_band_pain"),
        ("I've felt awful generally for days", "has_fever"),
        ("she says she feels off in herself", "has_fever"),
        # a fever in Fahrenheit; breath hard to catch
        ("his temperature was 101.3 F last night", "has_fever"),
        ("she was 102.6F this morning", "has_fever"),
        ("I can barely catch my breath walking to the car", BREATH),
        # sepsis: hard to wake, no pee all day, burning hot to the touch
        ("my nan barely wakes up when we talk to her", "has_sepsis_signs"),
        ("it's hard to wake him this afternoon", "has_sepsis_signs"),
        ("she hasn't been to the toilet to pee all day", "has_sepsis_signs"),
        ("his forehead is boiling hot", "has_fever"),
    ],
)
def test_red_flag_families_are_found(run: Run, text: str, value: str) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a correction after a denial is a statement of its own
        ("no tingling - wait, actually my inner thighs are numb", SADDLE),
        ("Weakness? not really, well, both my legs keep buckling", BOTH_LEGS),
        # the other side after a comma is not denied by a first clause
        ("no numbness at all, right leg is weak though", ONE_LEG),
        # 'not great' says something is wrong
        ("Walking: not great, I keep stumbling", ONE_LEG),
        # a bowel accident after 'need to go and' is not an errand
        ("I can't feel when I need to go and had an accident today", BLADDER),
        # 'all clear so far' after a cancer is still a cancer history
        ("bowel cancer in 2018, all clear so far", "has_cancer_history"),
    ],
)
def test_corrections_and_clauses_keep_the_finding(
    run: Run, text: str, value: str
) -> None:
    assert (value, False, False) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # standing on a bridge for an hour, not knowing one will stop, a gun
        ("I sat on the bridge for hours last night", SUICIDE),
        ("I'm not sure I'll stop myself next time", SUICIDE),
        ("I keep thinking about the rope in the shed", SUICIDE),
        # a symptom looked up or feared is checked, not acted on
        ("google says losing bowel control is an emergency", BLADDER),
        ("I'm worried my bladder might stop working", BLADDER),
        ("googled 'can't pee after back pain' and I'm spiralling", BLADDER),
        ("the surgeon told me to report any numbness down below", SADDLE),
    ],
)
def test_hints_and_fears_are_hedged_so_the_bot_asks(
    run: Run, text: str, value: str
) -> None:
    assert (value, False, True) in found(run(text), "red_flag")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # one weak leg: the other side named without weakness
        ("pain down my right leg, left leg weak", BOTH_LEGS),
        ("my right leg is weak, left one is fine", BOTH_LEGS),
        # tripping over one's own foot is not an injury that started the pain
        ("I keep catching my toes on the rug and tripping", "is_after_injury"),
        # a limb slept on, hands in the cold
        ("slept on my arm and my hand is numb", ARMS),
        ("my fingers went numb in the snow", ARMS),
        # a checklist: cross for no, tick and 'normal' for fine
        ("Fever ❌ Bladder ✔ normal", "has_fever"),
        ("Bowel control ✔ normal", BLADDER),
        # waking up is hard in the mornings; a catheter out after an
        # operation; a leak with a sneeze; a pulse felt in the neck; a known
        # condition's tingling; stumbling in new shoes
        ("I can barely wake up in the mornings", "has_sepsis_signs"),
        ("they took my catheter out and I've weed fine", BLADDER),
        ("a little leak when I cough, always been like that", BLADDER),
        ("I can hear my pulse in my ear at night", "has_pulsating_abdomen"),
        ("my MS makes my fingers tingle", ARMS),
        ("kept stumbling in my new heels at the party", ONE_LEG),
        # shivering in a cold house, muddled over the bins, 'delirious' for
        # a plan, slurring after the dentist, septic patients nursed, a
        # figure of speech for the pain, a relative's repaired aneurysm
        ("shivering all evening because the heating's broken", "has_sepsis_signs"),
        ("grandad gets muddled about which day the bins go out", "has_sepsis_signs"),
        ("my wife says I'm delirious for booking a 10k", "has_sepsis_signs"),
        ("I'm slurring a bit from the dentist's injection", "has_sepsis_signs"),
        ("just finished nursing two septic patients on nights", "has_sepsis_signs"),
        ("'run over by a bus' is what it feels like", "is_major_trauma"),
        ("my uncle had his triple A repaired in May", "has_pulsating_abdomen"),
        # a temperature just under a fever
        ("temp 99.1F this morning", "has_fever"),
    ],
)
def test_look_alikes_are_not_red_flags(run: Run, text: str, value: str) -> None:
    assert value not in {
        v for v, negated, _ in found(run(text), "red_flag") if not negated
    }


def test_weakness_in_each_leg_is_weakness_in_both(run: Run) -> None:
    """Named one by one, each side with its own weakness, the finding is both
    legs (an emergency); hedged if either side is."""
    both = [
        e
        for e in run("left leg is weaker since Monday, right leg weaker since today")
        if e.value == BOTH_LEGS
    ]
    assert [(e.negated, e.uncertain) for e in both] == [(False, False)]
