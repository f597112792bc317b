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

from .morphology import singularize_modifier

LONG_TITLE_WORDS = 5  # titles of this many words or more are worth shortening

# Heads that say too little alone: "workers earn more" could be anyone. They keep the word before.
_WEAK_HEADS = frozenset(
    {"worker", "representative", "setter", "operator", "tender", "attendant", "occupation", "person"}
)
_WEAK_HEADS_PLURAL = frozenset({"workers"})  # "supervisor of security workers": a "security supervisor"
_EMPTY_MODIFIERS = frozenset({"related", "other"})  # "related repairer" names no job
_FRONT_QUALIFIER = "postsecondary "  # the title rules' ", Postsecondary", put in front
# Nouns that a coordination of one-word modifiers shares with its head: "electrical and electronic
# engineering technologist" are electrical engineering technologists too.
_SHARED_FIELD_NOUNS = frozenset({"science", "studies", "engineering", "equipment"})
# The levels of schooling the title rules put in front of a teacher's title ("Special Education
# Teachers, Middle School"), longest first, with the schools a reader places them in.
_LEVELS = (
    ("kindergarten and elementary school", "kindergarten and elementary schools"),
    ("elementary school", "elementary schools"),
    ("middle school", "middle schools"),
    ("secondary school", "secondary schools"),
    ("postsecondary", "postsecondary schools"),
    ("preschool", "preschools"),
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


def _first_job(singular: str) -> str:
    """The first job a title lists, before its complement: "rail yard engineer" of "rail yard
    engineer, dinkey operator, or hostler". BLS's singulars join jobs with "or"; an "and" joins
    modifiers ("atmospheric, earth, marine, and space sciences teacher"), so its commas stay."""
    item = _COMPLEMENT.split(singular, maxsplit=1)[0].split(" or ", 1)[0].rstrip(",")
    return item if " and " in item else item.split(",", 1)[0]


def _longer_name(singular: str) -> str | None:
    """The head with the word before it, for two jobs that share a head: "literature teacher" and
    "science teacher" for two kinds of postsecondary teacher, "systems manager" beside
    "development manager". Not "related repairer", which names no job."""
    short = short_name(singular)
    if short is None:
        return None
    words = _COMPLEMENT.split(singular, maxsplit=1)[0].split()
    size = len(short.split()) + 1
    if len(words) < size or " ".join(words[-size + 1 :]) != short or words[-size] in _EMPTY_MODIFIERS:
        return None
    longer = " ".join(words[-size:])
    return None if _LIST_BREAK.search(f" {longer} ") else longer


def _named_by_first_job(singular: str) -> str | None:
    """The first job a list title names, when it is not long: "civil engineering technologist" of
    "civil engineering technologist or technician"."""
    first = _first_job(singular)
    chunk = _COMPLEMENT.split(singular, maxsplit=1)[0]
    if first == chunk or " and " in first or not 2 <= len(first.split()) < LONG_TITLE_WORDS:
        return None
    return first


def _named_by_complement(singular: str) -> str | None:
    """The head with its complement's first noun in front, as BLS names a helper of one trade
    ("carpenter helper"): "brickmason helper", "office supervisor", "police supervisor"."""
    head = short_name(singular)
    parts = _COMPLEMENT.split(singular, maxsplit=1)
    if head is None or len(parts) < 2:
        return None
    words = _LIST_BREAK.split(parts[1], maxsplit=1)[0].split()
    if words and words[-1] in _WEAK_HEADS_PLURAL:  # "office and administrative support workers"
        words = words[:-1]
    if not words or words[0] in _EMPTY_MODIFIERS:
        return None
    name = " ".join([*words[:-1], singularize_modifier(words[-1]), head])
    return name if len(name.split()) < LONG_TITLE_WORDS else None


def _named_by_first_modifier(singular: str) -> str | None:
    """In a coordination of modifiers, the first with the noun they share: "aerospace engineering
    technologist" of "aerospace engineering and operations technologist", "drywall installer" of
    "drywall and ceiling tile installer". Where the first is one word and the last two, only a
    field noun is taken as shared ("electrical engineering technologist", "area studies teacher");
    any other middle word is as often half of a compound ("ceiling tile") as shared. A long
    remainder is not guessed at: "kindergarten and elementary school special education teacher"
    is no kind of "kindergarten teacher"."""
    job = _first_job(singular)
    if " and " not in job:
        return None
    left, right = job.split(" and ", 1)
    first = left.split(",", 1)[0].strip()
    own, rest = first.removeprefix(_FRONT_QUALIFIER).split(), right.split()
    if len(own) > 2 or len(rest) > 3 or rest[0] in _EMPTY_MODIFIERS:
        return None  # "door-to-door sales worker, news and street vendor": a list of jobs
    if len(own) > 1 or len(rest) < 3:
        shared = rest[-2:] if len(own) == 1 and rest[-1] in _WEAK_HEADS else rest[-1:]
    elif rest[1] in _SHARED_FIELD_NOUNS:
        shared = rest[1:]
    else:
        return None
    name = " ".join([first, *shared])
    return name if len(name.split()) < LONG_TITLE_WORDS else None


def level_of(singular: str) -> tuple[str, str, str] | None:
    """(level, schools, base) of a title that names a level of schooling first: ("middle school",
    "middle schools", "special education teacher") for a middle school special education teacher."""
    for level, schools in _LEVELS:
        if singular.startswith(level + " "):
            base = singular[len(level) + 1 :]
            return (level, schools, base) if len(base.split()) >= 2 else None
    return None


def _named_without_level(singular: str) -> str | None:
    """The title without its level, where that leaves a job: "special education teacher"."""
    found = level_of(singular)
    if found is None or found[2].startswith(("and ", "or ")) or is_long(found[2]):
        return None
    return found[2]


def sibling_anaphor(singular: str) -> str | None:
    """How a level sibling is named once the other has been: "those in middle schools"."""
    found = level_of(singular)
    return None if found is None else f"those in {found[1]}"


def level_siblings(first: str, second: str) -> bool:
    """Two jobs that differ by level of schooling alone: middle and secondary school special
    education teachers. After one is named in a sentence, the other is "those in ... schools"."""
    a, b = level_of(first), level_of(second)
    return a is not None and b is not None and a[0] != b[0] and a[2] == b[2]


@lru_cache(maxsize=4096)
def name_candidates(singular: str) -> tuple[str, ...]:
    """Short names for a long title, the plainest first; an article takes the first that no other
    job of it could answer to."""
    found: list[str] = []
    rules = (
        short_name,
        _named_without_level,
        _longer_name,
        _named_by_first_job,
        _named_by_complement,
        _named_by_first_modifier,
    )
    for rule in rules:
        name = rule(singular)
        if name is not None and name not in found and name != singular:
            found.append(name)
    return tuple(found)


def short_forms(
    singulars: Sequence[str], stated: Sequence[str | None] = (), *, heads: bool = True
) -> tuple[str | None, ...]:
    """For each job of an article, the singular to call it by after its full title, or None.

    Only long titles are shortened: by the short name the data states for the job, else by the
    first of its `name_candidates` (not the bare head noun when `heads` is False, unless the title
    lists it as its first job), and never by a
    name another job of the article could answer to (one of its own short names, or words of its
    title).
    """
    return _short_forms(tuple(singulars), tuple(stated) or (None,) * len(singulars), heads)


@lru_cache(maxsize=4096)
def _short_forms(
    singulars: tuple[str, ...], stated: tuple[str | None, ...], heads: bool = True
) -> tuple[str | None, ...]:
    found: list[str | None] = []
    jobs = list(zip(singulars, stated, strict=True))
    for index, (singular, own) in enumerate(jobs):
        others = [job for i, job in enumerate(jobs) if i != index and job[0] != singular]
        short = None
        if is_long(singular):
            candidates = name_candidates(singular) if own is None else (own, *name_candidates(singular))
            if not heads:  # but a head that is the first job listed: "judges" of "judges, ..."
                head = short_name(singular)
                candidates = tuple(c for c in candidates if c != head or c == _first_job(singular))
            for candidate in candidates:
                if not any(_clashes(candidate, *other) for other in others):
                    short = candidate
                    break
        found.append(short)
    return tuple(found)


def _clashes(short: str, other: str, other_stated: str | None = None) -> bool:
    """Whether `short` could be read as naming the other job: one of its own short names, or words
    of its title."""
    if short == other_stated or short_name(other) == short:
        return True
    if is_long(other) and short in ((other_stated,) if other_stated else name_candidates(other)):
        return True
    return re.search(rf"(?<!\w){re.escape(short)}(?!\w)", other) is not None
