"""Loading and validating the versioned red-flag ruleset (a data file)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from bot.settings import PROJECT_ROOT

DEFAULT_RULESET_PATH = PROJECT_ROOT / "data" / "clinical" / "red_flags.yml"
_OPERATORS = {"equals", "in", "between"}
_COMBINATORS = {"all", "any", "not"}


class Urgency(str, Enum):
    """How soon a person needs care, most urgent first."""

    EMERGENCY = "emergency"
    URGENT = "urgent"
    SOON = "soon"
    SELF_CARE = "self_care"

    @property
    def rank(self) -> int:
        """Higher is more urgent."""
        return len(Urgency) - list(Urgency).index(self)


class RulesetError(ValueError):
    """The ruleset file is malformed; the message lists every problem."""


@dataclass(frozen=True)
class Rule:
    """One red flag: when it fires, how urgent it is and where it comes from."""

    id: str
    title: str
    urgency: Urgency
    when: Mapping[str, Any]
    reason: str
    source: tuple[str, ...]


@dataclass(frozen=True)
class AnswerSpec:
    """One answer the assessment can use: its kind and what it groups.

    Attributes:
        name: The answer (and slot) name.
        kind: ``yes_no``, ``number`` or ``category``.
        plain: How the answer reads in plain words.
        values: The categories of a ``category`` answer.
        range: Inclusive bounds of a ``number`` answer.
        context: Asked first, in free text (where, how long, how it started).
        covers: Answers a grouped question stands for: a yes to one of them is
            a yes here; a no here is a no to each.
    """

    name: str
    kind: str
    plain: str
    values: tuple[str, ...] = ()
    range: tuple[float, float] | None = None
    context: bool = False
    covers: tuple[str, ...] = ()


@dataclass(frozen=True)
class CrisisRule:
    """The crisis answer: not an urgency, answered before everything else."""

    id: str
    title: str
    answer: str
    source: tuple[str, ...]


@dataclass(frozen=True)
class Question:
    """A screening question whose answer the assessment needs."""

    answer: str
    ask_if: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class Ruleset:
    """The whole ruleset: version, levels, questions (in order) and rules."""

    version: str
    responses: Mapping[Urgency, str]
    questions: tuple[Question, ...]
    rules: tuple[Rule, ...]
    answers: Mapping[str, AnswerSpec] = field(default_factory=dict)
    crisis: CrisisRule | None = None

    def answers_at(self, urgency: Urgency) -> frozenset[str]:
        """Answer names read by any rule of ``urgency`` (alone or combined)."""
        return frozenset(
            name
            for rule in self.rules
            if rule.urgency is urgency
            for name in condition_answers(rule.when)
        )

    def sufficient_alone(self, urgency: Urgency) -> frozenset[str]:
        """Yes/no answers whose "yes" alone fires a rule of ``urgency``.

        These are what a single message can report: the emergency set of the
        NLU component and of ``EmergencyPolicy`` is ``sufficient_alone(EMERGENCY)``.
        """
        return frozenset(
            rule.when["answer"]
            for rule in self.rules
            if rule.urgency is urgency
            and rule.when.get("equals") is True
            and "answer" in rule.when
        )

    @property
    def yes_no_answers(self) -> frozenset[str]:
        """Every yes/no answer: the red-flag values the language pipeline may name."""
        return frozenset(n for n, a in self.answers.items() if a.kind == "yes_no")

    @property
    def context_answers(self) -> tuple[str, ...]:
        """Where, how long and how it started, in asking order."""
        return tuple(n for n, a in self.answers.items() if a.context)

    @property
    def question_answers(self) -> tuple[str, ...]:
        """Every answer the form may ask for: context first, then the screen."""
        return self.context_answers + tuple(q.answer for q in self.questions)

    def implied_yes(self) -> dict[str, tuple[str, ...]]:
        """A "yes" to an answer is a yes to every grouped question covering it,
        and to the groups covering those in turn."""
        parents: dict[str, list[str]] = {}
        for name, spec in self.answers.items():
            for member in spec.covers:
                parents.setdefault(member, []).append(name)

        def covering(name: str) -> list[str]:
            found = []
            for parent in parents.get(name, []):
                found += [parent, *covering(parent)]
            return found

        return {member: tuple(dict.fromkeys(covering(member))) for member in parents}

    def implied_no(self) -> dict[str, tuple[str, ...]]:
        """A "no" to a grouped question is a no to every answer it covers."""
        return {n: a.covers for n, a in self.answers.items() if a.covers}


def condition_answers(condition: Mapping[str, Any]) -> list[str]:
    """Every answer name a condition reads."""
    if "answer" in condition:
        return [condition["answer"]]
    if "not" in condition:
        return condition_answers(condition["not"])
    key = "all" if "all" in condition else "any"
    return [name for child in condition[key] for name in condition_answers(child)]


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
