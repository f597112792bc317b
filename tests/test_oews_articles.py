"""Articles from BLS OEWS records: every occupation renders, sources merge by the documented rule."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from articlegen import open_generator
from articlegen.errors import DataError, UnknownOccupationError
from articlegen.facts.load import OEWS_FIELDS, load_catalog

from .conftest import ROOT, find_artifacts, write_occupation
from .test_data import run_cli

DATASET = json.loads((ROOT / "data" / "oews" / "oews-2025.json").read_text(encoding="utf-8"))
CITATION = DATASET["provenance"]["citation"]


def _oews_subjects(generator) -> list[str]:
    return sorted(e.slug for e in generator.catalog.entries.values() if e.source == "oews" and not e.residual)


def test_every_oews_occupation_renders_without_artifacts(generator):
    """Each occupation once as A and once as B, paired with its neighbour in slug order."""
    subjects = _oews_subjects(generator)
    assert len(subjects) == 830 - sum(r["residual"] for r in DATASET["occupations"])
    failures = []
    for i, slug in enumerate(subjects):
        partner = subjects[(i + 1) % len(subjects)]
        text = generator.generate(slug, partner)
        problems = find_artifacts(text)
        if problems or CITATION not in text:
            failures.append((slug, partner, problems or ["no citation"]))
    assert failures == []


ONET_NOTICE = json.loads((ROOT / "data" / "onet" / "onet-29.3.json").read_text(encoding="utf-8"))[
    "provenance"
]["attribution"]


def test_headings_are_singular_and_no_title_is_left_plural(generator):
    for slug in _oews_subjects(generator):
        occupation = generator.catalog.find(slug)
        assert occupation.forms is not None and occupation.forms.singular != occupation.forms.plural, slug


def test_bls_facts_are_stated_exactly(generator):
    text = generator.generate("bill-and-account-collectors", "credit-authorizers-checkers-and-clerks")
    record = next(r for r in DATASET["occupations"] if r["soc"] == "43-3011")
    for figure in ("annual_mean", "annual_median", "annual_p10", "annual_p90", "employment"):
        assert f"{record[figure]:,}" in text, figure
    assert f"${record['hourly_mean']:.2f}" in text
    for place in ("top_state", "top_metro"):
        assert record[place]["name"] in text and f"${record[place]['annual_mean']:,}" in text
    assert "durable goods wholesale" in text  # BLS's "Merchant Wholesalers, Durable Goods", in plain words
    sources = text.split("## Sources", 1)[1]
    assert CITATION in sources and ONET_NOTICE in sources
    assert text.rstrip().endswith(ONET_NOTICE)  # the licence's notice closes every page that uses O*NET


def test_coordinated_titles_get_no_or_question_title(generator):
    text = generator.generate("bill-and-account-collectors", "credit-authorizers-checkers-and-clerks", seed=0)
    title = text.splitlines()[0]
    assert "?" not in title and "vs." in title
    for seed in range(12):  # whatever the seed, never "X or Y, Z, or W?"
        assert (
            "?"
            not in generator.generate("tellers", "credit-authorizers-checkers-and-clerks", seed=seed).split(
                "\n"
            )[0]
        )


def test_titles_that_cannot_be_modifiers_are_never_used_as_one(generator):
    supervisor = "first-line supervisors of office and administrative support workers"
    for seed in range(8):
        text = generator.generate(
            "first-line-supervisors-of-office-and-administrative-support-workers",
            "architects-except-landscape-and-naval",
            seed=seed,
        )
        for noun in ("jobs", "salary", "pay", "resumes"):
            assert f"{supervisor[:-1]} {noun}" not in text.lower()


def test_unrelated_jobs_are_not_called_related(generator):
    for seed in range(10):
        text = generator.generate("actors", "tellers", seed=seed)
        assert "related field" not in text and "look alike" not in text


def test_hourly_only_jobs_are_compared_by_the_hour(generator):
    text = generator.generate("actors", "dancers")
    assert "$58.29" in text and "$30.83" in text and "$27.46" in text
    assert "Yearly salary" not in text  # BLS publishes no annual figure for them


def test_residual_categories_are_listed_but_refused(generator, tmp_path):
    with pytest.raises(UnknownOccupationError, match="residual OEWS category"):
        generator.catalog.find("financial-clerks-all-other")
    result = run_cli("generate", "financial-clerks-all-other", "tellers", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    listed = run_cli("list", "financial", "clerks", cwd=tmp_path)
    assert "financial-clerks-all-other" in listed.stdout and "not used in articles" in listed.stdout


def test_list_by_group_and_by_words(tmp_path):
    group = run_cli("list", "--source", "oews", "--group", "43-3000", cwd=tmp_path)
    rows = group.stdout.splitlines()
    assert rows and all(re.match(r"^\S+\s+43-30\d\d\s", row) for row in rows)
    assert any(row.startswith("bill-and-account-collectors ") for row in rows)
    words = run_cli("list", "actors", "--json", cwd=tmp_path)
    assert [e["slug"] for e in json.loads(words.stdout)] == ["actors"]  # not contractors or chiropractors


def _data_with(tmp_path: Path, slug: str, text: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "oews", data / "oews")
    write_occupation(data, slug, text)
    return data


def test_a_hand_written_record_takes_the_oews_facts_it_lacks(tmp_path):
    data = _data_with(
        tmp_path, "debt-collector", "title: Debt Collector\nsoc: 43-3011\ndescription: Collects debts.\n"
    )
    catalog = load_catalog(data)
    merged, oews = catalog.find("debt-collector"), catalog.find("bill-and-account-collectors")
    for field in OEWS_FIELDS:
        assert getattr(merged, field) == getattr(oews, field), field
    assert merged.title == "Debt Collector" and merged.description == "Collects debts."
    assert merged.sources == (CITATION,)


def test_a_fact_group_the_record_states_wins_whole(tmp_path):
    record = "title: Debt Collector\nsoc: 43-3011\nsalary:\n  yearly: 41000\njobs: 1200\n"
    catalog = load_catalog(_data_with(tmp_path, "debt-collector", record))
    merged = catalog.find("debt-collector")
    assert merged.salary.yearly == 41000
    assert merged.salary.median is None and merged.salary.range is None  # no mixing with BLS's percentiles
    assert merged.jobs == 1200
    assert merged.top_pay == catalog.find("bill-and-account-collectors").top_pay  # a group it lacks
    text = open_generator(tmp_path / "data").generate("debt-collector", "tellers")
    assert "$41,000" in text and CITATION in text


def test_an_unknown_soc_code_is_one_line(tmp_path):
    data = _data_with(tmp_path, "debt-collector", "title: Debt Collector\nsoc: 99-9999\n")
    with pytest.raises(
        DataError, match=r"debt-collector\.yaml: soc: no OEWS occupation has the code '99-9999'"
    ):
        load_catalog(data)


def test_top_coded_figures_are_stated_as_floors(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "oews", data / "oews")
    path = data / "oews" / "oews-2025.json"
    dataset = json.loads(path.read_text())
    for record in dataset["occupations"]:
        if record["soc"] == "43-3011":
            record["annual_p90"], record["top_coded"] = 239200, ["annual_p90", "top_state.annual_mean"]
    path.write_text(json.dumps(dataset))
    generator = open_generator(data)
    collector = generator.catalog.find("bill-and-account-collectors")
    assert collector.salary.range.high_top_coded and collector.top_pay.state_salary is None
    for seed in range(10):
        text = generator.generate("bill-and-account-collectors", "tellers", seed=seed)
        assert "$239,200 or more" in text
        assert not re.search(r"between \$[\d,]+ and \$239,200", text)
        assert "Massachusetts" in text and "$59,710" not in text
