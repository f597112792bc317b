"""Articles from O*NET, the BLS Employment Projections and the CPS, checked against the committed data.

Every expected figure, category and text is read here from data/onet, data/projections and
data/cps with plain json and arithmetic, never through the profile reader or the planner.
Which job a sentence says is the faster-growing, older or more schooled one is read from the
sentence itself: its variant's template, taken from the committed phrasebank, is turned into a
pattern whose holes capture the two jobs' names.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from collections import Counter
from collections.abc import Iterable, Iterator
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from articlegen import Generator, open_generator
from articlegen.corpus.pairs import all_pairs, sample_pairs
from articlegen.errors import DataError
from articlegen.facts.load import load_catalog
from articlegen.gates.verify import subject_names, verify_pairs
from articlegen.realize.document import Document, Sentence, TableBlock
from articlegen.resources import default_phrasebank_dir
from articlegen.wording.phrasebank import load_phrasebank

from .conftest import ROOT, plant_variant, write_occupation

DATA = ROOT / "data"
SD, RN = "software-developers", "registered-nurses"
MINUS = "\u2212"
# BLS's typical entry-level education categories, least schooling first (Employment Projections).
BLS_EDUCATION = (
    "No formal educational credential",
    "High school diploma or equivalent",
    "Some college, no degree",
    "Postsecondary nondegree award",
    "Associate's degree",
    "Bachelor's degree",
    "Master's degree",
    "Doctoral or professional degree",
)
SAMPLE = 150  # OEWS pairs read for directions
VERIFY_SAMPLE = 200


# --- the committed data, read plainly -----------------------------------------------------------


@cache
def _raw(path: str) -> dict[str, Any]:
    return json.loads((DATA / path).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@cache
def _by_soc(path: str) -> dict[str, dict[str, Any]]:
    return {record["soc"]: record for record in _raw(path)["occupations"]}


def onet(soc: str) -> dict[str, Any]:
    return _by_soc("onet/onet-29.3.json").get(soc, {})


def projection(soc: str) -> dict[str, Any]:
    return _by_soc("projections/ep-2024-34.json").get(soc, {})


def cps(soc: str) -> dict[str, Any]:
    return _by_soc("cps/cps.json").get(soc, {})


@cache
def _oews_records() -> dict[str, dict[str, Any]]:
    return {r["slug"]: r for r in _raw("oews/oews-2025.json")["occupations"]}


def soc_of(slug: str) -> str:
    return str(_oews_records()[slug]["soc"])


@cache
def subjects() -> tuple[str, ...]:
    """OEWS article subjects: every occupation but the residual 'All Other' categories."""
    return tuple(sorted(slug for slug, r in _oews_records().items() if not r.get("residual")))


def growth(slug: str) -> float | None:
    return projection(soc_of(slug)).get("employment_change_2024_34_percent")


def entry_education(slug: str) -> str | None:
    return projection(soc_of(slug)).get("typical_education_needed_for_entry")


# --- numbers as a reader sees them: halves rounded up, one decimal, trailing zero dropped -------


def _half_up(value: float, places: int = 1) -> Decimal:
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def decimal(value: float) -> str:
    text = str(_half_up(value))
    text = text[:-2] if text.endswith(".0") else text
    return text.replace("-", MINUS)


def pct(value: float) -> str:
    return f"{decimal(value)}%"


def survey_share(value: float) -> str:
    """A survey's share (CPS, O*NET), printed with its decimal: "60.0%"."""
    return f"{_half_up(value):.1f}%"


def score(value: float) -> str:
    return str(_half_up(value))  # importance scores keep their decimal: "4.0"


# --- reading articles ---------------------------------------------------------------------------


def section_text(markdown: str, heading: str) -> str:
    """The Markdown under `## heading`, up to the next heading of that level."""
    start = markdown.index(f"\n## {heading}\n")
    end = markdown.find("\n## ", start + 1)
    return markdown[start : end if end >= 0 else len(markdown)]


def with_fact(sentences: Iterable[Sentence], key: str) -> list[Sentence]:
    return [s for s in sentences if key in s.facts]


