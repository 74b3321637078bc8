"""The NLU training data: kept apart from the kept-out set, and balanced."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.nlp.emergency_screen import corpus_paths

ROOT = Path(__file__).resolve().parents[2]
TRAINING_FILES = sorted((ROOT / "data" / "nlu").glob("*.yml"))
EVAL_FILE = ROOT / "tests" / "data" / "nlu_eval.yml"

#: Shorter messages ("yes", "not sure", "bye") are the words of the intent
#: itself; any bot must be trained on them.
MIN_WORDS_CHECKED = 3
MIN_EXAMPLES, MAX_EXAMPLES = 25, 60


def _normalise(text: str) -> str:
    text = text.lower().replace("'", "").replace("\u2019", "")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _training_examples() -> dict[str, list[str]]:
    examples: dict[str, list[str]] = {}
    for path in TRAINING_FILES:
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
            if "intent" not in item:
                continue
            lines = [line.strip() for line in item["examples"].splitlines()]
            examples.setdefault(item["intent"], []).extend(
                line[2:].strip() for line in lines if line.startswith("- ")
            )
    return examples


BLIND_CORPORA = (
    *sorted((ROOT / "tests" / "data").glob("redteam*.yml")),
    *corpus_paths(ROOT),  # the development corpora, as the emergency screen reads them
)
VIGNETTES = ROOT / "tests" / "data" / "vignettes.yml"


def _kept_out_texts() -> set[str]:
    cases = yaml.safe_load(EVAL_FILE.read_text(encoding="utf-8"))["cases"]
    texts = {case["text"] for case in cases}
    for path in BLIND_CORPORA:
        if path.exists():
            corpus = yaml.safe_load(path.read_text(encoding="utf-8"))
            texts |= {c["text"] for c in corpus["red_flags"] + corpus["benign"]}
    vignettes = yaml.safe_load(VIGNETTES.read_text(encoding="utf-8"))["vignettes"]
    return texts | {" ".join(v["text"].split()) for v in vignettes}


def test_no_kept_out_message_is_trained_on() -> None:
    # Neither the NLU evaluation set, the red-team corpora (test and dev) nor
    # the vignettes' stories.
    kept_out = {_normalise(text) for text in _kept_out_texts()}
    leaked = sorted(
        text
        for texts in _training_examples().values()
        for text in texts
        if len(_normalise(text).split()) >= MIN_WORDS_CHECKED
        and _normalise(text) in kept_out
    )
    assert leaked == []


@pytest.mark.parametrize("intent", sorted(_training_examples()))
def test_intent_has_a_balanced_number_of_examples(intent: str) -> None:
    count = len(_training_examples()[intent])
    assert MIN_EXAMPLES <= count <= MAX_EXAMPLES, f"{intent}: {count} examples"
