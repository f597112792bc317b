"""Whole articles: facts stated correctly, directions from the data, nothing broken."""

from __future__ import annotations

import itertools
import json
import re
from html.parser import HTMLParser

import pytest

from articlegen import open_generator
from articlegen.plan.article import plan_article
from articlegen.plan.build import Pair
from articlegen.plan.demographics import plan_demographics
from articlegen.plan.education import plan_education
from articlegen.plan.reads import referent
from articlegen.plan.skills import plan_skills
from articlegen.plan.spec import Paragraph

from .conftest import FULL, PARTIAL, find_artifacts, write_occupation

ALL = FULL + PARTIAL
ORDERED_PAIRS = list(itertools.permutations(ALL, 2))


@pytest.mark.parametrize(("a", "b"), ORDERED_PAIRS, ids=lambda s: s)
def test_no_artifacts_in_any_bundled_pair(generator, a, b):
    text = generator.generate(a, b)
    assert find_artifacts(text) == []


def test_reference_article_states_every_fact(generator):
    """Every fact of the first reference page, as it should read in our article."""
    text = generator.generate("collections-associate", "account-representative")
    facts = [
        "6–12 months",
        "$38,589",
        "$36,977",
        "$1,612",
        "phone calls, customer service, and UPC",
        "customer service, patients, and patient accounts",
        "| Hourly rate | $18.55 | $17.78 |",
        "| Projected job growth | −8% | −8% |",
        "| Number of jobs | 20,297 | 183,446 |",
        "| Most common degree | Bachelor's degree, 43% | Bachelor's degree, 52% |",
        "| Average age | 46 | 46 |",
        "| Years of experience | 12 | 12 |",
        "| Salary range | $23,000–$63,000 | $26,000–$51,000 |",
        "| Highest-paying city | Danbury, CT | Los Angeles, CA |",
        "| Highest-paying state | Alaska | California |",
        "| Best-paying company | JPMorgan Chase & Co. | New Relic |",
        # Rows whose every value a sentence beside them states are left to the sentence
        # (realize/echoes.py): the shared industry, major and LGBT share are said once, in prose.
        "the finance industry pays best",
        "Business is the most common major in both",
        "Female 65.6%, Male 34.4%",
        "Female 66.4%, Male 33.6%",
        "White 61.7%, Hispanic or Latino 17.5%, Black or African American 12.3%, Unknown 4.2%, "
        "Asian 3.8%, American Indian and Alaska Native 0.5%",
        "White 61.6%, Hispanic or Latino 17.3%, Black or African American 12.5%, Unknown 4.2%, "
        "Asian 3.9%, American Indian and Alaska Native 0.5%",
        "LGBT workers in equal proportion, 8% each",
        "$44,424",
        "$38,433",  # pay in the best-paying industry, from the overview page
        "0.7 percentage points more likely",
        "0.5 percentage points less likely",
        "## What does a collections associate do?",
        "## What does an account representative do?",
    ]
    missing = [fact for fact in facts if fact not in text]
    assert missing == []
    # The reference left job satisfaction and college blank: we leave them out, not print "-".
    assert "Job satisfaction" not in text
    assert "Most common college" not in text


def _salary_spec(a, b):
    plan = plan_article(a, b)
    section = next(s for s in plan.sections if s.id == "salary")
    paragraph = section.blocks[0]
    assert isinstance(paragraph, Paragraph)
    return paragraph.sentences[0]


@pytest.mark.parametrize(("a", "b"), list(itertools.permutations(FULL, 2)))
def test_the_higher_earner_is_said_to_earn_more_in_both_orders(generator, a, b):
    first, second = generator.catalog.find(a), generator.catalog.find(b)
    spec = _salary_spec(first, second)
    expected_higher = max((first, second), key=lambda o: o.salary.yearly)
    assert spec.message == "salary.compare"
    assert spec.slots["higher"].slug == expected_higher.slug
    assert spec.slots["difference"] == abs(first.salary.yearly - second.salary.yearly)


def _catalog_dir(tmp_path, records):
    for slug, text in records.items():
        write_occupation(tmp_path, slug, text)
    return tmp_path


def test_equal_salaries_are_stated_as_a_tie(tmp_path, generator):
    data = _catalog_dir(
        tmp_path,
        {
            "clerk": "title: Clerk\nsalary: {yearly: 40000}\n",
            "typist": "title: Typist\nsalary: {yearly: 40000.3}\n",
        },
    )
    gen = open_generator(data)
    text = gen.generate("clerk", "typist")
    assert "$40,000" in text
    assert not re.search(r"\bmore\b|\bless\b|\bahead\b|\btrail", text.split("## Salary")[1].split("|")[0])
    spec = _salary_spec(gen.catalog.find("clerk"), gen.catalog.find("typist"))
    assert spec.message == "salary.same"