def about(sentence: Sentence, slug: str) -> bool:
    return any(key.startswith(f"{slug}.") for key in sentence.facts)


_HOLE = re.compile(r"\{\{\s*(.*?)\s*\}\}")
_ROLE = re.compile(r"\|\s*(?:plural|singular|indef|title)\b")


@cache
def _templates(file: str, message: str) -> dict[str, str]:
    data = yaml.safe_load((default_phrasebank_dir() / file).read_text(encoding="utf-8"))
    return {v["id"]: v["text"] for v in data["messages"][message]["variants"]}


def slots_of(sentence: Sentence, file: str, names: Iterable[str]) -> dict[str, str]:
    """The text each hole of the sentence's variant printed, read back with the variant's template.

    A hole filtered to a job's name (`| plural`, `| singular`, ...) matches only one of `names`,
    so a title with its own "and" or commas cannot shift the holes around it.
    """
    assert sentence.message and sentence.variant
    template = _templates(file, sentence.message)[sentence.variant]
    assert "{%" not in template, f"{sentence.message}/{sentence.variant}: a statement this test cannot read"
    role = "(?:" + "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True)) + ")"
    text = " ".join(template.split())
    parts, seen, at = [], set(), 0
    for hole in _HOLE.finditer(text):
        parts.append(r"\s+".join(re.escape(w) for w in text[at : hole.start()].split(" ")))
        inner = hole.group(1)
        body = role if _ROLE.search(inner) else ".+?"
        name = re.match(r"[A-Za-z_]\w*", inner)
        if name and name.group(0) not in seen and name.group(0) not in {"if", "not"}:
            seen.add(name.group(0))
            parts.append(f"(?P<{name.group(0)}>{body})")
        else:
            parts.append(f"(?:{body})")
        at = hole.end()
    parts.append(r"\s+".join(re.escape(w) for w in text[at:].split(" ")))
    pattern = "".join(parts).rstrip(r"\.") + r"\.?"
    found = re.fullmatch(pattern, sentence.text, re.IGNORECASE)
    assert found, f"{sentence.message}/{sentence.variant} does not read as its template: {sentence.text}"
    return found.groupdict()


class Names:
    """Which of an article's two jobs a printed name is."""

    def __init__(self, generator: Generator, pair: tuple[str, str]) -> None:
        # with the short names the article may call them by ("systems managers")
        names = {slug: subject_names(generator.catalog, [slug], pair) for slug in pair}
        self.forms = {slug: {n.casefold() for n in found} for slug, found in names.items()}
        self.all = [n for found in names.values() for n in found]

    def slug(self, printed: str) -> str:
        (slug,) = [s for s, forms in self.forms.items() if printed.casefold() in forms]
        return slug


@pytest.fixture(scope="module")
def solo(generator) -> dict[str, Document]:
    """One article per OEWS subject, against a job O*NET gives no skill ratings or required
    education (software developers; they themselves are paired with registered nurses)."""
    assert not onet(soc_of(SD)).get("skills") and not onet(soc_of(SD)).get("education")
    return {slug: generator.document(slug, SD if slug != SD else RN) for slug in subjects()}


# --- 1. the article ---------------------------------------------------------------------


