"""Prose quality: what makes one article read badly on its own, counted so it can be driven down.

Variety (variety.py) compares articles with each other; these measures read one article at a
time, over its prose: paragraph sentences, list leads and list items (never the title,
headings or table cells), as `Document.prose()` gives them.

1. full-title repeats: how often a long job title (five words or more in its singular or
   plural form) is printed in full; a reader tires of "first-line supervisors of
   non-retail sales workers" by the fourth time.
2. sentences with no fact: framing ("The figures below answer that, fact by fact.") that
   states nothing; one may introduce an article, more are padding.
3. figures stated twice: one printed figure ("$2,360", "49.8%", "1,589") in two sentences.
4. repeated openings: consecutive sentences, or consecutive items of one list, whose first
   two words are the same ("In 2022, ..." / "In 2022, ...").
5. prose that repeats the tables: the share of the figures in prose that a table of the
   article prints too, so the prose reads the table aloud.
6. duplicate table rows: a row of one table whose cells another table repeats under another
   label ("Yearly salary" and "Average salary", both $49,060 and $51,420).

Figures are read as verify reads numbers (reading.py), with the jobs' names and the text
of the facts masked, and only figures in digits count: a year (a four-digit number from
1900 to 2100 with no $, % or comma, and the "–34" of "2024–34"), an ordinal ("90th") and a
whole number under ten printed without a decimal ("from 1 to 5", but a rating's "4.0" is a
figure) are no figure, and number words ("ten percent", "half", "three skills") are how
prose counts, not data it repeats. A figure is compared as printed, so two facts that
happen to print alike ("1%" Asian, "1%" growth) count as one figure stated twice.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from statistics import fmean
from typing import Any

from ..corpus.documents import render_documents
from ..corpus.pairs import Pair
from ..facts.load import Catalog
from ..pipeline import Generator
from ..plan.reads import referent
from ..realize.document import Document, ListBlock, ParagraphBlock, Sentence, TableBlock
from ..wording.templating import forms_of
from .reading import MASK, MONEY, PERCENT, PLAIN, extract_numbers, fact_texts, mask_texts
from .verify import subject_names

LONG_TITLE_WORDS = 5  # a title of this many words or more is tiring to read in full
SMALL_COUNT = 10  # whole numbers below this, in digits, count things ("from 1 to 5"), not data
FIRST_YEAR, LAST_YEAR = 1900, 2100

# "2024–34", "2024-2034": the second year of a range is printed without its century.
_YEAR_RANGE = re.compile(r"(?<![\d,.$])(?:19|20)\d\d\s*[–-]\s*\d\d(?:\d\d)?(?![\d,.%])")
_YEAR = re.compile(r"\d{4}")
_POINTS = re.compile(r"percentage points?", re.IGNORECASE)
_EDGE_PUNCTUATION = re.compile(r"^\W+|\W+$")
_SPACES = re.compile(r"\s+")
_KIND_NAMES = {"comparison": "comparison articles", "overview": "overview pages"}


# --- results ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class TitleCount:
    slug: str
    title: str  # the plural form, as printed in prose
    count: int  # full singular or plural forms in the prose


@dataclass(frozen=True)
class RepeatedFigure:
    figure: str  # as printed, signs dropped: "$2,360", "4.8%", "1,589"
    sentences: int  # prose sentences that print it


@dataclass(frozen=True)
class RepeatedOpening:
    opening: str  # the shared first two words, lowercased: "in 2022"
    first: str
    second: str
    in_list: bool  # two items of one list, rather than two running sentences


@dataclass(frozen=True)
class TableEcho:
    figures: int  # figures printed in prose (each occurrence)
    in_tables: int  # those a table cell of the article prints too

    @property
    def share(self) -> float:
        return self.in_tables / self.figures if self.figures else 0.0


@dataclass(frozen=True)
class DuplicateRow:
    label: str  # the later row's label
    earlier_label: str  # the row of an earlier table with the same cells
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Measure:
    id: str
    name: str
    target: float  # an article meets it with a value at most this
    share: bool = False  # the value is a share, printed as a percentage

    def show(self, value: float) -> str:
        if self.share:
            return f"{value:.0%}"
        return f"{value:g}" if value == int(value) else f"{value:.2f}"


MEASURES = (
    Measure("title_repeats", "full-title repeats (most for one title)", 3),
    Measure("factless", "sentences with no fact", 1),
    Measure("repeated_figures", "figures stated twice in prose", 0),
    Measure("repeated_openings", "repeated openings (consecutive)", 0),
    Measure("table_echo", "prose figures that repeat a table cell", 0.5, share=True),
    Measure("duplicate_rows", "duplicate table rows", 0),
)
MEASURE_IDS = tuple(m.id for m in MEASURES)


@dataclass(frozen=True)
class Finding:
    value: float
    detail: str  # where to look: the title, the figures, the openings


@dataclass(frozen=True)
class ArticleProse:
    article: str  # "a vs b" for a comparison, the slug for an overview page
    subjects: tuple[str, ...]
    findings: tuple[Finding, ...]  # one a measure, in the order of MEASURES

    def value(self, measure_id: str) -> float:
        return self.findings[MEASURE_IDS.index(measure_id)].value


@dataclass(frozen=True)
class MeasureSummary:
    measure: Measure
    mean: float
    worst: float
    over: int  # articles over the target
    worst_articles: tuple[tuple[str, Finding], ...]  # highest value first, only values above 0

    @property
    def met(self) -> bool:
        return self.over == 0


@dataclass(frozen=True)
class ProseReport:
    kind: str
    articles: tuple[ArticleProse, ...]
    measures: tuple[MeasureSummary, ...]

    @property
    def failed(self) -> bool:
        return not all(m.met for m in self.measures)


# --- reading ----------------------------------------------------------------------------------


def read_figures(text: str, masked: Iterable[str] = ()) -> list[str]:
    """The figures a text prints in digits, as printed with any sign dropped; years, ordinals and
    small counts left out, and the texts in `masked` (names, data text) read as no number."""
    text = mask_texts(_YEAR_RANGE.sub(MASK, text), masked)
    figures = []
    for number in extract_numbers(text):
        shown = number.text.lstrip("+\u2212")
        if not shown[:1].isdigit() and not shown.startswith("$"):
            continue  # a number in words, "one in ten"
        if number.kind == MONEY:
            figures.append(shown)
        elif number.kind == PERCENT:
            digits = re.match(r"[\d,.]+", shown)[0]  # type: ignore[index]
            figures.append(f"{digits} percentage points" if _POINTS.search(shown) else f"{digits}%")
        elif number.kind == PLAIN and not _is_year(shown, number.value):
            if shown[-1].isalpha() or (number.value < SMALL_COUNT and "." not in shown):
                continue  # "90th", "from 1 to 5"; a rating's "4.0" is a figure
            figures.append(shown)
    return figures


def _is_year(shown: str, value: float) -> bool:
    return bool(_YEAR.fullmatch(shown)) and FIRST_YEAR <= value <= LAST_YEAR


def sentence_figures(sentence: Sentence, names: Sequence[str]) -> list[str]:
    """The figures of one sentence, its facts' text and the jobs' names masked as verify masks them."""
    return read_figures(sentence.text, [*names, *(t for v in sentence.facts.values() for t in fact_texts(v))])


def opening(text: str, words: int = 2) -> str:
    """The first `words` words, lowercased, punctuation at their edges stripped."""
    found = []
    for word in text.split():
        word = _EDGE_PUNCTUATION.sub("", word).lower()
        if word:
            found.append(word)
            if len(found) == words:
                break
    return " ".join(found)


# --- the measures -----------------------------------------------------------------------------


def count_title_repeats(document: Document, forms: Mapping[str, Sequence[str]]) -> tuple[TitleCount, ...]:
    """How often each long title (slug -> its singular and plural forms) is printed in full in prose.

    Shorter titles are left out: "tellers" may be said as often as the prose likes. Data text is
    not ours to shorten, so quotations (a Census group's name, O*NET's words) and verbatim
    sentences (task lists) are not counted. Nor is a title inside another job's longer one: the
    "wholesale and manufacturing sales representatives" of "... for technical and scientific
    products" name that other job."""
    texts = [_QUOTED.sub(" ", s.text) for s in document.prose() if s.message is not None]
    counts = []
    for slug, names in forms.items():
        if max(len(n.split()) for n in names) < LONG_TITLE_WORDS:
            continue
        own = {n.lower() for n in names}
        longer = {
            other.lower()
            for key, others in forms.items()
            if key != slug
            for other in others
            if other.lower() not in own and any(n in other.lower() for n in own)
        }
        read = texts
        if longer:
            mask = _full_forms(tuple(sorted(longer, key=len, reverse=True)))
            read = [mask.sub(" ", t) for t in texts]
        pattern = _full_forms(tuple(sorted(own, key=len, reverse=True)))
        counts.append(TitleCount(slug, names[-1], sum(len(pattern.findall(t)) for t in read)))
    return tuple(counts)


