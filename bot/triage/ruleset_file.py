"""Reading and validating the versioned red-flag ruleset (a data file)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.settings import PROJECT_ROOT
from bot.triage.ruleset import (
    AnswerSpec,
    CrisisRule,
    Question,
    Rule,
    Ruleset,
    Urgency,
    condition_answers,
)

DEFAULT_RULESET_PATH = PROJECT_ROOT / "data" / "clinical" / "red_flags.yml"
_OPERATORS = {"equals", "in", "between"}
_COMBINATORS = {"all", "any", "not"}


class RulesetError(ValueError):
    """The ruleset file is malformed; the message lists every problem."""


def _condition_problems(condition: Any, where: str) -> list[str]:
    if not isinstance(condition, Mapping) or not condition:
        return [f"{where}: a condition must be a non-empty mapping"]
    if "answer" in condition:
        ops = set(condition) - {"answer"}
        if len(ops) != 1 or not ops <= _OPERATORS:
            return [f"{where}: use exactly one of {sorted(_OPERATORS)} with 'answer'"]
        return []
    keys = set(condition)
    if len(keys) != 1 or not keys <= _COMBINATORS:
        return [f"{where}: unknown condition keys {sorted(keys)}"]
    (key,) = keys
    if key == "not":
        return _condition_problems(condition["not"], f"{where}.not")
    children = condition[key]
    if not isinstance(children, list) or not children:
        return [f"{where}.{key}: must be a non-empty list"]
    return [
        problem
        for i, child in enumerate(children)
        for problem in _condition_problems(child, f"{where}.{key}[{i}]")
    ]


def parse_ruleset(document: Mapping[str, Any]) -> Ruleset:
    """Validate a loaded ruleset document and build the :class:`Ruleset`.

    Raises:
        RulesetError: listing every problem found, so one edit fixes them all.
    """
    problems: list[str] = []
    if not isinstance(document, Mapping):
        raise RulesetError("ruleset: the file must be a YAML mapping")
    version = document.get("version")
    if not isinstance(version, str) or not version:
        problems.append("version: missing (a non-empty string)")
        version = ""
    sources = document.get("sources") or {}

    responses: dict[Urgency, str] = {}
    for level in document.get("levels") or []:
        try:
            responses[Urgency(level["id"])] = level["response"]
        except (KeyError, TypeError, ValueError):
            problems.append(f"levels: bad entry {level!r}")
    if set(responses) != set(Urgency):
        problems.append(f"levels: must define each of {[u.value for u in Urgency]}")

    questions = []
    for i, item in enumerate(document.get("questions") or []):
        if not isinstance(item, Mapping) or not item.get("answer"):
            problems.append(f"questions[{i}]: needs an 'answer'")
            continue
        if item.get("ask_if") is not None:
            problems += _condition_problems(item["ask_if"], f"questions[{i}].ask_if")
        questions.append(Question(item["answer"], item.get("ask_if")))

    rules: list[Rule] = []
    seen_ids: set[str] = set()
    for i, item in enumerate(document.get("rules") or []):
        where = (
            f"rules[{i}] ({item.get('id', '?') if isinstance(item, Mapping) else '?'})"
        )
        if not isinstance(item, Mapping):
            problems.append(f"{where}: must be a mapping")
            continue
        missing = [
            k
            for k in ("id", "title", "urgency", "when", "reason", "source")
            if not item.get(k)
        ]
        if missing:
            problems.append(f"{where}: missing {missing}")
            continue
        if item["id"] in seen_ids:
            problems.append(f"{where}: duplicate id")
        seen_ids.add(item["id"])
        try:
            urgency = Urgency(item["urgency"])
        except ValueError:
            problems.append(f"{where}: unknown urgency {item['urgency']!r}")
            continue
        if urgency is Urgency.SELF_CARE:
            problems.append(f"{where}: a red flag cannot have urgency self_care")
        refs = item["source"] if isinstance(item["source"], list) else [item["source"]]
        unknown = [ref for ref in refs if ref not in sources]
        if unknown:
            problems.append(f"{where}: unknown source {unknown}")
        problems += _condition_problems(item["when"], f"{where}.when")
        rules.append(
            Rule(
                item["id"],
                item["title"],
                urgency,
                item["when"],
                item["reason"],
                tuple(refs),
            )
        )
    if not rules:
        problems.append("rules: none defined")
    answers = _parse_answers(document.get("answers"), problems)
    crisis = _parse_crisis(document.get("crisis"), sources, problems)
    if answers and not problems:
        used = {q.answer for q in questions}
        used |= {n for q in questions if q.ask_if for n in condition_answers(q.ask_if)}
        used |= {n for rule in rules for n in condition_answers(rule.when)}
        used |= {m for a in answers.values() for m in a.covers}
        if crisis:
            used.add(crisis.answer)
        for name in sorted(used - set(answers)):
            problems.append(f"answers: {name!r} is used but not declared")
    if problems:
        raise RulesetError("ruleset problems:\n- " + "\n- ".join(problems))
    return Ruleset(version, responses, tuple(questions), tuple(rules), answers, crisis)


_ANSWER_KINDS = {"yes_no", "number", "category"}


def _parse_answers(raw: Any, problems: list[str]) -> dict[str, AnswerSpec]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        problems.append("answers: must be a mapping of answer name to its spec")
        return {}
    answers: dict[str, AnswerSpec] = {}
    for name, spec in raw.items():
        spec = spec or {}
        kind = spec.get("kind", "yes_no")
        if kind not in _ANSWER_KINDS:
            problems.append(f"answers.{name}: unknown kind {kind!r}")
            continue
        if not spec.get("plain"):
            problems.append(f"answers.{name}: missing 'plain' (its plain words)")
        if kind == "category" and not spec.get("values"):
            problems.append(f"answers.{name}: a category needs 'values'")
        bounds = spec.get("range")
        answers[name] = AnswerSpec(
            name=name,
            kind=kind,
            plain=str(spec.get("plain", name)),
            values=tuple(spec.get("values") or ()),
            range=(float(bounds[0]), float(bounds[1])) if bounds else None,
            context=bool(spec.get("context")),
            covers=tuple(spec.get("covers") or ()),
        )
    return answers


def _parse_crisis(
    raw: Any, sources: Mapping[str, Any], problems: list[str]
) -> CrisisRule | None:
    if raw is None:
        return None
    missing = [k for k in ("id", "title", "answer", "source") if not raw.get(k)]
    if missing:
        problems.append(f"crisis: missing {missing}")
        return None
    refs = tuple(raw["source"])
    unknown = [ref for ref in refs if ref not in sources]
    if unknown:
        problems.append(f"crisis: unknown source {unknown}")
    return CrisisRule(raw["id"], raw["title"], raw["answer"], refs)


def load_ruleset(path: Path = DEFAULT_RULESET_PATH) -> Ruleset:
    """Read and validate the ruleset file at ``path``."""
    try:
        document = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise RulesetError(f"ruleset: cannot read {path}: {error}") from error
    return parse_ruleset(document)


@lru_cache(maxsize=4)
def default_ruleset(path: Path = DEFAULT_RULESET_PATH) -> Ruleset:
    """The ruleset, read once per process."""
    return load_ruleset(path)
