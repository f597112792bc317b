"""Templates that are only text and `{{ slot | filter }}`, rendered without Jinja's machinery.

Most variants are sentences with a few slots and filters. Jinja renders each in a new
Context (about a third of its time). These become one Python expression that joins the
same pieces, printed through the same `finalize` and filters, so the text is Jinja's own
(tests/test_plain_templates.py compares every bundled variant). Anything else (tags,
attributes, arguments, literals), and any render that raises, is left to Jinja, so its
errors stay Jinja's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from jinja2 import Environment, nodes
from jinja2.exceptions import TemplateError

from ..wording.sandbox import filter_names

PlainRender = Callable[[Mapping[str, Any]], str]


class _Unsupported(Exception):
    pass


def compile_plain(env: Environment, text: str) -> PlainRender | None:
    """A function of the slots giving the template's text, or None if Jinja must render it.

    The slots passed must hold everything the template reads; context filters (they,
    them, their) read the previous subject from them as they would from Jinja's Context.
    """
    try:
        parsed = env.parse(text)
        pieces = _pieces(parsed, env)
    except (_Unsupported, TemplateError):
        return None
    # Each filter is a global of its own, `_f_<name>`: one lookup a use. Only registered
    # filter names get there (_expression checks), and they are identifiers.
    filters = {f"_f_{name}": env.filters[name] for name in filter_names(parsed)}
    source = f"lambda s: ''.join(({', '.join(pieces)},))" if pieces else "lambda s: ''"
    # The source holds only the whitelisted nodes, with slot names and text via repr().
    return eval(source, {"__builtins__": {}, "_fin": env.finalize, **filters})  # type: ignore[no-any-return]


def _pieces(parsed: nodes.Template, env: Environment) -> list[str]:
    pieces = []
    for statement in parsed.body:
        if not isinstance(statement, nodes.Output):
            raise _Unsupported
        for node in statement.nodes:
            if isinstance(node, nodes.TemplateData):
                pieces.append(repr(node.data))
            else:
                # finalize gives text; were it not to, join raises and Jinja renders it instead
                pieces.append(f"_fin({_expression(node, env)})")
    return pieces


def _expression(node: nodes.Node, env: Environment) -> str:
    if isinstance(node, nodes.Name) and node.ctx == "load":
        return f"s[{node.name!r}]"
    if isinstance(node, nodes.Filter) and node.node is not None and node.name in env.filters:
        if node.args or node.kwargs or node.dyn_args or node.dyn_kwargs:
            raise _Unsupported
        passes = getattr(env.filters[node.name], "jinja_pass_arg", None)
        inner = _expression(node.node, env)
        if passes is None:
            return f"_f_{node.name}({inner})"
        if passes.name == "context":  # our context filters only .get() from it, as from a dict
            return f"_f_{node.name}(s, {inner})"
    raise _Unsupported
