"""Noun forms of occupation titles: BLS's OEWS titles and the titles editors write.

BLS titles are plural, coordinated and qualified ("Tax Examiners and Collectors, and Revenue
Agents", "Psychology Teachers, Postsecondary"), and inflect alone singularizes only their last
word. The rules here parse a title into its parts and inflect each head noun. A hand-written
title goes through the same rules (`derive_title_forms` is the one way to name an occupation), so
a singular title ("Account Representative") is taken as already singular and a BLS-style one
gets BLS's treatment; the forms a record states win over the rules.

- Coordination. Items ending in a plural person noun are heads; items before them are
  modifiers that share the next head ("Bill and Account Collectors" is one noun, and stays
  "bill and account collector"). Two or more heads name alternatives, so the singular joins
  them with "or" ("tax examiner, collector, or revenue agent"); the plural joins them with
  "and", Oxford comma included.
- Qualifiers after a comma are moved in front, so every form ends in its head noun and takes a
  possessive: "Psychology Teachers, Postsecondary" -> "postsecondary psychology teacher";
  "Meter Readers, Utilities" -> "utility meter reader". The heading is the singular in title
  case ("Postsecondary Psychology Teacher").
- "Except ..." and "Including ..." clauses are dropped from every form and kept in `note`:
  "Architects, Except Landscape and Naval" -> "architect".
- "X of Y": only the head before "of" is inflected ("first-line supervisor of office ...
  workers"); such forms take no possessive (`possessive` is False).
- "Helpers--Carpenters" -> "carpenter helper"; with more than one word after the dashes,
  "helper to brickmasons, blockmasons, ...".
- Heads that are not plural nouns: "Clergy" -> "member of the clergy", "Police" ->
  "police officer". Plural-looking modifiers (Sales, Physics, Benefits, Securities) are never
  heads.
- A title that names no person, only a department or a function ("Collections", "Customer
  Service", "Accounts Payable"), gets the head noun "worker", as BLS's own generic titles do:
  "Collections, Customer Service" (department, function) -> "collections and customer service
  worker"; "Sales, Inside" -> "inside sales worker". Such a title is never pluralized as it
  stands ("collectionss").
- A title that already names one person ("Account Representative", "HR Specialist") keeps its
  words: its plural inflects the last one, its heading is the title (`singular_title`).
- "Miscellaneous" is dropped ("Miscellaneous Assemblers and Fabricators" -> "assembler or
  fabricator").
- Residual rule: a title with "All Other" is a residual category (`residual` is True). Its forms
  carry the marker in brackets ("financial clerk (all other)"), which is fine in a list but not
  in prose, so residual occupations are left out of article pairs.

What rules cannot do lives in data/oews/title-overrides.yaml, keyed by the exact BLS title
(data/oews/TITLES.md documents both, with measured accuracy).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from ..english.morphology import (
    _ENGINE,
    _keeps_case,
    indefinite_article,
    join_items,
    pluralize_phrase,
    pluralize_title,
    possessive,
)
from ..errors import DataError
from ..resources import default_data_dir
from .yamlio import LineDict, YamlSyntaxError, display_path, load_yaml_file


@dataclass(frozen=True)
class TitleForms:
    """Everything prose needs to name one BLS occupation."""

    title: str  # as BLS publishes it: "Psychology Teachers, Postsecondary"
    heading: str  # singular, title case: "Postsecondary Psychology Teacher"
    singular: str  # mid-sentence: "postsecondary psychology teacher"
    plural: str  # "postsecondary psychology teachers"
    article: str  # "a" or "an", for the singular
    residual: bool = False  # an "All Other" category: no article pairs
    possessive: bool = True  # False when the head noun is not last ("supervisor of workers")
    note: str | None = None  # what the forms leave out: "except landscape and naval"
    # The title heads an article as written: it names one person already ("Account Representative",
    # "Clerk, Senior"), or the record states its own singular. False for a plural title, one naming
    # no person, one with dashes, and one with "All Other", "Except" or "Miscellaneous".
    singular_title: bool = False
    # A shorter name for prose once the full one has been said ("heavy truck driver"), where the
    # rules in english/reference.py find none a reader could not mistake for a sibling job.
    short: str | None = None

    @property
    def indefinite(self) -> str:
        return f"{self.article} {self.singular}"

    @property
    def singular_possessive(self) -> str | None:
        """None means: rephrase ("the pay of a first-line supervisor of ..."), don't add 's."""
        return possessive(self.singular, plural=False) if self.possessive else None

    @property
    def plural_possessive(self) -> str | None:
        return possessive(self.plural, plural=True) if self.possessive else None

    def record_forms(self) -> dict[str, str | bool]:
        """The `forms` fields of an occupation record, hand-written or OEWS, so prose never has to
        derive a name itself."""
        forms: dict[str, str | bool] = {
            "singular": self.singular,
            "plural": self.plural,
            "article": self.article,
            "attributive": self.possessive,
        }
        if self.short is not None:
            forms["short"] = self.short
        return forms


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Plural-looking words that never head a job title: they are modifiers ("Sales Managers",
# "Securities, Commodities, and ... Agents") or qualifiers ("Oil and Gas", "Motor Vehicles").
_NEVER_HEADS = _word_set(
    """accounts activities analysis animals arts athletics avionics benefits business claims
    collections commodities communications economics effects electronics engines equipment
    explosives facilities fibers fitness furnishings gas goods grounds logistics materials
    mathematics mechatronics news occupations operations parts physics products programs
    promotions records relations resources sales sciences securities services specialties
    sports studies surfaces systems telecommunications tiles trades utilities vehicles vessels
    """
)
# Endings of singular words that inflect would strip ("hazardous" -> "hazardou").
_NOT_PLURAL_ENDINGS = ("ss", "us", "is", "ics")
_PLURAL_ICS = frozenset({"mechanics", "paramedics", "medics"})

# Heads that are not plural person nouns, with the singular and plural they become; {} is the
# whole noun group ("Transit and Railroad Police" -> "Transit and Railroad Police Officer").
_SPECIAL_HEADS: dict[str, tuple[str, str, bool]] = {
    "clergy": ("Member of the {}", "Members of the {}", False),
    "police": ("{} Officer", "{} Officers", True),
    "occupations": ("Worker in {}", "Workers in {}", False),
}

# Singular nouns that name a department or a function, never a person: a title ending in one of
# them (or in a plural-looking modifier, or a field in -ics) gets the head noun "worker".
_FIELD_NOUNS = _word_set(
    """accounting administration assurance billing care collection compliance development
    dispatch engineering finance intake maintenance management marketing payable payroll
    procurement production purchasing reception receivable recruiting recruitment research
    security service support training underwriting"""
)
_FIELD_HEAD = ("Worker", "Workers")

# Qualifier nouns that go singular when moved in front ("Utilities" -> "utility meter reader").
_ATTRIBUTIVE_SINGULAR = frozenset({"animals", "fibers", "products", "programs", "utilities", "vehicles"})

# Proper nouns that keep their capital mid-sentence (acronyms and inner capitals always do).
_PROPER_NOUNS = frozenset({"English", "Spanish", "French", "American", "Native", "Internet"})

# Words inflect's a/an rule gets wrong (it reads "usher" like "use").
_ARTICLE_EXCEPTIONS = {"usher": "an"}

_SMALL_WORDS = _word_set("a an and as at but by for in nor of on or the through to with")
_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
_SEPARATOR = re.compile(r"(, and |, or |, | and | or )")
_SEGMENT_COMMA = re.compile(r"(?<!\d),|,(?!\d)")  # not the comma of a number: "11,000-Volt Lineman"
_AMPERSAND = re.compile(r"(?<!\S)&(?!\S)")  # a word of its own: "AT&T" keeps its "&"
_LOWERCASE_PART = re.compile(r"[^\s/-]+")
_RESIDUAL = re.compile(r"^All Other\b")
_EXCLUSION = re.compile(r"^(Except|Including)\b")
_DASHED = re.compile(r"^(\w+)--(.+)$")
_BUNDLED_OVERRIDES = Path("oews") / "title-overrides.yaml"


def derive_title_forms(
    title: str,
    overrides: Mapping[str, TitleForms] | None = None,
    *,
    singular: str | None = None,
    plural: str | None = None,
    article: str | None = None,
    possessive: bool | None = None,
    short: str | None = None,
) -> TitleForms:
    """The forms of any occupation's title, BLS's or an editor's: each form a record states wins,
    then an override for that exact title, then the rules.

    A stated singular is the name: the plural, article and possessive default from it, not from
    the title (a title the rules cannot read then needs no rule). `overrides=None` uses the
    bundled data/oews/title-overrides.yaml; pass `{}` for rules only. Raises ValueError when a
    form is needed from a title with no noun to inflect ("All Other").
    """
    if singular is None:
        table = bundled_title_overrides() if overrides is None else overrides
        found = table.get(title)
        derived = found if found is not None else derive_by_rules(title)
        if plural is None and article is None and possessive is None and short is None:
            return derived
        return replace(
            derived,
            plural=plural or derived.plural,
            article=article or derived.article,
            possessive=derived.possessive if possessive is None else possessive,
            short=short or derived.short,
        )
    singular = " ".join(singular.split())
    return TitleForms(
        title=title,
        heading=title,
        singular=singular,
        plural=plural or pluralize_title(singular),
        article=article or article_for(singular),
        residual=any(_RESIDUAL.match(seg.strip()) for seg in _SEGMENT_COMMA.split(title)),
        possessive=not _POST_MODIFIER.search(singular) if possessive is None else possessive,
        singular_title=True,
        short=short,
    )


@lru_cache(maxsize=4096)
def derive_by_rules(bls_title: str) -> TitleForms:
    """The forms the rules give, without overrides. See the module docstring for the rules.

    Raises ValueError for a title with no noun left to inflect ("", "All Other").
    """
    text = " ".join(_AMPERSAND.sub("and", bls_title).split())
    notes: list[str] = []
    if text.startswith("Miscellaneous "):
        text = text.removeprefix("Miscellaneous ")
        notes.append("Miscellaneous")
    segments = [segment.strip() for segment in _SEGMENT_COMMA.split(text) if segment.strip()]
    residual_label = next((seg for seg in segments if _RESIDUAL.match(seg)), None)
    segments = [seg for seg in segments if not _RESIDUAL.match(seg)]
    cut = next((i for i, seg in enumerate(segments) if _EXCLUSION.match(seg)), len(segments))
    if cut < len(segments):
        notes.append(", ".join(segments[cut:]))
    if not cut:
        raise ValueError(f"{bls_title!r}: no occupation noun in the title")
    main = ", ".join(segments[:cut])
    heading_sing, heading_plur, possessable = _noun_phrase(main)
    if residual_label is not None:
        heading_sing += f" ({residual_label})"
        heading_plur += f" ({residual_label})"
        possessable = False
    singular = lowercase(heading_sing)
    return TitleForms(
        title=bls_title,
        heading=heading_sing,
        singular=singular,
        plural=lowercase(heading_plur),
        article=article_for(singular),
        residual=residual_label is not None,
        possessive=possessable,
        note=lowercase("; ".join(notes)) or None,
        singular_title=not notes and residual_label is None and _names_one_person(main),
    )


def _names_one_person(text: str) -> bool:
    """Whether the rules take the title as one person's name already: no plural or special head,
    no head noun supplied, no dashes. Its commas may be qualifiers ("Clerk, Senior")."""
    if _DASHED.match(text):
        return False
    nouns = text.partition(" of ")[0]
    if any(_is_head_plural(_last_word(item)) for item in _SEPARATOR.split(nouns)[::2]):
        return False
    head = _last_word(nouns.split(", ")[0]).lower()
    return head not in _SPECIAL_HEADS and not _names_no_person(head)


def _noun_phrase(text: str) -> tuple[str, str, bool]:
    """Singular and plural (in title case) of a title without its residual and exclusion parts,
    and whether they end in the head noun."""
    dashed = _DASHED.match(text)
    if dashed:
        return _dashed_phrase(dashed.group(1), dashed.group(2))
    nouns, of, complement = text.partition(" of ")
    if of:
        sing, plur, _ = _coordination(nouns.split(", "))
        return f"{sing} of {complement}", f"{plur} of {complement}", False
    segments = text.split(", ")
    heads = [i for i, seg in enumerate(segments) if _is_head_plural(_last_word(seg))]
    if not heads and len(segments) > 1 and all(_names_no_person(_last_word(seg)) for seg in segments):
        # "Collections, Customer Service": fields side by side, one worker in both
        return _coordination([join_items(segments, "and")])
    last_head = max(heads, default=0)
    sing, plur, possessable = _coordination(segments[: last_head + 1])
    qualifiers = _group_qualifiers(segments[last_head + 1 :])
    if len(qualifiers) == 1:
        front = _attributive(qualifiers[0])
        return f"{front} {sing}", f"{front} {plur}", possessable
    if qualifiers:  # several qualifiers read badly in front: keep BLS's order
        tail = ", ".join(qualifiers)
        return f"{sing}, {tail}", f"{plur}, {tail}", False
    return sing, plur, possessable


def _dashed_phrase(head: str, rest: str) -> tuple[str, str, bool]:
    """'Helpers--Carpenters' -> 'Carpenter Helper'; 'Helpers--Production Workers' -> 'Helper to ...'."""
    head_sing = _singularize_word(head)
    head_plur = head if _is_head_plural(head) else pluralize_phrase(lowercase(head))  # "Helper--Carpenter"
    rest_sing, rest_plur, _ = _noun_phrase(rest)
    if " " not in rest:
        return f"{rest_sing} {head_sing}", f"{rest_sing} {head_plur}", True
    return f"{head_sing} to {rest_plur}", f"{head_plur} to {rest_plur}", False


def _coordination(segments: list[str]) -> tuple[str, str, bool]:
    """Singular ('A, B, or C') and plural ('As, Bs, and Cs') of coordinated head nouns."""
    pieces = _SEPARATOR.split(", ".join(segments))  # item, separator, item, ...
    groups: list[str] = []  # each ends in a head noun; the modifiers before it share it
    current = ""
    for index in range(0, len(pieces), 2):
        current += pieces[index]
        if _is_head_plural(_last_word(current)):
            groups.append(current)
            current = ""
        elif index + 1 < len(pieces):
            current += pieces[index + 1]
    if current:  # the last words are not a plural head: a mass noun, or already singular
        return _special_head(groups, current)
    singulars = [_singularize_group(group) for group in groups]
    return join_items(singulars, "or"), join_items(groups, "and"), True


def _special_head(groups: list[str], rest: str) -> tuple[str, str, bool]:
    last = _last_word(rest).lower()
    if last in _SPECIAL_HEADS:
        sing_pattern, plur_pattern, possessable = _SPECIAL_HEADS[last]
        sing, plur = sing_pattern.format(rest), plur_pattern.format(rest)
    elif _names_no_person(last):  # a department or function: "Customer Service Worker"
        sing, plur, possessable = f"{rest} {_FIELD_HEAD[0]}", f"{rest} {_FIELD_HEAD[1]}", True
    else:  # not a plural we know: take it as already singular
        # inflect takes a capitalized word for a name ("Secretarys"): pluralize mid-sentence case
        sing, plur, possessable = rest, pluralize_phrase(lowercase(rest)), True
    singulars = [_singularize_group(group) for group in groups]
    return join_items([*singulars, sing], "or"), join_items([*groups, plur], "and"), possessable


def _group_qualifiers(segments: list[str]) -> list[str]:
    """'Textile', 'Garment', 'and Related Materials' is one qualifier; 'Wholesale and
    Manufacturing', 'Technical and Scientific Products' are two."""
    if not segments:
        return []
    if len(segments) > 1 and segments[-1].startswith(("and ", "or ")):
        return [", ".join(segments)]
    return segments


