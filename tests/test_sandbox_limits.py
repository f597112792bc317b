"""The sandbox's limits, whatever builds a value: growth by any operator or filter, nesting the
parser would recurse on, numbers that are not finite, printed functions, and a template cache
that can only ever run what the current rules compiled."""

from __future__ import annotations

import marshal
import os
import shutil
import time
from pathlib import Path

import pytest

from articlegen.errors import PhrasebankError, RenderError
from articlegen.plan.spec import Referent
from articlegen.realize.realizer import render_variant
from articlegen.resources import default_phrasebank_dir
from articlegen.wording import template_cache
from articlegen.wording.phrasebank import load_phrasebank, read_phrasebank
from articlegen.wording.sandbox import (
    MAX_NESTING,
    MAX_TEMPLATE,
    MAX_VALUE,
    MAX_WORK,
    PhrasebankSandbox,
    make_environment,
)
from articlegen.wording.template_cache import TemplateCache, default_cache_path

from .test_data import run_cli

CLERK = Referent("clerk", "Clerk")


def _bank(directory: Path, text: str, when: str | None = None) -> Path:
    """A one-message phrasebank whose only variant has `text`; the template is on line 6."""
    directory.mkdir(parents=True, exist_ok=True)
    condition = f"        when: {when!r}\n" if when else ""
    (directory / "x.yaml").write_text(
        "messages:\n  title:\n    slots: [a, b]\n    variants:\n      - id: one\n"
        f"        text: {text!r}\n{condition}",
        encoding="utf-8",
    )
    return directory


def _render(directory: Path, text: str, b: object = "abc") -> str:
    variant = load_phrasebank(_bank(directory, text)).message("title").variants[0]
    return render_variant(variant, "title", {"a": CLERK, "b": b})


def _render_error(directory: Path, text: str, b: object = "abc") -> str:
    started = time.perf_counter()
    with pytest.raises(RenderError) as caught:
        _render(directory, text, b)
    assert time.perf_counter() - started < 5  # stopped early, not built and then measured
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{directory / 'x.yaml'}:6: title/one refused by the sandbox: "), message
    return message


def _load_error(directory: Path, text: str, when: str | None = None) -> str:
    with pytest.raises(PhrasebankError) as caught:
        load_phrasebank(_bank(directory, text, when))
    message = str(caught.value)
    assert "\n" not in message
    return message


@pytest.fixture(autouse=True)
def _no_template_cache(monkeypatch):
    monkeypatch.setenv("ARTICLEGEN_CACHE_DIR", "")


A_1000 = "{% set x = 'a' * 1000 %}"
GROWTH = {
    "concat": A_1000 + "{% set x = x ~ x %}" * 16 + "{{ x | length }}",
    "plus": A_1000 + "{% set x = x + x %}" * 16 + "{{ x | length }}",
    "times": A_1000 + "{% set x = x * 2 %}" * 16 + "{{ x | length }}",
    "list-of-texts": A_1000 + "{% set x = [x, x, x, x, x, x, x, x, x, x, x, x] %}{{ x | join_and }}",
    "repeated-list": A_1000 + "{% set x = [x] * 12 %}{{ x | join_or }}",
    "nested-lists": A_1000 + "{% set x = [x, x, x, x] %}{% set x = [x, x, x, x] %}{{ x }}",
    "filter": A_1000 + "{% set x = x ~ x ~ x ~ x ~ x ~ x ~ x ~ x %}{{ [x, x] | join_and | a_an }}",
    "loop-output": A_1000 + "{% for c in x %}{{ x }}{{ x }}{% endfor %}",
    "loop-work": A_1000 + "{% for c in x %}{% set y = x ~ x ~ x ~ x %}{% endfor %}.",
}


@pytest.mark.parametrize("template", GROWTH.values(), ids=GROWTH.keys())
def test_no_operator_builds_a_huge_value(tmp_path, template):
    message = _render_error(tmp_path / "bank", template)
    limits = (f"longer than {MAX_VALUE:,}", f"more than {MAX_WORK:,}", "longer than 1,000")
    assert any(limit in message for limit in limits), message


def test_ordinary_arithmetic_and_joins_still_render(tmp_path):
    text = _render(
        tmp_path / "bank",
        "{{ a | title }}, {{ 2 + 3 }}, {{ 7 // 2 }}, {{ 'x' ~ b }}, {{ [1, 2] | join_and }}, "
        "{{ (b * 3) | length }}",
    )
    assert text == "Clerk, 5, 3, xabc, 1 and 2, 9"


