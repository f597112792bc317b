"""Hand-written records are named by the rules OEWS titles go by (facts/titles.py), so every
title, whatever its source, has one set of forms; what a record states wins.

Each test reads a real generated article: headings, duties and figures name the jobs, so a
form the rules got wrong ("collectionss", "a HR specialist") shows up in the text.
"""

from __future__ import annotations

import re
import shutil

import pytest

from articlegen import open_generator
from articlegen.english.morphology import noun_forms
from articlegen.errors import DataError
from articlegen.facts.load import load_catalog, load_occupation
from articlegen.resources import default_data_dir

from .conftest import ROOT, write_occupation

RECORDS = {
    # a "department, function" title: it names no person
    "collections-customer-service": 'title: "Collections, Customer Service"\nsalary: {yearly: 41000}\n',
    "carpenter-helper": "title: Helpers--Carpenters\nsalary: {yearly: 39000}\n",
    "nurse-practitioner": "title: Nurse Practitioner\nsalary: {yearly: 120000}\n",
    "hr-specialist": "title: HR Specialist\nsalary: {yearly: 64000}\n",
    # the record names the job itself: its forms win over the rules, its title stays the heading
    "billing-desk": (
        'title: "Collections, Billing"\nforms: {singular: billing clerk, plural: billing clerks}\n'
        "salary: {yearly: 40000}\n"
    ),
    # only the article is stated: the rules give "a herbalist", the editor says it with a silent h
    "herbalist": "title: Herbalist\nforms: {article: an}\nsalary: {yearly: 45000}\n",
}


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    directory = tmp_path_factory.mktemp("handwritten")
    for slug, text in RECORDS.items():
        write_occupation(directory, slug, f"{text}responsibilities: [Does the work]\n")
    return directory


@pytest.fixture(scope="module")
def generator(data):
    return open_generator(data)


def _h1(page: str) -> str:
    return page.splitlines()[0]


def _only_as(page: str, word: str, name: str) -> list[str]:
    """Every phrase of the page that starts with `word` and is not `name` (singular or plural)."""
    found = re.findall(rf"\b{word}\b[\w ,'-]*", page, flags=re.IGNORECASE)
    return [text for text in found if not text.lower().startswith(name)]


def test_a_department_and_function_title_gets_a_worker_and_no_list(generator):
    page = generator.generate("collections-customer-service", "hr-specialist")
    h1 = _h1(page)
    assert h1.startswith("# Collections and customer service worker"), h1
    assert "Collections, Customer Service" not in page  # not as the H1 nor as a table column
    assert "\n## What does a collections and customer service worker do?\n" in page
    assert "collectionss" not in page.lower()
    assert "a collections, customer service" not in page.lower()
    assert _only_as(page, "collections", "collections and customer service worker") == []
    assert "collections and customer service workers" in page  # the plural, somewhere in the prose


def test_acronym_and_ordinary_titles_take_their_articles(generator):
    page = generator.generate("hr-specialist", "nurse-practitioner")
    assert "\n## What does an HR specialist do?\n" in page
    assert "\n## What does a nurse practitioner do?\n" in page
    assert "a HR" not in page and "an nurse" not in page.lower()
    assert "HR specialist" in _h1(page) and "nurse practitioner" in _h1(page)  # sentence case


def test_a_helpers_title_is_a_carpenter_helper(generator):
    page = generator.generate("carpenter-helper", "nurse-practitioner")
    assert "Carpenter helper" in _h1(page) and "Helpers--Carpenters" not in page
    assert "\n## What does a carpenter helper do?\n" in page
    assert "--" not in page.lower().replace("---", "")  # no BLS dashes left (table rules are ---)
    assert _only_as(page, "carpenter", "carpenter helper") == []  # never "carpenters helper"


def test_stated_forms_win_and_the_title_stays_the_heading(generator):
    page = generator.generate("billing-desk", "nurse-practitioner")
    # the record names the job: headings use that name, never the comma title (docs/style.md)
    assert "Billing clerk" in _h1(page) and "Collections, Billing" not in _h1(page)
    assert "\n## What does a billing clerk do?\n" in page
    assert "collections and billing" not in page.lower()
    herbalist = generator.generate("herbalist", "nurse-practitioner")
    assert "\n## What does an herbalist do?\n" in herbalist
    assert "a herbalist" not in herbalist.lower()


def test_the_record_keeps_its_written_title_for_find_and_list(data):
    catalog = load_catalog(data)
    assert catalog.find("Collections, Customer Service").slug == "collections-customer-service"
    assert catalog.entries["collections-customer-service"].title == "Collections, Customer Service"
    assert catalog.find("collections-customer-service").title == "Collections and Customer Service Worker"


def test_every_loaded_record_states_its_forms(data):
    """The realizer's own fallback (wording/templating.forms_of on a record without forms) is not
    used for a loaded record: facts always supply singular, plural, article and attributive."""
    for directory in (data, default_data_dir()):
        for occupation in load_catalog(directory):
            forms = occupation.forms
            assert forms is not None, occupation.slug
            assert None not in (forms.singular, forms.plural, forms.article, forms.attributive), (
                occupation.slug
            )


def test_bundled_hand_written_records_keep_the_forms_they_had():
    """The rules give ordinary singular titles the forms the realizer's fallback gave them."""
    for path in sorted((default_data_dir() / "occupations").glob("*.yaml")):
        occupation = load_occupation(path)
        forms, before = occupation.forms, noun_forms(occupation.title)
        assert forms is not None
        assert (forms.singular, forms.plural, forms.article) == (
            before.singular,
            before.plural,
            before.article,
        )
        assert forms.attributive is True, path.name


@pytest.mark.parametrize(
    ("title", "fault"),
    [("Financial Clerks, All Other", "is a residual category"), ("Except Landscape", "names no occupation")],
)
def test_a_title_naming_no_job_is_refused_unless_the_record_names_it(tmp_path, title, fault):
    path = write_occupation(tmp_path, "odd", f"title: {title!r}\n")
    with pytest.raises(DataError, match=fault) as caught:
        load_occupation(path)
    assert str(caught.value).startswith(str(path)) and "\n" not in str(caught.value)
    named = write_occupation(
        tmp_path, "named", f"title: {title!r}\nforms: {{singular: clerk, plural: clerks}}\n"
    )
    assert load_occupation(named).forms.singular == "clerk"  # type: ignore[union-attr]


def test_hand_written_titles_use_the_data_directorys_title_overrides(tmp_path):
    """A hand title that is exactly a BLS title takes that title's override, as the OEWS record does."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    write_occupation(data, "pathology-doctor", "title: Physicians, Pathologists\nsalary: {yearly: 250000}\n")
    occupation = load_catalog(data).find("pathology-doctor")
    assert occupation.forms is not None and occupation.forms.singular == "pathologist"
    assert occupation.title == "Pathologist"


def test_a_long_field_title_is_not_shortened_to_another_job(generator):
    page = generator.generate("collections-customer-service", "hr-specialist")
    assert not re.search(r"(?<!customer )service worker", page, flags=re.IGNORECASE), page
