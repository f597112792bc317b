"""Short ways to name a job after its long title has been said: "supervisors" for "first-line
supervisors of office and administrative support workers".

An editor shortens a long title to its head noun once the reader knows the job. A bare plural
stands wherever the full bare plural stood ("one in ten supervisors", "half of all supervisors"),
which a determiner such as "these" would not. A head that the other jobs of the same article
share would be ambiguous, so the title is then not shortened at all: a second word taken from
the title is as often a piece of a compound ("enforcement teacher") as a fit modifier.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

LONG_TITLE_WORDS = 5  # titles of this many words or more are worth shortening

# Heads that say too little alone: "workers earn more" could be anyone. They keep the word before.
_WEAK_HEADS = frozenset(
    {"worker", "representative", "setter", "operator", "tender", "attendant", "occupation"}
)
_LIST_BREAK = re.compile(r",| or | and ")  # not "/": "career/technical education teacher" is one job
_COMPLEMENT = re.compile(
    r" (?:of|to|for) "
)  # "supervisor of ...", "helper to electricians", "representative for"


def is_long(singular: str) -> bool:
    return len(singular.split()) >= LONG_TITLE_WORDS


@lru_cache(maxsize=4096)
def short_name(singular: str) -> str | None:
    """The head noun phrase of a title, or None where it has none worth using.

    The head is what comes before "of" or "to" ("supervisor of ... workers", "captain, mate, or
    pilot of water vessels", "helper to ... setters"). A title that lists jobs ("credit
    authorizer, checker, or clerk", "aircraft mechanic or service technician") is named by its
    first, when that is one or two words long;
    in a coordination of modifiers, the head is the first noun after the last "and": "aerospace
    engineering and operations technologist or technician" is headed by "technologist".
    """
    chunk = _COMPLEMENT.split(singular, maxsplit=1)[0]
    if " and " not in chunk:
        first = _LIST_BREAK.split(chunk, maxsplit=1)[0].strip()
        if first != chunk and 0 < len(first.split()) <= 2:
            return first
        words = first.split()
    else:
        words = _LIST_BREAK.split(chunk.rsplit(" and ", 1)[1], maxsplit=1)[0].split()
    if not words:
        return None
    if words[-1] in _WEAK_HEADS:
        # "tool operator"; after a coordination the whole last conjunct, since the word before
        # the head may be half of a compound: "customer service worker", not "service worker".
        size = 3 if " and " in chunk else 2
        return " ".join(words[-size:]) if len(words) >= 2 else None
    return words[-1]


def _longer_name(singular: str) -> str | None:
    """The head with the word before it, for two jobs that share a head: "literature teacher" and
    "science teacher" for two kinds of postsecondary teacher, "systems manager" beside
    "development manager". Not used alone: the word is as often half of a compound."""
    short = short_name(singular)
    if short is None:
        return None
    words = _COMPLEMENT.split(singular, maxsplit=1)[0].split()
    size = len(short.split()) + 1
    if len(words) < size or " ".join(words[-size + 1 :]) != short:
        return None
    longer = " ".join(words[-size:])
    return None if _LIST_BREAK.search(f" {longer} ") else longer


def short_forms(singulars: Sequence[str]) -> tuple[str | None, ...]:
    """For each job of an article, the singular to call it by after its full title, or None.

    Only long titles are shortened, and not where another job's head would give the same short
    form or another job's title contains it; then the word before the head is tried.
    """
    return _short_forms(tuple(singulars))


@lru_cache(maxsize=4096)
def _short_forms(singulars: tuple[str, ...]) -> tuple[str | None, ...]:
    found: list[str | None] = []
    for index, singular in enumerate(singulars):
        others = [s for i, s in enumerate(singulars) if i != index and s != singular]
        short = None
        if is_long(singular):
            for candidate in (short_name(singular), _longer_name(singular)):
                if candidate is not None and not any(_clashes(candidate, other) for other in others):
                    short = candidate
                    break
        found.append(short)
    return tuple(found)


def _clashes(short: str, other: str) -> bool:
    """Whether `short` could be read as naming the other job: its head, or words of its title."""
    return short_name(other) == short or re.search(rf"(?<!\w){re.escape(short)}(?!\w)", other) is not None
