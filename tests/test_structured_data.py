"""HTML pages carry a description and schema.org JSON-LD written from the article's own facts.

The JSON-LD parses, uses only properties schema.org defines for each type it uses, and every
value equals the fact the article states (read here from the Document's sentence facts). The
JSON output carries the same object.
"""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser
from typing import Any

import pytest

from articlegen import open_generator
from articlegen.realize.document import Document, ParagraphBlock, Section, Sentence
from articlegen.render.html import render_html
from articlegen.render.json import document_to_dict
from articlegen.render.structured import DESCRIPTION_LIMIT, meta_description, structured_data

from .conftest import write_occupation
from .test_charts import column_names, facts_of

# schema.org's properties of each type used, its own and those it inherits, from the type pages
# of schema.org release 29.1 (2025; https://schema.org/docs/releases.html). Each property here has
# been in the vocabulary since release 3.x at least. Only a subset of CreativeWork's many
# properties is listed: a property outside it needs looking up before it is added here.
THING = {
    "additionalType", "alternateName", "description", "disambiguatingDescription", "identifier",
    "image", "mainEntityOfPage", "name", "potentialAction", "sameAs", "subjectOf", "url",
}  # fmt: skip
CREATIVE_WORK = THING | {
    "about", "abstract", "author", "citation", "dateModified", "datePublished", "headline",
    "inLanguage", "isPartOf", "keywords", "license", "mainEntity", "publisher", "temporalCoverage",
}  # fmt: skip
QUANTITATIVE_VALUE_DISTRIBUTION = THING | {
    "duration", "median", "percentile10", "percentile25", "percentile75", "percentile90",
}  # fmt: skip
OCCUPATION = THING | {
    "educationRequirements", "estimatedSalary", "experienceRequirements", "occupationLocation",
    "occupationalCategory", "qualifications", "responsibilities", "skills",
}  # fmt: skip
CREDENTIAL = CREATIVE_WORK | {
    "competencyRequired", "credentialCategory", "educationalLevel", "recognizedBy", "validFor", "validIn",
}  # fmt: skip
ALLOWED: dict[str, set[str]] = {
    # Thing > CreativeWork > WebPage
    "WebPage": CREATIVE_WORK
    | {"breadcrumb", "lastReviewed", "primaryImageOfPage", "reviewedBy", "specialty"},
    # Thing > Intangible > Occupation
    "Occupation": OCCUPATION,
    # Thing > Intangible > StructuredValue > QuantitativeValueDistribution > MonetaryAmountDistribution
    "MonetaryAmountDistribution": QUANTITATIVE_VALUE_DISTRIBUTION | {"currency"},
    "QuantitativeValueDistribution": QUANTITATIVE_VALUE_DISTRIBUTION,
    # Thing > Place > AdministrativeArea > Country
    "Country": THING | {"address", "containedInPlace", "containsPlace", "geo"},
    # Thing > CreativeWork > EducationalOccupationalCredential
    "EducationalOccupationalCredential": CREDENTIAL,
    # Thing > Intangible > DefinedTerm
    "DefinedTerm": THING | {"inDefinedTermSet", "termCode"},
}
JSON_LD = re.compile(r'<script type="application/ld\+json">\n(.*?)\n</script>', re.S)


def json_ld_of(html: str) -> Any:
    (text,) = JSON_LD.findall(html)
    assert "</" not in text and "<!--" not in text
    return json.loads(text)


def nodes(value: Any, path: str = "$") -> list[tuple[str, dict[str, Any]]]:
    """Every object in the JSON-LD with where it is; each must be typed."""
    found = []
    if isinstance(value, dict):
        assert "@type" in value, f"{path} has no @type"
        found.append((path, value))
        for key, inner in value.items():
            found += nodes(inner, f"{path}.{key}")
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            found += nodes(inner, f"{path}[{i}]")
    return found


def check_vocabulary(data: dict[str, Any]) -> None:
    assert data["@context"] == "https://schema.org"
    for path, node in nodes(data):
        kind = node["@type"]
        assert kind in ALLOWED, f"{path}: {kind} is not a type this test knows"
        unknown = set(node) - ALLOWED[kind] - {"@type", "@context"}
        assert not unknown, f"{path}: {kind} has no properties {sorted(unknown)} in schema.org"
        assert path == "$" or "@context" not in node


