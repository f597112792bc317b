from __future__ import annotations

import dataclasses
import os
import subprocess
import sys

import pytest

from articlegen.english.morphology import (
    NounForms,
    indefinite_article,
    join_items,
    lowercase_title,
    noun_forms,
    possessive,
)

# title, overrides, indefinite singular, plural, singular possessive, plural possessive
TITLES = [
    (
        "Collections Associate",
        {},
        "a collections associate",
        "collections associates",
        "collections associate's",
        "collections associates'",
    ),
    (
        "Account Representative",
        {},
        "an account representative",
        "account representatives",
        "account representative's",
        "account representatives'",
    ),
    (
        "Accounts Receivable Analyst",
        {},
        "an accounts receivable analyst",
        "accounts receivable analysts",
        "accounts receivable analyst's",
        "accounts receivable analysts'",
    ),
    ("UPC Specialist", {}, "a UPC specialist", "UPC specialists", "UPC specialist's", "UPC specialists'"),
    (
        "RN Case Manager",
        {},
        "an RN case manager",
        "RN case managers",
        "RN case manager's",
        "RN case managers'",
    ),
    ("MBA Advisor", {}, "an MBA advisor", "MBA advisors", "MBA advisor's", "MBA advisors'"),
    ("Hourly Worker", {}, "an hourly worker", "hourly workers", "hourly worker's", "hourly workers'"),
    (
        "University Recruiter",
        {},
        "a university recruiter",
        "university recruiters",
        "university recruiter's",
        "university recruiters'",
    ),
    (
        "PowerPoint Designer",
        {},
        "a PowerPoint designer",
        "PowerPoint designers",
        "PowerPoint designer's",
        "PowerPoint designers'",
    ),
    ("Boss", {}, "a boss", "bosses", "boss's", "bosses'"),
    ("Secretary", {}, "a secretary", "secretaries", "secretary's", "secretaries'"),
    (
        "Attorney General",
        {},
        "an attorney general",
        "attorneys general",
        "attorney general's",
        "attorneys general's",
    ),
    (
        "Psychology Teacher, Postsecondary",
        {},
        "a psychology teacher, postsecondary",
        "psychology teachers, postsecondary",
        None,
        None,
    ),
    (
        "Sales and Marketing Manager",
        {},
        "a sales and marketing manager",
        "sales and marketing managers",
        "sales and marketing manager's",
        "sales and marketing managers'",
    ),
    (
        "Cook and Baker",
        {"plural": "cooks and bakers"},
        "a cook and baker",
        "cooks and bakers",
        "cook and baker's",
        "cooks and bakers'",
    ),
    (
        "Clergy",
        {"singular": "member of the clergy", "plural": "members of the clergy"},
        "a member of the clergy",
        "members of the clergy",
        None,
        None,
    ),
    (
        "NASA Engineer",
        {"article": "a"},
        "a NASA engineer",
        "NASA engineers",
        "NASA engineer's",
        "NASA engineers'",
    ),
    (
        "Helper-Carpenter",
        {},
        "a helper-carpenter",
        "helper-carpenters",
        "helper-carpenter's",
        "helper-carpenters'",
    ),
]


@pytest.mark.parametrize(
    ("title", "overrides", "indef", "plural", "poss", "plural_poss"), TITLES, ids=[t[0] for t in TITLES]
)
def test_noun_forms_of_tricky_titles(title, overrides, indef, plural, poss, plural_poss):
    forms = noun_forms(title, overrides.get("singular"), overrides.get("plural"), overrides.get("article"))
    assert forms.indefinite == indef
    assert forms.plural == plural
    if poss is not None:
        assert forms.singular_possessive == poss
        assert forms.plural_possessive == plural_poss
    assert forms.title == title


@pytest.mark.parametrize(
    ("phrase", "article"),
    [
        ("bachelor's degree", "a"),
        ("associate's degree", "an"),
        ("MBA", "an"),
        ("UPC scanner", "a"),
        ("hour", "an"),
        ("university", "a"),
        ("FBI agent", "an"),
        ("European firm", "a"),
        ("usher", "an"),
        ("user", "a"),
    ],
)
def test_indefinite_article(phrase, article):
    assert indefinite_article(phrase) == article


def test_possessive_follows_number_not_spelling():
    assert possessive("boss", plural=False) == "boss's"
    assert possessive("bosses", plural=True) == "bosses'"
    assert possessive("children", plural=True) == "children's"


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], ""),
        (["phone calls"], "phone calls"),
        (["phone calls", "UPC"], "phone calls and UPC"),
        (["phone calls", "customer service", "UPC"], "phone calls, customer service, and UPC"),
        (["a", "", "  ", "b"], "a and b"),  # empty items never leave a dangling comma
        # items are stripped: data text may carry spaces that would double around the commas
        ([" phone calls ", "UPC  "], "phone calls and UPC"),
        (["  phone calls", " customer service ", "UPC "], "phone calls, customer service, and UPC"),
        (["\tphone calls\n"], "phone calls"),
    ],
)
def test_join_items_uses_oxford_comma_and_drops_empty_items(items, expected):
    assert join_items(items) == expected


def test_join_items_takes_the_conjunction_it_is_given():
    assert join_items(["a", "b"], "or") == "a or b"
    assert join_items(["a", "b", "c"], "or") == "a, b, or c"


def test_lowercase_title_treats_a_slash_as_a_word_break():
    assert lowercase_title("Career/Technical Education Teachers") == "career/technical education teachers"
    assert lowercase_title("Driver/Sales Workers") == "driver/sales workers"
    assert lowercase_title("PowerPoint Expert") == "PowerPoint expert"


@pytest.mark.parametrize(
    ("title", "plural"),
    [("LPN", "LPNs"), ("Certified LPN", "certified LPNs"), ("Lead RN", "lead RNs")],
)
def test_an_acronym_at_the_end_takes_a_lowercase_s(title, plural):
    """inflect would write 'LPNS': an acronym that ends the title is pluralized here, by rule."""
    assert noun_forms(title).plural == plural


def test_noun_forms_are_frozen():
    """They are cached and shared by every sentence about the job."""
    forms = noun_forms("Boss")
    assert isinstance(forms, NounForms)
    with pytest.raises(dataclasses.FrozenInstanceError):
        forms.plural = "bossen"  # type: ignore[misc]


# Importing inflect under typeguard's instrumentation costs seconds and type-checks every call;
# the test process imports typeguard (its pytest plugin) and inflect before any test runs, so
# the import is checked in fresh interpreters, with and without either already imported.
_IMPORT_CHECK = """
import sys
{before}
held = sys.modules.get("typeguard")
from articlegen.english import morphology
assert morphology.noun_forms("Boss").plural == "bosses"
assert sys.modules.get("typeguard") is held, "typeguard in sys.modules was changed"
try:
    morphology._ENGINE.plural_noun(5)
except Exception as err:
    print(type(err).__name__)
"""


@pytest.mark.parametrize("before", ["", "import typeguard", "import inflect", "import typeguard, inflect"])
def test_inflect_is_imported_without_typeguard_checks_and_typeguard_is_left_as_found(before):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_CHECK.format(before=before)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    expected = "TypeCheckError" if "inflect" in before else "TypeError"  # imported first: not by us
    assert result.stdout.strip() == expected