def test_software_developers_vs_registered_nurses_reads_every_dataset(generator):
    text = generator.generate(SD, RN)
    document = generator.document(SD, RN)
    headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
    for wanted in (
        "What does a software developer do?",
        "What does a registered nurse do?",
        "Education and training",
        "Job outlook",
        "Who does the work",
        "The skills that matter most",
        "Sources",
    ):
        assert wanted in headings, headings

    for slug, heading in (
        (SD, "What does a software developer do?"),
        (RN, "What does a registered nurse do?"),
    ):
        record = onet(soc_of(slug))
        body = section_text(text, heading)
        first = record["description"][: record["description"].index(". ") + 1]
        (quote,) = re.findall(r"\u201c([^\u201d]+)\u201d", body)
        assert quote.rstrip(".,") == first[0].lower() + first[1:-1]
        items = re.findall(r"^- (.+)$", body, re.MULTILINE)
        assert len(items) == min(5, len(record["tasks"])) == len(set(items))
        assert set(items) <= set(record["tasks"])

    outlook = section_text(text, "Job outlook")
    average = _raw("projections/ep-2024-34.json")["all_occupations"]["employment_change_2024_34_percent"]
    assert (growth(SD), growth(RN), average) == (15.8, 4.9, 3.1)
    for figure in (growth(SD), growth(RN), average):
        assert pct(figure) in outlook
    (compare,) = [s for s in document.prose() if s.message == "outlook.growth.compare"]
    assert compare.facts[f"{SD}.outlook.change_percent"] == growth(SD)
    assert compare.facts[f"{RN}.outlook.change_percent"] == growth(RN)

    assert entry_education(SD) == entry_education(RN) == "Bachelor's degree"
    assert "a bachelor's degree" in section_text(text, "Education and training")
    assert [s.message for s in document.prose() if (s.message or "").startswith("training.entry")] == [
        "training.entry.same"
    ]

    for slug in (SD, RN):
        row = cps(soc_of(slug))
        age, people = row["age"], row["people"]
        assert not age["broader"] and not people["broader"]
        for field, value, year in (
            ("median_age", decimal(age["median_age"]), age["year"]),
            ("women_share", survey_share(people["women"]), people["year"]),
        ):
            # The prose compares the two (a gap, with the survey year); the table prints the value.
            said = with_fact(document.prose(), f"{slug}.workforce.{field}")
            assert said and all(str(year) in s.text for s in said), (field, said)
            assert value in section_text(text, "Who does the work"), (field, value)

    skills = section_text(text, "The skills that matter most")
    assert not onet(soc_of(SD)).get("skills")
    assert "software developer" not in skills.casefold()
    assert not re.search(r"not reported|not rated|no rating|gap|n/a|\u2014", skills, re.IGNORECASE)
    ratings = onet(soc_of(RN))["skills"]
    (top,) = [s for s in document.prose() if s.message == "ratings.top"]
    fifth = ratings[4]["importance"]
    assert scored_skills(top.text, ratings) == [r["name"] for r in ratings if r["importance"] >= fifth]

    sources = section_text(text, "Sources")
    provenance = _raw("onet/onet-29.3.json")["provenance"]
    assert provenance["attribution"] in sources
    assert provenance["release"] in sources
    assert _raw("projections/ep-2024-34.json")["provenance"]["citation"] in sources
    for kind in ("age", "people"):
        assert _raw("cps/cps.json")["provenance"]["sources"][kind]["citation"] in sources


def scored_skills(text: str, ratings: list[dict[str, Any]]) -> list[str]:
    """The skills a sentence lists as "name (score)", in its order, each score checked."""
    found, rest = [], text
    for rating in sorted(ratings, key=lambda r: -len(r["name"])):
        pattern = rf"(?<![\w-]){re.escape(rating['name'])} \((\d+\.\d)\)"
        for match in re.finditer(pattern, rest, re.IGNORECASE):
            assert match.group(1) == score(rating["importance"]), (rating, text)
            found.append((match.start(), rating["name"]))
        rest = re.sub(pattern, lambda m: "#" * len(m.group(0)), rest, flags=re.IGNORECASE)
    return [name for _, name in sorted(found)]


def _quotes(document: Document, slug: str) -> list[str]:
    said = with_fact(document.prose(), f"{slug}.work.description")
    return [q for s in said for q in re.findall(r"\u201c([^\u201d]+)\u201d", s.text)]


def _is_whole_first_sentence(quote: str, description: str) -> bool:
    """The quote is the description's opening, up to a full stop that ends a sentence (printed as
    the quote's own stop, or as a comma where the sentence goes on after it)."""
    words = quote[0].upper() + quote[1:].rstrip(".,")
    if not (quote.endswith((".", ",")) and description.startswith(words + ".")):
        return False
    rest = description[len(words) + 1 :]
    return rest == "" or re.match(r" [A-Z]", rest) is not None


POSTMASTERS = "11-9131"  # "... support services of a U.S. post office; or ..."