_QUOTED = re.compile(r'"[^"]*"|\u201c[^\u201d]*\u201d')


@lru_cache(maxsize=4096)
def _full_forms(names: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(n) for n in names)})(?!\w)", re.IGNORECASE)


def find_factless_sentences(document: Document) -> tuple[Sentence, ...]:
    """Prose sentences that state no fact (verbatim data text states itself, and carries it)."""
    return tuple(s for s in document.prose() if not s.facts)


def find_repeated_figures(document: Document, names: Sequence[str] = ()) -> tuple[RepeatedFigure, ...]:
    """Figures printed in two or more prose sentences that state the same fact; twice in one
    sentence is one statement. Two facts that happen to print alike ("3.1" for two skills'
    ratings, "2%" for a share and a growth) are two statements, not an echo."""
    saying: dict[str, list[Mapping[str, Any]]] = {}
    for sentence in document.prose():
        for figure in dict.fromkeys(sentence_figures(sentence, names)):  # reading order, each once
            saying.setdefault(figure, []).append(sentence.facts)
    found = []
    for figure, facts in saying.items():
        if len(facts) > 1 and any(
            _same_fact(figure, a, b) for i, a in enumerate(facts) for b in facts[i + 1 :]
        ):
            found.append(RepeatedFigure(figure, len(facts)))
    return tuple(found)


