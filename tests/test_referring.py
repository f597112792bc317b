"""Referring expressions: a long title is said in full a few times, then by its head noun."""

from __future__ import annotations

import re

import pytest

from articlegen.english.reference import (
    level_of,
    level_siblings,
    name_candidates,
    short_forms,
    sibling_anaphor,
)
from articlegen.plan.reads import referent
from articlegen.realize.document import ListBlock, ParagraphBlock
from articlegen.wording.reference import FULL_MENTIONS, shortened_referents
from articlegen.wording.templating import forms_of

SUPERVISORS = "first-line-supervisors-of-office-and-administrative-support-workers"
COLLECTORS = "bill-and-account-collectors"


def prose(document) -> list[str]:
    texts = []
    for section in document.sections:
        for block in section.blocks:
            if isinstance(block, ParagraphBlock):
                texts += [s.text for s in block.sentences]
            elif isinstance(block, ListBlock):
                texts += [s.text for s in ((block.lead,) if block.lead else ()) + block.items]
    return texts


def count(texts: list[str], phrase: str) -> int:
    return sum(len(re.findall(rf"(?<!\w){re.escape(phrase)}(?!\w)", t, re.IGNORECASE)) for t in texts)


@pytest.mark.parametrize(
    ("singular", "short"),
    [
        ("first-line supervisor of office and administrative support workers", "supervisor"),
        ("aerospace engineering and operations technologist or technician", "technologist"),
        ("airline pilot, copilot, or flight engineer", "airline pilot"),  # the first job a title lists
        ("credit authorizer, checker, or clerk", "credit authorizer"),
        ("computer numerically controlled tool operator", "tool operator"),  # "operators" says too little
        ("child, family, and school social worker", "school social worker"),
        ("collections and customer service worker", "customer service worker"),  # not "service worker"
        ("television, video, and film camera operator", "film camera operator"),
        ("helper to brickmasons, blockmasons, stonemasons, and tile and marble setters", "helper"),
        ("bill and account collector", None),  # four words: said in full
        # "for" starts a complement, as "of" does: not "products", which would pluralize to "productss"
        (
            "wholesale and manufacturing sales representative for technical and scientific products",
            "manufacturing sales representative",
        ),
        ("secondary school career/technical education teacher", "teacher"),  # "/" joins modifiers, not jobs
    ],
)
def test_a_long_title_is_shortened_to_its_head_noun(singular: str, short: str | None) -> None:
    assert short_forms([singular, "registered nurse"]) == (short, None)


def test_a_head_that_both_jobs_share_is_not_used() -> None:
    office = "first-line supervisor of office and administrative support workers"
    police = "first-line supervisor of police and detectives"
    # "supervisors" would be both: each is named by what it supervises, as BLS names a helper
    assert short_forms([office, police]) == ("office supervisor", "police supervisor")
    # nor a head that is a word of the other job's title: "supervisors" would be both; the word
    # before the head then tells them apart
    assert short_forms([office, "sales supervisor"]) == ("first-line supervisor", None)
    literature = "postsecondary foreign language and literature teacher"
    assert short_forms([literature, "postsecondary biological science teacher"]) == (
        "literature teacher",
        None,
    )


def test_a_long_title_appears_in_full_at_most_three_times_and_then_by_its_head(generator) -> None:
    document = generator.document(SUPERVISORS, COLLECTORS)
    texts = prose(document)
    full = "first-line supervisors of office and administrative support workers"
    singular = "first-line supervisor of office and administrative support workers"
    said_in_full = count(texts, full) + count(texts, singular)
    assert 1 <= said_in_full <= FULL_MENTIONS
    shortened = count(texts, "supervisors") + count(texts, "supervisor") - said_in_full
    assert shortened >= 8  # the rest of the article, which names them in most sections
    # the short name only follows the full one: the first mention is in full
    first = next(t for t in texts if re.search(r"supervisors?\b", t, re.IGNORECASE))
    assert singular in first.lower() or full in first.lower()
    # headings and tables keep the full title
    headings = [s.heading.text for s in document.sections if s.heading]
    assert any(
        "first-line supervisor of office and administrative support workers" in h.lower() for h in headings
    )


def test_the_short_name_never_stands_for_the_other_job(generator) -> None:
    police = "first-line-supervisors-of-police-and-detectives"
    document = generator.document(SUPERVISORS, police)
    qualified = 0
    for text in prose(document):
        for m in re.finditer(r"\bsupervisors?\b", text, re.IGNORECASE):
            before = text[max(0, m.start() - 7) : m.start()].lower()
            if before.endswith(("office ", "police ")):
                qualified += 1
            else:  # never a bare "supervisors": with its "of ..." phrase
                assert text[m.end() : m.end() + 4] == " of ", text
    assert qualified >= 4  # the short names carry the article once the titles have been said


