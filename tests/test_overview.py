"""Overview pages ("What does a collections associate do?"): facts, directions, omissions, variety."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

from articlegen import open_generator
from articlegen.cli.overview import overview
from articlegen.errors import ArticlegenError, DataError
from articlegen.gates.artifacts import find_sentence_artifacts
from articlegen.plan.overview import LAYOUTS, plan_overview
from articlegen.plan.related import RelatedIndex
from articlegen.plan.spec import BulletList, Paragraph, SentenceSpec
from articlegen.realize.document import ParagraphBlock
from articlegen.realize.orthography import tidy_fragment, tidy_sentence
from articlegen.realize.realizer import render_variant
from articlegen.wording.choose import is_eligible
from articlegen.wording.templating import PREVIOUS_SUBJECT

from .conftest import ROOT, find_artifacts, write_occupation

CITATION = json.loads((ROOT / "data" / "oews" / "oews-2025.json").read_text(encoding="utf-8"))["provenance"][
    "citation"
]
REFERENCE_RELATED = (
    "account-representative",
    "accounts-receivable-analyst",
    "account-specialist",
    "recovery-agent",
)


def _sections(text: str) -> dict[str, str]:
    """Markdown split at its second-level headings: heading -> body."""
    parts = re.split(r"^#{2,3} (.+)$", text, flags=re.M)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}


@pytest.fixture(scope="module")
def reference_page(generator) -> str:
    return generator.overview("collections-associate")


def test_reference_page_states_every_fact_the_data_holds(generator, reference_page):
    """Every fact of the "What does a collections associate do?" page that our data keeps."""
    text = reference_page
    ca = generator.catalog.find("collections-associate")
    assert text.startswith("# What does a collections associate do?\n")
    assert ca.description in text
    for duty in ca.responsibilities:
        assert f"- {duty}\n" in text
    assert "phone calls, customer service, and UPC" in text
    assert text.count("16%") == 1  # phone calls' share, said once: in the list of skills below
    for skill in ca.skills:
        if skill.share is not None:
            item = (
                f"- {skill.name[0].upper()}{skill.name[1:]}: {skill.share:g}% of resumes. {skill.example}\n"
            )
            assert item in text
    assert "listening skills, negotiating skills, and speaking skills" in text
    for soft in ca.soft_skills:
        assert f"- {soft.name.capitalize()}. {soft.description} {soft.example}\n" in text

    sections = _sections(text)
    headings = [h for h in sections if " vs. " in h]
    assert headings == [
        "Collections associate vs. account representative",
        "Collections associate vs. accounts receivable analyst",
        "Collections associate vs. account specialist",
        "Collections associate vs. recovery agent",
    ]
    ar, ara, spec, ra = (sections[h] for h in headings)
    expected = {
        # section: (other's pay, gap in dollars or percent, shared, subject's own, other's own,
        #           other's industry facts, Master's, Doctoral)
        "ar": (ar, "$36,977", ("$1,612", "4.2%"), "customer service, patients, and data entry",
               "phone calls, UPC, time card, and retail store",
               "patient accounts, customer satisfaction, CPT, and medical terminology",
               ("finance", "$38,433"), "0.7 percentage points (more|higher)",
               "0.5 percentage points (less|lower)"),
        "ara": (ara, "$43,692", ("$5,103", "13.2%"), "customer service, patients, and data entry",
                "phone calls, UPC, time card, and retail store",
                "reconciliations, pivot tables, financial reports, and credit memos",
                ("hospitality", "$45,068"), "4.1 percentage points (more|higher)",
                "0.5 percentage points (less|lower)"),
        "spec": (spec, "$42,586", ("$3,997", "10.4%"), "customer service, patients, and data entry",
                 "phone calls, UPC, time card, and retail store",
                 "account management, PowerPoint, catheter, and customer satisfaction",
                 ("finance", "$47,336"), "1.7 percentage points (more|higher)",
                 "0.4 percentage points (more|higher)"),
        "ra": (ra, "$38,772", ("$183", "0.5%"),
               "delinquent accounts, collection efforts, and payment arrangements",
               "phone calls, customer service, UPC, and time card",
               "debt collection, outbound calls, tow truck, and financial institutions",
               ("energy", "$45,507"), "1.6 percentage points (less|lower)",
               "(just as likely|equally likely|as common)"),
    }  # fmt: skip
    for name, (body, pay, gaps, shared, own, theirs, industry, masters, doctoral) in expected.items():
        for fact in (pay, shared, own, theirs, *industry):
            assert fact in body, (name, fact)
        assert any(gap in body for gap in gaps), (name, gaps)
        assert re.search(masters, body) and re.search(doctoral, body), name
        # The page's own pay and best-paying industry are its pay section's: no comparison repeats them.
        assert "$38,589" not in body and "$44,424" not in body, name
    pay = sections["How much does a collections associate make?"]
    assert "$38,589" in pay and "$44,424" in pay
    # The reference's defects stay out: mojibake, missing spaces, "0.0%", a percent given to three skills.
    assert find_artifacts(text) == []
    assert "0.0" not in text and "16% of collections associates" not in text.lower()


def test_descriptions_of_the_compared_jobs_are_given(generator, reference_page):
    for slug in REFERENCE_RELATED:
        description = generator.catalog.find(slug).description
        if description:
            assert description in reference_page


def _compare_specs(plan, message_prefix):
    found = {}
    for section in plan.sections:
        for block in section.blocks:
            if isinstance(block, Paragraph):
                for s in block.sentences:
                    if isinstance(s, SentenceSpec) and s.message.startswith(message_prefix):
                        found.setdefault(section.id, []).append(s)
    return found


def test_salary_directions_come_from_the_data_in_both_orders(generator):
    """The other job's pay, said as above or below the page's job's, with the gap measured from it."""
    catalog = generator.catalog
    for subject, other in [("collections-associate", "account-representative"),
                           ("account-representative", "collections-associate"),
                           ("collections-associate", "accounts-receivable-analyst"),
                           ("accounts-receivable-analyst", "collections-associate")]:  # fmt: skip
        a, b = catalog.find(subject), catalog.find(other)
        plan = plan_overview(a, [b])
        (spec,) = _compare_specs(plan, "page.compare.pay")[f"compare-{other}"]
        way = "more" if b.salary.yearly > a.salary.yearly else "less"
        assert spec.message == f"page.compare.pay.{way}"
        assert spec.slots["role"].slug == other and spec.slots["page"].slug == subject
        assert spec.slots["salary"] == b.salary.yearly  # the other job's figure; the page states its own
        gap = abs(a.salary.yearly - b.salary.yearly)
        assert spec.slots["difference"] == gap
        assert spec.slots["percent"] == pytest.approx(
            gap / a.salary.yearly * 100, abs=0.05
        )  # from the page's job