def test_every_description_is_quoted_as_a_whole_sentence(solo):
    checked = 0
    for slug, document in solo.items():
        description = onet(soc_of(slug)).get("description")
        if description is None or soc_of(slug) == POSTMASTERS:
            continue
        (quote,) = _quotes(document, slug)
        assert _is_whole_first_sentence(quote, description), (slug, quote)
        checked += 1
    assert checked > 700


def test_an_abbreviation_does_not_end_the_quoted_sentence(solo):
    slug = next(s for s in subjects() if soc_of(s) == POSTMASTERS)
    (quote,) = _quotes(solo[slug], slug)
    assert _is_whole_first_sentence(quote, onet(POSTMASTERS)["description"]), quote


def test_untyped_tasks_are_not_called_core_tasks(generator):
    assert onet(soc_of(SD))["task_type"] == "unclassified"
    leads = [s for s in generator.document(SD, RN).prose() if f"{SD}.work.tasks_listed" in s.facts]
    assert leads and all("core" not in s.text.casefold() for s in leads), [s.text for s in leads]


# --- 2. directions over many pairs --------------------------------------------------------------


def test_directions_agree_with_the_data_over_many_pairs(generator):
    pairs = sorted(sample_pairs(all_pairs(subjects()), SAMPLE))
    seen: Counter[tuple[str | None, str | None]] = Counter()
    for seed in (0, 1, 2):
        for pair in pairs:
            seen += _check_directions(generator, pair, seed)
    messages = Counter(message for message, _ in seen.elements())
    for message in ("outlook.growth.compare", "training.entry.different", "workforce.age.compare"):
        assert messages[message] >= 20, messages
        assert len({v for m, v in seen if m == message}) >= 3, seen


def _check_directions(
    generator: Generator, pair: tuple[str, str], seed: int
) -> Counter[tuple[str | None, str | None]]:
    a, b = pair
    prose = generator.document(a, b, seed=seed).prose()
    names = Names(generator, pair)
    read: Counter[tuple[str | None, str | None]] = Counter()

    def said(message: str) -> list[Sentence]:
        return [s for s in prose if s.message == message]

    def other(slug: str) -> str:
        return b if slug == a else a

    ga, gb = growth(a), growth(b)
    if ga is not None and gb is not None:
        compared, same = said("outlook.growth.compare"), said("outlook.growth.same")
        assert len(compared) + len(same) == 1, (pair, [s.text for s in prose])
        if same:
            assert decimal(ga) == decimal(gb)
        for s in compared:
            faster = names.slug(slots_of(s, "outlook.yaml", names.all)["faster"])
            rates = {a: ga, b: gb}
            assert rates[faster] > rates[other(faster)], (pair, s.text)
            read[(s.message, s.variant)] += 1

    ea, eb = entry_education(a), entry_education(b)
    if ea is not None and eb is not None:
        different, same = said("training.entry.different"), said("training.entry.same")
        assert len(different) + len(same) == 1, pair
        assert bool(same) is (ea == eb)
        for s in different:
            more = names.slug(slots_of(s, "training.yaml", names.all)["more"])
            rank = {a: BLS_EDUCATION.index(ea), b: BLS_EDUCATION.index(eb)}
            assert rank[more] > rank[other(more)], (pair, s.text)
            read[(s.message, s.variant)] += 1

    ages = [cps(soc_of(slug)).get("age") or {} for slug in pair]
    compared = said("workforce.age.compare")
    own = all(x.get("median_age") is not None and not x.get("broader") for x in ages)
    paired = len(compared) + len(said("workforce.age.same"))
    assert paired == (1 if own and ages[0]["year"] == ages[1]["year"] else 0), pair
    for s in compared:
        older = names.slug(slots_of(s, "workforce.yaml", names.all)["higher"])
        older_age = cps(soc_of(older))["age"]["median_age"]
        assert older_age > cps(soc_of(other(older)))["age"]["median_age"], (pair, s.text)
        read[(s.message, s.variant)] += 1
    return read


# --- 3. broader Census groups -------------------------------------------------------------------