def test_a_short_title_is_never_shortened(generator) -> None:
    texts = prose(generator.document("software-developers", "registered-nurses"))
    assert count(texts, "software developers") + count(texts, "software developer") > FULL_MENTIONS
    assert not any(re.search(r"(?<!software )\bdevelopers?\b", t, re.IGNORECASE) for t in texts)


def test_the_checker_reads_the_short_names(generator) -> None:
    from articlegen.gates.verify import verify_pairs

    report = verify_pairs(generator, [(SUPERVISORS, COLLECTORS), (COLLECTORS, SUPERVISORS)])
    assert report.comparisons > 10
    assert not report.false_claims and not report.uninterpreted and not report.unverified


# --- names that tell siblings apart: the job a list title names first, what a supervisor
# supervises, the first of coordinated modifiers; and the short name the data states ---


@pytest.mark.parametrize(
    ("singular", "sibling", "short"),
    [
        ("rail yard engineer, dinkey operator, or hostler", "locomotive engineer", "rail yard engineer"),
        (
            "helper to brickmasons, blockmasons, stonemasons, and tile and marble setters",
            "carpenter helper",
            "brickmason helper",  # as BLS names the helper of one trade
        ),
        (
            "first-line supervisor of security workers",
            "first-line supervisor of police and detectives",
            "security supervisor",
        ),
        (
            "first-line supervisor of correctional officers",
            "first-line supervisor of police and detectives",
            "correctional officer supervisor",
        ),
        (
            "civil engineering technologist or technician",
            "mechanical engineering technologist or technician",
            "civil engineering technologist",
        ),
        (
            "aerospace engineering and operations technologist or technician",
            "calibration technologist or technician",
            "aerospace engineering technologist",
        ),
        (
            "electrical and electronic engineering technologist or technician",
            "calibration technologist or technician",
            "electrical engineering technologist",
        ),  # a field noun the one-word modifiers share
        (
            "postsecondary English language and literature teacher",
            "postsecondary foreign language and literature teacher",
            "postsecondary English language teacher",
        ),
        ("drywall and ceiling tile installer", "floor layer", "installer"),
    ],
)
def test_a_sibling_is_named_by_what_sets_it_apart(singular: str, sibling: str, short: str) -> None:
    assert short_forms([singular, sibling])[0] == short


@pytest.mark.parametrize(
    ("singular", "sibling", "not_said"),
    [
        # the coordination's remainder is long: "kindergarten teacher" is another occupation
        (
            "kindergarten and elementary school special education teacher",
            "middle school special education teacher",
            "kindergarten teacher",
        ),
        # a middle word may be half of a compound ("ceiling tile"), so only field nouns are shared
        ("drywall and ceiling tile installer", "insulation installer", "drywall tile installer"),
        ("electric motor, power tool, and related repairer", "rail car repairer", "related repairer"),
        # a list of jobs, not of modifiers
        (
            "door-to-door sales worker, news and street vendor, or related worker",
            "street vendor",
            "door-to-door sales worker vendor",
        ),
    ],
)
def test_no_name_is_guessed_that_the_title_does_not_give(singular: str, sibling: str, not_said: str) -> None:
    assert not_said not in name_candidates(singular)
    assert short_forms([singular, sibling])[0] != not_said


def test_two_jobs_never_get_the_same_short_name(generator) -> None:
    """The two wholesale sales representatives: the data names one "technical", the other then
    takes "wholesale", which the technical one's stated name no longer claims."""
    slugs = [
        "sales-representatives-wholesale-and-manufacturing-technical-and-scientific-products",
        "sales-representatives-wholesale-and-manufacturing-except-technical-and-scientific-products",
    ]
    referents = tuple(referent(generator.catalog.find(slug)) for slug in slugs)
    shorts = shortened_referents(referents)
    assert [forms_of(shorts[slug]).singular for slug in slugs] == [
        "technical sales representative",
        "wholesale sales representative",
    ]
    assert [forms_of(shorts[slug]).plural for slug in slugs] == [
        "technical sales representatives",
        "wholesale sales representatives",
    ]


def test_the_datas_short_name_comes_first_unless_another_job_answers_to_it() -> None:
    driver = "heavy and tractor-trailer truck driver"
    assert short_forms([driver, "light truck driver"]) == (None, None)  # "truck driver" is both
    assert short_forms([driver, "light truck driver"], ["heavy truck driver", None]) == (
        "heavy truck driver",
        None,
    )
    # stated, but it is words of the other job's title: the rules' names are tried instead
    assert (
        short_forms([driver, "heavy truck driver trainer"], ["heavy truck driver", None])[0]
        != "heavy truck driver"
    )


