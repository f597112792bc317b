"""Phrasebanks: the editors' YAML files of messages and their wording variants.

A file looks like this::

    messages:
      salary.compare:
        slots: [higher, lower, difference]
        variants:
          - id: earn-more
            text: "{{ higher | plural }} earn {{ difference }} more than {{ lower | plural }}."
          - id: pay-gap
            when: "difference > 5000"
            text: "..."

Every template is parsed and compiled once, here, so a broken file fails at load
time with its file and line instead of in the middle of a bulk run.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from jinja2 import Template, TemplateSyntaxError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..errors import PhrasebankError
from ..facts.yamlio import LineDict, YamlSyntaxError, display_path, load_yaml_text
from .conditions import Condition, compile_condition
from .sandbox import TemplateRefused, check_length, filter_names, free_names, make_environment
from .template_cache import TemplateCache, default_cache_path

_ID = re.compile(r"^[a-z0-9]+([._-][a-z0-9]+)*$")
_MESSAGE_KEYS = {"slots", "variants", "description"}
_VARIANT_KEYS = {"id", "text", "when"}


@dataclass(frozen=True)
class Variant:
    id: str
    text: str
    template: Template
    condition: Condition | None  # None when the variant always applies
    condition_text: str | None
    file: str
    line: int
    names: tuple[str, ...] | None = None  # slots its text reads; None: not known, assume all


@dataclass(frozen=True)
class Message:
    id: str
    slots: frozenset[str]
    variants: tuple[Variant, ...]
    file: str
    line: int


@dataclass(frozen=True)
class Phrasebank:
    messages: Mapping[str, Message]
    source: Path
    environment: ImmutableSandboxedEnvironment

    def message(self, message_id: str) -> Message:
        try:
            return self.messages[message_id]
        except KeyError:
            raise PhrasebankError(
                f"{display_path(self.source)}: no message {message_id!r}; every article needs it"
            ) from None


@dataclass(frozen=True)
class Problem:
    """One fault in a phrasebank, located for an editor's `file:line:col`."""

    file: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.message}"

    def one_line(self) -> str:
        """The load-time form, `file:line: message`, that generate and friends print."""
        return f"{self.file}:{self.line}: {self.message}"


class _Problems(list[Problem]):
    """Collects problems; in strict mode (every command but lint) the first one is raised."""

    def __init__(self, strict: bool) -> None:
        super().__init__()
        self.strict = strict
        self.broken: set[str] = set()  # ids of messages left out for a problem already reported

    def add(self, file: str, line: int, message: str, col: int = 1) -> None:
        problem = Problem(file, line, col, message)
        if self.strict:
            raise PhrasebankError(problem.one_line())
        self.append(problem)


def load_phrasebank(directory: Path) -> Phrasebank:
    """Load every file; the first problem found is raised as a one-line PhrasebankError."""
    bank, _ = _read(directory, _Problems(strict=True))
    return bank


def read_phrasebank(directory: Path) -> tuple[Phrasebank, list[Problem], frozenset[str]]:
    """Load what loads and collect every problem, for lint; faulty messages and variants are left out.

    Also returns the ids of messages left out for a problem already reported, so that
    lint does not report them a second time as missing. Raises PhrasebankError only
    when there is nothing to read at all.
    """
    problems = _Problems(strict=False)
    bank, _ = _read(directory, problems)
    return bank, list(problems), frozenset(problems.broken)


def _read(directory: Path, problems: _Problems) -> tuple[Phrasebank, _Problems]:
    if not directory.is_dir():
        raise PhrasebankError(f"{display_path(directory)}: no such phrasebank directory")
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise PhrasebankError(f"{display_path(directory)}: no phrasebank files (*.yaml) found")
    env = make_environment()
    cache = TemplateCache.open(default_cache_path())
    messages: dict[str, Message] = {}
    for path in files:
        for message in _load_file(path, env, problems, cache):
            if message.id in messages:
                first = messages[message.id]
                problems.add(
                    message.file,
                    message.line,
                    f"message {message.id!r} is already defined at {first.file}:{first.line}",
                )
                continue
            messages[message.id] = message
    cache.save()
    return Phrasebank(MappingProxyType(messages), directory, env), problems


