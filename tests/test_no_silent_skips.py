"""No test skips for a missing requirement except through conftest's helpers, which fail in CI.

A plain `pytest.skip`, `pytest.importorskip` or `skipif` passes silently in CI: the test it
guards stops running the day a package, a tool or a file goes missing, and nobody sees it. This
scan keeps new ones out. A skip that is right everywhere (a platform fact, such as a test that
needs fork on Windows) carries the allow-comment `# platform: <why>` on its line.
"""

from __future__ import annotations

import io
import tokenize
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ALLOW = "# platform:"
SKIPS = frozenset({"skip", "skipif", "importorskip"})

# Platform skips in files this change did not touch, matched by their exact line: each should
# carry `# platform:` on its line instead, and then its entry here can go.
PLATFORM_LINES = {
    (
        "test_sandbox_limits.py",
        '@pytest.mark.skipif(os.name != "posix", reason="owners and mode bits are POSIX")',
    ),
}


def silent_skips(source: str) -> list[tuple[int, str]]:
    """(line number, line) of each skip in `source` without the allow-comment.

    Tokens, not text: a skip named in a string or a comment is not a skip, and neither is a
    variable called `skip` or `pytest.skip.Exception` (what a test of the helpers catches).
    """
    lines = source.splitlines()
    tokens = [t for t in tokenize.generate_tokens(io.StringIO(source).readline) if t.type != tokenize.NL]
    allowed = {t.start[0] for t in tokens if t.type == tokenize.COMMENT and t.string.startswith(ALLOW)}
    found: list[tuple[int, str]] = []
    for i, token in enumerate(tokens):
        if token.type != tokenize.NAME or token.string not in SKIPS:
            continue
        after = tokens[i + 1].string if i + 1 < len(tokens) else ""
        before = [t.string for t in tokens[max(0, i - 2) : i]]
        called = after == "("  # pytest.skip(...), importorskip(...), skipif(...)
        marked = before[-2:] == ["mark", "."]  # @pytest.mark.skip, bare or called
        imported = any(
            t.string == "import" for t in tokens[max(0, i - 8) : i] if t.start[0] == token.start[0]
        )
        if (called or marked or imported) and token.start[0] not in allowed:
            found.append((token.start[0], lines[token.start[0] - 1].strip()))
    return found


def test_no_test_file_skips_silently():
    offenders = []
    for path in sorted(TESTS.glob("*.py")):
        if path.name == "conftest.py":  # the helpers themselves
            continue
        for number, line in silent_skips(path.read_text(encoding="utf-8")):
            if (path.name, line) not in PLATFORM_LINES:
                offenders.append(f"tests/{path.name}:{number}: {line}")
    assert offenders == [], (
        "use require / require_that / skip_unless_ci from tests/conftest.py (they fail in CI), "
        f"or mark a platform fact with '{ALLOW} <why>' on the line:\n" + "\n".join(offenders)
    )


@pytest.mark.parametrize(
    "line",
    [
        'openpyxl = pytest.importorskip("openpyxl")',
        'yaml = importorskip("yaml")',
        '    pytest.skip("no data")',
        '@pytest.mark.skipif(sys.platform == "win32", reason="no fork")',
        "@pytest.mark.skip",
        'pytestmark = pytest.mark.skip(reason="later")',
        "from pytest import importorskip",
        'pytest.skip("later")  # platform would be the wrong comment',
    ],
)
def test_the_scan_finds_each_kind_of_skip(line):
    assert silent_skips(line + "\n") == [(1, line.strip())]


@pytest.mark.parametrize(
    "line",
    [
        '    pytest.skip("needs fork")  # platform: no fork on Windows',
        "    skip_unless_ci(f'{DATASET} is missing')",
        'openpyxl = require("openpyxl", "the import extra")',
        'skip = {"manifest.jsonl", "errors.jsonl"}',
        "with pytest.raises(pytest.skip.Exception):",
        'message = "pytest.skip( is not allowed"  # nor is importorskip( in a comment',
        "x = (1,\n)  # fmt: skip",
    ],
)
def test_the_scan_passes_what_is_not_a_silent_skip(line):
    assert silent_skips(line + "\n") == []


def test_the_allow_comment_covers_only_its_own_line():
    source = 'pytest.skip("a")  # platform: a fact\npytest.skip("b")\n'
    assert silent_skips(source) == [(2, 'pytest.skip("b")')]
