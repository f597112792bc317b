"""Spacing, punctuation and capitalization of rendered text.

Templates may leave doubled spaces where an optional piece was empty, a space
before a comma, or a sentence that ends in an abbreviation's period plus its
own. These rules put that right once, here, instead of in every template.
"""

from __future__ import annotations

import re

_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?)\]])")
_SPACE_AFTER_OPEN = re.compile(r"([(\[])\s+")
_DOUBLED = re.compile(r"([,;:])\s*([,;:])")
_COMMA_STOP = re.compile(r"[,;:]\s*\.")
_REPEATED_PERIOD = re.compile(r"(?<!\.)\.\.(?!\.)")
_MISSING_SPACE = re.compile(r"(?<=[a-z0-9%)])([.;,:!?])(?=[A-Z][a-z])")
_WORD = re.compile(r"[\w'-]+")
_TERMINAL = (".", "!", "?", ":")


# The regular expressions above say what each rule does; the functions below apply them
# through plain string operations where that gives the same result, because they run on
# every sentence of every article (tests/test_bulk.py checks the equivalence).
_PUNCT_AFTER_SPACE = tuple((f" {c}", c) for c in ",.;:!?)]")
# Cheap searches that find every place the rules above could change; most sentences have none.
_SEPARATOR_BEFORE_MARK = re.compile(r"[,;:] ?[,;:.]")  # spaces are single by then
_MARK_BEFORE_CAPITAL = re.compile(r"[.;,:!?][A-Z]")
_QUOTES = frozenset({'"', "\u201c", "'"})
# Where a rule could apply to text whose spaces are single (the other rules need a space or a
# character that is not printable), it starts at a mark, and sentences hold few marks: one
# search that skips from mark to mark tells whether any rule applies. Most sentences need none.
_FRAGMENT_RULES = r"(?<= [,.;:!?)\]])|(?<=[(\[]) "
_NEEDS_FRAGMENT_RULES = re.compile(rf"[,.;:!?)\]\[(](?:{_FRAGMENT_RULES})")
_NEEDS_SENTENCE_RULES = re.compile(
    rf"[,.;:!?)\]\[(](?:{_FRAGMENT_RULES}|(?<=[,;:]) ?[,;:.]|(?<=\.)\.|(?<=[.;,:!?])[A-Z]|(?<=[,;])$)"
)


def collapse_spaces(text: str) -> str:
    # str.split() and the regex \s use the same Unicode whitespace, as does strip()
    return " ".join(text.split())


def _spaced_cleanly(text: str) -> bool:
    """No whitespace but single spaces inside the text (isprintable() is False for the rest)."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def tidy_fragment(text: str) -> str:
    """Headings, labels, list items: clean spacing and a capital first letter, no added stop."""
    if _spaced_cleanly(text) and _NEEDS_FRAGMENT_RULES.search(text) is None:
        return capitalize_first(text)
    text = collapse_spaces(text)
    # Spaces are single now, so removing one before a mark cannot create another such pair.
    for spaced, mark in _PUNCT_AFTER_SPACE:
        if spaced in text:
            text = text.replace(spaced, mark)
    if "( " in text or "[ " in text:
        text = _SPACE_AFTER_OPEN.sub(r"\1", text)
    return capitalize_first(text)


def tidy_sentence(text: str) -> str:
    """A full sentence: fragment rules plus fixed punctuation and a final stop."""
    if _spaced_cleanly(text) and _NEEDS_SENTENCE_RULES.search(text) is None:
        # Capitalizing cannot make a rule apply: the letter follows nothing or a quote, not a mark.
        text = capitalize_first(text)
    else:
        text = tidy_fragment(text)
        if _SEPARATOR_BEFORE_MARK.search(text):
            text = _DOUBLED.sub(r"\1", text)
            text = _COMMA_STOP.sub(".", text)
        if ".." in text:
            text = _REPEATED_PERIOD.sub(".", text)
        if _MARK_BEFORE_CAPITAL.search(text):
            text = _MISSING_SPACE.sub(r"\1 ", text)
        text = text.rstrip(",;")
    if "\u201d," in text:  # US style: the comma goes inside the closing quotation mark
        text = text.replace("\u201d,", ",\u201d")
    if text.endswith("\u201d."):  # a quotation that ends the sentence takes the stop inside (US style)
        text = text[:-2] + ".\u201d"
    if text and not text.endswith(_TERMINAL) and not text.endswith(('."', '?"', '!"', ".)", ".\u201d")):
        text += "."
    return text


def tidy_verbatim(text: str) -> str:
    """Data text is the editors' own: only its spacing is normalized."""
    return collapse_spaces(text)


def capitalize_first(text: str) -> str:
    """Capitalize a leading letter (after an opening quote at most).

    Text that starts with anything else, such as "$" or "<", is left alone, and so
    is a first word that is a name with its own casing (iOS, eBay).
    """
    index = 1 if text[:1] in _QUOTES else 0
    if index >= len(text) or not text[index].isalpha() or text[index].isupper():
        return text
    rest = _WORD.match(text, index).group(0)[1:]  # type: ignore[union-attr]
    if not rest.islower() and any(c.isupper() for c in rest):  # islower(): no capital inside
        return text
    return text[:index] + text[index].upper() + text[index + 1 :]