def check_preparation(occupation: dict[str, Any], facts: dict[str, Any], slug: str) -> None:
    """BLS's experience and training categories, as stated; its category "None" said in words,
    never printed as "None"."""
    experience = facts.get(f"{slug}.outlook.work_experience")
    assert (experience is None) == ("experienceRequirements" not in occupation)
    if experience == "None":
        assert occupation["experienceRequirements"] == "No work experience in a related occupation"
    elif experience is not None:
        assert occupation["experienceRequirements"].endswith(f": {experience}")
    training = facts.get(f"{slug}.outlook.on_the_job_training")
    assert (training is None) == ("qualifications" not in occupation)
    if training == "None":
        assert occupation["qualifications"] == "No on-the-job training to attain competency"
    elif training is not None:
        assert occupation["qualifications"].endswith(f": {training}")
    assert "None" not in json.dumps(occupation)


PAIRS = [
    ("software-developers", "registered-nurses"),
    ("bill-and-account-collectors", "credit-authorizers-checkers-and-clerks"),
    ("tax-examiners-and-collectors-and-revenue-agents", "psychology-teachers-postsecondary"),
    ("helpers-carpenters", "clergy"),
]


@pytest.mark.parametrize(("a", "b"), PAIRS)
def test_json_ld_parses_uses_schema_org_terms_and_states_the_articles_facts(generator, a, b):
    doc = generator.document(a, b)
    data = json_ld_of(render_html(doc))
    check_vocabulary(data)
    facts, names = facts_of(doc), column_names(doc)
    assert data["@type"] == "WebPage" and data["name"] == doc.title.text
    assert [o["name"] for o in data["about"]] == [names[a], names[b]]
    for slug, occupation in zip((a, b), data["about"], strict=True):
        (salary,) = occupation["estimatedSalary"]
        span = facts[f"{slug}.salary.range"]
        assert span.percentiles == (10, 90)
        assert salary == {
            "@type": "MonetaryAmountDistribution",
            "currency": "USD",
            "duration": "P1Y",
            "percentile10": span.low,
            "median": facts[f"{slug}.salary.median"],
            **({} if span.high_top_coded else {"percentile90": span.high}),
        }
        assert occupation["occupationLocation"] == [{"@type": "Country", "name": "US"}]
        assert occupation["occupationalCategory"] == facts[f"{slug}.soc"] == generator.catalog.find(slug).soc
        description = facts.get(f"{slug}.description", facts.get(f"{slug}.work.description"))
        assert occupation.get("description") == description
        entry = facts.get(f"{slug}.outlook.entry_education")
        if entry is None:
            assert "educationRequirements" not in occupation
        else:
            assert occupation["educationRequirements"] == {
                "@type": "EducationalOccupationalCredential",
                "credentialCategory": entry,
            }
        check_preparation(occupation, facts, slug)
        rated = [
            k.removeprefix(f"{slug}.skill_ratings.")
            for k, v in facts.items()
            if k.startswith(f"{slug}.skill_ratings.") and isinstance(v, float)
        ]
        named = facts.get(f"{slug}.skill_ratings.top", rated)
        assert occupation.get("skills", []) == list(named)
    cited = list(dict.fromkeys(c for s in (a, b) for c in facts[f"{s}.sources"]))
    assert data["citation"] == cited
    (oews,) = [c for c in cited if "OEWS" in c]
    assert oews.endswith("May 2025") and data["temporalCoverage"] == "2025-05"
    assert data["description"] == meta_description(doc)


def test_the_json_output_carries_the_same_object(generator):
    doc = generator.document(*PAIRS[0])
    from_json = json.loads(generator.generate(*PAIRS[0], format="json"))["structured_data"]
    assert from_json == json_ld_of(render_html(doc)) == json.loads(json.dumps(structured_data(doc)))
    assert document_to_dict(doc)["structured_data"] == structured_data(doc)


def test_no_json_ld_without_an_occupation_with_a_name_and_a_salary(generator):
    # A typical salary range is no distribution, and no median is stated: nothing to mark up.
    assert structured_data(generator.document("collections-associate", "account-representative")) is None
    assert "application/ld+json" not in generator.generate(
        "collections-associate", "account-representative", format="html"
    )
    # The hand-written overview page has the same typical range and no median: none either.
    assert structured_data(generator.overview_document("collections-associate")) is None
    assert json.loads(generator.overview("collections-associate", format="json"))["structured_data"] is None


def _synthetic(
    facts: dict[str, Any], kind: str = "overview", prose: tuple[str, ...] = ("A job.",)
) -> Document:
    return Document(
        kind=kind,
        subjects=("clerk",),
        seed=0,
        title=Sentence("What does a clerk do?", "page.title", facts={"clerk.title": "Clerk"}),
        sections=(
            Section("pay", None, (ParagraphBlock(tuple(Sentence(t, "x", facts=facts) for t in prose)),)),
        ),
    )


class _Range:
    def __init__(self, low: float, high: float, top_coded: bool) -> None:
        self.low, self.high, self.percentiles, self.high_top_coded = low, high, (10, 90), top_coded


