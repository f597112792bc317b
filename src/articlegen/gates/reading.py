"""Reading the numbers a sentence prints: digits, money, percentages, number words and fractions.

Shared by verify.py (is each number a figure of the facts?) and claims.py (is what the
sentence says of them true?). Data text and the jobs' names are masked first, since they
may hold digits that are no figure.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from ..english import numbers

MONEY, PERCENT, PLAIN = "money", "percent", "plain"


MASK = "\u2063"  # an invisible separator: masked text can never join two numbers into one


_SMALL = [
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"),
]


_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


WORD_VALUES = {w: i for i, w in enumerate(_SMALL)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}


FRACTIONS = {"half": 50.0, "halves": 50.0, "quarter": 25.0, "quarters": 25.0, "tenth": 10.0, "tenths": 10.0}


# Fixed phrases whose number words are not figures of the data: the pair being compared,
# "one" as a pronoun, and a rating's scale.
_IDIOMS = re.compile(
    r"\b(?:the|these|those) two\b"
    r"|\btwo (?:career paths|careers|jobs|fields|paths|groups|occupations|roles|lines of work)\b"
    r"|\bone (?:as|another|job than the other|or the other|at a time)\b"
    r"|\b(?:not|no) one\b|\b(?:have|has|hold|holds) one\b"
    r"|\bout of 5\b",
    re.IGNORECASE,
)


_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"


_WORD = "|".join(sorted([*WORD_VALUES, *FRACTIONS], key=len, reverse=True))


NUMBER_TOKENS = re.compile(  # a number as printed, in digits or words
    rf"(?P<sign>[{numbers.MINUS}+])?"
    rf"(?:\$(?P<money>{_NUMBER})"
    rf"|(?P<percent>{_NUMBER})(?:%| percent\b| percentage points?\b)"
    rf"|(?P<plain>{_NUMBER})(?:st|nd|rd|th)?\b"
    rf"|\bone in (?P<one_in>{_NUMBER}|{_WORD})\b"
    rf"|\b(?P<word>(?:{_WORD})(?:-(?:{_WORD}))?)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PrintedNumber:
    text: str  # as printed, e.g. "$1,612", "4.4%", "three"
    value: float
    kind: str  # MONEY, PERCENT or PLAIN
    signed: bool  # printed with an explicit sign


def mask_texts(text: str, texts: Iterable[str]) -> str:
    """Replace each text (case-insensitively, longest first) with a mark that holds no number."""
    for piece in sorted({" ".join(t.split()) for t in texts if t.strip()}, key=len, reverse=True):
        text = _literal(piece).sub(MASK, text)
    return text


@lru_cache(maxsize=4096)
def _literal(piece: str) -> re.Pattern[str]:
    return re.compile(re.escape(piece), re.IGNORECASE)


def extract_numbers(text: str) -> list[PrintedNumber]:
    """Every number in already-masked text, with the kind its printing shows."""
    text = _IDIOMS.sub(MASK, text)
    found = []
    for match in NUMBER_TOKENS.finditer(text):
        signed = match.group("sign") is not None
        sign = -1.0 if match.group("sign") == numbers.MINUS else 1.0
        shown = match.group(0)
        if match.group("money") is not None:
            found.append(PrintedNumber(shown, sign * _digits(match.group("money")), MONEY, signed))
        elif match.group("percent") is not None:
            found.append(PrintedNumber(shown, sign * _digits(match.group("percent")), PERCENT, signed))
        elif match.group("plain") is not None:
            found.append(PrintedNumber(shown, sign * _digits(match.group("plain")), PLAIN, signed))
        elif match.group("one_in") is not None:
            found.append(PrintedNumber(shown, 100.0 / _number_or_word(match.group("one_in")), PERCENT, False))
        else:
            word = match.group("word").lower()
            if word in FRACTIONS:
                found.append(PrintedNumber(shown, FRACTIONS[word], PERCENT, False))
            else:
                found.append(PrintedNumber(shown, _words_value(word), PLAIN, False))
    return found


def _digits(text: str) -> float:
    return float(text.replace(",", ""))


def _number_or_word(text: str) -> float:
    return _digits(text) if text[0].isdigit() else _words_value(text.lower())


def _words_value(word: str) -> float:
    return float(sum(WORD_VALUES.get(part, 0) for part in word.split("-")))


def fact_texts(value: Any) -> Iterator[str]:
    """Every string inside a fact's value: data text, which is masked before numbers are read."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from fact_texts(getattr(value, name))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from fact_texts(getattr(value, f.name))
    elif isinstance(value, Mapping):
        for item in value.values():
            yield from fact_texts(item)
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from fact_texts(item)
