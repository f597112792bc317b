"""The sandboxed Jinja2 environment phrasebank variants are compiled and rendered in.

Phrasebanks are content, edited by people who are not programmers and may come from
elsewhere, so a template gets only the slots of its message and a small set of filters:
no globals, no attribute writes, no access to Python internals.
"""

from __future__ import annotations

from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .templating import FILTERS, format_value


def make_environment() -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        undefined=StrictUndefined,
        autoescape=False,  # outputs are plain text; the HTML renderer escapes at the end
        finalize=format_value,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # Only our filters plus a few harmless built-ins: editors get a small, documented set.
    keep = {"lower", "upper", "length", "first", "last", "abs", "round"}
    env.filters = {name: f for name, f in env.filters.items() if name in keep}
    env.filters.update(FILTERS)
    env.globals = {}
    return env