def test_title_only_records_give_a_short_clean_article(tmp_path):
    data = _catalog_dir(tmp_path, {"clerk": "title: Clerk\n", "typist": "title: Typist\n"})
    text = open_generator(data).generate("clerk", "typist")
    assert find_artifacts(text) == []
    assert "##" not in text  # every section had nothing to say, so none is shown
    assert text.startswith("# ")


def test_sparse_record_against_full_record(tmp_path, generator):
    source = generator.catalog.source / "collections-associate.yaml"
    data = _catalog_dir(
        tmp_path,
        {
            # Alone in this catalog, so without the list of jobs its overview page compares it with.
            "collections-associate": re.sub(r"(?ms)^related:.*?(?=^\S)", "", source.read_text()),
            "clerk": "title: Clerk\nsalary: {hourly: 15.5}\neducation: {major: english}\n",
        },
    )
    text = open_generator(data).generate("clerk", "collections-associate")
    assert find_artifacts(text) == []
    assert "| Hourly rate | $15.50 | $18.55 |" in text
    assert "| Yearly salary | Not reported | $38,589 |" in text
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert "What does a clerk do?" not in headings  # no description, no duties: no section
    # No heading is left without content under it.
    for block in re.split(r"^## ", text, flags=re.M)[1:]:
        assert block.strip().count("\n") >= 2


def test_no_sentence_repeats_within_an_article(generator):
    for a, b in ORDERED_PAIRS:
        doc = generator.document(a, b)
        prose = [
            s.text
            for section in doc.sections
            for block in section.blocks
            for s in getattr(block, "sentences", ())
            if s.message
        ]
        assert len(prose) == len(set(prose)), (a, b)
        # A message said twice (once per job) uses two different variants.
        said = [
            (s.message, s.variant)
            for s in doc.sentences()
            if s.message and not s.message.startswith(("label.", "heading.", "skills.item"))
        ]
        assert len(said) == len(set(said)), (a, b)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_html_is_a_complete_page_and_escapes_data(tmp_path):
    data = _catalog_dir(
        tmp_path,
        {
            "script-clerk": 'title: "<script>alert(1)</script> Clerk & Co"\nsalary: {yearly: 30000}\n',
            "typist": "title: Typist\nsalary: {yearly: 31000}\n",
        },
    )
    page = open_generator(data).generate("script-clerk", "typist", format="html")
    parser = _TextCollector()
    parser.feed(page)
    assert page.startswith("<!DOCTYPE html>")
    assert "script" not in parser.tags
    assert {"html", "head", "title", "body", "h1", "table"} <= set(parser.tags)
    # the heading names the job as prose does ("&" read as "and"), and the markup is text
    assert "<script>alert(1)</script> clerk and co or typist?" in "".join(parser.text)


def test_json_carries_provenance_for_every_sentence(generator):
    doc = json.loads(generator.generate("collections-associate", "account-representative", format="json"))
    assert doc["subjects"] == ["collections-associate", "account-representative"]
    sentences = [
        s
        for section in doc["sections"]
        for block in section["blocks"]
        if block["type"] == "paragraph"
        for s in block["sentences"]
    ]
    assert sentences
    for sentence in sentences:
        if sentence["message"] is None:  # verbatim data text names the field it came from
            assert len(sentence["facts"]) == 1
            continue
        assert sentence["variant"] and sentence["line"] > 0
        assert sentence["file"].endswith(".yaml")
    salary = next(s for s in sentences if s["message"] == "salary.compare")
    assert salary["facts"] == {
        "collections-associate.salary.yearly": 38589,
        "account-representative.salary.yearly": 36977,
    }


def test_seed_changes_wording_but_not_facts(generator):
    one = generator.generate("collections-associate", "account-representative", seed=0)
    other = generator.generate("collections-associate", "account-representative", seed=7)
    assert one != other
    for fact in ("$38,589", "$36,977", "$1,612", "Danbury, CT"):
        assert fact in one and fact in other


def test_pronouns_only_follow_a_plural_mention_of_the_same_job(generator):
    """'They'/'them'/'their' stand only where the previous sentence named that job in the plural."""
    pronoun = re.compile(r"\b(they|them|their)\b", re.I)
    used = 0
    for seed in range(4):
        for a, b in ORDERED_PAIRS:
            doc = generator.document(a, b, seed=seed)
            plurals = {
                slug: generator.catalog.find(slug).title.lower() + "s" for slug in (a, b)
            }  # bundled titles pluralize regularly
            for section in doc.sections:
                for block in section.blocks:
                    sentences = [s for s in getattr(block, "sentences", ()) if s.message]
                    for before, sentence in itertools.pairwise(sentences):
                        if sentence.message.endswith(".one") and pronoun.search(sentence.text):
                            used += 1
                            assert any(p in before.text.lower() for p in plurals.values()) or pronoun.search(
                                before.text
                            ), (before.text, sentence.text)
                    if sentences and sentences[0].message.endswith(".one"):
                        assert not re.match(
                            r"(they|them|their|among them|of them)\b", sentences[0].text, re.I
                        )
    assert used > 0  # the rule is exercised, not vacuous