def _load_file(
    path: Path, env: ImmutableSandboxedEnvironment, problems: _Problems, cache: TemplateCache
) -> list[Message]:
    shown = display_path(path)
    try:
        source = path.read_text(encoding="utf-8")
        raw = load_yaml_text(source)
    except YamlSyntaxError as err:
        problems.add(shown, err.line, err.reason, err.column)
        return []
    except (OSError, UnicodeDecodeError) as err:
        problems.add(shown, 1, f"cannot read file: {err}")
        return []
    if not isinstance(raw, LineDict) or not isinstance(raw.get("messages"), LineDict):
        problems.add(shown, 1, "expected a top-level 'messages:' mapping")
        return []
    body: LineDict = raw["messages"]
    place = _Locator(shown, source.splitlines(), problems, cache)
    loaded = (
        _load_message(place, str(message_id), spec, body.key_lines.get(message_id, 0), env)
        for message_id, spec in body.items()
    )
    return [m for m in loaded if m is not None]


@dataclass(frozen=True)
class _Locator:
    """Reports problems in one file, finding the column of a name in the text when it can."""

    file: str
    lines: list[str]
    problems: _Problems
    cache: TemplateCache

    def add(self, line: int, message: str, needle: str | None = None) -> None:
        line, col = self.find(line, needle) if needle else (line, 1)
        self.problems.add(self.file, line, message, col)

    def content_line(self, key_line: int) -> int:
        """Where a value starts: the next line when the key opens a block scalar (`text: >-`)."""
        rest = self.lines[key_line - 1].partition(":")[2].strip() if 0 < key_line <= len(self.lines) else ""
        return key_line + 1 if rest[:1] in ("|", ">") else key_line

    def find(self, line: int, needle: str) -> tuple[int, int]:
        """The first place at or after `line` where `needle` occurs (a template spans a few lines)."""
        for number in range(max(line, 1), min(line + 40, len(self.lines)) + 1):
            col = self.lines[number - 1].find(needle)
            if col >= 0:
                return number, col + 1
        return line, 1


def _load_message(
    place: _Locator, message_id: str, spec: Any, line: int, env: ImmutableSandboxedEnvironment
) -> Message | None:
    if not _ID.match(message_id):
        place.add(line, f"message id {message_id!r} must be lowercase words joined by . - or _", message_id)
        return None
    if not isinstance(spec, LineDict):
        place.add(line, f"message {message_id!r} must be a mapping with slots and variants")
        return None
    unknown = sorted(set(spec) - _MESSAGE_KEYS)
    for key in unknown:
        place.add(spec.key_lines[key], f"unknown key {key!r} in message {message_id!r}", str(key))
    if unknown:  # most likely a misspelt 'slots' or 'variants': checking further would only cascade
        place.problems.broken.add(message_id)
        return None
    slots = spec.get("slots", [])
    if not isinstance(slots, list) or not all(isinstance(s, str) for s in slots):
        place.add(spec.key_lines.get("slots", line), f"slots of {message_id!r} must be a list of names")
        return None
    variants_raw = spec.get("variants")
    if not isinstance(variants_raw, list) or not variants_raw:
        place.add(line, f"message {message_id!r} needs a non-empty 'variants' list")
        return None
    variants: list[Variant] = []
    seen: dict[str, int] = {}
    for raw in variants_raw:
        variant = _load_variant(place, message_id, raw, frozenset(slots), env, line)
        if variant is None:
            continue
        id_line = raw.key_lines.get("id", raw.line)
        if variant.id in seen:
            place.add(
                id_line,
                f"variant id {variant.id!r} of {message_id!r} is already used on line {seen[variant.id]}",
                variant.id,
            )
            continue
        seen[variant.id] = id_line
        variants.append(variant)
    if not variants:
        place.problems.broken.add(message_id)
        return None
    return Message(message_id, frozenset(slots), tuple(variants), place.file, line)


