"""A person's age from what they type: "I'm 68", "68 year old", "aged 68", "45F".

Pure and bounded: one linear regex pass over at most :data:`MAX_CHARS`
characters; numbers are read from at most three digits, so no input can
overflow. Ages outside 1-120 are not ages.
"""

from __future__ import annotations

import re

from bot.nlp.numbers import TEENS, TENS, UNITS

MAX_CHARS = 2_000
_MAX_AGE = 120

# "twenty", "seventy-three": the word numbers an adult's age is said in
_TENS_WORDS = rf"(?:{'|'.join(TENS)})(?:[\s-]?(?:{'|'.join(UNITS)}))?"
_WORD_NUMBER = rf"(?:{_TENS_WORDS}|{'|'.join(TEENS)}|{'|'.join(UNITS)})"
_NUMBER = rf"(?P<n>\d{{1,3}}|{_WORD_NUMBER})"
_YEARS = r"(?:years?|yrs?|yo|y/o|y\.o\.?|yr)"
# Someone whose age a message may give after naming them ("mum is 74", "my nan 79")
_RELATIVE = (
    r"(?:mum|mom|mam|ma|mammy|mummy|dad|da|husband|hubby|wife|son|daughter"
    r"|partner|nan|nana|nanna|nanny|gran|granny|grandma|grandmother|grandad"
    r"|granddad|grandpa|grandfather|pop|pops|poppa|papa|nonna|nonno|oma|opa"
    r"|father|mother|uncle|aunt|auntie|brother"
    r"|sister|neighbour|neighbor|friend|client|patient|resident"
    # children named by what they are ("Teen (14)", "my lad 15")
    r"|teen|teenager|kid|boy|girl|lad|lass|child|grandson|granddaughter"
    r"|stepson|stepdaughter|nephew|niece|little\s+one|youngest|eldest|toddler"
    # grandparents in the words of families who write in English
    # ("Lola (78) tripped on the step")
    r"|lola|lolo|abuela|abuelo|babcia|dziadek|yiayia|nani|dadi)"
)

# The number after "I'm", "she's", "mum is": an age unless a unit follows it
# ("I'm 5 weeks pregnant", "he's 80 kg")
_STATED_NUMBER = (
    rf"\s*(?:now\s+|only\s+|just\s+)?{_NUMBER}"
    r"(?!\s*(?:weeks?|wks?|days?|months?|%|kg|lbs?|stone|st\b|ft|cm|/"
    r"|mins?|minutes?|hours?|hrs?|miles?|km))\b"
)
_I_AM = r"(?:i'?m|i\s+am|i\u2019m)"

