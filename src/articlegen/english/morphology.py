"""Noun forms of job titles, articles, possessives and lists.

Pure functions, cached: the same few hundred titles are inflected millions of
times in a bulk run, and inflect costs a fraction of a millisecond a call.
"""

from __future__ import annotations

import re
import sys
import types
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from num2words import num2words


def _import_inflect() -> Any:
    """Import inflect without typeguard's instrumentation.

    inflect 7.x wraps its API in typeguard's @typechecked, which re-parses the source
    at import (about 3.7 s here, jaraco/inflect#212) and type-checks every call. Our
    calls pass plain strings, so the checks buy nothing; an identity decorator put in
    typeguard's place for the duration of the import removes both costs.
    """
    if "inflect" in sys.modules:
        return sys.modules["inflect"]
    real = sys.modules.get("typeguard")
    shim = types.ModuleType("typeguard")
    shim.typechecked = lambda func=None, **_: func if func is not None else (lambda f: f)  # type: ignore[attr-defined]
    sys.modules["typeguard"] = shim
    try:
        import inflect
    finally:
        if real is not None:
            sys.modules["typeguard"] = real
        else:
            del sys.modules["typeguard"]
    return inflect


_ENGINE = _import_inflect().engine()  # read-only after construction: no per-call state we use

# Letter names that begin with a vowel sound: "an MBA", "an RN", but "a UPC".
_VOWEL_SOUND_LETTERS = frozenset("AEFHILMNORSX")
_QUALIFIER_SPLIT = re.compile(r",\s+")


@dataclass(frozen=True)
class NounForms:
    """The forms of one title that prose needs."""

    title: str  # as in a heading: "Collections Associate"
    singular: str  # mid-sentence: "collections associate"
    plural: str  # "collections associates"
    article: str  # "a" or "an"

    @property
    def indefinite(self) -> str:
        return f"{self.article} {self.singular}"

    @property
    def singular_possessive(self) -> str:
        return possessive(self.singular, plural=False)

    @property
    def plural_possessive(self) -> str:
        return possessive(self.plural, plural=True)


@lru_cache(maxsize=4096)
def noun_forms(
    title: str,
    singular: str | None = None,
    plural: str | None = None,
    article: str | None = None,
) -> NounForms:
    """Derive the forms of a title; any form given explicitly wins over the rules."""
    sing = singular or lowercase_title(title)
    plur = plural or pluralize_title(sing)
    art = article or indefinite_article(sing)
    return NounForms(title=title, singular=sing, plural=plur, article=art)


def lowercase_title(title: str) -> str:
    """Lowercase the words a title capitalizes only because it is a title.

    Acronyms (UPC, RN) and words with inner capitals (PowerPoint, iOS) are names
    and keep their case; proper nouns in plain title case need a `forms` override.
    """
    return " ".join(_lowercase_word(word) for word in title.split())


def _lowercase_word(word: str) -> str:
    # Split on "/" as well as "-": "Career/Technical" is two title-cased words, not one with an inner capital.
    return re.sub(r"[^/-]+", lambda m: m[0] if _keeps_case(m[0]) else m[0].lower(), word)


def _keeps_case(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    if len(letters) >= 2 and all(ch.isupper() for ch in letters):
        return True  # acronym
    return any(ch.isupper() for ch in letters[1:])  # inner capital: PowerPoint


def pluralize_title(singular: str) -> str:
    """Pluralize the head noun; a qualifier after a comma stays as it is.

    "psychology teacher, postsecondary" -> "psychology teachers, postsecondary".
    """
    head, *qualifiers = _QUALIFIER_SPLIT.split(singular, maxsplit=1)
    plural_head = pluralize_phrase(head)
    return ", ".join([plural_head, *qualifiers])


@lru_cache(maxsize=4096)
def pluralize_phrase(phrase: str) -> str:
    words = phrase.split(" ")
    last = words[-1]
    if _is_acronym(last):
        words[-1] = last + "s"
        return " ".join(words)
    plural = _ENGINE.plural_noun(phrase)
    return plural if isinstance(plural, str) and plural else phrase + "s"


# Plural-looking words that stay as they are in front of a noun: "sales supervisor", "police".
_MODIFIER_AS_IS = frozenset({"sales", "police", "news", "goods", "arts", "sciences", "studies"})


@lru_cache(maxsize=4096)
def singularize_modifier(word: str) -> str:
    """A plural noun as it stands in front of another: "brickmasons" -> "brickmason" ("brickmason
    helper"), "officers" -> "officer"; inflect's "sale" for "sales" is no modifier."""
    if word in _MODIFIER_AS_IS:
        return word
    singular = _ENGINE.singular_noun(word)
    return singular if isinstance(singular, str) and singular else word


# Words inflect reads with a "you" sound that in fact start with a vowel sound.
_AN_WORDS = frozenset({"usher", "ushers"})


_LEADING_NUMBER = re.compile(r"\d[\d,]*")


@lru_cache(maxsize=4096)
def indefinite_article(phrase: str) -> str:
    first = phrase.split(" ", 1)[0].split("-", 1)[0]
    number = _LEADING_NUMBER.match(first)
    if number:  # said as words: "an 18-wheeler", "an 8th", "an 11th", "a 1099 clerk"
        return indefinite_article(num2words(int(number.group().replace(",", ""))))
    if _is_acronym(first):
        return "an" if first[0] in _VOWEL_SOUND_LETTERS else "a"
    if first.lower() in _AN_WORDS:
        return "an"
    return _ENGINE.a(phrase).split(" ", 1)[0]


def _is_acronym(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def possessive(noun_phrase: str, *, plural: bool) -> str:
    """Plurals ending in s take a bare apostrophe; everything else takes 's."""
    if plural and noun_phrase.endswith("s"):
        return noun_phrase + "'"
    return noun_phrase + "'s"


def join_items(items: tuple[str, ...] | list[str], conjunction: str = "and") -> str:
    """Oxford-comma list; empty items are dropped rather than leaving a dangling comma."""
    kept = [item.strip() for item in items if item and item.strip()]
    if not kept:
        return ""
    if len(kept) == 1:
        return kept[0]
    if len(kept) == 2:
        return f"{kept[0]} {conjunction} {kept[1]}"
    return f"{', '.join(kept[:-1])}, {conjunction} {kept[-1]}"