def test_lint_reports_a_growing_title_as_a_problem(tmp_path):
    bank = tmp_path / "en"
    shutil.copytree(default_phrasebank_dir(), bank)
    title = bank / "title.yaml"
    source = title.read_text(encoding="utf-8")
    growth = A_1000 + "{% set x = x ~ x %}" * 16 + "{{ x }}"
    title.write_text(
        source.rstrip("\n") + f"\n      - id: doubling\n        text: {growth!r}\n", encoding="utf-8"
    )
    line = len(source.rstrip("\n").splitlines()) + 2
    result = run_cli("lint", str(bank), cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    reported = [text for text in result.stdout.splitlines() if text.startswith(f"en/title.yaml:{line}:")]
    assert reported and "title/doubling refused by the sandbox" in reported[0], result.stdout
    assert f"longer than {MAX_VALUE:,}" in reported[0]


DEEP = {
    "parentheses": "{{ " + "(" * 1000 + "a" + ")" * 1000 + " }}",
    "brackets": "{{ " + "[" * 200 + "a" + "]" * 200 + " }}",
    "filters": "{{ a" + " | title" * 400 + " }}",
    "plus": "{{ b" + " + b" * 400 + " }}",
    "and": "{{ b" + " and b" * 400 + " }}",
    "not": "{{ " + "not " * 400 + "b }}",
    "minus": "{{ " + "- " * 400 + "b }}",
    "attributes": "{{ a" + ".title" * 400 + " }}",
    "inline-if": "{{ " + "b if b else " * 300 + "b }}",
    "if-blocks": "{% if b %}" * 300 + "x" + "{% endif %}" * 300,
    "with-blocks": "{% with %}" * 300 + "x" + "{% endwith %}" * 300,
    "set-blocks": "{% set x %}" * 300 + "x" + "{% endset %}" * 300,
}


@pytest.mark.parametrize("template", DEEP.values(), ids=DEEP.keys())
def test_deep_nesting_is_refused_before_the_parser_recurses(tmp_path, template):
    message = _load_error(tmp_path / "bank", template)
    assert message.startswith(f"{tmp_path / 'bank' / 'x.yaml'}:6: title/one refused by the sandbox: ")
    assert f"nests more than {MAX_NESTING} levels deep" in message


def test_deep_nesting_in_a_condition_is_refused(tmp_path):
    message = _load_error(tmp_path / "bank", "{{ b }}", when="(" * 500 + "b" + ")" * 500)
    assert ":7: condition of title/one: refused by the sandbox: " in message and "nests more than" in message


def test_moderate_nesting_still_loads(tmp_path):
    assert _render(tmp_path / "bank", "{{ " + "(" * 12 + "b" + ")" * 12 + " | length }}") == "3"


def _too_long(length: int) -> str:
    limit = f"more than the {MAX_TEMPLATE:,} allowed"
    return f"refused by the sandbox: the text is {length:,} characters long, {limit}"


@pytest.mark.parametrize("length", [MAX_TEMPLATE + 1, 5_000_000])
def test_a_huge_variant_text_is_refused_before_it_is_parsed(tmp_path, length):
    """Parsing and compiling 5 MB of slots took 91 s; refused, it costs the YAML read alone."""
    text = ("{{ a }}" * length)[:length]
    started = time.perf_counter()
    message = _load_error(tmp_path / "bank", text)
    assert time.perf_counter() - started < 5
    assert message == f"{tmp_path / 'bank' / 'x.yaml'}:6: title/one {_too_long(length)}"


def test_a_huge_condition_is_refused(tmp_path):
    when = "b" + " or b" * (MAX_TEMPLATE // 5)
    message = _load_error(tmp_path / "bank", "{{ b }}", when=when)
    assert message == f"{tmp_path / 'bank' / 'x.yaml'}:7: condition of title/one: {_too_long(len(when))}"


def test_a_variant_text_at_the_limit_loads(tmp_path):
    text = "{{ a | title }} " + "x" * (MAX_TEMPLATE - 16)
    assert len(text) == MAX_TEMPLATE
    assert _render(tmp_path / "bank", text) == "Clerk " + "x" * (MAX_TEMPLATE - 16)


def test_lint_reports_a_huge_variant_and_loads_the_rest(tmp_path):
    bank = _bank(tmp_path / "bank", "x" * (MAX_TEMPLATE + 1))
    (bank / "y.yaml").write_text(
        "messages:\n  other:\n    slots: [a]\n    variants:\n      - id: one\n        text: '{{ a }}'\n",
        encoding="utf-8",
    )
    loaded, problems, broken = read_phrasebank(bank)
    assert [str(p) for p in problems] == [f"{bank / 'x.yaml'}:6:1: title/one {_too_long(MAX_TEMPLATE + 1)}"]
    assert set(loaded.messages) == {"other"} and broken == {"title"}


NOT_FINITE_CONSTANTS = {
    "nan": "{{ 1e999 - 1e999 }}",
    "inf": "{{ 1e999 }}",
    "minus-inf": "{{ -1e999 }}",
    "overflowing-product": "{{ 1e308 * 10 }}",
    "huge-integer": "{{ 1" + "0" * 5000 + " }}",
}


@pytest.mark.parametrize("template", NOT_FINITE_CONSTANTS.values(), ids=NOT_FINITE_CONSTANTS.keys())
def test_numbers_out_of_range_are_refused_at_load_time(tmp_path, template):
    message = _load_error(tmp_path / "bank", template)
    assert message.startswith(f"{tmp_path / 'bank' / 'x.yaml'}:6: title/one refused by the sandbox: ")
    assert "not finite" in message or "too large" in message or "bits" in message


NOT_FINITE_AT_RENDER = {
    "product": ("{% set x = 1e308 %}{{ x * 10 }}", "abc"),
    "sum": ("{% set x = 1e308 %}{{ x + x }}", "abc"),
    "money-of-text": ("{{ 'nan' | money }}", "abc"),
    "percent-of-text": ("{{ 'inf' | percent }}", "abc"),
    "slot": ("{{ b }}", float("nan")),
    "slot-in-words": ("{{ b | words }}", float("inf")),
    "slot-through-abs": ("{{ b | abs }}", float("-inf")),
    "slot-concatenated": ("{{ 'x' ~ b }}", float("nan")),
    "complex": ("{% set x = -1 %}{{ x ** 0.5 }}", "abc"),
}


@pytest.mark.parametrize(("template", "b"), NOT_FINITE_AT_RENDER.values(), ids=NOT_FINITE_AT_RENDER.keys())
def test_a_number_that_is_not_finite_is_never_printed(tmp_path, template, b):
    message = _render_error(tmp_path / "bank", template, b)
    assert "not finite" in message or "complex" in message


FUNCTIONS = {
    "printed": "{{ (a | title).upper }}",
    "through-a-filter": "{{ (a | title).upper | lower }}",
    "as-a-filter-argument": "{{ b | count_noun((a | title).upper) }}",
    "concatenated": "{{ (a | title).upper ~ '' }}",
    "in-a-list": "{{ [(a | title).upper] }}",
    "set-then-printed": "{% set f = b.upper %}{{ f }}",
}


@pytest.mark.parametrize("template", FUNCTIONS.values(), ids=FUNCTIONS.keys())
def test_a_function_is_never_printed(tmp_path, template):
    message = _render_error(tmp_path / "bank", template)
    assert "function or method" in message


class _Endless:
    def __str__(self) -> str:
        raise RecursionError("maximum recursion depth exceeded")


def test_a_render_that_recurses_too_deeply_is_one_line(tmp_path):
    with pytest.raises(RenderError) as caught:
        _render(tmp_path / "bank", "{{ b }}", _Endless())
    assert (
        str(caught.value)
        == f"{tmp_path / 'bank' / 'x.yaml'}:6: title/one is too large to render (RecursionError)"
    )


# --- the template cache ----------------------------------------------------------------


def _cached_bank(tmp_path: Path, monkeypatch, text: str = "{{ a | title }} or {{ b }}") -> Path:
    monkeypatch.setenv("ARTICLEGEN_CACHE_DIR", str(tmp_path / "cache"))
    return _bank(tmp_path / "bank", text)


def _key(tmp_path: Path) -> bytes:
    return (tmp_path / "cache" / "key").read_bytes()


def _signed(key: bytes, entries: object) -> bytes:
    payload = marshal.dumps(entries)
    return template_cache._MAGIC + template_cache._tag(key, payload) + payload


def test_the_cache_is_used_and_kept_private(tmp_path, monkeypatch):
    bank = _cached_bank(tmp_path, monkeypatch)
    load_phrasebank(bank)
    path = default_cache_path()
    assert path is not None and path.is_file()
    written = path.stat().st_mtime_ns
    cache = TemplateCache.open(path)
    assert len(cache.entries) == 1
    load_phrasebank(bank)
    assert path.stat().st_mtime_ns == written  # all hits: nothing compiled, nothing saved
    if os.name == "posix":
        assert (tmp_path / "cache" / "key").stat().st_mode & 0o777 == 0o600
        assert path.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("forgery", ["unsigned", "signed-with-another-key"])
def test_code_planted_in_the_cache_is_never_run(tmp_path, monkeypatch, forgery):
    """Who can write to the cache directory but cannot read the key cannot make a load run code."""
    bank = _cached_bank(tmp_path, monkeypatch)
    load_phrasebank(bank)  # makes the key and a genuine cache
    marker = tmp_path / "pwned"
    code = compile(f"open({str(marker)!r}, 'w').write('ran')", "<planted>", "exec")
    key = TemplateCache.key(make_environment(), "{{ a | title }} or {{ b }}")
    planted = {key: (code, ("a", "b"), ("title",))}
    path = default_cache_path()
    assert path is not None
    path.write_bytes(marshal.dumps(planted) if forgery == "unsigned" else _signed(os.urandom(32), planted))
    variant = load_phrasebank(bank).message("title").variants[0]
    assert not marker.exists()
    assert render_variant(variant, "title", {"a": CLERK, "b": "x"}) == "Clerk or x"


def test_a_hit_never_skips_a_refusal_the_current_rules_make(tmp_path, monkeypatch):
    """An entry compiled under older, laxer rules is not reused once the rules change."""
    hostile = "{{ b" + " | lower" * 100 + " }}"  # refused now: it nests too deeply
    bank = _cached_bank(tmp_path, monkeypatch, hostile)
    monkeypatch.setattr(template_cache, "rules_version", lambda: "older rules")
    monkeypatch.setattr(PhrasebankSandbox, "_tokenize", _unchecked_tokenize)
    load_phrasebank(bank)  # compiled and cached under the older rules
    monkeypatch.undo()
    monkeypatch.setenv("ARTICLEGEN_CACHE_DIR", str(tmp_path / "cache"))
    with pytest.raises(PhrasebankError, match="nests more than"):
        load_phrasebank(bank)


def _unchecked_tokenize(self, source, name, filename=None, state=None):
    from jinja2 import Environment

    return Environment._tokenize(self, source, name, filename, state)


@pytest.mark.parametrize("signed", [True, False], ids=["signed", "unsigned"])
@pytest.mark.parametrize("entry", ["garbage", (1, 2), (None, ("a",), ("title",)), ("x", "y", "z")])
def test_an_entry_of_the_wrong_shape_is_ignored_and_rebuilt(tmp_path, monkeypatch, signed, entry):
    bank = _cached_bank(tmp_path, monkeypatch)
    load_phrasebank(bank)
    text = "{{ a | title }} or {{ b }}"
    key = TemplateCache.key(make_environment(), text)
    path = default_cache_path()
    assert path is not None
    path.write_bytes(_signed(_key(tmp_path), {key: entry}) if signed else marshal.dumps({key: entry}))
    variant = load_phrasebank(bank).message("title").variants[0]
    assert render_variant(variant, "title", {"a": CLERK, "b": "x"}) == "Clerk or x"
    assert template_cache._well_formed(TemplateCache.open(path).entries[key])  # rebuilt


@pytest.mark.parametrize(
    "content", [b"", b"\x00" * 10, os.urandom(4096), b"articlegen templates\n" + b"x" * 40]
)
def test_a_corrupt_cache_file_is_ignored(tmp_path, monkeypatch, content):
    bank = _cached_bank(tmp_path, monkeypatch)
    load_phrasebank(bank)
    path = default_cache_path()
    assert path is not None
    path.write_bytes(content)
    variant = load_phrasebank(bank).message("title").variants[0]
    assert render_variant(variant, "title", {"a": CLERK, "b": "x"}) == "Clerk or x"


@pytest.mark.skipif(os.name != "posix", reason="owners and mode bits are POSIX")
def test_a_key_others_can_read_is_replaced(tmp_path, monkeypatch):
    bank = _cached_bank(tmp_path, monkeypatch)
    load_phrasebank(bank)
    key_file = tmp_path / "cache" / "key"
    old = key_file.read_bytes()
    key_file.chmod(0o644)
    load_phrasebank(bank)
    assert key_file.read_bytes() != old and key_file.stat().st_mode & 0o777 == 0o600


@pytest.mark.skipif(os.name != "posix", reason="owners and mode bits are POSIX")
def test_a_key_another_user_owns_turns_the_cache_off(tmp_path, monkeypatch):
    bank = _cached_bank(tmp_path, monkeypatch)
    load_phrasebank(bank)
    path = default_cache_path()
    assert path is not None
    path.unlink()
    monkeypatch.setattr(os, "getuid", lambda: os.stat(tmp_path).st_uid + 1)  # the key is now someone else's
    load_phrasebank(bank)
    assert not path.exists()
    assert TemplateCache.open(path).path is None