def test_a_stated_title_and_soc_code_name_and_classify_the_occupation():
    doc = _synthetic({"clerk.salary.median": 41000.0, "clerk.soc": "43-9061"})
    (occupation,) = structured_data(doc)["about"]
    assert occupation["name"] == "Clerk" and occupation["occupationalCategory"] == "43-9061"
    assert occupation["estimatedSalary"][0]["median"] == 41000


def test_a_top_coded_90th_percentile_is_only_a_floor_and_is_left_out():
    doc = _synthetic({"clerk.salary.range": _Range(90000.0, 239200.0, True), "clerk.salary.median": 180000.0})
    (salary,) = structured_data(doc)["about"][0]["estimatedSalary"]
    assert salary["percentile10"] == 90000 and salary["median"] == 180000 and "percentile90" not in salary


def test_json_ld_cannot_be_closed_or_commented_by_data(tmp_path):
    hostile = '</script><script>alert(1)</script><!-- & "x"'
    quoted = hostile.replace("\\", "\\\\").replace('"', '\\"')
    pay = "salary: {yearly: 52000, median: 50000, range: {low: 30000, high: 80000, percentiles: [10, 90]}}"
    write_occupation(tmp_path, "clerk", f'title: "Clerk {quoted}"\ndescription: "{quoted}"\n{pay}\n')
    write_occupation(tmp_path, "typist", f"title: Typist\n{pay}\n")
    doc = open_generator(tmp_path).document("clerk", "typist")
    html = render_html(doc)

    class Scripts(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.scripts: list[dict[str, str | None]] = []
            self.data: list[str] = []
            self._in = False

        def handle_starttag(self, tag, attrs):
            if tag == "script":
                self.scripts.append(dict(attrs))
                self._in = True

        def handle_endtag(self, tag):
            self._in = self._in and tag != "script"

        def handle_data(self, data):
            if self._in:
                self.data.append(data)

    parser = Scripts()
    parser.feed(html)
    assert parser.scripts == [{"type": "application/ld+json"}]  # one element, not executable
    data = json.loads("".join(parser.data))
    name = column_names(doc)["clerk"]  # the title as the article writes it ("&" may become "and")
    assert "</script><script>alert(1)</script><!--" in name
    assert data["about"][0]["name"] == name and data["about"][0]["description"] == hostile
    check_vocabulary(data)


def test_the_meta_description_is_the_lead_trimmed_at_a_word_and_escaped(generator):
    doc = generator.document(*PAIRS[0])
    html = render_html(doc)
    (content,) = re.findall(r'<meta name="description" content="([^"]*)">', html)
    lead = [s.text for s in doc.prose(items=False) if s.facts]  # the framing opening states none
    assert unescape(content) == meta_description(doc)
    assert meta_description(doc).startswith(lead[0]) and len(meta_description(doc)) <= DESCRIPTION_LIMIT
    assert doc.prose()[0].facts == {} and doc.prose()[0].text not in meta_description(doc)
    # Whole sentences while they fit; the first alone is cut at a word, with an ellipsis.
    short = _synthetic({}, prose=("One & two.", "Three <b>.", "x" * 200))
    assert meta_description(short) == "One & two. Three <b>."
    assert 'content="One &amp; two. Three &lt;b&gt;."' in render_html(short)
    long = _synthetic({}, prose=(" ".join(["word"] * 60) + ".",))
    cut = meta_description(long)
    assert len(cut) <= DESCRIPTION_LIMIT and cut.endswith("word\u2026") and "  " not in cut
    assert len(cut) > DESCRIPTION_LIMIT - 10
    quoted = _synthetic({}, prose=('He said "hi".',))
    assert 'content="He said &quot;hi&quot;."' in render_html(quoted)


def test_the_vocabulary_check_fails_on_a_property_schema_org_does_not_define(generator):
    data = structured_data(generator.document(*PAIRS[0]))
    data["about"][0]["estimatedSalary"][0]["percentile50"] = 1  # not a QuantitativeValueDistribution term
    with pytest.raises(AssertionError, match="percentile50"):
        check_vocabulary(data)
    data = structured_data(generator.document(*PAIRS[0]))
    data["about"][0]["occupationLocation"][0]["@type"] = "Nation"
    with pytest.raises(AssertionError, match="Nation"):
        check_vocabulary(data)


# --- overview pages ---------------------------------------------------------------------------

OVERVIEWS = [
    "bill-and-account-collectors",
    "software-developers",
    "helpers-carpenters",
    "tax-examiners-and-collectors-and-revenue-agents",
    "airfield-operations-specialists",
]


def _own_facts(doc: Document) -> dict[str, Any]:
    """The facts the page's title and its own sections state, not its short comparisons'."""
    found = dict(doc.title.facts)
    for section in doc.sections:
        if section.id.startswith("compare"):
            continue
        for sentence in Document(doc.kind, doc.subjects, doc.seed, doc.title, (section,)).sentences()[1:]:
            for key, value in sentence.facts.items():
                found.setdefault(key, value)
    return found


def _section_text(doc: Document, section_id: str) -> str:
    section = next(s for s in doc.sections if s.id == section_id)
    one = Document(doc.kind, doc.subjects, doc.seed, doc.title, (section,))
    return " ".join(s.text for s in one.sentences()[1:])


@pytest.mark.parametrize("slug", OVERVIEWS)
def test_an_overview_page_marks_up_its_own_job_with_what_the_page_states(generator, slug):
    doc = generator.overview_document(slug)
    html = render_html(doc)
    data = json_ld_of(html)
    check_vocabulary(data)
    record, facts = generator.catalog.find(slug), _own_facts(doc)
    assert data["@type"] == "WebPage" and data["name"] == doc.title.text
    (occupation,) = data["about"]  # the page's own job; the jobs it is compared with are not marked up
    # Named as a comparison article's table names the same job, from the singular its title prints.
    singular = facts[f"{slug}.forms.singular"]
    assert singular.lower() in doc.title.text.lower()
    other = doc.subjects[1]
    assert occupation["name"] == column_names(generator.document(slug, other))[slug]
    assert occupation["occupationalCategory"] == facts[f"{slug}.soc"] == record.soc
    # The pay distribution, the entry education and the skills, each as the page prints them.
    (salary,) = occupation["estimatedSalary"]
    span, median = facts[f"{slug}.salary.range"], facts[f"{slug}.salary.median"]
    assert (salary["percentile10"], salary["median"]) == (span.low, median)
    assert salary.get("percentile90") == (None if span.high_top_coded else span.high)
    pay = _section_text(doc, "pay")
    for figure in (span.low, median, *([] if span.high_top_coded else [span.high])):
        assert f"${figure:,.0f}" in pay
    entry = facts[f"{slug}.outlook.entry_education"]
    assert occupation["educationRequirements"] == {
        "@type": "EducationalOccupationalCredential",
        "credentialCategory": entry,
    }
    intro = _section_text(doc, "intro")
    assert entry.lower().split(",")[0] in intro.lower()
    skills = list(facts.get(f"{slug}.skill_ratings.top", ()))  # O*NET rates no skills of some jobs
    assert occupation.get("skills", []) == skills
    assert all(skill.lower() in _section_text(doc, "skills") for skill in skills)
    check_preparation(occupation, facts, slug)
    description = facts.get(f"{slug}.description", facts.get(f"{slug}.work.description"))
    assert occupation.get("description") == description and description.lower()[:40] in intro.lower()
    # The citations the page lists under Sources, and the month its OEWS figures are for.
    assert data["citation"] == [item.text for item in doc.sections[-1].blocks[0].items]
    assert data["temporalCoverage"] == "2025-05"
    (content,) = re.findall(r'<meta name="description" content="([^"]*)">', html)
    assert unescape(content) == meta_description(doc) == data["description"]
    # The JSON output carries the same object.
    from_json = json.loads(generator.overview(slug, format="json"))["structured_data"]
    assert from_json == data == json.loads(json.dumps(structured_data(doc)))


def test_an_overview_page_is_marked_up_only_from_its_own_sections():
    """A figure of the page's job that only a short comparison's facts carry, for the arithmetic
    of a gap, is not one the page shows for it: no markup is made of it."""
    facts = {"clerk.salary.median": 41000.0, "clerk.forms.singular": "clerk"}
    title = Sentence("What does a clerk do?", "page.title", facts={"clerk.forms.singular": "clerk"})
    para = ParagraphBlock((Sentence("Typists earn $1,000 more.", "x", facts=facts),))

    def page(section_id: str) -> Document:
        return Document("overview", ("clerk", "typist"), 0, title, (Section(section_id, None, (para,)),))

    (occupation,) = structured_data(page("pay"))["about"]
    assert occupation["name"] == "Clerk" and occupation["estimatedSalary"][0]["median"] == 41000
    assert structured_data(page("compare-typist")) is None
    assert structured_data(page("compare")) is None


def test_an_overview_page_built_on_part_of_a_group_gives_no_description_of_the_whole(generator):
    """O*NET's words about one occupation of a broader OEWS code do not describe the code."""
    found = 0
    for slug in sorted(generator.catalog.occupations)[::7]:
        record = generator.catalog.find(slug)
        if record.work is None or record.work.description_of is None:
            continue
        data = structured_data(generator.overview_document(slug))
        if data is None:
            continue
        found += 1
        assert "description" not in data["about"][0], slug
    assert found
