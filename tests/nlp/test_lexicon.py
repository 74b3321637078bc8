"""Lexicon loading and validation give clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.nlp import build_pipeline
from bot.nlp.labels import ENTITY_VALUES, RED_FLAG
from bot.nlp.lexicon import LexiconError
from bot.nlp.lexicon_file import DEFAULT_LEXICON_PATH, load_lexicon
from bot.triage.ruleset_file import default_ruleset

MINIMAL = {
    "version": "t",
    "determiners": ["my"],
    "groups": [
        {
            "id": "g1",
            "entity": "symptom",
            "value": "numbness",
            "source": "test",
            "terms": ["numb"],
        }
    ],
    "assertion": {"source": "test", "pre_negation": ["no"]},
}


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "lexicon.yml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_default_lexicon_is_valid() -> None:
    lexicon = load_lexicon(DEFAULT_LEXICON_PATH)
    assert all(group.source for group in lexicon.groups)


def test_every_value_has_vocabulary() -> None:
    lexicon = load_lexicon(DEFAULT_LEXICON_PATH)
    covered = {(g.entity, g.value) for g in lexicon.groups if not g.absent}
    covered |= {pair for g in lexicon.groups for pair in g.also}
    expected = {(e, v) for e, values in ENTITY_VALUES.items() for v in values}
    # A grouped screening question ("any of these?") is answered yes or no,
    # never named in free text: its vocabulary is that of the answers it covers.
    grouped = {(RED_FLAG, name) for name in default_ruleset().implied_no()}
    assert expected - grouped - covered == set()


def test_minimal_lexicon_builds(tmp_path: Path) -> None:
    from bot.nlp import extract

    nlp = build_pipeline(_write(tmp_path, MINIMAL))
    (entity,) = extract("no numb toes", nlp)
    assert (entity.value, entity.negated) == ("numbness", True)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"groups": []}, "groups: must be a non-empty list"),
        ({"version": None}, "'version' is required"),
        ({"extra": 1}, "unknown keys"),
        (
            {"assertion": {"source": "t", "dated": "in my youth"}},
            "assertion.dated: must be a list",
        ),
        (
            {"groups": [{**MINIMAL["groups"][0], "value": "numbish"}]},
            "unknown symptom value 'numbish'",
        ),
        (
            {"groups": [{**MINIMAL["groups"][0], "entity": "mood"}]},
            "unknown entity 'mood'",
        ),
        (
            {"groups": [{**MINIMAL["groups"][0], "source": ""}]},
            "'source' must be a non-empty string",
        ),
        ({"groups": [{**MINIMAL["groups"][0], "terms": []}]}, "must not be empty"),
        ({"groups": [MINIMAL["groups"][0], MINIMAL["groups"][0]]}, "duplicate id"),
        (
            {"assertion": {"source": "t", "pre_negation": [False]}},
            "quote YAML words such as no",
        ),
        # a form may stand for one or two words ("cannae": "can not"), no more
        ({"spellings": {"cannae": "can not ever"}}, "one or two words"),
        ({"spellings": {"cannae": "can  not"}}, "one or two words"),
    ],
)
def test_invalid_lexicon(tmp_path: Path, change: dict, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        load_lexicon(_write(tmp_path, {**MINIMAL, **change}))


def test_bad_term_syntax_names_group(tmp_path: Path) -> None:
    group = {**MINIMAL["groups"][0], "terms": ["* numb"]}
    with pytest.raises(LexiconError, match="group 'g1'"):
        build_pipeline(_write(tmp_path, {**MINIMAL, "groups": [group]}))


@pytest.mark.parametrize(
    "term",
    [
        "behind|under <det> breastbone|sternum|breast bone",  # breast + bone
        "missed <det> kerb|step|bottom step",  # an alternative is the next word
        "pulse in <det> navel|bellybutton|belly button",  # belly + button
    ],
)
def test_a_phrase_split_across_alternatives_is_refused(
    tmp_path: Path, term: str
) -> None:
    group = {**MINIMAL["groups"][0], "terms": [term]}
    with pytest.raises(LexiconError, match="split across alternatives"):
        build_pipeline(_write(tmp_path, {**MINIMAL, "groups": [group]}))


def test_a_date_written_once_stands_on_either_side(tmp_path: Path) -> None:
    assertion = {
        "source": "t",
        "pre_dated": ["years ago"],
        "post_dated": ["aged 9"],
        "dated": ["in my youth"],
    }
    lexicon = load_lexicon(_write(tmp_path, {**MINIMAL, "assertion": assertion}))
    assert lexicon.assertion.pre_dated == ("years ago", "in my youth")
    assert lexicon.assertion.post_dated == ("aged 9", "in my youth")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read lexicon"):
        load_lexicon(tmp_path / "nope.yml")


def test_invalid_yaml(tmp_path: Path) -> None:
    path = tmp_path / "bad.yml"
    path.write_text("groups: [unclosed", encoding="utf-8")
    with pytest.raises(LexiconError, match="invalid YAML"):
        load_lexicon(path)


def test_invalid_assert_value(tmp_path: Path) -> None:
    group = {**MINIMAL["groups"][0], "assert": "maybe"}
    with pytest.raises(LexiconError, match="'present', 'absent' or 'uncertain'"):
        load_lexicon(_write(tmp_path, {**MINIMAL, "groups": [group]}))


def test_uncertain_group_produces_hedged_entities(tmp_path: Path) -> None:
    from bot.nlp import extract

    hedged = {**MINIMAL["groups"][0], "id": "g2", "terms": ["sort of numb"]}
    hedged["assert"] = "uncertain"
    data = {**MINIMAL, "groups": [MINIMAL["groups"][0], hedged]}
    lexicon = load_lexicon(_write(tmp_path, data))
    assert [(g.id, g.absent, g.uncertain) for g in lexicon.groups] == [
        ("g1", False, False),
        ("g2", False, True),
    ]
    nlp = build_pipeline(_write(tmp_path, data))
    (plain,) = extract("my toes are numb", nlp)
    assert (plain.text, plain.negated, plain.uncertain) == ("numb", False, False)
    (hedged_entity,) = extract("my toes are sort of numb", nlp)
    assert (hedged_entity.text, hedged_entity.uncertain) == ("sort of numb", True)
    (denied,) = extract("no sort of numb toes", nlp)
    assert (denied.negated, denied.uncertain) == (True, True)


def test_plain_match_wins_over_hedged_match_of_same_extent(tmp_path: Path) -> None:
    from bot.nlp import extract

    hedged = {**MINIMAL["groups"][0], "id": "g2", "assert": "uncertain"}
    data = {**MINIMAL, "groups": [hedged, MINIMAL["groups"][0]]}
    nlp = build_pipeline(_write(tmp_path, data))
    (entity,) = extract("numb toes", nlp)
    assert (entity.value, entity.uncertain) == ("numbness", False)


def _groups_sharing_look_alikes(**second: object) -> dict:
    first = {**MINIMAL["groups"][0], "not_when": ["numb with cold"]}
    other = {**MINIMAL["groups"][0], "id": "g2", "value": "tingling"}
    return {**MINIMAL, "groups": [first, {**other, **second}]}


def test_a_group_takes_another_group_s_look_alikes(tmp_path: Path) -> None:
    data = _groups_sharing_look_alikes(not_when_from="g1", not_when=["numb feet"])
    groups = {g.id: g for g in load_lexicon(_write(tmp_path, data)).groups}
    assert groups["g2"].not_when == ("numb feet", "numb with cold")
    assert groups["g1"].not_when == ("numb with cold",)


@pytest.mark.parametrize(
    "source", ["g9", "g2", ["g1"]], ids=["unknown", "itself", "not a name"]
)
def test_look_alikes_from_a_group_that_is_not_another_are_refused(
    tmp_path: Path, source: object
) -> None:
    data = _groups_sharing_look_alikes(not_when_from=source)
    with pytest.raises(LexiconError, match="must name another group"):
        load_lexicon(_write(tmp_path, data))


def test_look_alikes_are_taken_one_step_only(tmp_path: Path) -> None:
    data = _groups_sharing_look_alikes(not_when_from="g1")
    data["groups"][0] = {**data["groups"][0], "not_when_from": "g2"}
    with pytest.raises(LexiconError, match="takes its own from another"):
        load_lexicon(_write(tmp_path, data))
