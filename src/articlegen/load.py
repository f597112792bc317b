"""Reading occupation data files into validated, immutable records."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from pydantic import ValidationError

from .errors import DataError, UnknownOccupationError
from .occupation import Occupation
from .yamlio import LineDict, YamlSyntaxError, display_path, load_yaml_file


@dataclass(frozen=True)
class Catalog:
    """Every occupation of one data directory, by slug."""

    occupations: Mapping[str, Occupation]
    source: Path

    def __iter__(self) -> Iterator[Occupation]:
        return iter(self.occupations.values())

    def __len__(self) -> int:
        return len(self.occupations)

    def find(self, query: str) -> Occupation:
        """Resolve a slug or a title, case-insensitively."""
        wanted = slugify(query)
        if wanted in self.occupations:
            return self.occupations[wanted]
        for occupation in self.occupations.values():
            if occupation.title.casefold() == query.strip().casefold():
                return occupation
        raise UnknownOccupationError(self._unknown_message(query))

    def _unknown_message(self, query: str) -> str:
        close = difflib.get_close_matches(slugify(query), list(self.occupations), n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else "; run 'articlegen list' to see them all"
        return f"unknown occupation {query!r}{hint}"


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def occupation_dir(data_dir: Path) -> Path:
    nested = data_dir / "occupations"
    return nested if nested.is_dir() else data_dir


def load_catalog(data_dir: Path) -> Catalog:
    directory = occupation_dir(data_dir)
    if not directory.is_dir():
        raise DataError(f"{display_path(data_dir)}: no such data directory")
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise DataError(f"{display_path(directory)}: no occupation files (*.yaml) found")
    occupations = {path.stem: load_occupation(path) for path in files}
    for occupation in occupations.values():
        for stated in occupation.comparisons:
            if stated.against not in occupations:
                raise DataError(
                    f"{display_path(directory / (occupation.slug + '.yaml'))}: comparisons.against: "
                    f"names unknown occupation {stated.against!r}"
                )
    return Catalog(MappingProxyType(occupations), directory)


def load_occupation(path: Path) -> Occupation:
    shown = display_path(path)
    try:
        raw = load_yaml_file(path)
    except OSError as err:
        raise DataError(f"{shown}: cannot read file: {err.strerror}") from None
    except UnicodeDecodeError:
        raise DataError(f"{shown}: not UTF-8 text") from None
    except YamlSyntaxError as err:
        raise DataError(f"{shown}:{err.line}:{err.column}: {err.reason}") from None
    if not isinstance(raw, dict):
        raise DataError(f"{shown}: expected a mapping of fields at the top level")
    if "slug" in raw:
        raise DataError(f"{shown}: slug: is taken from the file name; remove it")
    try:
        return Occupation.model_validate({**raw, "slug": path.stem})
    except ValidationError as err:
        raise DataError(f"{shown}: {describe_validation_error(err, raw)}") from None


def describe_validation_error(err: ValidationError, raw: Any = None) -> str:
    """Turn pydantic's report into one line: `field.path: what is wrong (and N more)`."""
    errors = err.errors(include_url=False)
    first = errors[0]
    field = ".".join(str(part) for part in first["loc"]) or "(top level)"
    line = _line_of(raw, first["loc"])
    where = f" (line {line})" if line else ""
    more = f" (+{len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{field}: {_reason(first)}{where}{more}"


def _line_of(raw: Any, loc: tuple[Any, ...]) -> int | None:
    node, line = raw, None
    for part in loc:
        if isinstance(node, LineDict) and part in node:
            line = node.key_lines.get(part, line)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
            line = getattr(node, "line", line)
        else:
            break
    return line


_REASONS = {
    "missing": "is required",
    "extra_forbidden": "is not a known field (see 'articlegen schema')",
    "float_parsing": "must be a number",
    "float_type": "must be a number",
    "int_parsing": "must be a whole number",
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "finite_number": "must be a finite number",
    "string_type": "must be text",
    "string_too_short": "must not be empty",
    "literal_error": "must be one of {expected}",
    "dict_type": "must be a mapping of fields",
    "model_type": "must be a mapping of fields",
    "tuple_type": "must be a list",
    "string_pattern_mismatch": "must be lowercase words joined by hyphens",
}


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, (int, float)) else str(value)


def _reason(error: Mapping[str, Any]) -> str:
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind == "greater_than" and ctx.get("gt") == 0:
        return "must be a positive number"
    if kind in {"greater_than", "greater_than_equal"}:
        return f"must be at least {_number(ctx.get('gt', ctx.get('ge')))}"
    if kind in {"less_than", "less_than_equal"}:
        return f"must be at most {_number(ctx.get('lt', ctx.get('le')))}"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    if kind in _REASONS:
        return _REASONS[kind].format(**ctx)
    message = str(error["msg"])
    return message[:1].lower() + message[1:]