def _same_fact(figure: str, a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether two sentences' facts share one that prints as `figure` (or, for a figure that is
    none of their facts, such as a gap they both compute, whether they share any fact at all)."""
    shared = a.keys() & b.keys()
    if not shared:
        return False
    try:
        value = float(figure.strip("$%").replace(",", ""))
    except ValueError:
        return True
    numeric = [v for k in shared if isinstance((v := a[k]), (int, float)) and not isinstance(v, bool)]
    own = [v for v in (*a.values(), *b.values()) if isinstance(v, (int, float)) and not isinstance(v, bool)]
    if not any(abs(float(v) - value) < 0.05 or abs(abs(float(v)) - value) < 0.05 for v in own):
        return True  # a computed figure both sentences state from facts they share
    return any(abs(abs(float(v)) - value) < 0.05 for v in numeric)


def find_repeated_openings(document: Document) -> tuple[RepeatedOpening, ...]:
    """Consecutive sentences, and consecutive items of one list, that open with the same two words.

    Running sentences are consecutive within a paragraph, from one paragraph to the next and
    into a list's lead; a table, a list's items, a heading or verbatim data text break the run,
    and data text is not compared (its wording is the data's, no variant can change it)."""
    found = []
    for section in document.sections:
        previous: Sentence | None = None
        for block in section.blocks:
            if isinstance(block, TableBlock):
                previous = None
                continue
            running = block.sentences if isinstance(block, ParagraphBlock) else (block.lead,)
            for sentence in running:
                if sentence is None or sentence.message is None:
                    previous = None
                    continue
                if previous is not None and opening(previous.text) == opening(sentence.text):
                    found.append(RepeatedOpening(opening(sentence.text), previous.text, sentence.text, False))
                previous = sentence
            if isinstance(block, ListBlock):
                items = [s for s in block.items if s.message is not None]
                found += [
                    RepeatedOpening(opening(b.text), a.text, b.text, True)
                    for a, b in itertools.pairwise(items)
                    if opening(a.text) == opening(b.text)
                ]
                previous = previous if not block.items else None
    return tuple(found)


def longest_item_run(document: Document) -> int:
    """The most consecutive items of one list that open with the same two words (1 when none do)."""
    longest = 0
    for block in _blocks(document):
        if isinstance(block, ListBlock):
            run, last = 0, None
            for item in block.items:
                if item.message is None:
                    run, last = 0, None
                    continue
                start = opening(item.text)
                run = run + 1 if start == last else 1
                last = start
                longest = max(longest, run)
    return longest


def share_table_figures(document: Document, names: Sequence[str] = ()) -> TableEcho:
    """Of the figures the prose prints, how many a table cell of the same article prints too."""
    in_cells: set[str] = set()
    for block in _blocks(document):
        if isinstance(block, TableBlock):
            for row in block.rows:
                for cell in row[1:]:
                    in_cells.update(sentence_figures(cell, ()))
    printed = [f for s in document.prose() for f in sentence_figures(s, names)]
    return TableEcho(len(printed), sum(f in in_cells for f in printed))


def find_duplicate_rows(document: Document) -> tuple[DuplicateRow, ...]:
    """Rows of a later table whose cells an earlier table's row repeats, whatever the labels.

    A row whose cells state no fact ("Not reported" for both jobs) is not compared."""
    seen: dict[tuple[str, ...], str] = {}
    found = []
    for block in _blocks(document):
        if not isinstance(block, TableBlock):
            continue
        here: dict[tuple[str, ...], str] = {}
        for label, *cells in block.rows:
            if not any(c.facts for c in cells):
                continue
            key = tuple(_SPACES.sub(" ", c.text).strip().lower() for c in cells)
            if key in seen:
                found.append(DuplicateRow(label.text, seen[key], tuple(c.text for c in cells)))
            here.setdefault(key, label.text)
        for key, label_text in here.items():
            seen.setdefault(key, label_text)
    return tuple(found)


def _blocks(document: Document) -> Iterator[ParagraphBlock | ListBlock | TableBlock]:
    for section in document.sections:
        yield from section.blocks


# --- one article, many articles ---------------------------------------------------------------


def title_forms(catalog: Catalog, slugs: Iterable[str]) -> dict[str, tuple[str, str]]:
    """slug -> (singular, plural): the full forms of each job's title that prose prints."""
    found = {}
    for slug in slugs:
        forms = forms_of(referent(catalog.occupations[slug]))
        found[slug] = (forms.singular, forms.plural)
    return found


def article_label(document: Document) -> str:
    if document.kind == "overview":
        return document.subjects[0]
    return " vs ".join(document.subjects[:2])


def measure_article(
    document: Document, forms: Mapping[str, Sequence[str]], names: Sequence[str] = ()
) -> ArticleProse:
    """All six measures of one article, each with what to look at.

    `forms` maps each subject to its full forms (title_forms); `names` are every form of the
    subjects' names, masked before figures are read (verify.subject_names)."""
    counts = count_title_repeats(document, forms)
    top = max(counts, key=lambda t: t.count, default=None)
    factless = find_factless_sentences(document)
    figures = find_repeated_figures(document, names)
    openings = find_repeated_openings(document)
    echo = share_table_figures(document, names)
    rows = find_duplicate_rows(document)
    run = longest_item_run(document)
    findings = (
        Finding(top.count if top else 0, f"{top.title} ×{top.count}" if top else ""),
        Finding(len(factless), " | ".join(f"{s.message}/{s.variant}" for s in factless)),
        Finding(len(figures), ", ".join(f"{f.figure} ×{f.sentences}" for f in figures)),
        Finding(
            len(openings),
            "; ".join(f"{'items' if o.in_list else 'sentences'} open “{o.opening}”" for o in openings)
            + (f" (longest list run {run})" if run > 1 else ""),
        ),
        Finding(echo.share, f"{echo.in_tables} of {echo.figures} figures"),
        Finding(len(rows), "; ".join(f"{r.label} = {r.earlier_label}: {' | '.join(r.cells)}" for r in rows)),
    )
    return ArticleProse(article_label(document), document.subjects, findings)


def summarize_articles(articles: Sequence[ArticleProse], kind: str, worst: int = 5) -> ProseReport:
    """Each measure's mean, worst and articles over target; the worst articles, ties by name."""
    summaries = []
    for index, measure in enumerate(MEASURES):
        values = [a.findings[index].value for a in articles]
        ranked = sorted(
            ((a.article, a.findings[index]) for a in articles if a.findings[index].value > 0),
            key=lambda item: (-item[1].value, item[0]),
        )
        summaries.append(
            MeasureSummary(
                measure,
                fmean(values) if values else 0.0,
                max(values, default=0.0),
                sum(v > measure.target for v in values),
                tuple(ranked[:worst]),
            )
        )
    return ProseReport(kind, tuple(articles), tuple(summaries))


def measure_prose(
    generator: Generator, pairs: Iterable[Pair], seed: int = 0, kind: str = "comparison", worst: int = 5
) -> ProseReport:
    catalog = generator.catalog
    articles = [
        measure_article(d, title_forms(catalog, d.subjects), subject_names(catalog, d.subjects))
        for d in render_documents(generator, pairs, seed, kind)
    ]
    return summarize_articles(articles, kind, worst)


# --- output -----------------------------------------------------------------------------------


def report_to_text(report: ProseReport, described: str, each: bool = False) -> str:
    """A table of the measures (target, mean, worst, articles over), then each one's worst articles."""
    lines = []
    if each:
        lines.append("\t".join(["article", *MEASURE_IDS]))
        for article in report.articles:
            shown = [m.show(f.value) for m, f in zip(MEASURES, article.findings, strict=True)]
            lines.append("\t".join([article.article, *shown]))
        lines.append("")
    width = max(len(m.name) for m in MEASURES)
    lines.append(f"{'measure':<{width}}  target   mean  worst  over target")
    for s in report.measures:
        m = s.measure
        mean = f"{s.mean:.0%}" if m.share else f"{s.mean:.2f}"
        over = f"{s.over:,} of {len(report.articles):,}"
        mark = "" if s.met else "  MISSED"
        lines.append(
            f"{m.name:<{width}}  ≤ {m.show(m.target):<5} {mean:>5}  {m.show(s.worst):>5}  {over}{mark}"
        )
    for s in report.measures:
        if not s.worst_articles:
            continue
        lines.append(f"\nworst, {s.measure.name} (target ≤ {s.measure.show(s.measure.target)}):")
        lines += [f"  {name}: {s.measure.show(f.value)}  {f.detail}".rstrip() for name, f in s.worst_articles]
    missed = sum(not s.met for s in report.measures)
    lines.append(
        f"\nprose: {len(report.articles):,} {_KIND_NAMES.get(report.kind, report.kind)}, {missed} of "
        f"{len(MEASURES)} targets "
        f"missed ({described})"
    )
    return "\n".join(lines) + "\n"


def report_to_json(report: ProseReport, selection: Mapping[str, Any]) -> dict[str, Any]:
    """Plain data: the pairs, each measure's summary, and every article's values and details."""
    return {
        "pairs": dict(selection),
        "kind": report.kind,
        "failed": report.failed,
        "measures": [
            {
                "id": s.measure.id,
                "name": s.measure.name,
                "target": s.measure.target,
                "mean": round(s.mean, 4),
                "worst": s.worst,
                "over_target": s.over,
                "met": s.met,
                "worst_articles": [
                    {"article": name, "value": f.value, "detail": f.detail} for name, f in s.worst_articles
                ],
            }
            for s in report.measures
        ],
        "articles": [
            {
                "article": a.article,
                "subjects": list(a.subjects),
                "values": {m: f.value for m, f in zip(MEASURE_IDS, a.findings, strict=True)},
                "details": {m: f.detail for m, f in zip(MEASURE_IDS, a.findings, strict=True) if f.detail},
            }
            for a in report.articles
        ],
    }
