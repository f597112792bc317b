"""Filters and house style for phrasebank templates (the environment itself is in sandbox.py).

Filters carry grammar (articles, plurals, possessives, lists, numbers); the words
themselves stay in the phrasebanks. `finalize` writes every typed value in its
house style, so `{{ salary }}` prints "$38,589" without any filter, and refuses
None so that a missing fact can never leak into an article, a number that is not finite
("nan", "inf") and a function, which would print as `<built-in method ...>`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from jinja2 import Undefined, pass_context
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context

from ..english import numbers
from ..english.morphology import (
    NounForms,
    indefinite_article,
    join_items,
    noun_forms,
    pluralize_phrase,
    possessive,
)
from ..plan.quantities import (
    Breakdown,
    Count,
    Credential,
    Items,
    Labelled,
    Money,
    MoneyRange,
    MonthsRange,
    Percent,
    PercentChange,
    PercentPoints,
    Quantity,
    Quote,
    Rating,
    Ratio,
    Score,
    Scored,
    SurveyShare,
    Term,
)
from ..plan.spec import Referent


@dataclass(frozen=True)
class NounPhrase:
    """Text with its grammatical number, so `poss` knows whether to add 's or '."""

    text: str
    plural: bool
    attributive: bool = True  # False: no 's and no use before a noun ("supervisor of office workers")

    def __str__(self) -> str:
        return self.text


class MissingValueError(ValueError):
    pass


def is_function(value: Any) -> bool:
    """A function or method, such as `upper` read off a text; Undefined is callable but stands for a value."""
    return callable(value) and not isinstance(value, Undefined)


def finite(value: float) -> float:
    if not math.isfinite(value):
        raise SecurityError(f"a template may not print a number that is not finite ({value})")
    return value


def format_value(value: Any) -> str:
    """House style for every kind of value a slot can hold."""
    kind = type(value)  # the commonest kinds first: this runs for every value a template prints
    if kind is str:
        return value  # type: ignore[no-any-return]
    if kind is NounPhrase:
        return value.text  # type: ignore[no-any-return]
    if isinstance(value, float) and not math.isfinite(value):  # every kind below that is a float
        finite(value)
    if kind is Money:
        return numbers.format_money(value)
    if kind is Percent:
        return numbers.format_percent(value)
    if kind is SurveyShare:
        return numbers.format_fixed_percent(value)
    if value is None:
        raise MissingValueError("a template printed a missing value (None)")
    if isinstance(value, bool):
        raise MissingValueError("a template printed a true/false value")
    if isinstance(value, Referent):
        return forms_of(value).singular
    if isinstance(value, NounPhrase):
        return value.text
    if isinstance(value, Money):
        return numbers.format_money(value)
    if isinstance(value, PercentPoints):
        unit = "percentage point" if abs(numbers.round_percent(value)) == 1 else "percentage points"
        return f"{numbers.format_decimal(value)} {unit}"
    if isinstance(value, PercentChange):
        return numbers.format_signed_percent(value)
    if isinstance(value, SurveyShare):
        return numbers.format_fixed_percent(value)
    if isinstance(value, Percent):
        return numbers.format_percent(value)
    if isinstance(value, Count):
        return numbers.format_count(value)
    if isinstance(value, Ratio):
        return numbers.format_times(value)
    if isinstance(value, Rating):
        return f"{numbers.format_decimal(value)} out of 5"
    if isinstance(value, Score):
        return numbers.format_fixed(value)  # "4.0", as a scale's scores are read
    if isinstance(value, Quote):
        return f"\u201c{_mid_sentence(value).rstrip('.')}\u201d"
    if isinstance(value, Credential):
        return credential_phrase(value)
    if isinstance(value, Term):
        return value.lower()
    if isinstance(value, Scored):
        # O*NET's skill names are common nouns in Title Case ("Active Listening").
        return f"{value.label.lower()} ({numbers.format_fixed(value.score)})"
    if isinstance(value, (Quantity, float)):
        return numbers.format_decimal(value)
    if isinstance(value, int):
        return numbers.format_count(value)
    if isinstance(value, MoneyRange):
        low, high = numbers.format_money(value.low), numbers.format_money(value.high)
        return f"{low} to {high} or more" if value.open_high else numbers.format_range(low, high)
    if isinstance(value, MonthsRange):
        return numbers.format_range(
            numbers.format_count(int(value.low)), numbers.format_count(int(value.high))
        )
    if isinstance(value, Labelled):
        return value.label if value.value is None else f"{value.label}, {format_value(value.value)}"
    if isinstance(value, Breakdown):
        parts = sorted(value.parts, key=lambda part: -(part.value or 0))
        return ", ".join(f"{part.label} {format_value(part.value)}" for part in parts)
    if isinstance(value, Items):
        items = value.items
        if all(type(item) is str for item in items):  # the common case: names as written
            return join_items(items)
        return join_items([format_value(item) for item in items])
    if isinstance(value, (list, tuple)):
        return join_items([format_value(item) for item in value])
    if is_function(value):  # its text names an address in memory, different each run
        raise SecurityError(f"a template may not print a function or method ({type(value).__name__})")
    return str(value)


def forms_of(referent: Referent) -> NounForms:
    return noun_forms(referent.title, referent.singular, referent.plural, referent.article)


def _role(value: Any, filter_name: str) -> NounForms:
    if not isinstance(value, Referent):
        raise TypeError(f"filter '{filter_name}' needs an occupation, got {type(value).__name__}")
    return forms_of(value)


@lru_cache(maxsize=8192)
def _phrase(referent: Referent, form: str) -> NounPhrase:
    """One form of a job's name as a phrase; the same few are asked for in every article about it."""
    text = getattr(forms_of(referent), form)
    return NounPhrase(text, plural=form == "plural", attributive=referent.attributive)


