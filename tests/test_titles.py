from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlegen.english.reference import is_long, name_candidates
from articlegen.errors import DataError
from articlegen.facts.titles import (
    TitleForms,
    bundled_title_overrides,
    derive_by_rules,
    derive_title_forms,
    load_title_overrides,
    lowercase,
    still_plural,
)
from articlegen.resources import default_data_dir

from .conftest import skip_unless_ci

DATA = Path(__file__).parent / "data"
GOLD_FILE = DATA / "title_forms_gold.csv"
TITLE_LIST = DATA / "oews_titles.txt"  # detailed occupations (display_level 3) of oews-2025.sqlite
DATASET = default_data_dir() / "oews" / "oews-2025.json"


def _gold() -> list[dict[str, str]]:
    with GOLD_FILE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _listed_titles() -> list[tuple[str, str]]:
    lines = TITLE_LIST.read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines if line]  # type: ignore[misc]


def _all_titles() -> list[tuple[str, str]]:
    """SOC code and title of every detailed occupation: from the bundled dataset once it exists."""
    if DATASET.exists():
        records = json.loads(DATASET.read_text(encoding="utf-8"))["occupations"]
        return [(record["soc"], record["title"]) for record in records]
    return _listed_titles()


GOLD = _gold()
ALL_TITLES = _all_titles()


@pytest.mark.parametrize("row", GOLD, ids=[row["title"] for row in GOLD])
def test_gold_forms(row):
    forms = derive_title_forms(row["title"])
    assert (forms.singular, forms.plural, forms.article) == (row["singular"], row["plural"], row["article"])


def test_gold_list_is_large_and_real():
    known = {title for _, title in ALL_TITLES}
    assert len(GOLD) >= 60
    assert {row["title"] for row in GOLD} <= known


@pytest.mark.parametrize(
    ("title", "heading"),
    [
        ("Psychology Teachers, Postsecondary", "Postsecondary Psychology Teacher"),
        ("Tax Examiners and Collectors, and Revenue Agents", "Tax Examiner, Collector, or Revenue Agent"),
        ("Helpers--Carpenters", "Carpenter Helper"),
        ("Clergy", "Member of the Clergy"),
        ("Financial Clerks, All Other", "Financial Clerk (All Other)"),
        ("Directors, Religious Activities and Education", "Director of Religious Activities and Education"),
        (
            "Career/Technical Education Teachers, Middle School",
            "Middle School Career/Technical Education Teacher",
        ),
        ("First-Line Supervisors of Retail Sales Workers", "First-Line Supervisor of Retail Sales Workers"),
    ],
)
def test_headings_are_singular_title_case(title, heading):
    assert derive_title_forms(title).heading == heading


@pytest.mark.parametrize(
    ("title", "singular_possessive", "plural_possessive"),
    [
        (
            "Psychology Teachers, Postsecondary",
            "postsecondary psychology teacher's",
            "postsecondary psychology teachers'",
        ),
        ("Accountants and Auditors", "accountant or auditor's", "accountants and auditors'"),
        ("Helpers--Electricians", "electrician helper's", "electrician helpers'"),
        (
            "Transit and Railroad Police",
            "transit and railroad police officer's",
            "transit and railroad police officers'",
        ),
        # The head noun is not last: prose must rephrase ("the pay of ..."), never append 's.
        ("First-Line Supervisors of Office and Administrative Support Workers", None, None),
        ("Helpers--Production Workers", None, None),
        ("Clergy", None, None),
        ("Financial Clerks, All Other", None, None),
    ],
)
def test_possessives(title, singular_possessive, plural_possessive):
    forms = derive_title_forms(title)
    assert forms.singular_possessive == singular_possessive
    assert forms.plural_possessive == plural_possessive


def test_exclusions_are_kept_in_the_note_not_the_forms():
    forms = derive_title_forms("Architects, Except Landscape and Naval")
    assert (forms.singular, forms.note, forms.indefinite) == (
        "architect",
        "except landscape and naval",
        "an architect",
    )
    assert derive_title_forms("Miscellaneous Assemblers and Fabricators").note == "miscellaneous"
    assert derive_title_forms("Tellers").note is None


