"""The sandboxed Jinja2 environment phrasebank variants are compiled and rendered in.

Phrasebanks are content, edited by people who are not programmers and may come from
elsewhere, so a template gets only the slots of its message and a small set of filters:
no globals, no attribute writes, no access to Python internals, no calls, no macros, and
no value it cannot print in house style. What can be refused by reading the template is
refused when it is parsed, so a hostile phrasebank fails at load time (and in `lint`) with
its file:line: a text longer than MAX_TEMPLATE (checked by the phrasebank loader before it
parses), nesting too deep for the parser, numbers too large to be finite, and constant
expressions that break the limits below.

The rest is checked as the template runs, whatever builds the value: every arithmetic
operator, `~`, list and dict literals and every filter's result are measured, and one
render may print and build only so much in all (MAX_WORK), so no loop or chain of
doublings gets far. A template may not print a function (`{{ (a | title).upper }}`), nor a
number that is not finite.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from functools import wraps
from typing import Any

from jinja2 import StrictUndefined, Template, Undefined, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError, TemplateSyntaxError
from jinja2.lexer import Token, TokenStream
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..plan.quantities import Credential, Items, Quote, Term
from ..plan.spec import Referent
from .templating import FILTERS, NounPhrase, format_value, is_function

MAX_REPEAT = 1_000  # longest string or list that `*` may build
MAX_INT_BITS = 256  # largest integer arithmetic may build (about 77 digits)
MAX_VALUE = 10_000  # longest text a template may build; a list counts its items and their text
MAX_WORK = 250_000  # per render: characters printed, plus those built, plus one per operation
# How deeply a template may nest: blocks, and within a tag its operators and filters, count
# one level each, and a bracket four, for the parser recurses about four times as deep for
# it. At the limit the parser and compiler stay under a third of Python's recursion limit.
MAX_NESTING = 64
_BRACKET_WEIGHT = 4
# Longest source a variant's text or condition may have. The longest bundled variant is 304
# characters, so this leaves room for any sentence with all its branches, while a file cannot
# make the lexer, the checks and the compiler (and the template cache) work through megabytes.
MAX_TEMPLATE = 20_000

# Built-in filters editors keep besides ours: none of them can reach Python internals or
# build large values.
KEPT_BUILTIN_FILTERS = frozenset({"lower", "upper", "length", "first", "last", "abs", "round"})

_ARITHMETIC = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}
_ARITHMETIC.update({"//": operator.floordiv, "%": operator.mod, "**": operator.pow})


class TemplateRefused(TemplateSyntaxError):
    """A template the sandbox will not run; raised at parse time with the template's line."""


# What the current render has left of MAX_WORK; None outside a render (the fast paths of
# plain_templates and conditions, which build nothing, and compile-time folding).
_BUDGET: ContextVar[list[int] | None] = ContextVar("articlegen_render_budget", default=None)


def spend(amount: int) -> None:
    budget = _BUDGET.get()
    if budget is not None:
        budget[0] -= amount
        if budget[0] < 0:
            raise SecurityError(
                f"the template prints and builds more than {MAX_WORK:,} characters in one render"
            )


class GuardedTemplate(Template):
    """A template whose every render runs within one MAX_WORK budget."""

    @classmethod
    def _from_namespace(cls, environment: Any, namespace: Any, globals: Any) -> Template:
        template = super()._from_namespace(environment, namespace, globals)
        template.root_render_func = _budgeted(template.root_render_func)  # type: ignore[method-assign]
        return template


def _budgeted(render: Callable[[Any], Iterator[str]]) -> Callable[[Any], list[str]]:
    """The render function, run to the end at once so that the budget is this render's alone."""

    def root(context: Any) -> list[str]:
        budget = [MAX_WORK]
        token = _BUDGET.set(budget)
        try:
            pieces = []
            for piece in render(context):
                budget[0] -= len(piece)
                if budget[0] < 0:
                    raise SecurityError(f"the template prints more than {MAX_WORK:,} characters")
                pieces.append(piece)
            return pieces
        finally:
            _BUDGET.reset(token)

    return root