_PATTERNS = [
    # "68 year old", "68-year-old", "68yo", "68 yrs old", "sixty eight years of age"
    re.compile(
        rf"(?<![\w.]){_NUMBER}\s*-?\s*(?:{_YEARS}\s*-?\s*(?:old|of age)|yo\b|y/o)",
        re.I,
    ),
    # "I'm 68", "i am 68", "he's 80", "mum is 74" (not "I'm 5 weeks pregnant")
    re.compile(
        rf"\b(?:{_I_AM}|s?hes|(?:s?he|they)(?:'s|\u2019s|\s+is|'re|\s+are)"
        # "my father, who's 72"
        r"|who(?:'s|\u2019s|s|\s+is)"
        rf"|{_RELATIVE}"
        # "mum is 74", "mum's 74", "mums 74", "mum, 74,", "my husband (48)"
        r"(?:\s+is|'s|\u2019s|s|\s*,|\s*\())"
        rf"{_STATED_NUMBER}",
        re.I,
    ),
    # "aged 68", "age 68", "age: 68", "at 68", "turned 68"
    re.compile(rf"\b(?:aged?|turned|turning)\s*:?\s*{_NUMBER}\b", re.I),
    # "45F", "45 M", "M45", "F 45", "(68m)"; two digits at least, as "5m" is
    # a height or distance ("from maybe 5m")
    re.compile(r"(?<![\w.])(?P<n>[1-9]\d{1,2})\s?(?:m|f|male|female)\b", re.I),
    # "my nan 79 missed the step": a relative named, then the age (and at the
    # start of a message, without "my": "mum 81 slid off her chair")
    re.compile(
        # ("mi" is "my" in Caribbean English: "Mi daughter 14")
        # (or in brackets after a name: "Annem (my mom) 82, small fall")
        rf"(?:\bm[yi]\s+|^\s*){_RELATIVE}\)?\s+(?P<n>[1-9]\d)\b"
        r"(?!\s*(?:weeks?|wks?|days?|months?|years?|yrs?|%|kg|lbs?|times?|mins?|miles?))",
        re.I,
    ),
    re.compile(
        r"\b(?:m|f|male|female)\s?(?P<n>\d{1,3})(?![\w.])"
        r"(?!\s*(?:weeks?|wks?|days?|months?|years?|yrs?|%|kg|lbs?))",
        re.I,
    ),
    # "Woman, 35.", "man 52 here", "old lady of 86"
    re.compile(
        r"\b(?:man|woman|male|female|guy|lady|bloke|gent|gentleman|chap|fella)"
        r"(?:\s*,|\s+of)?\s*(?P<n>\d{1,3})\b"
        r"(?!\s*(?:weeks?|wks?|days?|months?|years?|yrs?|%|kg|lbs?|children|kids"
        r"|sons?|daughters?|grandchildren))",
        re.I,
    ),
    # "Me 56. Back pain new": the writer named, then the age, opening the
    # message or a sentence (not "give me 10 minutes")
    re.compile(r"(?:^|[.!?]\s+)me\s*,?\s+(?P<n>[1-9]\d)\s*[,.!]", re.I),
    # "Veteran, 68." "Officer, 54." "paramedic, 36.": the writer's role or a
    # word or two about them, then the age, opening the message
    re.compile(
        r"^\s*(?:[a-z'-]+\s+){0,2}[a-z'-]+\s*,\s*(?P<n>[1-9]\d)\s*[.,!]"
        r"(?!\s*\d)",
        re.I,
    ),
    # a list item that is only the age ("- 56 - never had back pain before")
    re.compile(r"(?:^|\n)\s*[-\u2022*]\s*(?P<n>[2-9]\d)\s*(?=[-\u2022*]\s|\n|$)"),
    # the age opening the message before "and" ("56 and never had back
    # trouble before"), not a count ("10 and a half weeks")
    re.compile(r"^\s*(?P<n>[1-9]\d)\s+and\s+(?!a\s+half|\d)"),
    # "first time at 63", "at the age of 63" (not "at 50mph", "at 30 weeks")
    re.compile(
        r"\bat\s+(?:the\s+age\s+of\s+)?(?P<n>\d{2})\b(?![.:]\d)"
        r"(?!\s*(?:weeks?|wks?|days?|months?|years?|yrs?|hours?|hrs?|min"
        r"|mins?|minutes?|mph|km|kph|miles?|degrees?|%|kg|lbs?|ft|feet|foot|m\b"
        r"|metres?|meters?|/|am\b|pm\b|o'?clock))",
        re.I,
    ),
    # a bare two-digit number that opens or closes the message as a clause of
    # its own, as people sign off their age in forums ("52, sore a fortnight";
    # "back ache from bowling, 22")
    re.compile(rf"^\s*(?P<n>[1-9]\d|{_TENS_WORDS})\s*,", re.I),
    # the same after a greeting: "G'day, 52, back's been bad"
    re.compile(
        r"^\s*(?:hi|hello|hey|hiya|g'?day|morning|evening|afternoon)\b[\s,!.]*"
        r"(?P<n>[1-9]\d)\s*,",
        re.I,
    ),
    re.compile(r"(?<!\d),\s*(?P<n>[1-9]\d)\s*[.!]*\s*$"),
    # or opens a sentence of its own inside it ("...hand on his lower back.
    # 88, dementia."), not a list of numbers ("Reps. 10, 20, 30")
    re.compile(r"[.!?]\s+(?P<n>[1-9]\d)\s*,(?!\s*\d)"),
    # or is a sentence on its own ("...onto my bottom this morning. 85. Back
    # pain is unbearable")
    # (20 and over, after words: "3 sets. 10." and "5. 12. 20." are counts)
    re.compile(r"(?<=[^\W\d_])[.!?]\s+(?P<n>[2-9]\d)\s*[.!](?:\s|$)"),
    # years in the words of other languages ("Tengo 63 años", "j'ai 70 ans",
    # "mam 58 lat")
    re.compile(
        r"(?<![\w.])(?P<n>[1-9]\d)\s*(?:años|anos|ans|jahre|anni|lat|jaar"
        r"|ya\u015f\u0131nda|yasinda)\b",
        re.I,
    ),
    # or a clause of its own between commas inside it ("Fell off the kerb
    # yesterday, 82, back pain is severe"), not one of a list of numbers
    # ("10, 20, 30 reps")
    re.compile(r"(?<![\d,])(?<!\d\s),\s*(?P<n>[1-9]\d)\s*,(?!\s*\d)"),
]
# A bare number is an age only as the answer to "How old are you?".
_BARE = re.compile(
    rf"^\s*(?:about|around|nearly|almost|just)?\s*{_NUMBER}\s*"
    rf"(?:{_YEARS}(?:\s*old)?)?\s*[.!]*\s*$",
    re.I,
)


