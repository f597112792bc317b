from __future__ import annotations

import pytest

from articlegen.english.morphology import (
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
    ],
)
def test_join_items_uses_oxford_comma_and_drops_empty_items(items, expected):
    assert join_items(items) == expected


def test_lowercase_title_treats_a_slash_as_a_word_break():
    assert lowercase_title("Career/Technical Education Teachers") == "career/technical education teachers"
    assert lowercase_title("Driver/Sales Workers") == "driver/sales workers"
    assert lowercase_title("PowerPoint Expert") == "PowerPoint expert"