def test_a_stated_likelihood_keeps_its_subject_on_either_page(generator):
    """The 0.7 points are stated of account representatives: both pages say it of them."""
    for page, other in (("collections-associate", "account-representative"),
                        ("account-representative", "collections-associate")):  # fmt: skip
        plan = plan_overview(generator.catalog.find(page), [generator.catalog.find(other)])
        (spec,) = _compare_specs(plan, "page.compare.likelihood")[f"compare-{other}"]
        assert spec.slots["subject"].slug == "account-representative"
        assert spec.slots["masters"] == 0.7 and spec.slots["doctoral"] == -0.5


def _catalog(tmp_path, records):
    for slug, text in records.items():
        write_occupation(tmp_path, slug, text)
    return open_generator(tmp_path)


def test_ties_and_one_sided_facts(tmp_path):
    gen = _catalog(
        tmp_path,
        {
            "clerk": "title: Clerk\nsalary: {yearly: 40000}\nrelated: [typist, scribe]\n"
            "top_pay: {industry: finance}\n",
            "typist": "title: Typist\nsalary: {yearly: 40000.3}\ntop_pay: {industry: retail trade}\n",
            "scribe": "title: Scribe\n",
        },
    )
    text = gen.overview("clerk")
    sections = _sections(text)
    body, pay = sections["Clerk vs. typist"], sections["How much does a clerk make?"]
    # A tie, said without the figure, which the pay section states once.
    assert "$40,000" in pay and "$40,000" not in body and "the same" in body
    assert not re.search(r"\bmore\b|\bless\b|\bahead\b", body)
    assert "retail trade" in body and "finance" in pay and "finance" not in body
    # The scribe has no facts at all: its comparison says nothing, so it is left out, heading and all.
    assert "Scribe" not in text
    assert find_artifacts(text) == []


