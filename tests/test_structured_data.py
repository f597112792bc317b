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
        experience = facts.get(f"{slug}.outlook.work_experience")
        assert (experience is None) == ("experienceRequirements" not in occupation)
        if experience is not None:
            assert occupation["experienceRequirements"].endswith(f": {experience}")
        training = facts.get(f"{slug}.outlook.on_the_job_training")
        if training is not None:
            assert occupation["qualifications"].endswith(f": {training}")
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
    # An overview page names its occupation in no table: the Document carries no name for it yet.
    page = generator.overview_document("bill-and-account-collectors")
    assert structured_data(page) is None
    assert (
        json.loads(generator.overview("bill-and-account-collectors", format="json"))["structured_data"]
        is None
    )


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
    lead = [s.text for s in doc.prose(items=False)]
    assert unescape(content) == meta_description(doc)
    assert meta_description(doc).startswith(lead[0]) and len(meta_description(doc)) <= DESCRIPTION_LIMIT
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
