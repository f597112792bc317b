"""Safe YAML reading with line numbers, so every content error can point at its line."""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml's parser is several times faster; construction stays in Python either way
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _BaseLoader = yaml.SafeLoader


class LineDict(dict):
    """A mapping that remembers the line (1-based) where it and each of its keys start."""

    line: int = 0
    key_lines: dict[Any, int]


class YamlSyntaxError(ValueError):
    def __init__(self, line: int, column: int, reason: str) -> None:
        super().__init__(reason)
        self.line, self.column, self.reason = line, column, reason


class _LineLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineDict:
        mapping = LineDict()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, Hashable):
                raise YamlSyntaxError(
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                    "a key must be a plain value, not a list or mapping",
                )
            if key in mapping:
                raise YamlSyntaxError(
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                    f"duplicate key {key!r}",
                )
            mapping[key] = self.construct_object(value_node, deep=deep)
            mapping.key_lines[key] = key_node.start_mark.line + 1
        return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping)

MAX_DIGITS = 30  # far beyond any count or amount; Python refuses to convert 4,300+ digits


def _construct_int(loader: _LineLoader, node: yaml.ScalarNode) -> int:
    digits = sum(ch.isdigit() for ch in str(node.value))
    if digits > MAX_DIGITS:
        raise YamlSyntaxError(
            node.start_mark.line + 1,
            node.start_mark.column + 1,
            f"a whole number of {digits} digits is out of range (at most {MAX_DIGITS})",
        )
    return loader.construct_yaml_int(node)  # type: ignore[no-any-return]


_LineLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)


def load_yaml_text(text: str) -> Any:
    """Parse YAML safely (no object construction) with line-aware mappings."""
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        reason = " ".join(str(err.problem or err.context or "invalid YAML").split())
        raise YamlSyntaxError(line, col, f"YAML syntax error: {reason}") from None
    except yaml.YAMLError as err:
        raise YamlSyntaxError(0, 0, f"YAML error: {' '.join(str(err).split())}") from None


def load_yaml_file(path: Path) -> Any:
    return load_yaml_text(path.read_text(encoding="utf-8"))


def display_path(path: Path) -> str:
    """The path as a user would type it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