def test_bundled_short_names_reach_the_articles_prose(generator) -> None:
    page = generator.overview_document("heavy-and-tractor-trailer-truck-drivers")
    texts = prose(page)
    assert count(texts, "heavy truck drivers") + count(texts, "heavy truck driver") >= 3
    full = count(texts, "heavy and tractor-trailer truck drivers") + count(
        texts, "heavy and tractor-trailer truck driver"
    )
    assert 1 <= full <= FULL_MENTIONS


def test_a_hand_written_record_states_its_short_name(tmp_path) -> None:
    from articlegen.pipeline import open_generator

    from .conftest import write_occupation

    records = {
        "collections-rep": "title: Collections and Customer Service Representative\n"
        "forms: {short: collections rep}\n",
        "billing-rep": "title: Account and Billing Service Representative\n",
    }
    for slug, text in records.items():
        write_occupation(
            tmp_path, slug, f"{text}salary: {{yearly: 41000}}\nresponsibilities: [Does the work]\n"
        )
    catalog = open_generator(tmp_path).catalog
    referents = tuple(referent(catalog.find(slug)) for slug in records)
    assert referents[0].short == "collections rep" and referents[1].short is None
    shorts = shortened_referents(referents)
    assert forms_of(shorts["collections-rep"]).plural == "collections reps"
    assert "billing-rep" not in shorts or forms_of(shorts["billing-rep"]).singular != "collections rep"


# --- level siblings: "those in middle schools"; a section's own short name ---

SPED_MIDDLE = "special-education-teachers-middle-school"
CTE_SECONDARY = "career-technical-education-teachers-secondary-school"


def test_levels_of_schooling_are_read_off_the_title() -> None:
    middle = "middle school special education teacher"
    assert level_of(middle) == ("middle school", "middle schools", "special education teacher")
    assert level_of("kindergarten and elementary school special education teacher")[0] == (
        "kindergarten and elementary school"
    )
    assert level_of("school bus driver") is None
    assert level_siblings(middle, "secondary school special education teacher")
    assert not level_siblings(middle, "middle school teacher")  # another job, at the same level
    assert not level_siblings(middle, "secondary school career/technical education teacher")
    assert sibling_anaphor("secondary school special education teacher") == "those in secondary schools"


def _sentences_with(document, phrase: str) -> list[str]:
    return [t for t in prose(document) if phrase in t]


def test_a_level_sibling_is_those_in_its_schools_after_the_other_is_named(generator) -> None:
    page = generator.overview_document(SPED_MIDDLE)
    elided = _sentences_with(page, "those in middle schools")
    assert len(elided) >= 4
    siblings = ("kindergarten and elementary school", "secondary school", "preschool")
    for text in elided:
        at = text.index("those in middle schools")
        # the antecedent, a sibling's full name, comes first in the same sentence
        assert any(f"{level} special education teachers" in text[:at].lower() for level in siblings), text
        assert not text[at:].startswith("those in middle schools'"), text


def test_a_section_naming_no_other_job_calls_the_page_job_by_a_short_name(generator) -> None:
    page = generator.overview_document(CTE_SECONDARY)
    intro = [t for t in prose_of_section(page, page.sections[0])]
    joined = " ".join(intro).lower()
    full = len(re.findall(r"secondary school career/technical education teachers?\b", joined))
    short = len(re.findall(r"(?<!secondary school )\bcareer/technical education teachers?\b", joined))
    assert full <= 1 and short >= 2, joined  # the page as a whole has no short name for the job
    # never the bare head, which would read as teachers at large ("111,420 teachers")
    bare = re.findall(r"(?<!education )\bteachers?\b", joined)
    assert bare == [], joined


def prose_of_section(document, section) -> list[str]:
    texts = []
    for block in section.blocks:
        if isinstance(block, ParagraphBlock):
            texts += [s.text for s in block.sentences]
        elif isinstance(block, ListBlock):
            texts += [s.text for s in ((block.lead,) if block.lead else ()) + block.items]
    return texts


def test_the_checker_reads_the_names_of_level_siblings(generator) -> None:
    from articlegen.gates.verify import verify_pairs

    pages = [(s, s) for s in (SPED_MIDDLE, CTE_SECONDARY, "special-education-teachers-secondary-school")]
    report = verify_pairs(generator, pages, kind="overview")
    assert report.comparisons > 20
    assert not report.false_claims and not report.uninterpreted and not report.unverified