def test_title_only_record_gives_a_clean_short_page(tmp_path):
    gen = _catalog(tmp_path, {"clerk": "title: Clerk\n", "typist": "title: Typist\n"})
    text = gen.overview("clerk")
    assert text == "# Clerks at a glance\n"


def test_missing_facts_drop_their_sentences_not_leave_gaps(tmp_path):
    gen = _catalog(
        tmp_path,
        {
            "clerk": "title: Clerk\ndescription: Keeps the records.\nskills: [{name: filing}]\n"
            "related: [typist]\n",
            "typist": "title: Typist\nskills: [{name: typing}, {name: filing}]\nsalary: {yearly: 41000}\n",
        },
    )
    text = gen.overview("clerk")
    assert text.startswith("# What does a clerk do?\n\nKeeps the records.\n")
    assert "How much does" not in text  # no pay on record: no pay section
    body = _sections(text)["Clerk vs. typist"]
    assert "filing" in body and "typing" in body
    assert "$" not in body  # one salary alone is no difference
    assert find_artifacts(text) == []


def test_every_oews_occupation_has_a_clean_overview_page(generator):
    subjects = sorted(e.slug for e in generator.catalog.entries.values() if not e.residual)
    assert len(subjects) == 766  # 760 OEWS occupations and the 6 hand-written ones
    failures = []
    for slug in subjects:
        text = generator.overview(slug)
        problems = find_artifacts(text)
        is_oews = generator.catalog.entries[slug].source == "oews"
        if is_oews and (CITATION not in text or len(re.findall(r"^### .+ vs\. ", text, re.M)) != 4):
            problems.append("no citation, or not four comparisons")
        if problems:
            failures.append((slug, problems))
    assert failures == []


def test_bls_figures_are_stated_exactly(generator):
    text = generator.overview("bill-and-account-collectors")
    figures = ("$49,060", "$23.59", "$47,030", "$34,400", "$65,580", "158,830", "Massachusetts",
               "$59,710", "New York-Newark-Jersey City, NY-NJ", "$58,450", "durable goods wholesale",
               "$56,430")  # fmt: skip
    for figure in figures:
        assert figure in text, figure
    sources = text.split("## Sources", 1)[1]
    notice = json.loads((ROOT / "data" / "onet" / "onet-29.3.json").read_text(encoding="utf-8"))
    assert CITATION in sources and text.rstrip().endswith(notice["provenance"]["attribution"])


def test_hourly_only_jobs_are_compared_by_the_hour(generator):
    text = generator.overview("actors", compare=1)
    sections = _sections(text)
    body = sections["Actor vs. musician or singer"]
    assert "$58.29" in sections["How much does an actor make?"] and "$58.29" not in body
    assert "$60.46" in body and "$2.17" in body  # the musicians' rate and the gap, by the hour
    assert "a year" not in body.split("\n\n")[2]


def _prose(document, section_id):
    section = next(s for s in document.sections if s.id == section_id)
    return [s for b in section.blocks if isinstance(b, ParagraphBlock) for s in b.sentences if s.message]


def test_short_comparisons_do_not_share_one_skeleton(generator):
    document = generator.overview_document("collections-associate")
    ids = [s.id for s in document.sections if s.id.startswith("compare-")]
    assert len(ids) == 4 == len(LAYOUTS)
    skeletons = set()
    for section in (s for s in document.sections if s.id in ids):
        skeleton = tuple(
            tuple(s.message for s in block.sentences if s.message)
            for block in section.blocks
            if isinstance(block, ParagraphBlock)
        )
        skeletons.add(skeleton)
    assert len(skeletons) == 4
    said = [(s.message, s.variant) for section_id in ids for s in _prose(document, section_id)]
    assert len(said) == len(set(said)), "a variant of a message repeats on one page"


def test_variant_choice_is_stable_and_seeded(generator):
    first = generator.overview("bill-and-account-collectors")
    assert generator.overview("bill-and-account-collectors") == first
    assert generator.overview("bill-and-account-collectors", seed=1) != first
    # Adding a comparison leaves the earlier ones as they were.
    three = _sections(generator.overview("bill-and-account-collectors", compare=3))
    four = _sections(first)
    assert all(four[h] == body for h, body in three.items() if " vs. " in h)


