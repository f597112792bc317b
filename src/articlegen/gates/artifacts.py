"""What must never appear in generated text: the artifacts of a careless generator.

Used by `lint` on single sentences, and by the tests and quality gates on whole articles.
"""

from __future__ import annotations

import re

# What must never appear in an article: missing values, template leftovers, a dash or $0
# standing in for a fact, mojibake of the kind the reference pages had, doubled spaces
# or punctuation, a missing space after a full stop.
ARTIFACTS = {
    "None": re.compile(r"\bNone\b"),
    "nan": re.compile(r"\b(nan|NaN|inf)\b"),
    "template brace": re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}"),
    "dash for a missing value": re.compile(r"\|\s*-\s*\||\s-\s*$", re.M),
    "$0": re.compile(r"\$0(?![.,]\d)"),
    "mojibake": re.compile(r"acirc|euro;|rdquo|&[a-z]+;|Ã|â€"),
    "double space": re.compile(r"(?<=\S)  +(?=\S)"),
    "space before punctuation": re.compile(r"\w \s*[,.;:!?](?!\d)"),
    "doubled punctuation": re.compile(r"(?<!\.)[,;:]\s*[,;:.]|(?<![.])\.\.(?!\.)"),
    "missing space after stop": re.compile(r"[a-z]\.[A-Z][a-z]"),
    "dangling conjunction": re.compile(r"\b(and|or|,)\s*[.:]|\b(and|or)\s*$", re.M),
    "empty list item": re.compile(r"^- *$", re.M),
    # "1 years", "one percentage points": a count of one with a plural noun, as a template that
    # writes "{{ n }} years" says when the gap is exactly one (the measure filter agrees). The end
    # of a range ("0–1 months", "from 0 to 1 months") is plural and is not one.
    "plural after one": re.compile(
        r"(?<![\d.,$\u2013-])(?<!\bto )\b(?:1|[Oo]ne) (?:years|months|weeks|days|hours|percentage points"
        r"|points|times|jobs|workers|levels|openings)\b"
    ),
    "lowercase sentence start": re.compile(
        r"(?<!\bU\.S\. )(?<!\bCo\. )(?<!\bInc\. )(?<!\bLtd\. )(?<!\bCorp\. )(?<!\bSt\. )(?<!\bvs\. )"
        r"(?<=[.!?] )[a-z]|^[a-z]",
        re.M,
    ),
}


def find_artifacts(text: str) -> list[str]:
    """Names of the artifact kinds found in `text`, with the offending snippet."""
    found = []
    body = "\n".join(line for line in text.splitlines() if not line.startswith("|"))
    for name, pattern in ARTIFACTS.items():
        target = text if name in {"dash for a missing value", "template brace", "None", "nan", "$0"} else body
        match = pattern.search(target)
        if match:
            start = max(0, match.start() - 30)
            found.append(f"{name}: ...{target[start : match.end() + 30]!r}")
    return found


# One pass over the text for the common case, a clean sentence; flags are the same for all (re.M).
_ANY = re.compile("|".join(f"(?:{p.pattern})" for p in ARTIFACTS.values()), re.M)


def find_sentence_artifacts(text: str) -> list[str]:
    """Artifact kinds in one rendered sentence; an empty sentence is one too."""
    if not text.strip():
        return ["empty output"]
    if not _ANY.search(text):
        return []
    return [name for name, pattern in ARTIFACTS.items() if pattern.search(text)]
