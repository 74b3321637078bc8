"""The emergency screen: what it learns from, what its scores change."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.evaluation.redteam import HELD_OUT
from bot.nlp.emergency_screen import (
    ASK_AT,
    ASK_BESIDE_LESSER_FLAGS_AT,
    CRISIS,
    DOUBT_BELOW,
    EMERGENCY,
    OTHER,
    EmergencyScreen,
    ScreenedIntent,
    corpora_fingerprint,
    corpus_paths,
    load_examples,
    screened_intent,
)
from bot.settings import PROJECT_ROOT

LONG = "my lower back has been playing up since the weekend and now this"


def decide(
    *,
    intent: str | None = "report_pain",
    red_flags: frozenset[str] = frozenset(),
    emergency: float = 0.0,
    crisis: float = 0.0,
    text: str = LONG,
) -> ScreenedIntent:
    return screened_intent(
        text=text,
        intent=intent,
        red_flags=red_flags,
        scores={EMERGENCY: emergency, CRISIS: crisis, OTHER: 1 - emergency - crisis},
        emergency_intent="report_emergency_symptom",
        crisis_intent="express_crisis",
        crisis_flag="has_crisis",
        emergency_flags=frozenset({"has_saddle_numbness", "has_bladder_bowel_change"}),
    )


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        # an emergency the rules did not read is asked about
        ({"emergency": ASK_AT}, "report_emergency_symptom"),
        ({"emergency": 0.9, "intent": "ask_activity_ok"}, "report_emergency_symptom"),
        ({"emergency": 0.9, "intent": "nlu_fallback"}, "report_emergency_symptom"),
        ({"emergency": 0.9, "intent": "out_of_scope"}, "report_emergency_symptom"),
        # beside a lesser flag the rules read, a likely emergency is asked about
        (
            {
                "emergency": ASK_BESIDE_LESSER_FLAGS_AT,
                "red_flags": frozenset({"has_leg_symptoms"}),
            },
            "report_emergency_symptom",
        ),
        # a crisis is checked on, also next to a red flag the rules read
        ({"crisis": 0.6, "emergency": 0.3}, "express_crisis"),
        ({"crisis": 0.5, "red_flags": frozenset({"has_fever"})}, "express_crisis"),
        # a guess the screen rules out gives way to the crisis it hears
        ({"crisis": 0.9, "intent": "report_emergency_symptom"}, "express_crisis"),
    ],
)
def test_what_the_rules_did_not_read_is_asked_about(case: dict, expected: str) -> None:
    assert decide(**case).promote == expected
    assert decide(**case).demote is None


@pytest.mark.parametrize(
    "case",
    [
        {"emergency": ASK_AT - 0.01},
        # the rules read an emergency flag (stated, hedged or denied): they decide
        {"emergency": 0.9, "red_flags": frozenset({"has_saddle_numbness"})},
        # beside a lesser flag, only a likely emergency is asked about
        {
            "emergency": ASK_BESIDE_LESSER_FLAGS_AT - 0.01,
            "red_flags": frozenset({"has_leg_symptoms"}),
        },
        {"crisis": 0.9, "red_flags": frozenset({"has_crisis"})},
        # replies and conversation steering are not screened
        {"emergency": 0.9, "text": "yes a bit numb"},
        {"emergency": 0.9, "intent": "affirm"},
        {"emergency": 0.9, "intent": "request_clinician"},
        {"crisis": 0.9, "intent": "restart"},
        {"crisis": 0.9, "intent": "deny"},
        {"crisis": 0.9, "intent": "ask_exercise_steps"},
        # already the intent
        {"emergency": 0.9, "intent": "report_emergency_symptom"},
        {"crisis": 0.9, "intent": "express_crisis"},
        # an emergency guess is asked about first
        {"crisis": 0.8, "emergency": 0.1, "intent": "report_emergency_symptom"},
        # a guessed emergency the screen finds plausible stays a question
        {"emergency": DOUBT_BELOW, "intent": "report_emergency_symptom"},
    ],
)
def test_the_screen_leaves_these_alone(case: dict) -> None:
    assert decide(**case) == ScreenedIntent()


def test_a_guess_the_screen_finds_very_unlikely_is_taken_away() -> None:
    decision = decide(emergency=DOUBT_BELOW / 2, intent="report_emergency_symptom")
    assert decision.demote == "report_emergency_symptom"
    assert decision.promote is None
    assert decision.reason.startswith("emergency only")


TOY = [
    ("both my legs have gone weak and numb", EMERGENCY),
    ("I wet myself and cannot feel my bottom", EMERGENCY),
    ("crushing chest pain going through to my back", EMERGENCY),
    ("I want to end my life, I have the pills ready", CRISIS),
    ("there is no point going on, I want to die", CRISIS),
    ("sore back after digging the garden", OTHER),
    ("stiff back after a long drive, getting better", OTHER),
    ("my back aches after sitting at my desk all day", OTHER),
]


def test_the_screen_learns_and_round_trips_through_json() -> None:
    texts, labels = zip(*TOY, strict=True)
    screen = EmergencyScreen.fit(list(texts), list(labels))
    scores = screen.scores(["legs weak and numb", "back aches after the garden"])
    assert scores[0][EMERGENCY] > scores[0][OTHER]
    assert scores[1][OTHER] > scores[1][EMERGENCY]
    assert all(abs(sum(s.values()) - 1) < 1e-9 for s in scores)
    again = EmergencyScreen.from_json(screen.to_json())
    for before, after in zip(
        scores, again.scores(["legs weak and numb", "x"]), strict=True
    ):
        assert before.keys() == after.keys()
    assert again.scores(["legs weak and numb"])[0][EMERGENCY] == pytest.approx(
        scores[0][EMERGENCY], abs=1e-4
    )
    assert screen.scores([]) == []


def test_a_binary_screen_scores_both_labels() -> None:
    texts, labels = zip(*[(t, lab) for t, lab in TOY if lab != CRISIS], strict=True)
    screen = EmergencyScreen.fit(list(texts), list(labels))
    (score,) = screen.scores(["legs weak and numb"])
    assert set(score) == {EMERGENCY, OTHER}
    assert score[EMERGENCY] > 0.5


def test_bad_screens_are_refused() -> None:
    with pytest.raises(ValueError, match="two labels"):
        EmergencyScreen.fit(["a", "b"], [OTHER, OTHER])
    with pytest.raises(ValueError, match="features"):
        EmergencyScreen.from_json({"classes": ["a"], "coef": [[0.0]], "intercept": [0]})


def test_corpus_levels_become_labels(tmp_path: Path) -> None:
    corpus = tmp_path / "data" / "clinical" / "dev_redteam_x.yml"
    corpus.parent.mkdir(parents=True)
    corpus.write_text(
        yaml.safe_dump(
            {
                "red_flags": [
                    {"text": "a", "level": "emergency"},
                    {"text": "b", "level": "crisis"},
                    {"text": "c", "level": "urgent"},
                    {"text": "d", "level": "soon"},
                ],
                "benign": [{"text": "e"}],
            }
        )
    )
    (corpus.parent / "lexicon.yml").write_text("{}")  # not a corpus
    paths = corpus_paths(tmp_path)
    assert paths == [corpus]
    assert load_examples(paths) == (
        ["a", "b", "c", "d", "e"],
        [EMERGENCY, CRISIS, OTHER, OTHER, OTHER],
    )
    before = corpora_fingerprint(paths)
    corpus.write_text(corpus.read_text() + "\n# changed\n")
    assert corpora_fingerprint(paths) != before


def test_no_held_out_message_is_learnt_from() -> None:
    """The held-out corpora measure what nobody here has seen; a message
    copied into a development corpus would be learnt and measured both."""

    def normal(text: str) -> str:
        return " ".join(text.lower().split())

    learnt = {normal(t) for t in load_examples(corpus_paths(PROJECT_ROOT))[0]}
    assert len(learnt) > 10_000
    for path in HELD_OUT:
        corpus = yaml.safe_load(path.read_text(encoding="utf-8"))
        held = {normal(c["text"]) for c in corpus["red_flags"] + corpus["benign"]}
        assert not held & learnt, path.name
        assert path not in corpus_paths(PROJECT_ROOT)
