"""Occupations are found by the names articles print, as well as by slug and title: a name several
share fails naming them, and one that fits none names the closest, all on one line."""

from __future__ import annotations

import pytest
from click.testing import CliRunner, Result

from articlegen.cli import main
from articlegen.cli.common import EXIT_USER_ERROR
from articlegen.errors import UnknownOccupationError
from articlegen.facts.load import load_catalog, name_key
from articlegen.resources import default_data_dir

from .conftest import write_occupation


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _one_line_error(result: Result) -> str:
    assert result.exit_code == EXIT_USER_ERROR, result.output
    assert result.stdout == "" and "Traceback" not in result.output
    (line,) = result.stderr.splitlines()
    assert line.startswith("articlegen: ")
    return line


def test_generate_takes_the_names_articles_print():
    result = _run("generate", "nurse practitioner", "registered nurse")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Nurse practitioner vs. registered nurse")
    result = _run("generate", "Bill and Account Collector", "collections associate")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Bill and account collector vs. collections associate")


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("nurse practitioner", "nurse-practitioners"),  # singular
        ("nurse practitioners", "nurse-practitioners"),  # plural, also BLS's title
        ("Nurse-Practitioner", "nurse-practitioners"),
        ("  NURSE   practitioner ", "nurse-practitioners"),
        ("bill and account collector", "bill-and-account-collectors"),
        ("Bill & Account COLLECTORS", "bill-and-account-collectors"),
        ("bill-and-account-collectors", "bill-and-account-collectors"),
        ("Collections Associates", "collections-associate"),  # a hand-written record's plural
        ("postsecondary psychology teacher", "psychology-teachers-postsecondary"),  # the form, reordered
        ("Psychology Teachers, Postsecondary", "psychology-teachers-postsecondary"),
        ("Ｎｕｒｓｅ Ｐｒａｃｔｉｔｉｏｎｅｒ", "nurse-practitioners"),  # full-width letters (NFKC)
    ],
)
def test_find_takes_slugs_titles_and_forms_however_written(generator, name, slug):
    assert generator.catalog.find(name).slug == slug


def test_a_printed_form_wins_over_an_alternate_title_of_another_occupation(generator):
    # O*NET also calls a Pediatric Surgeon a "Dermatologist", and a Cashier a "Teller".
    assert generator.catalog.find("Dermatologist").slug == "dermatologists"
    assert generator.catalog.find("teller").slug == "tellers"


def test_overview_and_variants_take_the_same_names():
    result = _run("overview", "Nurse Practitioners", "--compare", "0")
    assert result.exit_code == 0, result.output
    assert "nurse practitioner" in result.stdout.splitlines()[0].lower()  # "# What does a nurse ... do?"
    result = _run("variants", "salary.compare", "bill and account collectors", "Collections Associate")
    assert result.exit_code == 0, result.output
    assert "chosen" in result.stdout


def test_a_generic_name_fails_listing_the_occupations_it_could_name():
    # "Nurse" is O*NET's other title for Registered Nurses only, but four more subjects have the word
    # in their own names: the name picks none of them.
    line = _one_line_error(_run("generate", "nurse", "software-developers"))
    assert "'nurse' could name 5 occupations" in line, line
    for slug, title in [
        ("registered-nurses", "Registered Nurses"),
        ("nurse-practitioners", "Nurse Practitioners"),
    ]:
        assert f"{slug} ({title})" in line, line
    assert "name one by its slug" in line


def test_a_name_several_records_print_fails_naming_them(tmp_path):
    data = tmp_path / "data"
    write_occupation(data, "data-clerk", "title: Data Clerk\nsalary: {yearly: 31000}\n")
    text = "title: Records Clerk\nforms: {singular: data clerk}\nsalary: {yearly: 32000}\n"
    write_occupation(data, "records-clerk", text)
    line = _one_line_error(_run("generate", "data clerks", "records-clerk", "--data", str(data)))
    assert "'data clerks' names 2 occupations: data-clerk (Data Clerk), records-clerk (Records Clerk)" in line
    # A record's own title comes first: it is no clash.
    assert load_catalog(data).find("DATA CLERK").slug == "data-clerk"


def test_an_unknown_word_suggests_the_closest_occupations_with_it():
    line = _one_line_error(_run("generate", "nurs", "software-developers"))
    hint = line.partition("did you mean ")[2]
    suggested = hint.partition("?")[0].split(", ")
    assert len(suggested) == 5 and all("nurs" in slug for slug in suggested), line
    assert "run 'articlegen list nurs' to see them all" in line
    listed = _run("list", "nurs")
    assert listed.exit_code == 0
    assert all(f"\n{slug} " in f"\n{listed.stdout}" for slug in suggested)  # the list holds them all


def test_a_plural_word_finds_the_singular_name(generator):
    with pytest.raises(UnknownOccupationError) as err:
        generator.catalog.find("nurses")
    assert "nurse-practitioners" in str(err.value)  # "nurses" is the plural of its word "nurse"
    assert "nurse-practitioners" in generator.catalog.matching(["nurses"])


def test_a_typo_still_gets_near_spellings(generator):
    with pytest.raises(UnknownOccupationError, match="did you mean registered-nurses"):
        generator.catalog.find("registred nurses")


@pytest.mark.parametrize("name", ["zzzz", "!!!"])
def test_a_name_that_fits_nothing_points_to_list(generator, name):
    with pytest.raises(UnknownOccupationError) as err:
        generator.catalog.find(name)
    assert str(err.value) == f"unknown occupation {name!r}; run 'articlegen list' to see them all"


def test_list_with_no_match_is_one_line_and_exit_status_1():
    result = _run("list", "zzzz")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "articlegen: no occupation matches 'zzzz'\n"
    as_json = _run("list", "zzzz", "--json")
    assert as_json.exit_code == 1 and as_json.stdout.strip() == "[]"


def test_list_finds_the_printed_forms():
    result = _run("list", "postsecondary", "psychology", "teacher")
    assert result.exit_code == 0
    assert result.stdout.split()[0] == "psychology-teachers-postsecondary"


def test_a_slug_needs_no_name_index():
    """Bulk runs pass slugs, one find per pair: deriving every title's forms (~0.3 s) waits for a name."""
    catalog = load_catalog(default_data_dir())
    assert catalog.find("registered-nurses").slug == "registered-nurses"
    assert not {"_own_index", "_printed_index", "_alternate_index"} & set(vars(catalog))
    catalog.find("Registered Nurse")
    assert "_printed_index" in vars(catalog)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Nurse-Practitioners", "nurse practitioners"),
        ("  Bill &  Account\tCollectors ", "bill and account collectors"),
        ("Nurse's Aide", "nurses aide"),
        ("U.S. Marshals", "us marshals"),
        ("Ünïcödé Workers", "ünïcödé workers"),
        ("Ünïcödé-Workers & Co.", "ünïcödé workers and co"),
    ],
)
def test_name_key(text, key):
    assert name_key(text) == key