def _value(word: str) -> int | None:
    word = word.lower().replace("-", " ").strip()
    if word.isdigit():
        return int(word)
    parts = word.split()
    total = 0
    for part in parts:
        if part in TENS:
            total += TENS[part]
        elif part in UNITS:
            total += UNITS[part]
        elif part in TEENS:
            total += TEENS[part]
        else:
            return None
    return total or None


def _valid(age: int | None) -> int | None:
    return age if age is not None and 1 <= age <= _MAX_AGE else None


# "carrying my 2 year old" names the writer's child; when the writer's own back
# is the one that hurts, that age is not the patient's ("my 80 year old mum,
# her back" still is).
_SOMEONE_ELSES = re.compile(r"\b(?:my|our)\s+$", re.I)
# "I've got a 2 year old", "carrying a toddler": a child the writer looks
# after, whatever the message says about whose back hurts
_A_CHILD_OF_THE_WRITERS = re.compile(
    r"\b(?:got|have|has|with|carry|carrying|carried|lift|lifting|lifted|hold"
    r"|holding|chase|chasing|mum\s+(?:to|of)|mother\s+(?:to|of)|dad\s+(?:to|of)"
    r"|father\s+(?:to|of))\s+(?:a|an|my|our|the)\s+$",
    re.I,
)
_WRITERS_BACK = re.compile(
    r"\bmy\s+(?:\w+\s+)?(?:back|spine)\b|\bi(?:'ve|\s+have)?\s+"
    r"(?:hurt|pulled|put|did|tweaked|strained|twisted)\b",
    re.I,
)
_THEIR_BACK = re.compile(
    r"\b(?:his|her|their)\s+(?:\w+\s+)?(?:back|spine|pain)\b"
    r"|\b(?:s?he|they)(?:'s|\s+is|\s+has|\s+says)\b",
    re.I,
)


def _names_someone_else(text: str, match: re.Match[str]) -> bool:
    """Whether the age belongs to someone the writer mentions, not the patient."""
    before = text[max(0, match.start() - 16) : match.start()]
    if _A_CHILD_OF_THE_WRITERS.search(before):
        return True
    return bool(
        _SOMEONE_ELSES.search(text[max(0, match.start() - 6) : match.start()])
        and _WRITERS_BACK.search(text)
        and not _THEIR_BACK.search(text)
    )


# "I'm 34" in a message about the writer's own back is the patient's age, even
# when a child's age comes first ("my son (7) fell off his scooter... I hurt my
# back scooping him up. I'm 34")
_WRITERS_AGE = re.compile(rf"\b{_I_AM}{_STATED_NUMBER}", re.I)
_ANOTHERS_BACK = re.compile(
    r"\b(?:his|her|their)\s+(?:\w+\s+)?(?:back|spine|pain)\b", re.I
)


def find_age(text: str) -> int | None:
    """The person's age stated anywhere in ``text``, or ``None``.

    Third-person ages count too ("my dad is 80" is not matched, but "he's 80 year
    old" is): BackChat answers for the person the message is about.
    """
    if not isinstance(text, str):
        return None
    text = text[:MAX_CHARS]
    if _WRITERS_BACK.search(text) and not _ANOTHERS_BACK.search(text):
        for match in _WRITERS_AGE.finditer(text):
            age = _valid(_value(match.group("n")))
            if age is not None:
                return age
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if _names_someone_else(text, match):
                continue
            age = _valid(_value(match.group("n")))
            if age is not None:
                return age
    return None


_ANY_NUMBER = re.compile(
    rf"(?<![\w.]){_NUMBER}(?:ish)?(?![\w.])"
    r"(?!\s*(?:weeks?|wks?|days?|months?|%|kg|lbs?|stone|ft|cm|/))",
    re.I,
)
_SHORT_REPLY_WORDS = 6


def parse_age_answer(text: str) -> int | None:
    """The age in a reply to "How old are you?": a stated age, a bare number, or
    the one number in a short reply ("he'll be 38 next week" is not short)."""
    if not isinstance(text, str):
        return None
    text = text[:MAX_CHARS]
    bare = _BARE.match(text)
    if bare:
        return _valid(_value(bare.group("n")))
    stated = find_age(text)
    if stated is not None:
        return stated
    numbers = _ANY_NUMBER.findall(text)
    if len(numbers) == 1 and len(text.split()) <= _SHORT_REPLY_WORDS:
        return _valid(_value(numbers[0]))
    return None
