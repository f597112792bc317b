"""Pydantic's validation report as one line an editor can act on: field, reason, line."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from .yamlio import LineDict


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
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"  # "10,000,000", not "1e+07"
    return f"{value:g}" if isinstance(value, float) else str(value)


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
