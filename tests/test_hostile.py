"""Hostile phrasebanks and data: injection and bombs are refused, YAML builds no objects,
HTML escapes every data value, and the preview server stays on loopback."""

from __future__ import annotations

import shutil
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
from jinja2.exceptions import SecurityError

from articlegen import open_generator
from articlegen.cli.serve import serve
from articlegen.editing.serve import make_server
from articlegen.errors import DataError, PhrasebankError, RenderError
from articlegen.facts.load import load_occupation
from articlegen.realize.realizer import render_variant
from articlegen.resources import default_phrasebank_dir
from articlegen.wording.phrasebank import load_phrasebank, read_phrasebank
from articlegen.wording.sandbox import MAX_REPEAT, guarded_binop, make_environment

from .conftest import write_occupation
from .test_data import run_cli

# Each is refused when the phrasebank is parsed, with a reason an editor can act on.
HOSTILE = [
    ("{{ ''.__class__.__mro__ }}", "attribute '__mro__' is internal to Python"),
    ("{{ a.__class__.__base__.__subclasses__() }}", "not call functions"),
    ("{{ cycler.__init__.__globals__.os }}", "internal to Python"),
    ("{{ a['__globals__'] }}", "item '__globals__' is internal to Python"),
    ("{{ a.__init__.__globals__['os'].popen('ls').read() }}", "not call functions"),
    ("{{ lipsum.__globals__.os.system('id') }}", "not call functions"),
    ("{% include '/etc/passwd' %}", "may not include"),
    ("{% import 'os' as os %}", "may not import"),
    ("{% extends '/etc/passwd' %}", "may not extend"),
    ("{{ 'a' * 10**9 }}", f"longer than {MAX_REPEAT:,}"),
    ("{{ ['x'] * 10**8 }}", f"longer than {MAX_REPEAT:,}"),
    ("{{ 9**9**9 }}", "more than 256 bits"),
    ("{{ 10**10**10 }}", "more than 256 bits"),
    ("{{ '%0999999999d' % 1 }}", "'%' formatting of text"),
    ("{{ '{:>999999999}'.format(a) }}", "not call functions"),
    ("{{ a.center(999999999) }}", "not call functions"),
    ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "macros are not allowed"),
    ("{% call x() %}y{% endcall %}", "call blocks are not allowed"),
    ("{% for x in a recursive %}{{ loop(x) }}{% endfor %}", "recursive loops"),
    ("{% for x in a %}{% for y in a %}{% for z in a %}.{% endfor %}{% endfor %}{% endfor %}", "nested"),
]


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


@pytest.fixture(autouse=True)
def _no_template_cache(monkeypatch):
    monkeypatch.setenv("ARTICLEGEN_CACHE_DIR", "")


@pytest.mark.parametrize(("template", "reason"), HOSTILE)
def test_hostile_templates_are_refused_at_load_time(tmp_path, template, reason):
    started = time.perf_counter()
    with pytest.raises(PhrasebankError) as caught:
        load_phrasebank(_bank(tmp_path / "bank", template))
    assert time.perf_counter() - started < 5  # refused, not run: no allocation, no hang
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{tmp_path / 'bank' / 'x.yaml'}:6: ") or message.startswith("bank/x.yaml:6: ")
    assert "refused by the sandbox" in message and reason in message


@pytest.mark.parametrize(
    "condition", ["a.__class__", "a.mro()", "'a' * 10**9 > 1", "x.__init__.__globals__", "'%s' % a"]
)
def test_hostile_conditions_are_refused_at_load_time(tmp_path, condition):
    with pytest.raises(PhrasebankError, match=r"x\.yaml:7: condition of title/one: refused"):
        load_phrasebank(_bank(tmp_path / "bank", "{{ a }} vs {{ b }}", when=condition))


