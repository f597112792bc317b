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
    for title in unique[::97]:  # a spread of them
        (code,) = TITLES[title]
        assert generator.catalog.find(title.upper()).soc == code, title


def test_an_alternate_title_of_several_occupations_fails_naming_them(generator):
    shared = sorted(t for t, codes in TITLES.items() if len(codes) > 1)
    assert shared
    title = shared[0]
    slugs = sorted(OEWS[c]["slug"] for c in TITLES[title])
    with pytest.raises(UnknownOccupationError) as err:
        generator.catalog.find(title)
    message = str(err.value)
    assert "\n" not in message and all(slug in message for slug in slugs), message


def test_generate_and_list_accept_alternate_titles():
    runner = CliRunner()
    result = runner.invoke(main, ["generate", "Software Engineer", "registered-nurses"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Software Developer vs. Registered Nurse")
    listed = runner.invoke(main, ["list", "software", "engineer"])
    assert listed.exit_code == 0
    assert "software-developers" in listed.output and "also called Software Engineer" in listed.output
    ambiguous = runner.invoke(main, ["generate", "store manager", "registered-nurses"])
    assert ambiguous.exit_code == 2 and "general-and-operations-managers" in ambiguous.output
    assert "Traceback" not in ambiguous.output