def test_residual_means_all_other():
    for _, title in ALL_TITLES:
        assert derive_title_forms(title).residual == ("All Other" in title), title


def test_residual_flag_agrees_with_the_dataset():
    if not DATASET.exists():
        skip_unless_ci(f"{DATASET} is missing: the committed OEWS dataset must be there")
    records = json.loads(DATASET.read_text(encoding="utf-8"))["occupations"]
    assert [(r["title"], r["residual"]) for r in records] == [
        (r["title"], derive_title_forms(r["title"]).residual) for r in records
    ]


def test_title_list_matches_the_dataset():
    if not DATASET.exists():
        skip_unless_ci(f"{DATASET} is missing: the committed OEWS dataset must be there")
    assert _listed_titles() == ALL_TITLES


def test_every_title_has_a_singular_that_is_not_plural():
    offenders = {}
    for soc, title in ALL_TITLES:
        words = still_plural(derive_title_forms(title).singular)
        if words:
            offenders[f"{soc} {title}"] = words
    assert offenders == {}
    assert len(ALL_TITLES) >= 800


def test_every_title_has_consistent_forms():
    singulars: dict[str, str] = {}
    for _, title in ALL_TITLES:
        forms = derive_title_forms(title)
        assert forms.article in ("a", "an"), title
        assert forms.singular != forms.plural, title
        assert lowercase(forms.heading) == forms.singular, title
        assert "  " not in forms.plural and ",," not in forms.plural and "&" not in forms.plural, title
        assert singulars.setdefault(forms.singular, title) == title, (
            f"{title} and {singulars[forms.singular]}"
        )


def test_still_plural_catches_what_inflect_leaves():
    assert still_plural("musicians and singer") == ("musicians",)
    assert still_plural("tax examiners and collectors, and revenue agent") == ("examiners", "collectors")
    assert still_plural("psychology teachers, postsecondary") == ("teachers",)
    assert still_plural("helpers--carpenter") == ("helpers",)
    assert still_plural("bill and account collectors") == ("collectors",)
    assert still_plural("compensation, benefits, and job analysis specialist") == ()
    assert still_plural("first-line supervisor of office workers") == ()
    assert still_plural("tax examiner, collector, or revenue agent") == ()


def test_rules_work_without_overrides_and_on_singular_titles():
    assert derive_title_forms("Physicians, Pathologists", {}).singular == "physician or pathologist"
    assert derive_title_forms("Physicians, Pathologists").singular == "pathologist"
    forms = derive_by_rules("Collections Associate")
    assert (forms.singular, forms.plural) == ("collections associate", "collections associates")


# Titles as editors write them, through the same rules: (title, heading, indefinite, plural,
# whether the title heads an article as written).
HAND_TITLES = [
    # one person already: the words are kept, the last one inflected
    (
        "Account Representative",
        "Account Representative",
        "an account representative",
        "account representatives",
        True,
    ),
    ("HR Specialist", "HR Specialist", "an HR specialist", "HR specialists", True),
    ("Nurse Practitioner", "Nurse Practitioner", "a nurse practitioner", "nurse practitioners", True),
    ("Secretary", "Secretary", "a secretary", "secretaries", True),  # not inflect's "Secretarys"
    ("CPA", "CPA", "a CPA", "CPAs", True),
    ("Lead RN", "Lead RN", "a lead RN", "lead RNs", True),
    ("U.S. Marshal", "U.S. Marshal", "a U.S. marshal", "U.S. marshals", True),
    ("11,000-Volt Lineman", "11,000-Volt Lineman", "an 11,000-volt lineman", "11,000-volt linemen", True),
    ("AT&T Technician", "AT&T Technician", "an AT&T technician", "AT&T technicians", True),
    ("Attorney General", "Attorney General", "an attorney general", "attorneys general", True),
    ("Clerk, Senior", "Senior Clerk", "a senior clerk", "senior clerks", True),  # BLS's qualifier rule
    # a department or function: the rules supply the head noun "worker"
    (
        "Collections, Customer Service",
        "Collections and Customer Service Worker",
        "a collections and customer service worker",
        "collections and customer service workers",
        False,
    ),
    (
        "Billing, Collections, Customer Service",
        "Billing, Collections, and Customer Service Worker",
        "a billing, collections, and customer service worker",
        "billing, collections, and customer service workers",
        False,
    ),
    ("Collections", "Collections Worker", "a collections worker", "collections workers", False),
    (
        "Accounts Payable",
        "Accounts Payable Worker",
        "an accounts payable worker",
        "accounts payable workers",
        False,
    ),
    ("Sales, Inside", "Inside Sales Worker", "an inside sales worker", "inside sales workers", False),
    ("Data Analytics", "Data Analytics Worker", "a data analytics worker", "data analytics workers", False),
    # BLS styles written by hand
    ("Helpers--Carpenters", "Carpenter Helper", "a carpenter helper", "carpenter helpers", False),
    ("Helper--Carpenter", "Carpenter Helper", "a carpenter helper", "carpenter helpers", False),
    ("Clergy", "Member of the Clergy", "a member of the clergy", "members of the clergy", False),
]