class _GuardedCodeGenerator(CodeGenerator):
    """Jinja's code generator, with `~` and literal lists and dicts measured as they are built."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.guarded_concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")

    def visit_List(self, node: nodes.List, frame: Frame) -> None:
        self.write("environment.guarded_literal(")
        super().visit_List(node, frame)
        self.write(")")

    def visit_Dict(self, node: nodes.Dict, frame: Frame) -> None:
        self.write("environment.guarded_literal(")
        super().visit_Dict(node, frame)
        self.write(")")

    def visit_Tuple(self, node: nodes.Tuple, frame: Frame) -> None:
        if node.ctx != "load":  # a loop's or assignment's target
            super().visit_Tuple(node, frame)
            return
        self.write("environment.guarded_literal(")
        super().visit_Tuple(node, frame)
        self.write(")")


class PhrasebankSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, with templates checked when parsed and every built value measured."""

    code_generator_class = _GuardedCodeGenerator
    template_class = GuardedTemplate
    # Intercepting these also stops Jinja's optimizer from folding `'a' * 10**9` or
    # `1e308 * 10` at compile time.
    intercepted_binops = frozenset(_ARITHMETIC)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        return guarded_binop(operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        # Parsing refuses every call already; this holds for code compiled some other way.
        raise SecurityError(f"templates may not call functions or methods ({__obj!r})")

    @staticmethod
    def guarded_concat(parts: tuple[Any, ...]) -> str:
        return guarded_concat(parts)

    @staticmethod
    def guarded_literal(value: Any) -> Any:
        return check_value(value, "a list")

    def _tokenize(
        self, source: str, name: str | None, filename: str | None = None, state: str | None = None
    ) -> TokenStream:
        # The parser recurses as it reads, so nesting is counted on the tokens it is about to read.
        source = self.preprocess(source, name, filename)
        tokens = self.lexer.wrap(self.lexer.tokeniter(source, name, filename, state), name, filename)
        return TokenStream(_checked_tokens(tokens, name, filename), name, filename)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        parsed = super()._parse(source, name, filename)
        for node, reason in find_refusals(parsed):
            raise TemplateRefused(f"refused by the sandbox: {reason}", node.lineno, name, filename)
        return parsed


def check_length(source: str) -> None:
    """Refuse a text or condition longer than MAX_TEMPLATE, before anything reads it further."""
    if len(source) > MAX_TEMPLATE:
        reason = f"the text is {len(source):,} characters long, more than the {MAX_TEMPLATE:,} allowed"
        raise TemplateRefused(f"refused by the sandbox: {reason}", 1)


def make_environment() -> PhrasebankSandbox:
    env = PhrasebankSandbox(
        undefined=StrictUndefined,
        autoescape=False,  # outputs are plain text; the HTML renderer escapes at the end
        finalize=format_value,  # refuses functions and numbers that are not finite
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    kept = {name: f for name, f in env.filters.items() if name in KEPT_BUILTIN_FILTERS}
    env.filters = {name: guard_filter(name, f) for name, f in {**kept, **FILTERS}.items()}
    env.globals = {}
    return env


# --- values: what a template may build -------------------------------------------------


def check_value(value: Any, what: str) -> Any:
    """`value`, which `what` built, or SecurityError if a template may not build it."""
    kind = type(value)
    if kind is str:
        size = len(value)
    elif kind is NounPhrase:
        size = len(value.text)
    elif kind is bool or value is None:
        return value
    else:
        size = _measure(value, what, 0)
    if size > MAX_VALUE:
        raise SecurityError(f"{what} would build a value longer than {MAX_VALUE:,} characters")
    spend(size + 1)
    return value


def _measure(value: Any, what: str, depth: int) -> int:
    """Characters in a value, a list's items counting one each; stops counting past MAX_VALUE."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise SecurityError(f"{what} gave a number that is not finite ({value})")
        return 1
    if isinstance(value, int):
        if value.bit_length() > MAX_INT_BITS:
            raise SecurityError(f"{what} would build a number of more than {MAX_INT_BITS} bits")
        return 1
    if isinstance(value, complex):
        raise SecurityError(f"{what} gave a complex number ({value})")
    if isinstance(value, NounPhrase):
        return len(value.text)
    if isinstance(value, Undefined):
        return 1  # Jinja reports it where it is used
    if is_function(value):
        raise SecurityError(f"{what} was given a function or method; a template may only use values")
    if isinstance(value, (list, tuple, dict, Items)):
        if depth >= MAX_NESTING:
            raise SecurityError(f"{what} would nest lists more than {MAX_NESTING} deep")
        items: Any = value.items if isinstance(value, Items) else value
        if isinstance(value, dict):
            items = [part for pair in value.items() for part in pair]
        total = len(items)
        for item in items:
            if total > MAX_VALUE:
                break
            total += _measure(item, what, depth + 1)
        return total
    return 1  # a value from the data (an occupation, a quantity): its size is the data's


def guarded_concat(parts: tuple[Any, ...]) -> str:
    """`a ~ b ~ ...` as Jinja joins it (str() of each part), measured as it is built."""
    texts = []
    total = 0
    for part in parts:
        if type(part) is not str:
            _measure(part, "'~'", 0)  # refuses functions and numbers that are not finite
            part = str(part)
        total += len(part)
        if total > MAX_VALUE:
            raise SecurityError(f"'~' would build a value longer than {MAX_VALUE:,} characters")
        texts.append(part)
    spend(total + 1)
    return "".join(texts)


def guard_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """The filter, refusing functions and numbers that are not finite as arguments and measuring its result.

    Filters run a few times in every sentence, so the common case (one argument of a kind
    that is neither, a text for result) is checked by type alone.
    """
    what = f"filter {name!r}"
    if getattr(function, "jinja_pass_arg", None) is not None:  # they, them, their: a context first

        @wraps(function)  # keeps jinja_pass_arg, which Jinja and the fast paths read
        def guarded_with_context(context: Any, *args: Any, **kwargs: Any) -> Any:
            _check_arguments((*args, *kwargs.values()), what)
            return _checked_result(function(context, *args, **kwargs), what)

        return guarded_with_context

    @wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        if kwargs or len(args) != 1 or type(args[0]) not in _PLAIN_KINDS:
            _check_arguments((*args, *kwargs.values()), what)
        return _checked_result(function(*args, **kwargs), what)

    return guarded


# Kinds of slot value that are neither functions nor numbers, so need no check as arguments.
_PLAIN_KINDS = frozenset({str, NounPhrase, Referent, Items, Quote, Term, Credential})


def _check_arguments(args: tuple[Any, ...], what: str) -> None:
    for arg in args:
        if type(arg) in _PLAIN_KINDS or isinstance(arg, Undefined):
            continue
        if is_function(arg):
            raise SecurityError(f"{what} was given a function or method; a template may only use values")
        if isinstance(arg, float) and not math.isfinite(arg):
            raise SecurityError(f"{what} was given a number that is not finite ({arg})")


def _checked_result(result: Any, what: str) -> Any:
    """check_value, with a filter's usual results measured inline."""
    kind = type(result)
    if kind is str:
        size = len(result)
    elif kind is NounPhrase:
        size = len(result.text)
    else:
        return check_value(result, what)
    if size > MAX_VALUE:
        raise SecurityError(f"{what} would build a value longer than {MAX_VALUE:,} characters")
    budget = _BUDGET.get()
    if budget is not None:
        budget[0] -= size + 1
        if budget[0] < 0:
            spend(0)  # raises
    return result


def guarded_binop(op: str, left: Any, right: Any) -> Any:
    """An arithmetic operator, refused with SecurityError when its result would be huge or not finite."""
    if op == "*":
        _check_repeat(left, right)
        _check_repeat(right, left)
        if _is_int(left) and _is_int(right) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise SecurityError(f"'*' would build a number of more than {MAX_INT_BITS} bits")
    elif op == "**":
        big = _is_int(left) and _is_int(right) and abs(left) > 1 and left.bit_length() * right > MAX_INT_BITS
        if big:
            raise SecurityError(f"'**' would build a number of more than {MAX_INT_BITS} bits")
    elif op == "%":
        if isinstance(left, (str, bytes)):
            raise SecurityError("'%' formatting of text is not allowed; write the text out")
    elif op not in _ARITHMETIC:
        raise SecurityError(f"operator {op!r} is not allowed")
    return check_value(_ARITHMETIC[op](left, right), repr(op))


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_repeat(sequence: Any, times: Any) -> None:
    if not (isinstance(sequence, (str, bytes, list, tuple)) and _is_int(times)):
        return
    if len(sequence) * times > MAX_REPEAT:
        raise SecurityError(f"'*' would build a sequence longer than {MAX_REPEAT:,}")
    if _measure(sequence, "'*'", 0) * times > MAX_VALUE:  # a short list of long texts
        raise SecurityError(f"'*' would build a value longer than {MAX_VALUE:,} characters")


# --- tokens: nesting and numbers, before the parser reads them -------------------------

_OPENING = frozenset({"lparen", "lbracket", "lbrace"})
_CLOSING = frozenset({"rparen", "rbracket", "rbrace"})
_OPERATORS = frozenset(
    {"pipe", "dot", "add", "sub", "mul", "div", "floordiv", "mod", "pow", "tilde"}
    | {"eq", "ne", "gt", "gteq", "lt", "lteq"}
)
_OPERATOR_WORDS = frozenset({"and", "or", "not", "is", "in", "if"})
_BLOCKS = frozenset({"if", "for", "block", "filter", "with", "macro", "call", "autoescape"})


def _checked_tokens(tokens: Iterator[Token], name: str | None, filename: str | None) -> Iterator[Token]:
    """The tokens, refused at the first that would nest too deeply or is a number out of range."""
    blocks = brackets = operators = 0
    statement = block_set = False  # the next name is a tag's keyword; a `{% set x %}` block
    line = 1
    try:
        for token in tokens:
            kind, line = token.type, token.lineno
            if kind in _OPERATORS:
                operators += 1
            elif kind in _OPENING:
                brackets += 1
            elif kind in _CLOSING:
                brackets = max(brackets - 1, 0)
            elif kind == "name":
                if statement:
                    statement, block_set = False, token.value == "set"
                    if token.value in _BLOCKS:
                        blocks += 1
                    elif token.value.startswith("end"):
                        blocks = max(blocks - 1, 0)
                elif token.value in _OPERATOR_WORDS:
                    operators += 1
            elif kind == "block_begin":
                statement = True
            elif kind == "assign":
                block_set = False
            elif kind in ("block_end", "variable_end"):
                blocks += block_set
                operators, block_set = 0, False
            elif kind in ("integer", "float"):
                _check_number(token.value, line, name, filename)
            if blocks + operators + _BRACKET_WEIGHT * brackets > MAX_NESTING:
                raise TemplateRefused(
                    f"refused by the sandbox: the template nests more than {MAX_NESTING} levels deep "
                    f"(blocks, filters and operators count one each, brackets {_BRACKET_WEIGHT})",
                    line,
                    name,
                    filename,
                )
            yield token
    except ValueError:  # Python refuses to read an integer of thousands of digits
        reason = f"refused by the sandbox: a number of more than {MAX_INT_BITS} bits"
        raise TemplateRefused(reason, line, name, filename) from None


def _check_number(value: Any, line: int, name: str | None, filename: str | None) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        reason = "a number too large to be finite"
    elif isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
        reason = f"a number of more than {MAX_INT_BITS} bits"
    else:
        return
    raise TemplateRefused(f"refused by the sandbox: {reason}", line, name, filename)


# --- the parsed template: constructs refused outright --------------------------------

# What a phrasebank template may not contain, by node type.
_REFUSED_NODES: dict[type[nodes.Node], str] = {
    nodes.Call: "templates may not call functions or methods; use a filter",
    nodes.Macro: "macros are not allowed in phrasebank templates",
    nodes.CallBlock: "call blocks are not allowed in phrasebank templates",
    nodes.Include: "templates may not include other templates",
    nodes.Import: "templates may not import other templates",
    nodes.FromImport: "templates may not import other templates",
    nodes.Extends: "templates may not extend other templates",
    # Both build their text apart from the render's output, out of reach of its budget.
    nodes.AssignBlock: "block assignments ({% set x %}…{% endset %}) are not allowed; use {% set x = … %}",
    nodes.FilterBlock: "filter blocks are not allowed; apply the filter to a value",
}
_BINOPS = {
    nodes.Add: "+",
    nodes.Sub: "-",
    nodes.Mul: "*",
    nodes.Div: "/",
    nodes.FloorDiv: "//",
    nodes.Pow: "**",
    nodes.Mod: "%",
}


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
    elif isinstance(node, (*_BINOPS, nodes.Concat)):
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
        return check_value([_fold(item) for item in node.items], "a list")
    if isinstance(node, tuple(_BINOPS)):
        left = _fold(node.left)
        if isinstance(node, nodes.Mod) and isinstance(left, str):  # refused whatever the right side
            return guarded_binop("%", left, None)
        return guarded_binop(_BINOPS[type(node)], left, _fold(node.right))
    if isinstance(node, nodes.Concat):
        return guarded_concat(tuple(_fold(part) for part in node.nodes))
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