def _missing_labels() -> set[str]:
    data = yaml.safe_load((default_phrasebank_dir() / "labels.yaml").read_text(encoding="utf-8"))
    return {v["text"] for v in data["messages"]["label.missing"]["variants"]}


def _workforce_tables(document: Document) -> list[TableBlock]:
    return [
        block
        for section in document.sections
        for block in section.blocks
        if isinstance(block, TableBlock) and any(row[0].message == "label.women_share" for row in block.rows)
    ]


def test_a_broader_census_group_is_named_and_kept_out_of_the_table(generator):
    slug = next(
        s
        for s in subjects()
        if (cps(soc_of(s)).get("people") or {}).get("broader")
        and (cps(soc_of(s)).get("age") or {}).get("broader")
    )
    row = cps(soc_of(slug))
    people, age = row["people"], row["age"]
    assert people["row"] != _oews_records()[slug]["title"]
    document = generator.document(RN, slug)
    prose = document.prose()

    (women,) = with_fact(prose, f"{slug}.workforce.women_share")
    assert (
        people["row"] in women.text
        and survey_share(people["women"]) in women.text
        and str(people["year"]) in women.text
    )
    (median,) = with_fact(prose, f"{slug}.workforce.median_age")
    assert age["row"] in median.text and decimal(age["median_age"]) in median.text
    workforce = [s for s in prose if any(".workforce." in key for key in s.facts)]
    assert not any(about(s, RN) and about(s, slug) for s in workforce), (
        "a group's figure compared with a job's"
    )

    # The table has no column of the group's figures: where the prose states each of the nurses'
    # figures, it has no rows at all (realize/echoes.py); else its cells are "Not reported".
    rn_women = survey_share(cps(soc_of(RN))["people"]["women"])
    rn_age = decimal(cps(soc_of(RN))["age"]["median_age"])
    tables = _workforce_tables(document)
    if not tables:
        (women,) = with_fact(prose, f"{RN}.workforce.women_share")
        (median,) = with_fact(prose, f"{RN}.workforce.median_age")
        assert rn_women in women.text and rn_age in median.text
        return
    (table,) = tables
    column = 1 + document.subjects.index(slug)
    missing = _missing_labels()
    cells = {label.message: cells[column - 1] for label, *cells in table.rows}
    assert cells and all(cell.text in missing and cell.facts == {} for cell in cells.values()), cells
    own = {label.message: cells[document.subjects.index(RN)] for label, *cells in table.rows}
    assert own["label.women_share"].text == rn_women
    assert own["label.median_age"].text == rn_age


# --- 4. suppressed education shares -------------------------------------------------------------

_LEADS = re.compile(r"most often|largest group|more than for any other|most common|the most\b", re.IGNORECASE)


def _level(name: str) -> str:
    """An O*NET level as a sentence words it: "Associate's Degree (or other 2-year degree)" ->
    "associate's degree"."""
    return name.split(" (")[0].casefold()


def test_no_level_leads_a_list_with_a_suppressed_share(solo):
    checked_null = checked_top = 0
    for slug, document in solo.items():
        shares = onet(soc_of(slug)).get("education") or []
        if not shares:
            continue
        said = [
            s
            for s in document.prose()
            if any(k.startswith(f"{slug}.requirements.education") for k in s.facts)
        ]
        published = sorted((s for s in shares if s["share"] is not None), key=lambda s: -s["share"])
        if any(s["share"] is None for s in shares):
            checked_null += 1
            assert all(s.message != "training.required" and not _LEADS.search(s.text) for s in said), said
            (sentence,) = said
            for share in published[:2]:
                assert (
                    survey_share(share["share"]) in sentence.text
                    and _level(share["level"]) in sentence.text.casefold()
                )
            continue
        top = published[0]
        if len(published) > 1 and published[1]["share"] == top["share"]:
            assert all(s.message != "training.required" for s in said), said
            continue
        checked_top += 1
        (sentence,) = said
        assert sentence.message == "training.required", sentence
        assert (
            survey_share(top["share"]) in sentence.text and _level(top["level"]) in sentence.text.casefold()
        ), sentence
    assert checked_null > 50 and checked_top > 400, (checked_null, checked_top)