def indef(value: Any) -> NounPhrase:
    """'a collections associate'."""
    if type(value) is not Referent:
        _role(value, "indef")  # raises unless it is one
    return _phrase(value, "indefinite")


def plural(value: Any) -> NounPhrase:
    """'collections associates'."""
    if type(value) is not Referent:
        _role(value, "plural")  # raises unless it is one
    return _phrase(value, "plural")


def singular(value: Any) -> NounPhrase:
    """'collections associate', for use as a modifier: 'collections associate jobs'."""
    if type(value) is not Referent:
        _role(value, "singular")  # raises unless it is one
    return _phrase(value, "singular")


def title(value: Any) -> str:
    """The title as written in a heading: 'Collections Associate'."""
    return _role(value, "title").title


def poss(value: Any) -> NounPhrase:
    """Possessive of whatever phrase it follows: 'a collections associate's', 'collections associates''."""
    if isinstance(value, Referent):
        value = singular(value)
    if not isinstance(value, NounPhrase):
        raise TypeError("filter 'poss' needs an occupation or a phrase made by indef/plural/singular")
    if not value.attributive:
        raise MissingValueError(
            f"'{value.text}' cannot take a possessive; give this variant a condition such as "
            "`when: role.attributive` and another variant without 'poss'"
        )
    return NounPhrase(possessive(value.text, plural=value.plural), plural=value.plural)


def a_an(value: Any) -> str:
    """Indefinite article for any phrase: "an associate's degree", "a UPC scanner"."""
    text = format_value(value)
    return f"{indefinite_article(text)} {text}"


def money(value: Any) -> str:
    """Write any number as dollars: 23000 -> '$23,000'."""
    return numbers.format_money(finite(float(value)))


def percent(value: Any) -> str:
    return numbers.format_percent(finite(float(value)))


# The realizer passes the referent the previous sentence of the paragraph was about, so a
# sentence about the same job can say "they" instead of repeating its name.
PREVIOUS_SUBJECT = "_previous_subject"


def _is_previous_subject(context: Context, value: Any) -> bool:
    return isinstance(value, Referent) and context.get(PREVIOUS_SUBJECT) == value


@pass_context
def they(context: Context, value: Any) -> NounPhrase:
    """'they' right after a sentence about the same job, else the plural: 'collections associates'."""
    return NounPhrase("they", plural=True) if _is_previous_subject(context, value) else plural(value)


@pass_context
def them(context: Context, value: Any) -> NounPhrase:
    return NounPhrase("them", plural=True) if _is_previous_subject(context, value) else plural(value)


@pass_context
def their(context: Context, value: Any) -> NounPhrase:
    """'their' after a sentence about the same job, else 'collections associates''."""
    if _is_previous_subject(context, value):
        return NounPhrase("their", plural=True)
    return poss(plural(value))


def _mid_sentence(text: str) -> str:
    """Lowercase a leading capital, unless the first word is an acronym or a name ("CPR", "iOS")."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and (first[1:2].isupper() or not first[:1].isupper()):
        return text
    return text[:1].lower() + text[1:]


_NO_ARTICLE = ("no ", "some ", "none", "less than ")  # quantifier phrases


def credential_phrase(value: str) -> str:
    """BLS's "Bachelor's degree" as "a bachelor's degree"; "No formal educational credential",
    "less than a high school diploma" and training, a mass noun, take none."""
    phrase = (
        _mid_sentence(value).replace("/", " or ").replace(", no ", " but no ")
    )  # "some college but no degree"
    if phrase.startswith(_NO_ARTICLE) or phrase.endswith("training"):
        return phrase
    return f"{indefinite_article(phrase)} {phrase}"


def join_and(value: Any) -> str:
    return join_items([format_value(item) for item in value], "and")


def join_or(value: Any) -> str:
    return join_items([format_value(item) for item in value], "or")


def words(value: Any) -> str:
    """Spell out small whole numbers: 3 -> 'three'."""
    if isinstance(value, float) and not value.is_integer():
        return format_value(value)  # refuses one that is not finite
    return numbers.spell_small(int(value))


def count_noun(value: Any, noun: str, plural_noun: str | None = None) -> str:
    """'three skills', 'one skill': the number spelled out when small, the noun agreeing."""
    count = len(value) if isinstance(value, (Items, list, tuple)) else int(value)
    form = noun if count == 1 else (plural_noun or pluralize_phrase(noun))
    return f"{numbers.spell_small(count)} {form}"


def measure(value: Any, noun: str, plural_noun: str | None = None) -> str:
    """'1 year', '2.5 years': a measured amount in figures, as printed, with the noun agreeing with
    the printed figure (count_noun spells out whole counts; a gap in years may have a decimal)."""
    text = format_value(value)
    form = noun if text == "1" else (plural_noun or pluralize_phrase(noun))
    return f"{text} {form}"


def magnitude(value: Any) -> Any:
    """The size of a signed difference, for 'more'/'less' sentences: −0.5 -> 0.5."""
    return type(value)(abs(value))


def more_less(value: Any) -> str:
    """Comparative for a signed difference: 'more' above zero, 'less' below."""
    return "more" if value > 0 else "less"


def higher_lower(value: Any) -> str:
    return "higher" if value > 0 else "lower"


FILTERS = {
    "indef": indef,
    "plural": plural,
    "singular": singular,
    "title": title,
    "poss": poss,
    "they": they,
    "them": them,
    "their": their,
    "a_an": a_an,
    "money": money,
    "percent": percent,
    "join_and": join_and,
    "join_or": join_or,
    "words": words,
    "count_noun": count_noun,
    "measure": measure,
    "magnitude": magnitude,
    "more_less": more_less,
    "higher_lower": higher_lower,
}
