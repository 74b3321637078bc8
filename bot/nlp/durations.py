"""Normalise how long something has lasted, in the words people use, to days.

Pure Python (``re`` and ``datetime`` only), usable without spaCy: the form
validator calls :func:`parse_duration_days` on the reply to "how long?", and the
pipeline calls :func:`find_durations` to locate durations inside a sentence.

Conventions (written once here, tested in ``tests/nlp/test_durations.py``):

* a month is 30 days, a year 365, a fortnight 14;
* vague quantities: "a couple of" = 2, "a few" / "several" = 3, "a month or
  two" = 2 months; "for weeks" = 14, "for months" = 60, "for years" = 730,
  "for days" = 3;
* a range ("3-4 weeks", "3 or 4 weeks") takes its upper bound, so chronicity is
  never understated;
* "more than" / "over" add one day ("over 6 weeks" is more than 42 days);
* "today" / "this morning" = 0, "yesterday" / "last night" = 1;
* "since Monday" / "last Monday" count back to the most recent Monday (0 if
  today is Monday); "last week" / "all week" = 7, "last month" = 30;
  "since March" to the 1st of the most recent March; "since Christmas" to the
  most recent 25 December;
* ages ("55 years old", "I am 55 years and...") and frequencies ("3 days a
  week", "twice a day") are not durations;
* "the past week" = 7 like "the last week"; "this week" = 7, "this month" = 30
  (an upper bound, so chronicity is never understated);
* "since the end of September" counts from the 1st of that month, like "since
  September";
* clinical-note notation: "7/52" is 7 weeks, "3/12" 3 months, "5/7" 5 days
  (a number of the week's 7 days, the year's 52 weeks or 12 months);
* how long the person was well ("fine for years", "pain-free for 10 years")
  is not a duration of the pain;
* "for ages" and other phrases with no number are left alone (``None``): the
  bot should ask again rather than guess.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

from bot.nlp.calendar_dates import days_since_dates, days_since_weekday
from bot.nlp.numbers import TEENS, TENS, UNITS

DAYS_PER_UNIT: dict[str, int] = {
    "day": 1,
    "week": 7,
    "fortnight": 14,
    "month": 30,
    "year": 365,
}

_UNIT_FORMS: dict[str, str] = {
    "d": "day",
    "day": "day",
    "days": "day",
    "dy": "day",
    "dys": "day",
    "w": "week",
    "wk": "week",
    "wks": "week",
    "week": "week",
    "weeks": "week",
    "weekd": "week",
    "wek": "week",
    "weks": "week",
    "weeeks": "week",
    "fortnight": "fortnight",
    "fortnights": "fortnight",
    "mo": "month",
    "mos": "month",
    "mth": "month",
    "mths": "month",
    "mnth": "month",
    "mnths": "month",
    "month": "month",
    "months": "month",
    "monthes": "month",
    "moths": "month",
    "yr": "year",
    "yrs": "year",
    "year": "year",
    "years": "year",
    "yeras": "year",
}

_NUMBER_WORDS: dict[str, float] = {
    "a": 1,
    "an": 1,
    **UNITS,
    **TEENS,
    **TENS,
    "couple": 2,
    "a couple": 2,
    "a couple of": 2,
    "couple of": 2,
    "a few": 3,
    "few": 3,
    "several": 3,
    "half a": 0.5,
    "half an": 0.5,
    "a half": 0.5,
    "one and a half": 1.5,
    "a dozen": 12,
}

# Longer numbers are not durations; it also keeps float() and round() bounded.
MAX_NUMBER_CHARS = 12

_VAGUE_PLURALS: dict[str, int] = {"day": 3, "week": 14, "month": 60, "year": 730}

_NUM_WORDS_RE = "|".join(
    sorted((re.escape(w) for w in _NUMBER_WORDS), key=len, reverse=True)
)
_DIGITS_RE = r"\d+(?:[.,]\d+)?"
_NUM_RE = rf"(?:{_DIGITS_RE}|{_NUM_WORDS_RE})"
_UNIT_RE = "|".join(sorted(_UNIT_FORMS, key=len, reverse=True))
# Digits may touch their unit ("3wks"); number words need a space ("a week").
_NUM_THEN_SPACE = rf"(?:{_DIGITS_RE}\s*|(?:{_NUM_WORDS_RE})\s+)"

# "3 weeks", "3-4 weeks", "3 or 4 wks", "a week and a half", "3wks", "over 6 weeks"
_QUANTITY = re.compile(
    rf"(?<![\w.])(?P<more>(?:more\s+than|over|longer\s+than)\s+)?"
    rf"(?:(?P<num>{_NUM_RE})\s*(?:-|\u2013|to|or)\s*)?"
    rf"(?P<num2>{_NUM_THEN_SPACE})"
    rf"(?P<unit>{_UNIT_RE})\b"
    rf"(?P<half>\s+and\s+a\s+half)?"
    rf"(?P<orso>\s+or\s+(?:so|two|2))?"
    rf"(?!\s*(?:-\s*)?old\b|\s+of\s+age\b)"
    rf"(?!\s+(?:a|an|per|each)\s+(?:day|week|month|year)\b)",
    re.IGNORECASE,
)
# "I am 55 years and ..." (no "old"): an age, said in the first or third person.
_AGE_BEFORE = re.compile(
    r"\b(?:i\s*am|i'?m|aged?|(?:he|she)(?:\s+is|'?s))\s*$", re.IGNORECASE
)
# Whole words only: "a box 3 days ago" is not "x 3 days".
_FREQUENCY_BEFORE = re.compile(
    r"\b(?:once|twice|times|per|every|each|x|days?|nights?|hours?)\s*$", re.IGNORECASE
)
_VAGUE = re.compile(
    r"\b(?:for|over|past|last|the\s+last|the\s+past)\s+(?:many\s+)?"
    r"(?P<unit>days|weeks|months|years)\b",
    re.IGNORECASE,
)
_SINCE_LAST = re.compile(
    r"\b(?:(?:since|from|over|for|in)\s+(?:the\s+)?(?:last|past)|the\s+past"
    r"|since\s+the|last|all|this)\s+(?P<unit>week|month|year|weekend)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DurationMatch:
    """A duration found in a text.

    Attributes:
        start: Character offset where the phrase starts.
        end: Character offset just after the phrase.
        days: The duration in whole days.
    """

    start: int
    end: int
    days: int


#: Clinical notes write durations as fractions of a week, a year in weeks or in
#: months: "LBP 7/52", "3/12 hx", "pain 5/7".
_NOTE_DENOMINATOR_DAYS = {"7": 1, "52": 7, "12": 30}
# "fine for years", "pain-free for 10 years": how long the person was well,
# not how long the pain has lasted; left out, the bot asks how long instead.
_WELL_BEFORE = re.compile(
    r"\b(?:fine|ok|okay|well|good|great|normal|pain[\s-]?free|symptom[\s-]?free"
    r"|no\s+(?:problems?|trouble|issues?|pain|bother))\s+(?:for\s+)?$",
    re.IGNORECASE,
)
_DATE_BEFORE = re.compile(r"\b(?:on|since|from|until|till|by)\s+$", re.IGNORECASE)
# A diary's count: "update, week 7", "week 6 and it's no better", "day 5 now"
# (the pain's Nth week: that many weeks); not a dose ("twice a day 2 tablets"),
# a pregnancy, a cycle or a count after surgery.
_DIARY = re.compile(
    r"(?<![\w.])(?P<unit>week|day|month)\s+(?P<n>\d{1,2})\b"
    r"(?![.,:/]\d|\s*(?:-|\u2013|of\s+(?:my\s+|the\s+|her\s+)?(?:pregnancy|period|cycle)"
    r"|post|after|since|tablets?|pills?|times?|x\b))",
    re.IGNORECASE,
)
# Words before a count that make it a frequency or a date ("twice a day 2",
# "on day 2") are in _FREQUENCY_BEFORE and _DATE_BEFORE; these make it a
# comparison or one day named ("no better than day 1", "same as day 1").
_DIARY_NOT_AFTER = re.compile(
    r"\b(?:a|the|that|this|one|than|before|after|as|like)\s*$", re.IGNORECASE
)
_NOTE_DURATION = re.compile(r"(?<![\d/.])(?P<count>\d{1,2})/(?P<of>7|52|12)(?![\d/])")


def _number(word: str) -> float | None:
    word = re.sub(r"\s+", " ", word.strip().lower())
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    if len(word) > MAX_NUMBER_CHARS:
        return None  # no one has had back pain for a 20-digit number of weeks
    try:
        number = float(word.replace(",", "."))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _quantity_days(match: re.Match[str]) -> int | None:
    unit = _UNIT_FORMS[match.group("unit").lower()]
    number = _number(match.group("num2"))
    if number is None:
        return None
    if match.group("num"):
        lower = _number(match.group("num"))
        if lower is not None and lower > number:
            number = lower
    if match.group("half"):
        number += 0.5
    if match.group("orso") and match.group("orso").strip().lower().endswith(
        ("two", "2")
    ):
        number = max(number, 2)
    days = round(number * DAYS_PER_UNIT[unit])
    if match.group("more"):
        days += 1
    return days


def find_durations(text: str, today: date | None = None) -> list[DurationMatch]:
    """Find every duration phrase in a text.

    Args:
        text: Any text, such as a whole chat message.
        today: The date that relative phrases ("since Monday") count back
            from; defaults to ``date.today()``.

    Returns:
        Non-overlapping matches in text order; where two candidates overlap,
        the longer one is kept.
    """
    if not text:
        return []
    today = today or date.today()
    candidates: list[DurationMatch] = []
    for match in _QUANTITY.finditer(text):
        if _FREQUENCY_BEFORE.search(text[max(0, match.start() - 8) : match.start()]):
            continue
        if _UNIT_FORMS[match.group("unit").lower()] == "year" and _AGE_BEFORE.search(
            text[max(0, match.start() - 12) : match.start()]
        ):
            continue
        days = _quantity_days(match)
        if days is not None:
            candidates.append(DurationMatch(match.start(), match.end(), days))
    for match in _VAGUE.finditer(text):
        unit = match.group("unit").lower().rstrip("s")
        candidates.append(
            DurationMatch(match.start(), match.end(), _VAGUE_PLURALS[unit])
        )
    candidates += [
        DurationMatch(start, end, days)
        for start, end, days in days_since_dates(text, today)
    ]
    for match in _SINCE_LAST.finditer(text):
        unit = match.group("unit").lower()
        if unit == "weekend":
            days = days_since_weekday("saturday", today) or 7
        else:
            days = DAYS_PER_UNIT[unit]
        candidates.append(DurationMatch(match.start(), match.end(), days))
    for match in _DIARY.finditer(text):
        before = text[max(0, match.start() - 8) : match.start()]
        if any(
            words.search(before)
            for words in (_FREQUENCY_BEFORE, _DATE_BEFORE, _DIARY_NOT_AFTER)
        ):
            continue
        days = int(match.group("n")) * DAYS_PER_UNIT[match.group("unit").lower()]
        if days:
            candidates.append(DurationMatch(match.start(), match.end(), days))
    for match in _NOTE_DURATION.finditer(text):
        if _DATE_BEFORE.search(text[max(0, match.start() - 7) : match.start()]):
            continue  # "on 5/7" is a date
        days = int(match.group("count")) * _NOTE_DENOMINATOR_DAYS[match.group("of")]
        candidates.append(DurationMatch(match.start(), match.end(), days))

    candidates = [
        cand
        for cand in candidates
        if not _WELL_BEFORE.search(text[max(0, cand.start - 24) : cand.start])
    ]
    candidates.sort(key=lambda m: (-(m.end - m.start), m.start))
    kept: list[DurationMatch] = []
    for cand in candidates:
        if all(cand.end <= k.start or cand.start >= k.end for k in kept):
            kept.append(cand)
    return sorted(kept, key=lambda m: m.start)


def parse_duration_days(text: str, today: date | None = None) -> int | None:
    """Read a duration in days from a message or a bare answer.

    Examples: "about 3 weeks" -> 21, "2 months" -> 60, "since Monday" -> days
    since the most recent Monday, "a fortnight" -> 14, "for years" -> 730.

    Args:
        text: The message, for example the reply to "how long have you had it?".
        today: The date that relative phrases count back from; defaults to
            ``date.today()``.

    Returns:
        The number of days of the first duration found, or ``None`` when the
        text holds no duration that can be read without guessing.
    """
    matches = find_durations(text or "", today=today)
    return matches[0].days if matches else None