# --- 5. skill top lists -------------------------------------------------------------------------


def test_a_top_list_never_splits_a_tie(solo):
    lists = 0
    for slug, document in solo.items():
        ratings = onet(soc_of(slug)).get("skills") or []
        if len(ratings) < 6 or ratings[4]["importance"] != ratings[5]["importance"]:
            continue
        tops = [s for s in document.prose() if s.message == "ratings.top" and about(s, slug)]
        for top in tops:
            named = scored_skills(top.text, ratings)
            assert 3 <= len(named) <= 8 and len(named) != 5, (slug, top.text)
            lowest = min(r["importance"] for r in ratings if r["name"] in named)
            left_out = [r for r in ratings if r["name"] not in named and r["importance"] >= lowest]
            assert left_out == [], (slug, top.text, left_out)
            lists += 1
    assert lists > 300


def test_the_widest_gap_is_said_only_when_it_is_the_only_one(generator):
    a, b = RN, "mathematicians"
    rated_b = {r["name"]: Decimal(str(r["importance"])) for r in onet(soc_of(b))["skills"]}
    gaps = {
        r["name"]: abs(Decimal(str(r["importance"])) - rated_b[r["name"]])
        for r in onet(soc_of(a))["skills"]
        if r["name"] in rated_b
    }
    widest = max(gaps.values())
    assert sorted(n for n, g in gaps.items() if g == widest) == ["Mathematics", "Service Orientation"]
    for seed in range(3):
        said = [s for s in generator.document(a, b, seed=seed).prose() if s.message == "ratings.gap"]
        assert said == [], [s.text for s in said]


# --- 6. aggregates ------------------------------------------------------------------------------


def test_an_aggregate_names_the_part_its_description_is_of(solo):
    aggregates = [
        s for s in subjects() if onet(soc_of(s)).get("aggregate") and onet(soc_of(s)).get("description")
    ]
    assert {"31-1120", "51-2028"} <= {soc_of(s) for s in aggregates}
    for slug in aggregates:
        part = onet(soc_of(slug))["description_of"]["title"]
        prose = solo[slug].prose()
        (described,) = with_fact(prose, f"{slug}.work.description")
        assert part.casefold() in described.text.casefold(), described.text
        assert _is_whole_first_sentence(_quotes(solo[slug], slug)[0], onet(soc_of(slug))["description"])
        leads = with_fact(prose, f"{slug}.work.tasks_listed")
        assert all(part.casefold() in s.text.casefold() for s in leads), [s.text for s in leads]
    home = next(s for s in aggregates if soc_of(s) == "31-1120")
    assert "home health aides" in with_fact(solo[home].prose(), f"{home}.work.description")[0].text.casefold()


# --- 7. faults planted into a copy of the phrasebanks -------------------------------------------


def _caught(generator: Generator, bank: Path, message: str, pairs: list[tuple[str, str]]) -> list[str]:
    planted = Generator(generator.catalog, load_phrasebank(bank))
    report = verify_pairs(planted, pairs)
    return [c.problem for c in report.false_claims if c.message == message and c.variant == "planted"]


def _below_and_above() -> list[tuple[str, str]]:
    """A job projected below the all-occupations average beside one above it, both orders."""
    average = _raw("projections/ep-2024-34.json")["all_occupations"]["employment_change_2024_34_percent"]
    low = "cashiers"
    low_growth, high_growth = growth(low), growth(SD)
    assert low_growth is not None and high_growth is not None and low_growth < average < high_growth
    return [(SD, low), (low, SD)]


PLANTS = {
    "average-below-said-faster": (  # one job above the average and one below: said in one sentence
        "outlook.yaml",
        "outlook.average.split",
        "{{ above | plural }} and {{ below | plural }} are both projected to grow faster than the"
        " {{ average }} projected for all occupations.",
        "the all-occupations figure",
    ),
    "growth-swapped": (
        "outlook.yaml",
        "outlook.growth.compare",
        "BLS projects employment of {{ slower | plural }} to grow {{ slower_growth }} from {{ start }} to"
        " {{ end }}, faster than the {{ faster_growth }} it projects for {{ faster | plural }}.",
        "the data says the opposite",
    ),
    "lower-age-said-older": (
        "workforce.yaml",
        "workforce.age.compare",
        "{{ lower | plural }} are the older workforce: their median age was {{ lower_value }} in {{ year }},"
        " against {{ higher_value }} for {{ higher | plural }}.",
        "the data says the opposite",
    ),
}