def _attributive(qualifier: str) -> str:
    *words, last = qualifier.split(" ")
    if last.lower() in _ATTRIBUTIVE_SINGULAR:
        last = _singularize_word(last)
    return " ".join([*words, last])


def _names_no_person(word: str) -> bool:
    """A word that ends a department's or function's name, not a person's: 'Service', 'Sales',
    'Analytics' (but 'Mechanics' are people)."""
    lower = word.lower()
    ics = lower.endswith("ics") and lower not in _PLURAL_ICS
    return lower in _FIELD_NOUNS or lower in _NEVER_HEADS or ics


def _is_head_plural(word: str) -> bool:
    lower = word.lower()
    if lower in _NEVER_HEADS or (lower.endswith(_NOT_PLURAL_ENDINGS) and lower not in _PLURAL_ICS):
        return False
    singular = _singular_noun(lower)
    return isinstance(singular, str) and singular != lower


@lru_cache(maxsize=4096)
def _singular_noun(lower: str) -> str | bool:
    """inflect's answer for one word: 830 titles ask it 3,600 times about 590 words."""
    return _ENGINE.singular_noun(lower)


def _last_word(text: str) -> str:
    words = text.split()
    return words[-1] if words else ""


def _singularize_group(group: str) -> str:
    *words, last = group.split(" ")
    return " ".join([*words, _singularize_word(last)])