def test_choices_do_not_depend_on_the_process(generator):
    code = "import articlegen; print(articlegen.open_generator().overview('tellers'), end='')"
    outputs = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(ROOT / "src")}
        done = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
        )
        outputs.add(done.stdout)
    assert outputs == {generator.overview("tellers")}


def test_json_carries_provenance(generator):
    page = json.loads(generator.overview("collections-associate", format="json"))
    assert page["kind"] == "overview"
    assert page["subjects"] == ["collections-associate", *REFERENCE_RELATED]
    sentences = [
        s
        for section in page["sections"]
        for block in section["blocks"]
        for s in block.get("sentences", [])
        + block.get("items", [])
        + ([block["lead"]] if block.get("lead") else [])
    ]
    for sentence in sentences:
        if sentence["message"] is not None:
            assert sentence["file"].endswith(".yaml") and sentence["line"] > 0
            assert sentence["file"].split("/")[-1].startswith("page-") or sentence["message"].startswith(
                "label."
            )
    salary = next(
        s for s in sentences if (s["message"] or "").startswith("page.compare.pay.") and "$1,612" in s["text"]
    )
    assert salary["facts"] == {
        "collections-associate.salary.yearly": 38589,
        "account-representative.salary.yearly": 36977,
    }


def test_explain_and_html(generator):
    explained = generator.overview("collections-associate", explain=True)
    assert re.search(r"<!-- page\.compare\.pay\.[a-z.]+/[a-z-]+ @ .*page-compare\.yaml:\d+ -->", explained)
    html = generator.overview("collections-associate", format="html")
    # Published HTML carries no debug attributes; annotations belong to --explain and the preview.
    assert html.startswith("<!DOCTYPE html>") and " data-" not in html and "Collections" in html
    annotated = generator.overview("collections-associate", format="html", explain=True)
    assert annotated.startswith("<!DOCTYPE html>")
    assert re.search(r'data-message="page\.compare\.pay\.[a-z.]+" data-variant="[a-z-]+" '
                     r'data-source="page-compare\.yaml:\d+"', annotated)  # fmt: skip
    # JSON names every sentence's message, variant, file and line already.
    with pytest.raises(ArticlegenError, match="--explain annotates Markdown and HTML; JSON names"):
        generator.overview("collections-associate", format="json", explain=True)
    with pytest.raises(ArticlegenError, match="--compare"):
        generator.overview("collections-associate", compare=-1)


def test_residual_categories_are_refused(generator):
    with pytest.raises(ArticlegenError, match="residual"):
        generator.overview("financial-clerks-all-other")


def test_command_line(tmp_path):
    runner = CliRunner()
    done = runner.invoke(overview, ["collections-associate", "--compare", "2"])
    assert done.exit_code == 0
    assert len(re.findall(r"^### .+ vs\. ", done.output, re.M)) == 2
    out = tmp_path / "page.html"
    done = runner.invoke(overview, ["Bill and Account Collectors", "--format", "html", "-o", str(out)])
    assert done.exit_code == 0 and out.read_text().startswith("<!DOCTYPE html>")
    done = runner.invoke(overview, ["collections-asociate"])
    assert done.exit_code == 2
    (line,) = done.output.strip().splitlines()
    assert line.startswith(
        "articlegen: unknown occupation 'collections-asociate'; did you mean collections-associate"
    )


# --- every wording the pages can use, rendered against real pages (lint plans comparison articles only)


def _uses(plan):
    """(spec, fragment) for every sentence of a plan."""
    yield plan.title, True
    for section in plan.sections:
        if section.heading:
            yield section.heading, True
        for block in section.blocks:
            if isinstance(block, BulletList):
                if block.lead:
                    yield block.lead, False
                pieces = [s for item in block.items for s in item.sentences]
            else:
                pieces = list(block.sentences)
            yield from ((s, False) for s in pieces if isinstance(s, SentenceSpec))


def _render_every_variant(gen, slugs):
    """Problems of every eligible variant of every sentence the pages plan, and the messages they use."""
    problems, used = [], set()
    for slug in slugs:
        occupation = gen.catalog.find(slug)
        for spec, fragment in _uses(plan_overview(occupation, gen.related.choose(occupation, 4))):
            message = gen.phrasebank.message(spec.message)
            used.add(message.id)
            slots = {**spec.slots, PREVIOUS_SUBJECT: None}
            for variant in message.variants:
                if is_eligible(variant, slots):
                    tidy = tidy_fragment if fragment else tidy_sentence
                    text = tidy(render_variant(variant, message.id, slots))
                    if find_sentence_artifacts(text):
                        problems.append((slug, message.id, variant.id, text))
    return problems, used