@pytest.mark.parametrize("plant", sorted(PLANTS))
def test_a_planted_false_claim_is_caught(tmp_path, generator, plant):
    file, message, text, problem = PLANTS[plant]
    pairs = _below_and_above() if message == "outlook.average.split" else [(SD, RN), (RN, SD)]
    caught = _caught(generator, plant_variant(tmp_path, file, message, text), message, pairs)
    assert len(caught) == 2 and all(problem in p for p in caught), caught
    clean = verify_pairs(generator, pairs)
    assert clean.false_claims == () and clean.uninterpreted == ()


def test_a_false_comparison_with_the_printed_average_is_caught(tmp_path, generator):
    text = (
        "{{ below | plural }} are projected to grow faster than {{ average }} for all occupations;"
        " {{ above | plural }}, more slowly."
    )
    bank = plant_variant(tmp_path, "outlook.yaml", "outlook.average.split", text)
    assert _caught(generator, bank, "outlook.average.split", _below_and_above())


def test_more_slowly_is_read_as_slower(tmp_path, generator):
    wrong = (
        "{{ faster | plural }} are projected to grow more slowly than {{ slower | plural }}:"
        " {{ faster_growth }} against {{ slower_growth }} over {{ start }}–{{ end }}."
    )
    right = wrong.replace("faster", "@").replace("slower", "faster").replace("@", "slower")
    message = "outlook.growth.compare"
    assert _caught(
        generator, plant_variant(tmp_path / "w", "outlook.yaml", message, wrong), message, [(SD, RN)]
    )
    assert (
        _caught(generator, plant_variant(tmp_path / "r", "outlook.yaml", message, right), message, [(SD, RN)])
        == []
    )


# --- 8. hand-written records with a SOC code ----------------------------------------------------