@pytest.mark.parametrize(("title", "heading", "indefinite", "plural", "as_written"), HAND_TITLES)
def test_hand_written_titles_go_by_the_same_rules(title, heading, indefinite, plural, as_written):
    forms = derive_title_forms(title, {})
    assert (forms.heading, forms.indefinite, forms.plural) == (heading, indefinite, plural)
    assert forms.singular_title is as_written
    assert still_plural(forms.singular) == ()
    assert "collectionss" not in forms.plural


def test_mid_sentence_case_reads_any_script_and_dotted_acronyms():
    assert lowercase("Ünïcödé Wörker") == "ünïcödé wörker"
    assert lowercase("U.S. Marshal, B2B Sales") == "U.S. marshal, B2B sales"


def test_stated_forms_win_and_the_rest_come_from_the_stated_singular():
    forms = derive_title_forms("Collections, Customer Service", {}, singular="collections specialist")
    assert (forms.heading, forms.plural, forms.article) == (
        "Collections, Customer Service",
        "collections specialists",
        "a",
    )
    assert forms.singular_title and forms.possessive
    named = derive_title_forms("Clergy", {}, singular="member of the clergy")
    assert (named.plural, named.possessive) == ("members of the clergy", False)  # the head is not last
    assert derive_title_forms("Herbalist", {}, article="an").indefinite == "an herbalist"
    partial = derive_title_forms("Collections", {}, plural="collections staff")
    assert (partial.singular, partial.plural) == ("collections worker", "collections staff")
    assert derive_title_forms("Financial Clerks, All Other", {}, singular="financial clerk").residual


_PIECES = [
    "Workers",
    "Clerks",
    "Sales",
    "Police",
    "Clergy",
    "Hand",
    "and",
    "or",
    "of",
    ",",
    "&",
    "--",
    "Except",
    "All Other",
    "Helpers",
    "Miscellaneous",
    "Metal",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=8))
def test_any_title_gives_forms_or_a_value_error(pieces):
    title = " ".join(pieces)
    try:
        forms = derive_by_rules(title)
    except ValueError as err:
        assert "no occupation noun" in str(err)
    else:
        assert forms.singular.strip() and forms.plural.strip() and forms.article in ("a", "an")


# --- overrides file -----------------------------------------------------------------------------


def test_bundled_overrides_are_few_real_and_needed():
    overrides = bundled_title_overrides()
    known = {title for _, title in ALL_TITLES}
    assert 0 < len(overrides) <= 30
    for title, forms in overrides.items():
        assert title in known, title
        rules = derive_by_rules(title)
        if forms.short is None:
            assert (forms.singular, forms.plural) != (rules.singular, rules.plural), (
                f"{title}: the rules already do this"
            )
        else:  # a short name: one the rules would not give first, for a title worth shortening
            assert is_long(forms.singular), title
            assert forms.short not in name_candidates(forms.singular)[:1], (
                f"{title}: the rules already do this"
            )