# Records that reach the messages the bundled data never needs: equal and nearly equal hourly
# rates, no shared skills, industries without pay, places without pay, one-sided likelihoods.
RARE = {
    "clerk": "title: Clerk\nsalary: {hourly: 200}\nskills: [{name: filing, example: Files the forms.}]\n"
    "top_pay: {city: 'Austin, TX', metro: 'Austin-Round Rock-San Marcos, TX', industry: finance}\n"
    "related: [typist, scribe, runner]\n",
    "typist": "title: Typist\nsalary: {hourly: 200}\nskills: [{name: typing}]\n"
    "top_pay: {state: Ohio, industry: finance}\ncomparisons: [{against: clerk, masters_likelihood: 1}]\n",
    "scribe": "title: Scribe\nsalary: {hourly: 200.01}\ntop_pay: {industry: mining}\n"
    "comparisons: [{against: clerk, doctoral_likelihood: -1}]\n",
    "archivist": "title: Archivist\nsalary: {yearly: 50000}\nrelated: [scribe, notary, tycoon, weaver]\n",
    "notary": "title: Notary\nsalary: {yearly: 50000.2}\n"
    "top_pay: {state: Maine, state_salary: 51000, metro: 'Portland-South Portland, ME',"
    " metro_salary: 52000}\n",
    # three and four times the pay of the others: gaps said as ratios
    "tycoon": "title: Tycoon\nsalary: {yearly: 150000}\n"
    "top_pay: {state: Texas, metro: 'Austin-Round Rock-San Marcos, TX', min_jobs: 150}\n",
    "runner": "title: Runner\nsalary: {hourly: 50}\n",
    # ranking floors (OEWS-like) without industry pay, and a floor on one side only
    "baker": "title: Baker\nsalary: {yearly: 40000}\n"
    "top_pay: {state: Ohio, industry: finance, min_jobs: 200}\n"
    "related: [miller, potter, weaver]\n",
    "miller": "title: Miller\nsalary: {yearly: 42000}\n"
    "top_pay: {state: Ohio, industry: finance, min_jobs: 300}\n",
    "potter": "title: Potter\nsalary: {yearly: 43000}\n"
    "top_pay: {state: Iowa, industry: mining, min_jobs: 120}\n",
    "weaver": "title: Weaver\nsalary: {yearly: 44000}\ntop_pay: {industry: mining, min_jobs: 100}\n",
    "glazier": "title: Glazier\nsalary: {yearly: 41000}\ntop_pay: {state: Ohio}\nrelated: [typist, baker]\n",
    # one ranked place only, with its pay (the pay section's one-place sentences); projections
    # without the all-occupations figure, falling and flat
    "sawyer": "title: Sawyer\nsalary: {yearly: 45000}\n"
    "top_pay: {state: Utah, state_salary: 50000, min_jobs: 100}\n"
    "outlook: {start_year: 2024, end_year: 2034, change_percent: -2.5,"
    " entry_education: High school diploma or equivalent}\nrelated: [cooper, smith, glazier]\n",
    "cooper": "title: Cooper\nsalary: {yearly: 47000}\n"
    "top_pay: {industry: mining, industry_salary: 51000, min_jobs: 100}\n"
    "outlook: {start_year: 2024, end_year: 2034, change_percent: 0.0}\n",
    "smith": "title: Smith\nsalary: {yearly: 46000}\n"
    "top_pay: {metro: 'Provo-Orem-Lehi, UT', metro_salary: 52000, min_jobs: 100}\n",
}


def test_every_eligible_variant_of_every_page_message_renders_cleanly(generator, tmp_path):
    """What `lint` does for comparison articles, for overview pages: every wording, real facts."""
    subjects = sorted(generator.catalog.occupations)
    hand = [s for s in subjects if generator.catalog.entries[s].source == "hand"]
    problems, used = _render_every_variant(generator, [*hand, *subjects[::25], "actors"])
    rare = _catalog(tmp_path, RARE)
    more_problems, more_used = _render_every_variant(rare, sorted(RARE))
    assert problems + more_problems == []
    page_messages = {m for m in generator.phrasebank.messages if m.startswith("page.")}
    assert page_messages - (used | more_used) == set()


