"""The reviewed crosswalk entries that title rules cannot find: data/cps/crosswalk-overrides.yaml.

`rows` maps a CPS row title (as published) to every OEWS code the Census occupation covers, with
the reason; an empty `soc` list records a row reviewed and found to cover no OEWS code.
`unmatched_codes` records OEWS codes reviewed and left without a row, with the reason. Every
error names the file and line, so a reviewer can fix it without a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...errors import DataError
from ...facts.yamlio import LineDict, YamlSyntaxError, load_yaml_text

_SOC = re.compile(r"^\d{2}-\d{4}$")
_ROW_KEYS = {"soc", "why"}


@dataclass(frozen=True)
class RowOverride:
    title: str
    soc: tuple[str, ...]
    why: str
    line: int


@dataclass(frozen=True)
class CodeNote:
    soc: str
    why: str
    line: int


@dataclass(frozen=True)
class Overrides:
    path: Path
    rows: Mapping[str, RowOverride]
    unmatched_codes: Mapping[str, CodeNote]

    def where(self, line: int) -> str:
        return f"{self.path}:{line}"


def load_overrides(path: Path, known_codes: frozenset[str]) -> Overrides:
    """Parse and check the file: known SOC codes only, each claimed at most once."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"{path}: no such file") from None
    except OSError as err:
        raise DataError(f"{path}: cannot be read ({err.strerror})") from None
    try:
        document = load_yaml_text(text)
    except YamlSyntaxError as err:
        raise DataError(f"{path}:{err.line}: {err.reason}") from None
    if document is None:
        document = LineDict()
    if not isinstance(document, LineDict):
        raise DataError(f"{path}:1: expected a mapping with 'rows' and 'unmatched_codes'")
    unknown = sorted(set(document) - {"rows", "unmatched_codes"}, key=str)
    if unknown:
        raise DataError(f"{path}:{document.key_lines[unknown[0]]}: unknown section {unknown[0]!r}")
    rows = _read_rows(document.get("rows"), path, document.key_lines.get("rows", 1), known_codes)
    notes = _read_notes(
        document.get("unmatched_codes"), path, document.key_lines.get("unmatched_codes", 1), known_codes
    )
    claimed = {code: entry for entry in rows.values() for code in entry.soc}
    for note in notes.values():
        if note.soc in claimed:
            entry = claimed[note.soc]
            raise DataError(
                f"{path}:{note.line}: {note.soc} is listed as unmatched but row {entry.title!r} "
                f"(line {entry.line}) claims it"
            )
    return Overrides(path, rows, notes)


def _read_rows(section: Any, path: Path, line: int, known: frozenset[str]) -> dict[str, RowOverride]:
    if section is None:
        return {}
    if not isinstance(section, LineDict):
        raise DataError(f"{path}:{line}: 'rows' must map CPS row titles to {{soc, why}}")
    rows: dict[str, RowOverride] = {}
    claimed: dict[str, tuple[str, int]] = {}
    for title, entry in section.items():
        at = section.key_lines[title]
        if not isinstance(title, str) or not title.strip():
            raise DataError(f"{path}:{at}: a row title must be text, found {title!r}")
        if not isinstance(entry, LineDict):
            raise DataError(f"{path}:{at}: {title!r}: expected a mapping with 'soc' and 'why'")
        extra = sorted(set(entry) - _ROW_KEYS, key=str)
        if extra:
            raise DataError(f"{path}:{entry.key_lines[extra[0]]}: {title!r}: unknown field {extra[0]!r}")
        soc_line = entry.key_lines.get("soc", at)
        codes = _read_codes(entry.get("soc"), path, soc_line, title, known)
        for code in codes:
            if code in claimed:
                other, other_line = claimed[code]
                raise DataError(
                    f"{path}:{soc_line}: {title!r}: {code} is already claimed by {other!r} "
                    f"(line {other_line})"
                )
            claimed[code] = (title, soc_line)
        why = _read_why(entry.get("why"), path, entry.key_lines.get("why", at), title)
        clean = " ".join(title.split())
        if clean in rows:
            raise DataError(f"{path}:{at}: {clean!r} is listed twice (first at line {rows[clean].line})")
        rows[clean] = RowOverride(clean, codes, why, at)
    return rows


def _read_codes(raw: Any, path: Path, line: int, title: str, known: frozenset[str]) -> tuple[str, ...]:
    if not isinstance(raw, list):
        raise DataError(f"{path}:{line}: {title!r}: 'soc' must be a list of OEWS codes (use [] for none)")
    codes: list[str] = []
    for code in raw:
        if not isinstance(code, str) or not _SOC.match(code):
            raise DataError(f"{path}:{line}: {title!r}: {code!r} is not a SOC code like 11-9199")
        if code not in known:
            raise DataError(f"{path}:{line}: {title!r}: unknown SOC code {code} (not an OEWS occupation)")
        if code in codes:
            raise DataError(f"{path}:{line}: {title!r}: {code} is listed twice")
        codes.append(code)
    return tuple(sorted(codes))


def _read_why(raw: Any, path: Path, line: int, subject: str) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise DataError(f"{path}:{line}: {subject!r}: 'why' must say why, in a sentence")
    return " ".join(raw.split())


def _read_notes(section: Any, path: Path, line: int, known: frozenset[str]) -> dict[str, CodeNote]:
    if section is None:
        return {}
    if not isinstance(section, LineDict):
        raise DataError(f"{path}:{line}: 'unmatched_codes' must map OEWS codes to {{why}}")
    notes: dict[str, CodeNote] = {}
    for code, entry in section.items():
        at = section.key_lines[code]
        if not isinstance(code, str) or not _SOC.match(code):
            raise DataError(f"{path}:{at}: {code!r} is not a SOC code like 11-9199")
        if code not in known:
            raise DataError(f"{path}:{at}: unknown SOC code {code} (not an OEWS occupation)")
        if not isinstance(entry, LineDict) or set(entry) != {"why"}:
            raise DataError(f"{path}:{at}: {code}: expected a mapping with only 'why'")
        notes[code] = CodeNote(code, _read_why(entry["why"], path, entry.key_lines["why"], code), at)
    return notes
