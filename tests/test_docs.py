"""docs/phrasebanks.md is an editor's only guide: its examples must be what the program does."""

from __future__ import annotations

import re
import shutil

import pytest

from articlegen.plan.quantities import Items, Money, Percent, PercentPoints
from articlegen.plan.spec import Referent
from articlegen.resources import default_data_dir, default_phrasebank_dir
from articlegen.wording.phrasebank import load_phrasebank
from articlegen.wording.sandbox import make_environment

from .conftest import ROOT
from .test_data import run_cli

GUIDE = (ROOT / "docs" / "phrasebanks.md").read_text(encoding="utf-8")

# The slots the guide's filter table says its examples use.
EXAMPLE_SLOTS = {
    "role": Referent("collections-associate", "Collections Associate"),
    "other": Referent("account-representative", "Account Representative"),
    "salary": Money(46184),
    "share": Percent(31.5),
    "gap": PercentPoints(-2.5),
    "skills": Items(("customer service", "UPC", "data entry")),
    "n": 3,
    "degree": "associate's degree",
}


def _filter_rows() -> list[tuple[str, str, str]]:
    rows = re.findall(r"^\| (\S+|\*\(none\)\*) \| `(.+?)` \| (.+?) \|$", GUIDE, re.M)
    return [(name, template.replace("\\|", "|"), output) for name, template, output in rows]


def test_the_guide_shows_every_filter_an_editor_can_use():
    shown = {name.strip("`") for name, _, _ in _filter_rows()}
    assert set(make_environment().filters) <= shown


@pytest.mark.parametrize(("name", "template", "output"), _filter_rows(), ids=lambda v: str(v)[:30])
def test_each_filter_example_prints_what_the_guide_says(name, template, output):
    rendered = make_environment().from_string(template).render(**EXAMPLE_SLOTS)
    assert rendered == output


def _step_one_variant() -> str:
    section = GUIDE[GUIDE.index("### 1. Edit") :]
    return re.search(r"```yaml\n(.*?)```", section, re.S)[1]


def test_the_editing_loop_as_the_guide_tells_it(tmp_path):
    """Add the guide's variant, lint it clean, break it, see lint point at the line, preview it."""
    bank = tmp_path / "en"
    shutil.copytree(default_phrasebank_dir(), bank)
    path = bank / "salary.yaml"
    text = path.read_text()
    anchor = "\n  salary.compare.times:"  # the message after salary.compare
    path.write_text(text.replace(anchor, "\n" + _step_one_variant() + anchor, 1))
    assert "out-earn" in {v.id for v in load_phrasebank(bank).message("salary.compare").variants}
    data = ["--data", str(default_data_dir())]

    clean = run_cli("lint", str(bank), *data, cwd=tmp_path)
    assert clean.returncode == 0, clean.stdout

    path.write_text(
        path.read_text().replace("{{ higher | plural }} out-earn", "{{ higher | plurl }} out-earn")
    )
    typo_line = next(i for i, line in enumerate(path.read_text().splitlines(), 1) if "plurl" in line)
    broken = run_cli("lint", str(bank), *data, cwd=tmp_path)
    assert broken.returncode == 1
    assert re.search(
        rf"salary\.yaml:{typo_line}:\d+: .*unknown filter 'plurl'; did you mean 'plural'\?", broken.stdout
    )

    path.write_text(path.read_text().replace("plurl", "plural"))
    preview = run_cli(
        "variants", "salary.compare", "collections-associate", "account-representative",
        "--phrasebanks", str(bank), cwd=tmp_path,
    )  # fmt: skip
    assert preview.returncode == 0
    assert "out-earn" in preview.stdout
    assert "Collections associates out-earn account representatives by $1,612 a year." in preview.stdout

    # Step 4: which golden articles changed, against the content of this checkout.
    # Over 100 sampled pairs, not only the golden ones: among the many salary.compare wordings, the
    # new one may win none of the few golden articles.
    changed = run_cli(
        "diff", "--base-dir", str(ROOT), "--phrasebanks", str(bank), "--pairs", "all", "--limit", "100",
        cwd=tmp_path,
    )  # fmt: skip
    assert changed.returncode == 0, changed.stderr
    removed = [
        line for line in changed.stdout.splitlines() if line.startswith("-") and not line.startswith("---")
    ]
    added = [
        line for line in changed.stdout.splitlines() if line.startswith("+") and not line.startswith("+++")
    ]
    assert added and all(" out-earn " in line for line in added)  # only sentences the new variant won
    assert len(removed) == len(added)
    summary = re.search(r"^(\d+) of (\d+) articles changed, (\d+) sentences?$", changed.stdout, re.M)
    assert summary and int(summary[1]) == changed.stdout.count("+++ b/") and int(summary[3]) == len(added)


def test_commands_the_guide_names_exist(tmp_path):
    for command in re.findall(r"^articlegen (\w+)", GUIDE, re.M):
        result = run_cli(command, "--help", cwd=tmp_path)
        assert result.returncode == 0, (command, result.stderr)