def test_related_list_naming_an_unknown_occupation_is_one_line(tmp_path):
    with pytest.raises(
        DataError, match=r"clerk\.yaml: related: unknown occupation 'typst'; did you mean typist\?"
    ):  # found when the data loads, not only when that page is rendered
        _catalog(tmp_path, {"clerk": "title: Clerk\nrelated: [typst]\n", "typist": "title: Typist\n"})


# --- the related-occupations rule (related.py) ------------------------------------------------


def test_related_rule_explicit_then_group_then_skills_then_pay(tmp_path):
    records = {
        "subject": "title: Subject\ngroup: {code: 43-3000, title: Financial Clerks}\n"
        "skills: [{name: filing}, {name: typing}]\nsalary: {yearly: 40000}\nrelated: [picked, subject]\n",
        "picked": "title: Picked\nsalary: {yearly: 99000}\n",
        "minor-far": "title: Minor Far\ngroup: {code: 43-3000, title: Financial Clerks}\n"
        "salary: {yearly: 60000}\n",
        "minor-near": "title: Minor Near\ngroup: {code: 43-3000, title: Financial Clerks}\n"
        "salary: {yearly: 41000}\n",
        "major": "title: Major\ngroup: {code: 43-4000, title: Information Clerks}\n"
        "skills: [{name: filing}, {name: typing}]\nsalary: {yearly: 40000}\n",
        "soc-major": "title: Soc Major\nsoc: 43-1011\nsalary: {yearly: 70000}\n",
        "other-major": "title: Other Major\ngroup: {code: 13-2000, title: Financial Specialists}\n"
        "salary: {yearly: 40000}\n",
        "two-skills": "title: Two Skills\nskills: [{name: Filing}, {name: typing}]\n"
        "salary: {yearly: 90000}\n",
        "one-skill": "title: One Skill\nskills: [{name: filing}]\nsalary: {yearly: 40000}\n",
        "hourly-near": "title: Hourly Near\nsalary: {hourly: 19}\n",
        "pay-near": "title: Pay Near\nsalary: {yearly: 40500, hourly: 30}\n",
        "pay-far": "title: Pay Far\nsalary: {yearly: 100000}\n",
        "no-pay": "title: No Pay\n",
    }
    gen = _catalog(tmp_path, records)
    subject = gen.catalog.find("subject")
    chosen = [o.slug for o in RelatedIndex(gen.catalog).choose(subject, 20)]
    assert chosen == [
        "picked",  # the record's own list first; itself is skipped
        "minor-near", "minor-far",  # same minor group, closer pay first
        "major", "soc-major",  # same major group, by its group or, lacking one, by its SOC code
        "two-skills", "one-skill",  # more shared skills (case-insensitive) first
        "other-major", "pay-near", "pay-far",  # then pay: a different major group counts as no group
        "hourly-near", "no-pay",  # no comparable yearly pay (the subject has no hourly rate): last, by slug
    ]  # fmt: skip
    assert [o.slug for o in RelatedIndex(gen.catalog).choose(subject, 3)] == chosen[:3]
    assert "subject" not in chosen


def test_related_rule_on_the_bundled_data(generator):
    index = generator.related
    collectors = generator.catalog.find("bill-and-account-collectors")
    chosen = index.choose(collectors, 30)
    assert len(chosen) == 30 and collectors not in chosen
    assert not any(
        generator.catalog.entries[o.slug].residual for o in chosen
    )  # e.g. financial clerks, all other
    # O*NET's related occupations come first, in its order; then the group rule fills up.
    assert collectors.related and [o.slug for o in chosen[: len(collectors.related)]] == list(
        collectors.related
    )
    rest = chosen[len(collectors.related) :]
    group = [o for o in rest if o.group is not None and o.group.code == "43-3000"]
    assert rest[: len(group)] == tuple(group)
    assert index.choose(collectors, 30) == chosen  # deterministic
    # O*NET's list is taken as it stands, hourly-only jobs included (the synthetic test above
    # pins the ranking by hourly rate).
    actors = generator.catalog.find("actors")
    assert [o.slug for o in index.choose(actors, 2)] == list(actors.related[:2])