def test_lint_reports_each_hostile_template_as_file_line(tmp_path):
    bank = tmp_path / "en"
    shutil.copytree(default_phrasebank_dir(), bank)
    templates = [t for t, _ in HOSTILE[:4]] + ["{{ 'a' * 10**9 }}", "{% macro f() %}{% endmacro %}"]
    lines = []
    with (bank / "zz-hostile.yaml").open("w", encoding="utf-8") as out:
        out.write("messages:\n")
        for number, template in enumerate(templates):
            out.write(f"  hostile.m{number}:\n    slots: [a]\n    variants:\n      - id: v\n")
            out.write(f"        text: {template!r}\n")
            lines.append(1 + number * 5 + 5)
    result = run_cli("lint", str(bank), cwd=tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    reported = [line for line in result.stdout.splitlines() if line.startswith("en/zz-hostile.yaml:")]
    assert [int(line.split(":")[1]) for line in reported] == lines
    assert all("refused by the sandbox" in line for line in reported)
    assert "Traceback" not in result.stderr
    # the rest of the bank still loads and lints clean: only the hostile file is reported
    _, problems, _ = read_phrasebank(bank)
    assert problems and all(p.file.endswith("zz-hostile.yaml") for p in problems)


def test_arithmetic_on_data_values_is_limited_at_render_time():
    env = make_environment()
    template = env.from_string("{{ a * b }}")
    assert template.render(a="ab", b=3) == "ababab"
    with pytest.raises(SecurityError, match="longer than"):
        template.render(a="ab", b=10**6)
    with pytest.raises(SecurityError, match="bits"):
        env.from_string("{{ a ** b }}").render(a=10, b=10**6)
    with pytest.raises(SecurityError, match="formatting"):
        env.from_string("{{ a % b }}").render(a="%0999999999d", b=1)
    assert guarded_binop("%", 7, 3) == 1
    assert guarded_binop("**", 2, 10) == 1024


def test_a_refused_operation_at_render_time_is_one_line_naming_the_variant(tmp_path):
    bank = load_phrasebank(_bank(tmp_path / "bank", "{{ a * b }}"))
    variant = bank.message("title").variants[0]
    with pytest.raises(RenderError) as caught:
        render_variant(variant, "title", {"a": "x", "b": 10**9})
    assert str(caught.value).endswith(
        "title/one refused by the sandbox: '*' would build a sequence longer than 1,000"
    )
    assert ":6: " in str(caught.value)


def test_compiling_does_not_fold_a_bomb_into_the_code():
    """Jinja's optimizer would compute `'a' * n` at compile time; intercepting `*` stops it."""
    env = make_environment()
    code = env.compile(env.parse("{{ a * 10**8 }}"), raw=True)
    assert len(code) < 5_000


NO_CONSTRUCTOR = "YAML syntax error: could not determine a constructor"
YAML_OBJECTS = [
    '!!python/object/apply:os.system ["echo pwned > pwned.txt"]',
    "!!python/object:articlegen.facts.occupation.Occupation {title: X}",
    '!!python/name:os.system ""',
]


@pytest.mark.parametrize("tag", YAML_OBJECTS)
def test_yaml_constructs_no_objects_in_data(tmp_path, tag):
    path = write_occupation(tmp_path, "clerk", f"title: Clerk\ndescription: {tag}\n")
    with pytest.raises(
        DataError, match=r"clerk\.yaml:2:\d+: YAML syntax error: could not determine a constructor"
    ):
        load_occupation(path)
    assert not (tmp_path / "pwned.txt").exists()


@pytest.mark.parametrize("tag", YAML_OBJECTS)
def test_yaml_constructs_no_objects_in_phrasebanks(tmp_path, tag):
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "x.yaml").write_text(f"messages: {tag}\n", encoding="utf-8")
    with pytest.raises(
        PhrasebankError, match=r"x\.yaml:1: YAML syntax error: could not determine a constructor"
    ):
        load_phrasebank(bank)


def test_cli_refuses_a_python_tag_in_one_line(tmp_path):
    write_occupation(tmp_path / "data", "clerk", f"title: Clerk\nsalary: {YAML_OBJECTS[0]}\n")
    write_occupation(tmp_path / "data", "typist", "title: Typist\n")
    result = run_cli("generate", "clerk", "typist", "--data", str(tmp_path / "data"), cwd=tmp_path)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert "clerk.yaml:2:" in result.stderr
    assert not (tmp_path / "pwned.txt").exists()


MARKUP = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "</title><iframe src=//evil>",
    "\"'><svg onload=alert(3)>",
]


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _hostile_record(markup: str) -> str:
    quoted = markup.replace("\\", "\\\\").replace('"', '\\"')

    def q(text: str) -> str:
        return f'"{text}"'

    return "\n".join(
        [
            f"title: {q('Clerk ' + quoted)}",
            f"description: {q('Files papers. ' + quoted)}",
            f"group: {{code: 43-9000, title: {q('Other ' + quoted)}}}",
            f"sources: [{q('Source ' + quoted)}]",
            "salary: {yearly: 41000, hourly: 20}",
            f"responsibilities: [{q('Filing ' + quoted)}]",
            f"skills: [{{name: {q('typing ' + quoted)}, share: 40, example: {q('Types fast. ' + quoted)}}}]",
            f"education: {{most_common_degree: {{name: {q('diploma ' + quoted)}, share: 50}}, "
            f"major: {q('business ' + quoted)}}}",
            f"top_pay: {{state: {q('Ohio ' + quoted)}, state_salary: 50000, "
            f"company: {q('Acme ' + quoted)}, industry: {q('finance ' + quoted)}, industry_salary: 52000, "
            f"metro: {q('Dayton, OH ' + quoted)}, metro_salary: 51000}}",
            f"demographics: {{gender: [{{group: {q('Women ' + quoted)}, share: 60}}]}}",
            "",
        ]
    )


@pytest.mark.parametrize("markup", MARKUP)
def test_html_output_escapes_every_data_value(tmp_path, markup):
    write_occupation(tmp_path, "clerk", _hostile_record(markup))
    write_occupation(tmp_path, "typist", "title: Typist\nsalary: {yearly: 39000, hourly: 19}\n")
    generator = open_generator(tmp_path)
    for a, b in (("clerk", "typist"), ("typist", "clerk")):
        page = generator.generate(a, b, format="html")
        parser = _Page()
        parser.feed(page)
        parser.close()
        tags = {tag for tag, _ in parser.tags}
        assert not tags & {"script", "img", "iframe", "svg"}, tags
        assert not any(name.startswith("on") for _, attrs in parser.tags for name in attrs)
        text = "".join(parser.text)
        assert text.count(markup) >= 5, (a, b)  # title, description, duties, skills, places...


def test_serve_listens_on_loopback_by_default(tmp_path):
    host = next(p for p in serve.params if p.name == "host")
    assert host.default == "127.0.0.1"
    server = make_server(host.default, 0, None, None)
    try:
        assert server.loopback
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.server_close()
    help_text = run_cli("serve", "--help", cwd=tmp_path).stdout
    assert "127.0.0.1" in help_text