def _singularize_word(word: str) -> str:
    singular = _singular_noun(word.lower())
    if not isinstance(singular, str) or not singular:
        return word
    return word[0] + singular[1:] if word[0].isupper() else singular


def lowercase(text: str) -> str:
    """Mid-sentence case: each word lowercased unless it is an acronym ("HR", "U.S."), has inner
    capitals (PowerPoint, O'Brien) or is a proper noun (English). Parts of "Career/Technical" and
    "First-Line" are words of their own; letters are any script's ("Ünïcödé" -> "ünïcödé")."""
    return _LOWERCASE_PART.sub(_lower_part, text)


def _lower_part(match: re.Match[str]) -> str:
    part = match.group(0)
    if _keeps_case(part) or "".join(ch for ch in part if ch.isalpha()) in _PROPER_NOUNS:
        return part
    return part.lower()


def title_case(text: str) -> str:
    """Heading case for a mid-sentence form: 'member of the clergy' -> 'Member of the Clergy'."""
    first = True

    def cap(match: re.Match[str]) -> str:
        nonlocal first
        word = match.group(0)
        at_start, first = first, False
        if word in _SMALL_WORDS and not at_start:
            return word
        return word[0].upper() + word[1:]

    # Parts of "first-line" and "career/technical" are words of their own: "First-Line".
    return _WORD.sub(cap, text)