def test_override_defaults_come_from_the_singular(tmp_path):
    path = tmp_path / "o.yaml"
    path.write_text(
        '"Clergy":\n  singular: clergy member\n  plural: clergy members\n'
        '"Physicians, All Other":\n  singular: physician of another specialty\n  plural: physicians\n'
        "  article: a\n  heading: Other Physician\n",
        encoding="utf-8",
    )
    overrides = load_title_overrides(path)
    assert overrides["Clergy"] == TitleForms(
        title="Clergy",
        heading="Clergy Member",
        singular="clergy member",
        plural="clergy members",
        article="a",
        residual=False,
        possessive=True,
    )
    other = overrides["Physicians, All Other"]
    assert (other.heading, other.residual, other.possessive) == ("Other Physician", True, False)
    assert derive_title_forms("Clergy", overrides).singular_possessive == "clergy member's"


def test_an_override_may_state_a_short_name_alone(tmp_path):
    path = tmp_path / "o.yaml"
    path.write_text(
        '"Bus Drivers, Transit and Intercity":\n  short: " transit  bus driver"\n', encoding="utf-8"
    )
    forms = load_title_overrides(path)["Bus Drivers, Transit and Intercity"]
    rules = derive_by_rules("Bus Drivers, Transit and Intercity")
    assert forms.short == "transit bus driver"
    assert (forms.singular, forms.plural, forms.heading) == (rules.singular, rules.plural, rules.heading)
    assert forms.record_forms()["short"] == "transit bus driver"
    assert "short" not in rules.record_forms()  # records without one stay as they were


def test_empty_overrides_file(tmp_path):
    path = tmp_path / "o.yaml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    assert load_title_overrides(path) == {}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('"Clergy":\n  singular: clergy member\n', ":1: 'Clergy': 'plural' is required"),
        ('"Clergy":\n  singular: a\n  plural: b\n  plurl: c\n', ":4: 'Clergy': unknown field 'plurl'"),
        (
            '"Clergy":\n  singular: a\n  plural: b\n  article: the\n',
            ":4: 'Clergy': 'article' must be 'a' or 'an'",
        ),
        ('"Clergy":\n  singular: ""\n  plural: b\n', ":2: 'Clergy': 'singular' must be a non-empty string"),
        ('"Clergy":\n  singular: a\n  plural: [b]\n', ":3: 'Clergy': 'plural' must be a non-empty string"),
        (
            '"Clergy":\n  singular: a\n  plural: b\n  possessive: maybe\n',
            ":4: 'Clergy': 'possessive' must be true",
        ),
        ('"Clergy": clergy member\n', ":1: 'Clergy': expected a mapping"),
        ("- Clergy\n", ":1: expected a mapping of BLS titles"),
        ('"A":\n  singular: a\n  plural: b\n"A":\n  singular: c\n  plural: d\n', ":4: duplicate key 'A'"),
        ('"A":\n  singular: [a\n', ": YAML syntax error"),
        ("12:\n  singular: a\n  plural: b\n", ":1: a title must be a non-empty string"),
        ('"Clergy":\n  short: ""\n', ":2: 'Clergy': 'short' must be a non-empty string"),
        (
            '"Bus Drivers, Transit and Intercity":\n  short: transit and intercity bus driver\n',
            ":2: 'Bus Drivers, Transit and Intercity': 'short' must be shorter than the singular",
        ),
        ('"Clergy":\n  short: cleric\n  plural: clergy\n', ":1: 'Clergy': 'singular' is required"),
    ],
)
def test_override_errors_are_one_line_with_file_and_line(tmp_path, text, message):
    path = tmp_path / "title-overrides.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_title_overrides(path)
    error = str(caught.value)
    assert "\n" not in error
    assert error.startswith(str(path))
    assert message in error


def test_missing_overrides_file(tmp_path):
    with pytest.raises(DataError, match="cannot read the file"):
        load_title_overrides(tmp_path / "absent.yaml")
