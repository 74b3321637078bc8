"""Days since a date named in words: "since Monday", "since March", "since
Christmas", "yesterday", "this morning".

Pure Python (``re`` and ``datetime`` only). :mod:`bot.nlp.durations` counts
these with the quantities ("3 weeks") it reads itself; the conventions for both
are listed there, once.
"""

from __future__ import annotations

import re
from datetime import date

_WEEKDAYS = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
]
_WEEKDAY_RE = (
    r"(?P<weekday>mon(?:day)?|tue(?:s|sday)?|wed(?:nesday|s)?|thu(?:rs|rsday)?"
    r"|fri(?:day)?|sat(?:urday)?|sun(?:day)?)"
)
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH_RE = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)

_SINCE_WEEKDAY = re.compile(
    rf"\b(?:(?:since|from|on|started|start|began)\s+(?:last\s+|this\s+(?:past\s+)?)?"
    rf"|last\s+){_WEEKDAY_RE}\b",
    re.IGNORECASE,
)
_SINCE_MONTH = re.compile(
    rf"\b(?:since|from|in|started|start|began)\s+(?:early\s+|mid\s+|late\s+)?"
    r"(?:(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+)?"
    rf"(?:last\s+)?{_MONTH_RE}\b",
    re.IGNORECASE,
)
_FIXED = re.compile(
    r"\b(?P<phrase>the\s+day\s+before\s+yesterday|yesterday|last\s+night"
    r"|this\s+morning|this\s+afternoon|today|tonight|earlier\s+today"
    r"|(?:since|over|at)\s+christmas|(?:since|over|at)\s+xmas"
    r"|since\s+new\s+year(?:'s)?)\b",
    re.IGNORECASE,
)
_FIXED_DAYS: dict[str, int] = {
    "the day before yesterday": 2,
    "yesterday": 1,
    "last night": 1,
    "this morning": 0,
    "this afternoon": 0,
    "today": 0,
    "tonight": 0,
    "earlier today": 0,
}


def days_since_weekday(name: str, today: date) -> int:
    """Days back to the most recent such weekday ("monday", "sat"); 0 today."""
    prefix = name.lower()[:3]
    target = next(i for i, day in enumerate(_WEEKDAYS) if day.startswith(prefix))
    return (today.weekday() - target) % 7


def _days_since_month(name: str, today: date) -> int:
    prefix = name.lower()[:3]
    month = next(i for i, m in enumerate(_MONTHS, start=1) if m.startswith(prefix))
    year = today.year if month <= today.month else today.year - 1
    return (today - date(year, month, 1)).days


def _days_since(month: int, day: int, today: date) -> int:
    year = today.year
    if (month, day) > (today.month, today.day):
        year -= 1
    return (today - date(year, month, day)).days


def _fixed_days(phrase: str, today: date) -> int:
    phrase = re.sub(r"\s+", " ", phrase.lower())
    if phrase in _FIXED_DAYS:
        return _FIXED_DAYS[phrase]
    if "christmas" in phrase or "xmas" in phrase:
        return _days_since(12, 25, today)
    return _days_since(1, 1, today)


def days_since_dates(text: str, today: date) -> list[tuple[int, int, int]]:
    """Every weekday, month or fixed day named in ``text``, as ``(start, end,
    days since)``; the candidates may overlap (the caller keeps the longest).
    """
    found: list[tuple[int, int, int]] = []
    for match in _SINCE_WEEKDAY.finditer(text):
        days = days_since_weekday(match.group("weekday"), today)
        if days == 0 and re.search(r"\blast\b", match.group(0), re.IGNORECASE):
            days = 7  # "last Monday", said on a Monday
        found.append((match.start(), match.end(), days))
    for match in _SINCE_MONTH.finditer(text):
        if match.group("month").lower() == "may" and not re.match(
            r"(?:since|from)\b", match.group(0), re.IGNORECASE
        ):
            continue  # "it may ..." is not a month
        days = _days_since_month(match.group("month"), today)
        found.append((match.start(), match.end(), days))
    for match in _FIXED.finditer(text):
        days = _fixed_days(match.group("phrase"), today)
        found.append((match.start(), match.end(), days))
    return found
