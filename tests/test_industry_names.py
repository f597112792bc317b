"""data/oews/industry-names.yaml: one plain phrase per OEWS industry, fit for "the ___ industry"."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from articlegen.facts.yamlio import load_yaml_file
from articlegen.resources import default_data_dir

from .conftest import skip_unless_ci

NAMES_FILE = default_data_dir() / "oews" / "industry-names.yaml"
DATASET = default_data_dir() / "oews" / "oews-2025.json"
# Code and name of every display-level-3 industry of oews-2025.sqlite (and any other level the
# dataset's top_industry uses), so the suite does not need the database itself.
INDUSTRY_LIST = Path(__file__).parent / "data" / "oews_industries.txt"
MAX_WORDS = 5


def _listed_industries() -> dict[str, str]:
    lines = INDUSTRY_LIST.read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in lines if line)


NAMES: dict[str, str] = load_yaml_file(NAMES_FILE)
LISTED = _listed_industries()


def test_file_is_a_mapping_of_strings():
    assert isinstance(NAMES, dict)
    pairs = list(NAMES.items())
    assert [pair for pair in pairs if not all(isinstance(part, str) for part in pair)] == []


def test_every_listed_industry_has_a_name_and_every_key_is_listed():
    listed = set(LISTED.values())
    assert len(listed) == len(LISTED) >= 80
    assert sorted(listed - set(NAMES)) == []
    assert sorted(set(NAMES) - listed) == []


def test_every_top_industry_in_the_dataset_has_a_name():
    if not DATASET.exists():
        skip_unless_ci(f"{DATASET} is missing: the committed OEWS dataset must be there")
    records = json.loads(DATASET.read_text(encoding="utf-8"))["occupations"]
    used = {(r["top_industry"]["naics"], r["top_industry"]["name"]) for r in records if r["top_industry"]}
    assert used, "no occupation has a top industry"
    assert sorted(used - set(LISTED.items())) == []
    assert sorted(name for _, name in used if name not in NAMES) == []


@pytest.mark.parametrize("bls_name", sorted(NAMES))
def test_phrase_fits_the_industry_frame(bls_name):
    phrase = NAMES[bls_name]
    assert phrase.strip() == phrase != ""
    assert phrase[0].islower(), "starts lowercase: it follows 'the' mid-sentence"
    assert not phrase.endswith(".")
    assert not re.search(r"\bindustr", phrase, re.IGNORECASE), "the template adds 'industry'"
    assert not re.match(r"(the|a|an)\b", phrase), "the template adds 'the'"
    assert len(phrase.split()) <= MAX_WORDS


def test_phrases_tell_industries_apart():
    by_phrase: dict[str, list[str]] = {}
    for bls_name, phrase in NAMES.items():
        by_phrase.setdefault(phrase, []).append(bls_name)
    assert {phrase: keys for phrase, keys in by_phrase.items() if len(keys) > 1} == {}
