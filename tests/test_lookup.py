"""Finding occupations by O*NET's alternate titles: one match is taken, several are refused by name."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from articlegen.cli import main
from articlegen.errors import UnknownOccupationError

from .conftest import ROOT

ONET = json.loads((ROOT / "data" / "onet" / "onet-29.3.json").read_text(encoding="utf-8"))
OEWS = {
    r["soc"]: r for r in json.loads((ROOT / "data" / "oews" / "oews-2025.json").read_text())["occupations"]
}


def _titles_by_code() -> dict[str, set[str]]:
    """Each alternate title (case-folded) to the non-residual OEWS codes O*NET lists it under."""
    found: dict[str, set[str]] = {}
    for record in ONET["occupations"]:
        if OEWS[record["soc"]]["residual"]:
            continue
        for title in record.get("alternate_titles", ()):
            found.setdefault(title.casefold(), set()).add(record["soc"])
    return found


TITLES = _titles_by_code()


def test_an_alternate_title_of_one_occupation_finds_it(generator):
    unique = sorted(t for t, codes in TITLES.items() if len(codes) == 1)
    assert len(unique) > 1000
    generic = []
    for title in unique[::97]:  # a spread of them
        (code,) = TITLES[title]
        try:
            found = generator.catalog.find(title.upper())
        except UnknownOccupationError as err:  # a generic title: other subjects have its words
            generic.append(title)
            assert OEWS[code]["slug"] in str(err.value) and "could name" in str(err.value), title
            continue
        assert found.soc == code, title
    assert len(generic) < len(unique[::97]) / 10, generic


def test_a_generic_alternate_title_names_no_one_occupation(generator):
    # O*NET's "Analyst" is Financial Risk Specialists' alone; a dozen subjects are analysts by name.
    with pytest.raises(UnknownOccupationError) as err:
        generator.catalog.find("analyst")
    message = str(err.value)
    assert message.startswith("'analyst' could name 12 occupations: budget-analysts (Budget Analysts)")
    # Those named so by their own names come first; the one O*NET calls so is among the 7 not shown.
    assert "financial-risk-specialists" not in message
    assert message.endswith(", and 7 more (run 'articlegen list analyst'); name one by its slug")


def test_an_alternate_title_of_several_occupations_fails_naming_them(generator):
    shared = sorted(t for t, codes in TITLES.items() if len(codes) > 1)
    assert shared
    title = shared[0]
    slugs = sorted(OEWS[c]["slug"] for c in TITLES[title])
    with pytest.raises(UnknownOccupationError) as err:
        generator.catalog.find(title)
    message = str(err.value)
    assert "\n" not in message and all(f"{slug} (" in message for slug in slugs), message
    with pytest.raises(UnknownOccupationError) as err:
        generator.catalog.find("adjunct instructor")  # 18 of them: the first 5, and where to see all
    message = str(err.value)
    assert message.startswith("'adjunct instructor' is another title of 18 occupations: ")
    assert message.endswith(", and 13 more (run 'articlegen list adjunct instructor'); name one by its slug")


def test_generate_and_list_accept_alternate_titles():
    runner = CliRunner()
    result = runner.invoke(main, ["generate", "Software Engineer", "registered-nurses"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Software developer vs. registered nurse")
    listed = runner.invoke(main, ["list", "software", "engineer"])
    assert listed.exit_code == 0
    assert "software-developers" in listed.output and "also called Software Engineer" in listed.output
    ambiguous = runner.invoke(main, ["generate", "store manager", "registered-nurses"])
    assert ambiguous.exit_code == 2 and "general-and-operations-managers" in ambiguous.output
    assert "Traceback" not in ambiguous.output