def article_for(singular: str) -> str:
    first = _WORD.match(singular)
    exception = _ARTICLE_EXCEPTIONS.get(first.group(0).lower()) if first else None
    return exception or indefinite_article(singular)


# --- overrides file ---------------------------------------------------------------------------

_OVERRIDE_FIELDS = ("singular", "plural", "heading", "article", "possessive", "short")
_POST_MODIFIER = re.compile(r"\b(of|to|for|in|with)\b|[(]")


@lru_cache(maxsize=1)
def bundled_title_overrides() -> dict[str, TitleForms]:
    return load_title_overrides(default_data_dir() / _BUNDLED_OVERRIDES)


def load_title_overrides(path: Path) -> dict[str, TitleForms]:
    """Read an overrides file: a mapping of exact BLS titles to `singular` and `plural`
    (required, mid-sentence case) and optional `heading`, `article` and `possessive`; or to a
    `short` name alone, for a title whose other forms the rules get right.

    Any fault raises DataError with one line naming the file, the line and the fault.
    """
    where = display_path(path)
    try:
        document = load_yaml_file(path)
    except OSError as err:
        raise DataError(f"{where}: cannot read the file ({err.strerror or err})") from None
    except YamlSyntaxError as err:
        raise DataError(f"{where}:{err.line}: {err.reason}") from None
    if document is None:
        return {}
    if not isinstance(document, LineDict):
        raise DataError(f"{where}:1: expected a mapping of BLS titles to their forms")
    return {
        title: _override(where, title, entry, document.key_lines.get(title, document.line))
        for title, entry in document.items()
    }


