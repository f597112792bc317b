"""Referring expressions: when a job is named by its full title and when by a shorter name.

After a long title has been said in full once in a section, the rest of the section calls the
job by its head noun ("supervisors"), and after three full mentions in an article's prose the
head noun is all it gets: the headings and tables keep the full title in view. The realizer
counts the mentions as it writes, in reading order; this module decides the names.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from ..english.morphology import indefinite_article, pluralize_title
from ..english.reference import is_long, short_forms
from ..plan.spec import Referent
from .templating import forms_of

FULL_MENTIONS = 3  # full titles in an article's prose, at most, for a title that has a short form

_NONE: Mapping[str, Referent] = MappingProxyType({})


@lru_cache(maxsize=8192)
def shortened_referents(referents: tuple[Referent, ...]) -> Mapping[str, Referent]:
    """By slug, the referent that names each long-titled job by its head noun alone.

    The title stays as it is (headings and tables are not shortened); only the noun forms that
    prose uses change, so every filter (plural, indef, poss, they) works on the short name.
    """
    singulars = [forms_of(r).singular for r in referents]
    if not any(is_long(s) for s in singulars):  # most pairs: nothing to shorten
        return _NONE
    shorts = short_forms(singulars, [r.short for r in referents])
    found = {
        r.slug: Referent(
            r.slug, r.title, short, pluralize_title(short), indefinite_article(short), r.attributive
        )
        for r, short in zip(referents, shorts, strict=True)
        if short is not None
    }
    return MappingProxyType(found) if found else _NONE


def names_in_use(referents: tuple[Referent, ...]) -> Mapping[str, tuple[str, ...]]:
    """By slug, the short names an article may call its jobs by, for readers of the text (verify)."""
    return {
        slug: (forms_of(r).singular, forms_of(r).plural, forms_of(r).indefinite)
        for slug, r in shortened_referents(referents).items()
    }
