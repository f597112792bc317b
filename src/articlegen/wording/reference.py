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
from ..english.reference import is_long, level_siblings, name_candidates, short_forms, sibling_anaphor
from ..plan.spec import Referent
from .templating import forms_of

FULL_MENTIONS = 3  # full titles in an article's prose, at most, for a title that has a short form

_NONE: Mapping[str, Referent] = MappingProxyType({})


@lru_cache(maxsize=8192)
def shortened_referents(referents: tuple[Referent, ...], heads: bool = True) -> Mapping[str, Referent]:
    """By slug, the referent that names each long-titled job by a short name (english/reference.py).

    The title stays as it is (headings and tables are not shortened); only the noun forms that
    prose uses change, so every filter (plural, indef, poss, they) works on the short name.
    `heads=False` leaves out the bare head noun.
    """
    singulars = [forms_of(r).singular for r in referents]
    if not any(is_long(s) for s in singulars):  # most pairs: nothing to shorten
        return _NONE
    shorts = short_forms(singulars, [r.short for r in referents], heads=heads)
    found = {
        r.slug: Referent(
            r.slug, r.title, short, pluralize_title(short), indefinite_article(short), r.attributive
        )
        for r, short in zip(referents, shorts, strict=True)
        if short is not None
    }
    return MappingProxyType(found) if found else _NONE


@lru_cache(maxsize=8192)
def shortened_in_section(
    referents: tuple[Referent, ...], named: tuple[Referent, ...]
) -> Mapping[str, Referent]:
    """The article's short names, and for a job it has none for, the one it has among the jobs a
    section names: a page comparing special education teachers of each level calls its own
    "special education teachers" in the sections that name no other. Never the bare head there:
    the article's other jobs share it, so "111,420 teachers" would read as teachers at large."""
    page = shortened_referents(referents)
    extra = {slug: r for slug, r in shortened_referents(named, heads=False).items() if slug not in page}
    return MappingProxyType({**page, **extra}) if extra else page


@lru_cache(maxsize=8192)
def unshortened(referents: tuple[Referent, ...]) -> tuple[Referent, ...]:
    """The long-titled jobs the article as a whole has no short name for."""
    page = shortened_referents(referents)
    return tuple(r for r in referents if r.slug not in page and is_long(forms_of(r).singular))


@lru_cache(maxsize=8192)
def sibling_pairs(referents: tuple[Referent, ...]) -> tuple[tuple[Referent, Referent, str], ...]:
    """(first, second, how the second is named after the first) for long-titled jobs that differ
    by level of schooling alone, both ways round."""
    found = []
    for a in referents:
        for b in referents:
            sa, sb = forms_of(a).singular, forms_of(b).singular
            if a.slug != b.slug and is_long(sb) and level_siblings(sa, sb):
                anaphor = sibling_anaphor(sb)
                if anaphor is not None:
                    found.append((a, b, anaphor))
    return tuple(found)


def names_in_use(referents: tuple[Referent, ...]) -> Mapping[str, tuple[str, ...]]:
    """By slug, the short names an article may call its jobs by, for readers of the text (verify):
    the article's, every name a section may give a job the article has none for, and "those in
    middle schools" for a level sibling."""
    names: dict[str, tuple[str, ...]] = {
        slug: (forms_of(r).singular, forms_of(r).plural, forms_of(r).indefinite)
        for slug, r in shortened_referents(referents).items()
    }
    for r in unshortened(referents):
        shorts = ((r.short,) if r.short else ()) + name_candidates(forms_of(r).singular)
        names[r.slug] = tuple(
            form
            for short in shorts
            for form in (short, pluralize_title(short), f"{indefinite_article(short)} {short}")
        )
    for _, second, anaphor in sibling_pairs(referents):
        names[second.slug] = (*names.get(second.slug, ()), anaphor)
    return names