@pytest.fixture(scope="module")
def hand_data(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("rich") / "data"
    shutil.copytree(DATA, data)
    write_occupation(data, "web-coder", "title: Web Coder\nsoc: 15-1252\n")
    write_occupation(
        data,
        "site-builder",
        "title: Site Builder\nsoc: 15-1252\nwork:\n  description: Build and test web sites. Fix them.\n"
        "  tasks:\n    - Build web pages from designs.\n    - Test pages in several browsers.\n",
    )
    write_occupation(
        data,
        "page-maker",
        "title: Page Maker\nsoc: 15-1252\noutlook:\n  start_year: 2024\n  end_year: 2034\n"
        "  change_percent: 1.5\nworkforce:\n  median_age: 30.5\n  age_year: 2025\n",
    )
    return data


def _citations() -> dict[str, str]:
    cps_sources = _raw("cps/cps.json")["provenance"]["sources"]
    return {
        "oews": _raw("oews/oews-2025.json")["provenance"]["citation"],
        "projections": _raw("projections/ep-2024-34.json")["provenance"]["citation"],
        "cps-age": cps_sources["age"]["citation"],
        "cps-people": cps_sources["people"]["citation"],
    }


def test_a_record_with_a_soc_takes_the_groups_it_lacks(hand_data):
    generator = open_generator(hand_data)
    coder = generator.catalog.find("web-coder")
    record, outlook, row = onet("15-1252"), projection("15-1252"), cps("15-1252")
    assert coder.work is not None and coder.work.description == record["description"]
    assert coder.work.tasks == tuple(record["tasks"])
    assert (
        coder.outlook is not None
        and coder.outlook.change_percent == outlook["employment_change_2024_34_percent"]
    )
    assert coder.outlook.entry_education == outlook["typical_education_needed_for_entry"]
    assert coder.workforce is not None and coder.workforce.median_age == row["age"]["median_age"]
    assert coder.workforce.women_share == row["people"]["women"]
    release = _raw("onet/onet-29.3.json")["provenance"]["release"]
    assert any(release in s for s in coder.sources)
    assert set(_citations().values()) <= set(coder.sources)
    assert coder.attributions == (_raw("onet/onet-29.3.json")["provenance"]["attribution"],)

    text = generator.generate("web-coder", RN)
    first = record["description"][: record["description"].index(". ")]
    assert first[0].lower() + first[1:] in text and pct(outlook["employment_change_2024_34_percent"]) in text
    assert _raw("onet/onet-29.3.json")["provenance"]["attribution"] in section_text(text, "Sources")


def test_a_group_the_record_states_is_kept_whole(hand_data):
    generator = open_generator(hand_data)
    builder = generator.catalog.find("site-builder")
    assert builder.work is not None and builder.work.description == "Build and test web sites. Fix them."
    assert builder.work.tasks == ("Build web pages from designs.", "Test pages in several browsers.")
    assert builder.work.description_of is None
    assert builder.outlook is not None and builder.outlook.change_percent == growth(SD)  # a group it lacks
    text = generator.generate("site-builder", RN)
    duties = section_text(text, "What does a site builder do?")
    assert re.findall(r"^- (.+)$", duties, re.MULTILINE) == list(builder.work.tasks)
    assert "\u201cbuild and test web sites" in duties
    assert not any(task in text for task in onet("15-1252")["tasks"])

    maker = generator.catalog.find("page-maker")
    assert maker.outlook is not None and maker.outlook.change_percent == 1.5
    assert maker.outlook.openings_per_year is None  # not mixed with BLS's figures
    assert (
        maker.workforce is not None
        and maker.workforce.median_age == 30.5
        and maker.workforce.women_share is None
    )
    assert maker.work is not None and maker.work.description == onet("15-1252")["description"]


def test_a_dataset_whose_groups_were_not_taken_is_not_cited(hand_data):
    maker = open_generator(hand_data).catalog.find("page-maker")
    cited = _citations()
    assert cited["projections"] not in maker.sources
    assert cited["cps-age"] not in maker.sources and cited["cps-people"] not in maker.sources


@pytest.mark.parametrize(
    ("field", "value"), [("entry_education", "Bachelor's Degree"), ("work_experience", "less than 5 years")]
)
def test_an_outlook_category_bls_does_not_use_is_a_load_error(tmp_path, field, value):
    data = tmp_path / "data"
    shutil.copytree(DATA / "oews", data / "oews")
    write_occupation(
        data,
        "web-coder",
        "title: Web Coder\nsoc: 15-1252\noutlook:\n  start_year: 2024\n  end_year: 2034\n"
        f'  {field}: "{value}"\n',
    )
    with pytest.raises(DataError, match="web-coder"):
        load_catalog(data)


# --- 9. the fact checker over the golden pairs and a sample -------------------------------------


def _golden() -> list[tuple[str, str]]:
    with (DATA / "golden-pairs.csv").open(encoding="utf-8", newline="") as handle:
        return [(row["a"], row["b"]) for row in csv.DictReader(handle)]


def _messages(documents: Iterator[Document]) -> Counter[str]:
    return Counter(s.message.split(".")[0] for d in documents for s in d.prose() if s.message)


def test_verify_passes_the_golden_pairs_and_a_sample(generator):
    golden = _golden()
    assert len(golden) >= 17
    sample = sorted(sample_pairs(all_pairs(subjects()), VERIFY_SAMPLE))
    pairs = [*golden, *sample]
    report = verify_pairs(generator, pairs)
    assert report.articles == len(pairs)
    assert [str(u) for u in report.unverified] == []
    assert [str(c) for c in report.false_claims] == []
    assert list(report.uninterpreted) == []
    assert report.comparisons > 10 * VERIFY_SAMPLE and report.numbers > 50 * VERIFY_SAMPLE
    stems = _messages(generator.document(a, b) for a, b in sample)
    for stem in ("duties", "training", "outlook", "workforce", "ratings"):
        assert stems[stem] > VERIFY_SAMPLE, stems