def test_a_pipe_or_backslash_in_a_table_cell_is_escaped_in_markdown(tmp_path):
    data = tmp_path / "data"
    write_occupation(data, "clerk", 'title: Clerk\ntop_pay: {company: "A|B \\\\ Sons"}\n')
    write_occupation(data, "typist", "title: Typist\ntop_pay: {company: Plain Co}\n")
    markdown = open_generator(data).generate("clerk", "typist")
    (row,) = [line for line in markdown.splitlines() if "Plain Co |" in line]
    assert row.endswith("| A\\|B \\\\ Sons | Plain Co |"), row
    assert row.replace("\\|", "").count("|") == 4  # three columns


def test_sections_skipped_for_lack_of_data_would_have_been_empty(generator):
    """plan_article skips a section where neither job has what it reads (has.* in plan.reads._READS);
    planned anyway, such a section must come out empty, or the skip would lose facts."""
    catalog = generator.catalog
    hand = [catalog.occupations[e.slug] for e in catalog.entries.values() if e.source == "hand"]
    oews = [catalog.find(e.slug) for e in catalog.entries.values() if e.source == "oews" and not e.residual][
        :5
    ]
    cut = {
        "education": {"education": None, "comparisons": ()},
        "demographics": {"demographics": None, "average_age": None},
        "skills": {"skills": ()},
    }
    every_cut = {k: v for update in cut.values() for k, v in update.items()}
    records = [*oews, *hand]
    partial_cuts = ({"education": None}, {"demographics": None})  # what else the section reads stays
    updates = (*cut.values(), every_cut, *partial_cuts)
    records += [o.model_copy(update=update) for o in hand for update in updates]
    sections = {
        "education": plan_education,
        "demographics": plan_demographics,
        "skills": plan_skills,
    }
    skipped, planned = dict.fromkeys(sections, 0), dict.fromkeys(sections, 0)
    for a, b in itertools.permutations(records, 2):
        ctx = Pair(a, b, referent(a), referent(b))
        for name, plan_section in sections.items():
            if not ctx.either(f"has.{name}"):
                assert plan_section(ctx) is None, (name, a.slug, b.slug)
                skipped[name] += 1
            else:
                planned[name] += plan_section(ctx) is not None
    assert all(count > 100 for count in [*skipped.values(), *planned.values()]), (skipped, planned)


def test_each_percent_slot_has_its_own_base_and_large_gaps_are_ratios(generator):
    """percent_more is measured from the lower salary, percent_less from the higher; from 100% on
    the planner asks for the .times message instead."""
    catalog = generator.catalog

    def salary_spec(a, b):
        plan = plan_article(catalog.find(a), catalog.find(b))
        section = next(s for s in plan.sections if s.id == "salary")
        return section.blocks[0].sentences[0]

    high, low = (catalog.find(s).salary.yearly for s in ("nurse-practitioners", "registered-nurses"))
    spec = salary_spec("registered-nurses", "nurse-practitioners")
    assert spec.message == "salary.compare"
    assert spec.slots["percent_more"] == pytest.approx(round((high - low) / low * 100, 1))
    assert spec.slots["percent_less"] == pytest.approx(round((high - low) / high * 100, 1))
    high, low = (catalog.find(s).salary.yearly for s in ("pediatric-surgeons", "cashiers"))
    spec = salary_spec("cashiers", "pediatric-surgeons")
    assert spec.message == "salary.compare.times" and "percent_more" not in spec.slots
    assert spec.slots["times"] == round(high / low)


def test_shares_equal_as_printed_are_said_once(generator):
    """Two shares that print alike become one sentence, not "43% ... against 43%"."""
    catalog = generator.catalog
    a, b = catalog.find("collections-associate"), catalog.find("account-representative")
    degree = a.education.most_common_degree
    b = b.model_copy(
        update={
            "education": b.education.model_copy(
                update={"most_common_degree": degree.model_copy(update={"share": degree.share + 0.04})}
            ),
            "demographics": a.demographics,
        }
    )
    plan = plan_article(a, b)
    specs = {
        spec.message: spec
        for section in plan.sections
        for block in section.blocks
        for spec in getattr(block, "sentences", ())
        if hasattr(spec, "message")
    }
    assert "education.degree.same_share" in specs and "education.degree.same" not in specs
    assert specs["education.degree.same_share"].slots["share"] == pytest.approx(degree.share)
    assert {"demographics.gender.same_share", "demographics.race.same_share"} <= set(specs)
