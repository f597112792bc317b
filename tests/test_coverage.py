"""`articlegen coverage` and the pair sources it shares with `diff`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from articlegen.cli.coverage import coverage
from articlegen.corpus.pairs import golden_pairs_path, read_pairs_csv, select_pairs
from articlegen.errors import ArticlegenError
from articlegen.facts.load import load_catalog
from articlegen.plan.article import plan_article
from articlegen.wording.choose import variant_score

from .conftest import ROOT

PAIRS = [("collections-associate", "account-representative"), ("recovery-agent", "collections-coordinator")]


def copy_content(root: Path) -> tuple[Path, Path]:
    """A copy of the bundled data and phrasebanks, laid out like the checkout: (data, phrasebanks/en)."""
    data, bank = root / "data", root / "phrasebanks" / "en"
    shutil.copytree(ROOT / "data", data)  # every dataset: a part missing from one side would show as a change
    shutil.copytree(ROOT / "phrasebanks" / "en", bank)
    return data, bank


def edit_messages(bank: Path, file: str, edit) -> None:
    """Rewrite one phrasebank file through `edit(messages)`; comments are lost, which tests don't mind."""
    path = bank / file
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(document["messages"])
    path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=1000), "utf-8")


def write_pairs(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def losing_variant_id(catalog, message: str, rival: str, pairs: list[tuple[str, str]]) -> str:
    """A variant id that ranks below `rival` for every pair, so it is eligible and never chosen."""
    keys = [plan_article(catalog.find(a), catalog.find(b)).pair_key for a, b in pairs]
    for n in range(1000):
        candidate = f"also-{n}"
        if all(variant_score(0, k, message, candidate) < variant_score(0, k, message, rival) for k in keys):
            return candidate
    raise AssertionError("no losing id found")


def invoke(*args: str):
    return CliRunner().invoke(coverage, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def edited(tmp_path_factory, generator) -> tuple[Path, Path, Path, str]:
    """Content with a variant that can never hold, one that always loses, and a message no plan uses."""
    root = tmp_path_factory.mktemp("content")
    data, bank = copy_content(root)
    loser = losing_variant_id(generator.catalog, "heading.salary", "salary", PAIRS)

    def add_variants(messages):
        messages["salary.compare"]["variants"].append(
            {"id": "never", "when": "percent_more > 1000", "text": "{{ higher | plural }} earn a fortune."}
        )
        messages["heading.salary"]["variants"].append({"id": loser, "text": "Pay"})

    edit_messages(bank, "salary.yaml", add_variants)
    unused = {"messages": {"test.unused": {"slots": [], "variants": [{"id": "only", "text": "Unused."}]}}}
    (bank / "extra.yaml").write_text(yaml.safe_dump(unused, sort_keys=False), encoding="utf-8")
    pairs = write_pairs(root / "pairs.csv", ["a,b", *(f"{a},{b}" for a, b in PAIRS)])
    return data, bank, pairs, loser


@pytest.fixture(scope="module")
def report(edited) -> dict:
    data, bank, pairs, _ = edited
    result = invoke("--pairs", str(pairs), "--json", "--data", str(data), "--phrasebanks", str(bank))
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def variant_of(report: dict, message: str, variant: str) -> dict:
    found = next(m for m in report["messages"] if m["id"] == message)
    return next(v for v in found["variants"] if v["id"] == variant)


def test_a_condition_that_never_holds_is_reported_never_eligible(report):
    assert {"message": "salary.compare", "variant": "never"} in report["never_eligible"]
    never = variant_of(report, "salary.compare", "never")
    assert (never["when"], never["eligible"], never["chosen"], never["share"]) == (
        "percent_more > 1000",
        0,
        0,
        0,
    )


def test_a_variant_that_always_loses_is_reported_never_chosen(report, edited):
    loser = edited[3]
    assert {"message": "heading.salary", "variant": loser} in report["never_chosen"]
    assert {"message": "heading.salary", "variant": loser} not in report["never_eligible"]
    assert variant_of(report, "heading.salary", loser)["eligible"] == len(PAIRS)
    winner = variant_of(report, "heading.salary", "salary")
    assert (winner["eligible"], winner["chosen"], winner["share"]) == (len(PAIRS), len(PAIRS), 1.0)


def test_a_message_no_plan_uses_never_appears(report):
    assert "test.unused" in report["never_appearing"]
    unused = next(m for m in report["messages"] if m["id"] == "test.unused")
    assert unused["appearances"] == 0
    assert unused["variants"][0]["share"] is None
    # variants of a message that never appeared are not also listed as never eligible
    assert all(entry["message"] != "test.unused" for entry in report["never_eligible"])


def test_json_shape_and_counts_add_up(report, edited):
    bank = edited[1]
    assert list(report) == [
        "pairs",
        "seed",
        "articles",
        "messages",
        "never_eligible",
        "never_chosen",
        "never_appearing",
    ]
    assert report["pairs"] == {"source": str(edited[2]), "used": 2, "available": 2, "sampled": False}
    assert (report["seed"], report["articles"]) == (0, 2)
    ids = [m["id"] for m in report["messages"]]
    in_files = {m for path in bank.glob("*.yaml") for m in yaml.safe_load(path.read_text())["messages"]}
    # A comparison report lists the comparison messages; the overview pages' `page.*` ones are theirs.
    assert ids == sorted(ids) == sorted(m for m in in_files if not m.startswith("page."))
    for message in report["messages"]:
        assert set(message) == {"id", "file", "line", "appearances", "variants"}
        assert sum(v["chosen"] for v in message["variants"]) == message["appearances"], message["id"]
        for v in message["variants"]:
            assert set(v) == {"id", "file", "line", "when", "eligible", "chosen", "share"}
            assert v["chosen"] <= v["eligible"] <= message["appearances"]
    assert report["messages"][ids.index("title")]["appearances"] == 2  # one title an article


def test_table_lists_variants_and_the_three_sections(edited):
    data, bank, pairs, loser = edited
    result = invoke("--pairs", str(pairs), "--data", str(data), "--phrasebanks", str(bank))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Coverage over 2 pairs (")
    assert lines[3].split() == ["message", "variant", "eligible", "chosen", "share"]
    assert ["heading.salary", "(2)", "salary", "2", "2", "100%"] in [line.split() for line in lines]
    assert ["never", "0", "0", "0%"] in [line.split() for line in lines]
    text = result.stdout
    never_eligible = text.split("Never eligible")[1].split("Eligible but never chosen")[0]
    never_chosen = text.split("Eligible but never chosen")[1].split("Messages that never appear")[0]
    never_appearing = text.split("Messages that never appear")[1]
    assert "salary.compare/never " in never_eligible and "when: percent_more > 1000" in never_eligible
    assert f"heading.salary/{loser} " in never_chosen
    assert "test.unused  " in never_appearing and "extra.yaml:2" in never_appearing


def test_golden_pairs_are_the_snapshot_pairs():
    golden = [(row.a, row.b) for row in read_pairs_csv(golden_pairs_path())]
    snapshots = ROOT / "tests" / "__snapshots__" / "test_snapshots"
    assert sorted(p.name for p in snapshots.glob("*.md")) == sorted(
        f"test_article_matches_snapshot[{a}-{b}].md" for a, b in golden
    )
    result = invoke("--pairs", "golden", "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["pairs"]["used"] == report["articles"] == len(golden)
    assert report["pairs"]["source"].endswith("golden-pairs.csv")


HAND_ONLY = ROOT / "data" / "occupations"  # the six hand-written records, without the OEWS dataset


def test_all_pairs_are_capped_by_a_limit_and_say_so():
    result = invoke("--pairs", "all", "--limit", "7", "--data", str(HAND_ONLY))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith(
        "Coverage over 7 of 30 pairs (all ordered pairs, hash-ordered sample), 7 articles"
    )


def test_sampling_is_deterministic_and_a_smaller_limit_keeps_a_subset():
    catalog = load_catalog(HAND_ONLY)
    whole = select_pairs("all", catalog, 0)
    assert (len(whole.pairs), whole.available, whole.sampled) == (30, 30, False)
    seven, five = select_pairs("all", catalog, 7), select_pairs("all", catalog, 5)
    assert seven == select_pairs("all", catalog, 7)
    assert seven.sampled and seven.available == 30
    assert set(five.pairs) < set(seven.pairs) < set(whole.pairs)
    assert list(seven.pairs) == sorted(seven.pairs)
    assert len(set(seven.pairs)) == 7


def test_a_pairs_file_keeps_its_order_and_accepts_titles(generator, tmp_path):
    rows = ["a,b", "recovery-agent, Collections Associate", "", "account-representative,account-specialist"]
    path = write_pairs(tmp_path / "p.csv", rows)
    assert select_pairs(str(path), generator.catalog).pairs == (
        ("recovery-agent", "collections-associate"),
        ("account-representative", "account-specialist"),
    )


@pytest.mark.parametrize(
    ("rows", "error"),
    [
        (["a,b", "collections-associate,account-rep"], "p.csv:2: unknown occupation 'account-rep'; did you"),
        (["slug_a,slug_b", "x,y"], "p.csv:1: expected the header 'a,b', found 'slug_a,slug_b'"),
        (["a,b", "recovery-agent"], "p.csv:2: expected two occupation slugs, found 'recovery-agent'"),
        (["a,b", "recovery-agent,collections-associate,x"], "p.csv:2: expected two occupation slugs"),
        (["a,b", "recovery-agent,recovery-agent"], "p.csv:2: both columns name 'recovery-agent'"),
        (
            ["a,b", "recovery-agent,collections-associate", "", "recovery-agent,collections-associate"],
            "p.csv:4: pair recovery-agent,collections-associate repeats line 2",
        ),
        ([""], "p.csv: empty pairs file"),
        (None, "p.csv: no such pairs file"),
    ],
)
def test_a_bad_pairs_file_names_file_and_line(generator, tmp_path, monkeypatch, rows, error):
    monkeypatch.chdir(tmp_path)
    if rows is not None:
        write_pairs(tmp_path / "p.csv", rows)
    with pytest.raises(ArticlegenError) as caught:
        select_pairs("p.csv", generator.catalog)
    assert str(caught.value).startswith(error)
    assert "\n" not in str(caught.value)


def test_the_command_prints_a_pairs_file_error_as_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_pairs(tmp_path / "p.csv", ["a,b", "recovery-agent,nobody"])
    result = invoke("--pairs", "p.csv")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("articlegen: p.csv:2: unknown occupation 'nobody';")
    assert len(result.stderr.splitlines()) == 1
