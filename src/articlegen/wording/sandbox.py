"""The sandboxed Jinja2 environment phrasebank variants are compiled and rendered in.

Phrasebanks are content, edited by people who are not programmers and may come from
elsewhere, so a template gets only the slots of its message and a small set of filters:
no globals, no attribute writes, no access to Python internals, no calls, no macros, and
no operation that can build a huge value. What can be refused by reading the template is
refused when it is parsed, so a hostile phrasebank fails at load time (and in `lint`) with
its file:line; the limits on `*`, `**` and `%` also hold at render time, for values that
come from the data.
"""

from __future__ import annotations

import operator
from collections.abc import Iterator
from typing import Any

from jinja2 import StrictUndefined, nodes
from jinja2.exceptions import SecurityError, TemplateSyntaxError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .templating import FILTERS, format_value

MAX_REPEAT = 1_000  # longest string or list that `*` may build
MAX_INT_BITS = 256  # largest integer `*` and `**` may build (about 77 digits)

# Built-in filters editors keep besides ours: none of them can reach Python internals or
# build large values.
KEPT_BUILTIN_FILTERS = frozenset({"lower", "upper", "length", "first", "last", "abs", "round"})


class TemplateRefused(TemplateSyntaxError):
    """A template the sandbox will not run; raised at parse time with the template's line."""


class PhrasebankSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, with templates checked when parsed and arithmetic size-limited."""

    # Intercepting these also stops Jinja's optimizer from folding `'a' * 10**9` at compile time.
    intercepted_binops = frozenset({"*", "**", "%"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        return guarded_binop(operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        # Parsing refuses every call already; this holds for code compiled some other way.
        raise SecurityError(f"templates may not call functions or methods ({__obj!r})")

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        parsed = super()._parse(source, name, filename)
        for node, reason in find_refusals(parsed):
            raise TemplateRefused(f"refused by the sandbox: {reason}", node.lineno, name, filename)
        return parsed


def make_environment() -> PhrasebankSandbox:
    env = PhrasebankSandbox(
        undefined=StrictUndefined,
        autoescape=False,  # outputs are plain text; the HTML renderer escapes at the end
        finalize=format_value,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters = {name: f for name, f in env.filters.items() if name in KEPT_BUILTIN_FILTERS}
    env.filters.update(FILTERS)
    env.globals = {}
    return env


def guarded_binop(op: str, left: Any, right: Any) -> Any:
    """`*`, `**` or `%`, refused with SecurityError when the result would be huge."""
    if op == "*":
        _check_repeat(left, right)
        _check_repeat(right, left)
        if _is_int(left) and _is_int(right) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise SecurityError(f"'*' would build a number of more than {MAX_INT_BITS} bits")
        return operator.mul(left, right)
    if op == "**":
        big = _is_int(left) and _is_int(right) and abs(left) > 1 and left.bit_length() * right > MAX_INT_BITS
        if big:
            raise SecurityError(f"'**' would build a number of more than {MAX_INT_BITS} bits")
        return operator.pow(left, right)
    if op == "%":
        if isinstance(left, (str, bytes)):
            raise SecurityError("'%' formatting of text is not allowed; write the text out")
        return operator.mod(left, right)
    raise SecurityError(f"operator {op!r} is not allowed")


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_repeat(sequence: Any, times: Any) -> None:
    if (
        isinstance(sequence, (str, bytes, list, tuple))
        and _is_int(times)
        and len(sequence) * times > MAX_REPEAT
    ):
        raise SecurityError(f"'*' would build a sequence longer than {MAX_REPEAT:,}")


# What a phrasebank template may not contain, by node type.
_REFUSED_NODES: dict[type[nodes.Node], str] = {
    nodes.Call: "templates may not call functions or methods; use a filter",
    nodes.Macro: "macros are not allowed in phrasebank templates",
    nodes.CallBlock: "call blocks are not allowed in phrasebank templates",
    nodes.Include: "templates may not include other templates",
    nodes.Import: "templates may not import other templates",
    nodes.FromImport: "templates may not import other templates",
    nodes.Extends: "templates may not extend other templates",
}
_BINOPS = {nodes.Mul: "*", nodes.Pow: "**", nodes.Mod: "%"}


def find_refusals(template: nodes.Template) -> Iterator[tuple[nodes.Node, str]]:
    """Every construct of a parsed template the sandbox refuses, with the reason."""
    yield from _walk(template, loops=0)


def _walk(node: nodes.Node, loops: int) -> Iterator[tuple[nodes.Node, str]]:
    reason = _REFUSED_NODES.get(type(node))
    if reason:
        yield node, reason
    elif isinstance(node, nodes.Getattr) and node.attr.startswith("_"):
        yield node, f"attribute {node.attr!r} is internal to Python"
    elif isinstance(node, nodes.Getitem) and _constant_text(node.arg).startswith("_"):
        yield node, f"item {_constant_text(node.arg)!r} is internal to Python"
    elif isinstance(node, nodes.For):
        if node.recursive:
            yield node, "recursive loops are not allowed"
        if loops:
            yield node, "loops may not be nested"
        loops += 1
    elif isinstance(node, tuple(_BINOPS)):
        try:
            _fold(node)
        except SecurityError as err:
            yield node, str(err)
        except (_NotConstant, TypeError, ValueError, ArithmeticError):
            pass  # not a constant, or an error the render reports
    for child in node.iter_child_nodes():
        yield from _walk(child, loops)


def _constant_text(node: nodes.Node) -> str:
    return node.value if isinstance(node, nodes.Const) and isinstance(node.value, str) else ""


class _NotConstant(Exception):
    pass


def _fold(node: nodes.Node) -> Any:
    """The value of a constant expression, computed with the same limits as at render time."""
    if isinstance(node, nodes.Const):
        return node.value
    if isinstance(node, nodes.Neg):
        return -_fold(node.node)
    if isinstance(node, nodes.Pos):
        return _fold(node.node)
    if isinstance(node, (nodes.List, nodes.Tuple)):
        return [_fold(item) for item in node.items]
    if isinstance(node, tuple(_BINOPS)):
        left = _fold(node.left)
        if isinstance(node, nodes.Mod) and isinstance(left, str):  # refused whatever the right side
            return guarded_binop("%", left, None)
        return guarded_binop(_BINOPS[type(node)], left, _fold(node.right))
    if isinstance(node, (nodes.Add, nodes.Concat)):
        parts = [node.left, node.right] if isinstance(node, nodes.Add) else node.nodes
        values = [_fold(part) for part in parts]
        if isinstance(node, nodes.Concat):
            return "".join(str(v) for v in values)
        return values[0] + values[1]
    raise _NotConstant


def free_names(parsed: nodes.Template) -> set[str]:
    """Names a template reads without setting them.

    jinja2.meta.find_undeclared_variables runs the whole code generator, which
    doubled phrasebank load time; our templates set few names, so a node walk does.
    """
    loaded = {n.name for n in parsed.find_all(nodes.Name) if n.ctx == "load"}
    stored = {n.name for n in parsed.find_all(nodes.Name) if n.ctx in ("store", "param")}
    return loaded - stored


def filter_names(parsed: nodes.Template) -> set[str]:
    """Filters a template applies."""
    return {f.name for f in parsed.find_all(nodes.Filter)}
