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

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from jinja2 import Template, TemplateSyntaxError, meta
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .errors import PhrasebankError
from .templating import make_environment
from .yamlio import LineDict, YamlSyntaxError, display_path, load_yaml_file

_ID = re.compile(r"^[a-z0-9]+([._-][a-z0-9]+)*$")
_MESSAGE_KEYS = {"slots", "variants", "description"}
_VARIANT_KEYS = {"id", "text", "when"}


@dataclass(frozen=True)
class Variant:
    id: str
    text: str
    template: Template
    condition: Any  # a compiled Jinja expression, or None when the variant always applies
    condition_text: str | None
    file: str
    line: int


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


def load_phrasebank(directory: Path) -> Phrasebank:
    if not directory.is_dir():
        raise PhrasebankError(f"{display_path(directory)}: no such phrasebank directory")
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise PhrasebankError(f"{display_path(directory)}: no phrasebank files (*.yaml) found")
    env = make_environment()
    messages: dict[str, Message] = {}
    for path in files:
        for message in _load_file(path, env):
            if message.id in messages:
                first = messages[message.id]
                raise PhrasebankError(
                    f"{message.file}:{message.line}: message {message.id!r} is already defined "
                    f"at {first.file}:{first.line}"
                )
            messages[message.id] = message
    return Phrasebank(MappingProxyType(messages), directory, env)


def _load_file(path: Path, env: ImmutableSandboxedEnvironment) -> list[Message]:
    shown = display_path(path)
    try:
        raw = load_yaml_file(path)
    except YamlSyntaxError as err:
        raise PhrasebankError(f"{shown}:{err.line}:{err.column}: {err.reason}") from None
    except (OSError, UnicodeDecodeError) as err:
        raise PhrasebankError(f"{shown}: cannot read file: {err}") from None
    if not isinstance(raw, LineDict) or not isinstance(raw.get("messages"), LineDict):
        raise PhrasebankError(f"{shown}:1: expected a top-level 'messages:' mapping")
    body: LineDict = raw["messages"]
    return [
        _load_message(shown, str(message_id), spec, body.key_lines.get(message_id, 0), env)
        for message_id, spec in body.items()
    ]


def _load_message(
    shown: str, message_id: str, spec: Any, line: int, env: ImmutableSandboxedEnvironment
) -> Message:
    where = f"{shown}:{line}"
    if not _ID.match(message_id):
        raise PhrasebankError(
            f"{where}: message id {message_id!r} must be lowercase words joined by . - or _"
        )
    if not isinstance(spec, LineDict):
        raise PhrasebankError(f"{where}: message {message_id!r} must be a mapping with slots and variants")
    unknown = sorted(set(spec) - _MESSAGE_KEYS)
    if unknown:
        raise PhrasebankError(
            f"{shown}:{spec.key_lines[unknown[0]]}: unknown key {unknown[0]!r} in message {message_id!r}"
        )
    slots = spec.get("slots", [])
    if not isinstance(slots, list) or not all(isinstance(s, str) for s in slots):
        raise PhrasebankError(f"{where}: slots of {message_id!r} must be a list of names")
    variants_raw = spec.get("variants")
    if not isinstance(variants_raw, list) or not variants_raw:
        raise PhrasebankError(f"{where}: message {message_id!r} needs a non-empty 'variants' list")
    variants: list[Variant] = []
    seen: dict[str, int] = {}
    for raw in variants_raw:
        variant = _load_variant(shown, message_id, raw, frozenset(slots), env, line)
        if variant.id in seen:
            raise PhrasebankError(
                f"{shown}:{variant.line}: variant id {variant.id!r} of {message_id!r} is already used "
                f"on line {seen[variant.id]}"
            )
        seen[variant.id] = variant.line
        variants.append(variant)
    return Message(message_id, frozenset(slots), tuple(variants), shown, line)


def _load_variant(
    shown: str,
    message_id: str,
    raw: Any,
    slots: frozenset[str],
    env: ImmutableSandboxedEnvironment,
    message_line: int,
) -> Variant:
    if not isinstance(raw, LineDict):
        raise PhrasebankError(f"{shown}:{message_line}: each variant of {message_id!r} needs 'id' and 'text'")
    line = raw.line
    unknown = sorted(set(raw) - _VARIANT_KEYS)
    if unknown:
        raise PhrasebankError(f"{shown}:{line}: unknown key {unknown[0]!r} in a variant of {message_id!r}")
    variant_id, text, when = raw.get("id"), raw.get("text"), raw.get("when")
    if not isinstance(variant_id, str) or not _ID.match(variant_id):
        raise PhrasebankError(f"{shown}:{line}: a variant of {message_id!r} needs an 'id' of lowercase words")
    if not isinstance(text, str) or not text.strip():
        raise PhrasebankError(
            f"{shown}:{line}: variant {variant_id!r} of {message_id!r} needs a non-empty 'text'"
        )
    text_line = raw.key_lines.get("text", line)
    try:
        parsed = env.parse(text)
        template = env.from_string(parsed)
    except TemplateSyntaxError as err:
        where = f"{shown}:{text_line + (err.lineno or 1) - 1}"
        raise PhrasebankError(
            f"{where}: Jinja syntax error in {message_id}/{variant_id}: {err.message}"
        ) from None
    _check_names(shown, text_line, message_id, variant_id, meta.find_undeclared_variables(parsed), slots)
    condition = None
    if when is not None:
        if not isinstance(when, str):
            raise PhrasebankError(
                f"{shown}:{line}: 'when' of {message_id}/{variant_id} must be an expression"
            )
        when_line = raw.key_lines.get("when", line)
        try:
            condition = env.compile_expression(when)
            used = meta.find_undeclared_variables(env.parse("{{ " + when + " }}"))
        except TemplateSyntaxError as err:
            raise PhrasebankError(
                f"{shown}:{when_line}: condition of {message_id}/{variant_id} does not parse: {err.message}"
            ) from None
        _check_names(shown, when_line, message_id, variant_id, used, slots)
    return Variant(variant_id, text, template, condition, when, shown, text_line)


def _check_names(
    shown: str, line: int, message_id: str, variant_id: str, used: set[str], slots: frozenset[str]
) -> None:
    undeclared = sorted(used - slots)
    if undeclared:
        raise PhrasebankError(
            f"{shown}:{line}: {message_id}/{variant_id} uses {undeclared[0]!r}, which is not among the "
            f"message's slots ({', '.join(sorted(slots)) or 'none'})"
        )
