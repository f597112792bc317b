"""Variant conditions (`when:`) compiled to plain Python, with Jinja's as the reference.

A bulk article tests about fifty conditions, and Jinja runs each one as a small
template with a context of its own (about 15 µs). The conditions editors write are
names, attributes, comparisons, `and`/`or`/`not` and argument-free filters such as
`length`; those become one Python expression over the slots (under 1 µs). Anything
else, and any condition that raises or meets a missing value, is handed to Jinja's
compiled expression, so results and errors are Jinja's own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, Undefined, nodes

from .sandbox import filter_names, free_names


@dataclass(frozen=True)
class Condition:
    """A compiled `when:`; `names` are the slots it reads, so a cache can key on their values alone."""

    test: Callable[[Mapping[str, Any]], bool]
    names: tuple[str, ...]

    def __call__(self, slots: Mapping[str, Any]) -> bool:
        return self.test(slots)


_COMPARISONS = {
    "eq": "==",
    "ne": "!=",
    "gt": ">",
    "gteq": ">=",
    "lt": "<",
    "lteq": "<=",
    "in": "in",
    "notin": "not in",
}


class _Unsupported(Exception):
    """A construct the translation leaves to Jinja."""


class _Missing(Exception):
    """An attribute Jinja would make Undefined: Jinja decides what that means."""


def compile_condition(env: Environment, parsed: nodes.Template, text: str) -> Condition:
    """The condition as a function of the slots; `parsed` is `{{ text }}` as env parsed it."""
    names = tuple(sorted(free_names(parsed)))
    return Condition(_compile_test(env, parsed, text), names)


def _compile_test(env: Environment, parsed: nodes.Template, text: str) -> Callable[[Mapping[str, Any]], bool]:
    reference = env.compile_expression(text)

    def by_jinja(slots: Mapping[str, Any]) -> bool:
        return bool(reference(**slots))

    try:
        source = _translate(_expression(parsed))
    except _Unsupported:
        return by_jinja
    filters = {name: env.filters[name] for name in filter_names(parsed)}
    if any(getattr(f, "jinja_pass_arg", None) is not None for f in filters.values()):
        return by_jinja  # it wants a context or environment, which only Jinja passes
    # The source holds only the whitelisted nodes above, with names and constants via repr().
    fast = eval(f"lambda s: {source}", {"__builtins__": {}, "_attr": _attribute_reader(env), "_f": filters})

    def condition(slots: Mapping[str, Any]) -> bool:
        try:
            return bool(fast(slots))
        except Exception:  # a missing slot or attribute, or a bad comparison: Jinja's verdict
            return by_jinja(slots)

    return condition


def _expression(parsed: nodes.Template) -> nodes.Expr:
    body = parsed.body
    if len(body) != 1 or not isinstance(body[0], nodes.Output) or len(body[0].nodes) != 1:
        raise _Unsupported
    return body[0].nodes[0]


def _translate(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name) and node.ctx == "load":
        return f"s[{node.name!r}]"
    if isinstance(node, nodes.Const) and type(node.value) in (str, int, float, bool, type(None)):
        return repr(node.value)
    if isinstance(node, nodes.Getattr):
        return f"_attr({_translate(node.node)}, {node.attr!r})"
    if isinstance(node, nodes.Not):
        return f"(not {_translate(node.node)})"
    if isinstance(node, nodes.And | nodes.Or):
        word = "and" if isinstance(node, nodes.And) else "or"
        return f"({_translate(node.left)} {word} {_translate(node.right)})"
    if isinstance(node, nodes.Compare):
        parts = [_translate(node.expr)]
        for operand in node.ops:
            if operand.op not in _COMPARISONS:
                raise _Unsupported
            parts.append(f"{_COMPARISONS[operand.op]} {_translate(operand.expr)}")
        return f"({' '.join(parts)})"
    if isinstance(node, nodes.Filter) and node.node is not None:
        if node.args or node.kwargs or node.dyn_args or node.dyn_kwargs:
            raise _Unsupported
        return f"_f[{node.name!r}]({_translate(node.node)})"
    raise _Unsupported


def _attribute_reader(env: Environment) -> Callable[[Any, str], Any]:
    """The sandbox's own attribute lookup; an Undefined result goes back to Jinja.

    A field of a dataclass slot value (`role.attributive`) is plain data and is read directly.
    """
    lookup = env.getattr

    def read(obj: Any, name: str) -> Any:
        if name in getattr(type(obj), "__dataclass_fields__", ()):
            return getattr(obj, name)
        value = lookup(obj, name)
        if isinstance(value, Undefined):
            raise _Missing(name)
        return value

    return read