def _load_variant(
    place: _Locator,
    message_id: str,
    raw: Any,
    slots: frozenset[str],
    env: ImmutableSandboxedEnvironment,
    message_line: int,
) -> Variant | None:
    if not isinstance(raw, LineDict):
        place.add(message_line, f"each variant of {message_id!r} needs 'id' and 'text'")
        return None
    line = raw.line
    for key in sorted(set(raw) - _VARIANT_KEYS):
        place.add(raw.key_lines[key], f"unknown key {key!r} in a variant of {message_id!r}", str(key))
    variant_id, text, when = raw.get("id"), raw.get("text"), raw.get("when")
    if not isinstance(variant_id, str) or not _ID.match(variant_id):
        place.add(line, f"a variant of {message_id!r} needs an 'id' of lowercase words")
        return None
    if not isinstance(text, str) or not text.strip():
        place.add(line, f"variant {variant_id!r} of {message_id!r} needs a non-empty 'text'")
        return None
    name = f"{message_id}/{variant_id}"
    text_line = raw.key_lines.get("text", line)
    compiled = _compile_template(place, name, text, text_line, slots, env)
    condition = None
    if when is not None:
        when_line = raw.key_lines.get("when", line)
        condition = _compile_condition(place, name, when, when_line, slots, env)
        if condition is None:
            return None
    if compiled is None:
        return None
    template, names = compiled
    return Variant(variant_id, text, template, condition, when, place.file, text_line, names)


def _compile_template(
    place: _Locator,
    name: str,
    text: str,
    line: int,
    slots: frozenset[str],
    env: ImmutableSandboxedEnvironment,
) -> tuple[Template, tuple[str, ...]] | None:
    """The template, with the slot names it reads."""
    try:
        check_length(text)  # before it is hashed for the cache, lexed or parsed
    except TemplateRefused as err:
        place.add(place.content_line(line), f"{name} {err.message}")
        return None
    key = TemplateCache.key(env, text)
    compiled = place.cache.get(key)
    if compiled is None:
        try:
            parsed = env.parse(text)
        except TemplateRefused as err:  # parsed fine, but asks for something the sandbox forbids
            place.add(place.content_line(line) + (err.lineno or 1) - 1, f"{name} {err.message}")
            return None
        except TemplateSyntaxError as err:
            where = place.content_line(line) + (err.lineno or 1) - 1
            place.add(where, f"Jinja syntax error in {name}: {err.message}")
            return None
        filters = tuple(sorted(filter_names(parsed)))
        if not _check_filters(place, line, name, filters, env):
            _check_names(place, line, name, free_names(parsed), slots)  # report these too
            return None
        try:
            code = env.compile(parsed)
        except TemplateSyntaxError as err:  # e.g. an unknown test in `is ...`
            place.add(line + (err.lineno or 1) - 1, f"Jinja error in {name}: {err.message}")
            return None
        compiled = (code, tuple(sorted(free_names(parsed))), filters)
        place.cache.put(key, compiled)
    code, read, _ = compiled
    if not _check_names(place, line, name, set(read), slots):
        return None
    return env.template_class.from_code(env, code, env.make_globals(None), None), tuple(read)


def _compile_condition(
    place: _Locator,
    name: str,
    when: Any,
    line: int,
    slots: frozenset[str],
    env: ImmutableSandboxedEnvironment,
) -> Any:
    if not isinstance(when, str):
        place.add(line, f"'when' of {name} must be an expression")
        return None
    try:
        check_length(when)  # measured as written, not as wrapped for the parser
        parsed = env.parse("{{ " + when + " }}")
        condition = compile_condition(env, parsed, when)
    except TemplateRefused as err:
        place.add(line, f"condition of {name}: {err.message}", "when")
        return None
    except TemplateSyntaxError as err:
        place.add(line, f"condition of {name} does not parse: {err.message}", "when")
        return None
    ok = _check_names(place, line, name, free_names(parsed), slots)
    filters = tuple(sorted(filter_names(parsed)))
    ok = _check_filters(place, line, name, filters, env) and ok
    return condition if ok else None


def _check_names(place: _Locator, line: int, name: str, used: set[str], slots: frozenset[str]) -> bool:
    undeclared = sorted(used - slots)
    for variable in undeclared:
        place.add(
            line,
            f"{name} uses {variable!r}, which is not among the message's slots "
            f"({', '.join(sorted(slots)) or 'none'})",
            variable,
        )
    return not undeclared


def _check_filters(
    place: _Locator, line: int, name: str, filters: tuple[str, ...], env: ImmutableSandboxedEnvironment
) -> bool:
    unknown = [f for f in filters if f not in env.filters]
    for filter_name in unknown:
        close = difflib.get_close_matches(filter_name, list(env.filters), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        place.add(line, f"{name} uses an unknown filter {filter_name!r}{hint}", filter_name)
    return not unknown