def _override(where: str, title: object, entry: object, line: int) -> TitleForms:
    if not isinstance(title, str) or not title.strip():
        raise DataError(f"{where}:{line}: a title must be a non-empty string, got {title!r}")
    if not isinstance(entry, LineDict):
        raise DataError(f"{where}:{line}: '{title}': expected a mapping with singular and plural")
    fields = entry.key_lines
    for key in entry:
        if key not in _OVERRIDE_FIELDS:
            allowed = ", ".join(_OVERRIDE_FIELDS)
            raise DataError(f"{where}:{fields[key]}: '{title}': unknown field {key!r} (allowed: {allowed})")
    if "short" not in entry or len(entry) > 1:
        for key in ("singular", "plural"):
            if key not in entry:
                raise DataError(f"{where}:{line}: '{title}': '{key}' is required")
    for key in ("singular", "plural", "heading", "article", "short"):
        value = entry.get(key)
        if key in entry and (not isinstance(value, str) or not value.strip()):
            raise DataError(f"{where}:{fields[key]}: '{title}': '{key}' must be a non-empty string")
    if "article" in entry and entry["article"] not in ("a", "an"):
        raise DataError(f"{where}:{fields['article']}: '{title}': 'article' must be 'a' or 'an'")
    if "possessive" in entry and not isinstance(entry["possessive"], bool):
        raise DataError(f"{where}:{fields['possessive']}: '{title}': 'possessive' must be true or false")
    rules = derive_by_rules(title)
    short = " ".join(entry["short"].split()) if "short" in entry else None
    singular = " ".join(entry["singular"].split()) if "singular" in entry else rules.singular
    if short is not None and len(short.split()) >= len(singular.split()):
        raise DataError(
            f"{where}:{fields['short']}: '{title}': 'short' must be shorter than the singular {singular!r}"
        )
    if "singular" not in entry:
        return replace(rules, short=short)
    return TitleForms(
        title=title,
        heading=entry.get("heading") or title_case(singular),
        singular=singular,
        plural=" ".join(entry["plural"].split()),
        article=entry.get("article") or article_for(singular),
        residual=rules.residual,
        possessive=entry.get("possessive", not _POST_MODIFIER.search(singular)),
        note=rules.note,
        short=short,
    )


# --- checks -----------------------------------------------------------------------------------


def still_plural(singular: str) -> tuple[str, ...]:
    """Words of a singular form that are still plural, as a check over the output.

    A head position (the last word before "of"/"to"/"(", a word before "or", a comma in an
    "or" list) must not hold a word inflect can singularize. A modifier position (before "and"
    or a comma) may hold a plural only if it is a known plural modifier ("sales", "benefits"):
    "musicians and singer", "cooks, fast food" and "helpers--carpenter" are flagged.
    """
    main = re.split(r" (?:of|to|for|in) |\(", singular, maxsplit=1)[0].strip()
    tokens = re.sub(r"(,|--)", r" \1 ", main).split()
    alternatives = " or " in f" {main} "
    found = []
    for index, word in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        head = following is None or following == "or" or (following == "," and alternatives)
        modifier = following in ("and", ",", "--")
        lower = word.lower()
        inflected = _ENGINE.singular_noun(lower)
        plural = isinstance(inflected, str) and inflected not in ("", lower)
        plural = plural and not (lower.endswith(_NOT_PLURAL_ENDINGS) and lower not in _PLURAL_ICS)
        if plural and (head or (modifier and lower not in _NEVER_HEADS)):
            found.append(word)
    return tuple(found)
