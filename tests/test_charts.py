"""Charts plot the article's own facts: every bar, mark and label maps back to the value the prose
and tables state, read here from the Document's sentence facts, not from the chart module.

Each SVG is parsed with xml.etree; positions are turned back into values through the chart's own
axis (its tick labels and grid lines), as a reader reads the chart.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

import pytest

from articlegen import open_generator
from articlegen.english.numbers import MINUS, format_money, format_percent, format_signed_percent
from articlegen.realize.document import Document, Section, TableBlock
from articlegen.render.charts import CHART_CSS, MARK_CSS, chart_files, charts_of, nice_scale
from articlegen.render.html import plain_text, render_html, render_sections
from articlegen.render.markdown import escape_inline, render_markdown

from .conftest import write_occupation

NS = "{http://www.w3.org/2000/svg}"
PX = 0.011  # coordinates are written to 0.01 px; a value read back is this close, in pixels

# OEWS pairs across the catalogue (pay for all, outlook and O*NET requirements for most)
PAIRS = [
    ("software-developers", "registered-nurses"),
    ("bill-and-account-collectors", "credit-authorizers-checkers-and-clerks"),
    ("actors", "dancers"),
    ("helpers-carpenters", "clergy"),
    ("tax-examiners-and-collectors-and-revenue-agents", "psychology-teachers-postsecondary"),
    (
        "first-line-supervisors-of-office-and-administrative-support-workers",
        "architects-except-landscape-and-naval",
    ),
]


def facts_of(doc: Document) -> dict[str, Any]:
    """Every stated fact, the first value of each key, as the prose and tables state them."""
    found: dict[str, Any] = {}
    for sentence in doc.sentences():
        for key, value in sentence.facts.items():
            found.setdefault(key, value)
    return found


def column_names(doc: Document) -> dict[str, str]:
    names = {}
    for section in doc.sections:
        for block in section.blocks:
            if isinstance(block, TableBlock):
                for column, header in enumerate(block.header[1:], start=1):
                    for row in block.rows:
                        for key in row[column].facts:
                            names.setdefault(key.split(".")[0], header.text)
    return names


def svgs(html: str) -> dict[str, ET.Element]:
    """The page's charts, parsed, by name (the `chart-<name>-title` each is labelled by)."""
    found = {}
    for text in re.findall(r"<svg\b.*?</svg>", html, flags=re.S):
        svg = ET.fromstring(text)
        found[svg.get("aria-labelledby", "").split()[0].removeprefix("chart-").removesuffix("-title")] = svg
    return found


def money(text: str) -> float:
    return float(text.replace("$", "").replace(",", ""))


def percent(text: str) -> float:
    return float(text.replace(MINUS, "-").replace("+", "").removesuffix("%"))


def axis(svg: ET.Element, parse: Callable[[str], float]) -> tuple[Callable[[float], float], float]:
    """x -> value through the tick labels under the grid lines, and the value of one pixel.

    Fails unless every tick lies on the one straight scale."""
    xs = [float(g.get("x1")) for g in svg.iter(f"{NS}line") if g.get("class") == "grid"]
    values = [parse(t.text) for t in svg.iter(f"{NS}text") if t.get("class") == "tick"]
    assert len(xs) == len(values) >= 3
    per_px = (values[-1] - values[0]) / (xs[-1] - xs[0])

    def value(x: float) -> float:
        return values[0] + (x - xs[0]) * per_px

    for x, tick in zip(xs, values, strict=True):
        assert value(x) == pytest.approx(tick, abs=abs(per_px) * PX)
    return value, abs(per_px)


def classed(element: ET.Element, tag: str, cls: str) -> list[ET.Element]:
    return [e for e in element.iter(f"{NS}{tag}") if e.get("class") == cls]


def texts(element: ET.Element, cls: str = "value") -> list[str]:
    return [t.text or "" for t in classed(element, "text", cls)]


@pytest.fixture(scope="module")
def pages(generator) -> list[tuple[Document, str]]:
    return [(doc, render_html(doc)) for doc in (generator.document(a, b) for a, b in PAIRS)]


def test_a_chart_is_drawn_where_its_figures_are_stated_and_only_there(pages):
    for doc, html in pages:
        facts, found = facts_of(doc), set(svgs(html))
        ranged = all(f"{s}.salary.range" in facts and f"{s}.salary.median" in facts for s in doc.subjects)
        assert ("pay" in found) == ranged, doc.subjects  # actors are paid by the hour: no yearly range
        averaged = any(f"{s}.outlook.all_occupations_change_percent" in facts for s in doc.subjects)
        assert ("growth" in found) == averaged, doc.subjects
    assert sum("pay" in svgs(html) for _, html in pages) == len(PAIRS) - 1
    assert all("growth" in svgs(html) and "education" in svgs(html) for _, html in pages)


def test_pay_bars_and_marks_are_the_stated_percentiles_median_and_mean(pages):
    checked = 0
    for doc, html in pages:
        facts, names = facts_of(doc), column_names(doc)
        if "pay" not in svgs(html):
            continue
        svg = svgs(html)["pay"]
        value, per_px = axis(svg, money)
        near = per_px * PX
        for slug in doc.subjects:
            span, median, mean = (facts.get(f"{slug}.salary.{k}") for k in ("range", "median", "yearly"))
            (job,) = [g for g in svg.iter(f"{NS}g") if g.get("id") == f"chart-pay-{slug}"]
            (bar,) = classed(job, "rect", "bar")
            x, width = float(bar.get("x")), float(bar.get("width"))
            assert value(x) == pytest.approx(span.low, abs=near)
            assert value(x + width) == pytest.approx(span.high, abs=2 * near)
            (line,) = classed(job, "line", "median")
            assert line.get("x1") == line.get("x2") and value(float(line.get("x1"))) == pytest.approx(
                median, abs=near
            )
            (diamond,) = classed(job, "polygon", "mean")
            corners = [float(p.split(",")[0]) for p in diamond.get("points").split()]
            assert value(sum(corners) / 4) == pytest.approx(mean, abs=near)
            high = format_money(span.high) + (" or more" if span.high_top_coded else "")
            assert texts(job) == [
                f"median {format_money(median)}",
                format_money(span.low),
                high,
                f"average {format_money(mean)}",
            ]
            assert texts(job, "name") == [names[slug]]
            desc = svg.find(f"{NS}desc").text
            for said in (format_money(span.low), format_money(median), high, format_money(mean)):
                assert said in desc
            checked += 1
    assert checked == 2 * (len(PAIRS) - 1)


def test_growth_bars_are_the_stated_projections_against_the_all_occupations_figure(pages):
    checked = 0
    for doc, html in pages:
        if "growth" not in svgs(html):
            assert not any(
                f"{s}.outlook.all_occupations_change_percent" in facts_of(doc) for s in doc.subjects
            )
            continue
        facts, names = facts_of(doc), column_names(doc)
        svg = svgs(html)["growth"]
        value, per_px = axis(svg, percent)
        rows = [g for g in svg.iter(f"{NS}g") if g.get("class") in {"job", "all"}]
        average = facts[f"{doc.subjects[0]}.outlook.all_occupations_change_percent"]
        expected = [
            *((names[s], facts[f"{s}.outlook.change_percent"]) for s in doc.subjects),
            ("All occupations", average),
        ]
        assert [g.get("class") for g in rows] == ["job"] * len(doc.subjects) + ["all"]
        for row, (name, stated) in zip(rows, expected, strict=True):
            (bar,) = classed(row, "rect", "average" if name == "All occupations" else "bar")
            x, width = float(bar.get("x")), float(bar.get("width"))
            grows_from, reaches = (x + width, x) if stated < 0 else (x, x + width)
            assert value(grows_from) == pytest.approx(0, abs=per_px * PX)
            assert value(reaches) == pytest.approx(stated, abs=2 * per_px * PX)
            assert texts(row) == [format_signed_percent(stated)]
            assert texts(row, "name") == [name]
            assert format_signed_percent(stated) in svg.find(f"{NS}desc").text
        years = (
            f"{facts[f'{doc.subjects[0]}.outlook.start_year']}–{facts[f'{doc.subjects[0]}.outlook.end_year']}"
        )
        assert svg.find(f"{NS}title").text == f"Projected change in employment, {years}"
        checked += 1
    assert checked >= 4


def test_education_bars_are_the_stated_shares_of_the_levels_the_prose_names(pages):
    checked = 0
    for doc, html in pages:
        facts = facts_of(doc)
        svg = svgs(html).get("education")
        stated = {
            slug: {k.removeprefix(f"{slug}.requirements.education."): v for k, v in facts.items()
                   if k.startswith(f"{slug}.requirements.education.")}
            for slug in doc.subjects
        }  # fmt: skip
        if not any(stated.values()):
            assert svg is None
            continue
        value, per_px = axis(svg, percent)
        for slug, levels in stated.items():
            groups = [g for g in svg.iter(f"{NS}g") if g.get("id") == f"chart-education-{slug}"]
            if not levels:
                assert groups == []
                continue
            bars = [g for g in groups[0].iter(f"{NS}g") if g.get("class") == "level"]
            # O*NET's Title Case labels in the house's sentence case: "Master's degree"
            assert [texts(g, "level")[0] for g in bars] == [lv[:1] + lv[1:].lower() for lv in levels]
            for bar_group, share in zip(bars, levels.values(), strict=True):
                (bar,) = classed(bar_group, "rect", "bar")
                assert value(float(bar.get("x"))) == pytest.approx(0, abs=per_px * PX)
                assert value(float(bar.get("x")) + float(bar.get("width"))) == pytest.approx(
                    share, abs=2 * per_px * PX
                )
                assert texts(bar_group) == [format_percent(share)]
            checked += 1
    assert checked >= 1


def test_each_chart_is_labelled_for_screen_readers_and_runs_no_script(pages):
    for _, html in pages:
        for name, svg in svgs(html).items():
            assert svg.get("role") == "img"
            title, desc = svg.find(f"{NS}title"), svg.find(f"{NS}desc")
            assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
            assert title.text and desc.text and list(svg).index(title) == 0
            for element in svg.iter():
                assert element.tag.removeprefix(NS) not in {"script", "foreignObject", "a", "image", "use"}
                assert not any(attr.startswith("on") or "href" in attr for attr in element.attrib), (
                    element.attrib
                )
            # every value printed on the chart is said in its description too
            for label in texts(svg):
                assert label.removeprefix("median ").removeprefix("average ") in desc.text, (name, label)
        assert html.count('role="img"') == len(svgs(html))


CHART_KEYS = {
    "pay": ("salary.range",),
    "growth": ("outlook.change_percent", "outlook.all_occupations_change_percent"),
    "education": ("requirements.education.",),
}


def first_stated(doc: Document, name: str) -> tuple[int, int]:
    """The block (section, block) by which every figure of the chart has been stated."""
    firsts: dict[str, tuple[int, int]] = {}
    for s, section in enumerate(doc.sections):
        for b, block in enumerate(section.blocks):
            for key in {k for sentence in _sentences(block) for k in sentence.facts}:
                firsts.setdefault(key, (s, b))
    fields = CHART_KEYS[name]
    return max(place for key, place in firsts.items() if key.split(".", 1)[1].startswith(fields))


def _sentences(block) -> list:
    if isinstance(block, TableBlock):
        return [*block.header, *(cell for row in block.rows for cell in row)]
    return [*getattr(block, "sentences", ()), *([block.lead] if getattr(block, "lead", None) else []),
            *getattr(block, "items", ())]  # fmt: skip


def _up_to(doc: Document, place: tuple[int, int]) -> Document:
    s, b = place
    cut = Section(doc.sections[s].id, doc.sections[s].heading, doc.sections[s].blocks[: b + 1])
    return Document(doc.kind, doc.subjects, doc.seed, doc.title, (*doc.sections[:s], cut))


def test_a_chart_follows_the_block_that_first_states_its_figures(pages, generator):
    docs = [doc for doc, _ in pages] + [generator.overview_document("bill-and-account-collectors")]
    for doc in docs:
        full = render_sections(doc, plain_text, charts=charts_of(doc))
        markdown = render_markdown(doc, charts_dir="c")
        for chart in charts_of(doc):
            place = first_stated(doc, chart.name)
            assert chart.place == place
            head = _up_to(doc, place)  # the page up to that block: it ends with the chart
            lines = render_sections(head, plain_text, charts=charts_of(head))
            while lines[-1] == "</section>":
                lines.pop()
            assert lines[-1] == chart.svg() and full[: len(lines)] == lines
            text = render_markdown(head, charts_dir="c")
            assert text.rstrip("\n").endswith(f"(c/{chart.name}.svg)") and markdown.startswith(text)


def test_charts_print_in_black_and_white_and_the_page_styles_them_for_print(pages):
    _, html = pages[0]
    style = re.search(r"<style>(.*?)</style>", html, flags=re.S).group(1)
    assert "@media print" in style and MARK_CSS in style
    assert "svg.chart" in style
    svg = svgs(html)["pay"]
    # median and mean told apart by shape (a line, a diamond) and by their labels, not by colour
    assert classed(svg, "line", "median") and classed(svg, "polygon", "mean")
    growth = svgs(html)["growth"]
    assert classed(growth, "rect", "average")[0].get("stroke-dasharray")  # dashed, and named


def test_charts_are_deterministic_and_html_without_charts_has_none(generator):
    doc = generator.document(*PAIRS[0])
    assert render_html(doc) == render_html(generator.document(*PAIRS[0]))
    plain = render_html(doc, charts=False)
    assert "<svg" not in plain and "svg.chart" not in plain
    assert re.sub(r"<svg\b.*?</svg>\n", "", render_html(doc), flags=re.S).replace(CHART_CSS, "") == plain


def test_no_chart_without_its_figures(generator):
    # A typical range (no percentiles) and no BLS outlook: nothing to draw, and nothing drawn.
    doc = generator.document("collections-associate", "account-representative")
    assert charts_of(doc) == [] and "<svg" not in render_html(doc)


def test_an_overview_page_charts_its_subjects_pay_under_its_own_heading(generator):
    doc = generator.overview_document("bill-and-account-collectors")
    html = render_html(doc)
    found = svgs(html)
    assert set(found) == {"pay"}  # the compared jobs' growth is stated without the average: no chart
    facts = facts_of(doc)
    span = facts["bill-and-account-collectors.salary.range"]
    value, per_px = axis(found["pay"], money)
    (bar,) = classed(found["pay"], "rect", "bar")
    assert value(float(bar.get("x"))) == pytest.approx(span.low, abs=per_px * PX)
    pay = html[html.index('<section id="pay">') :]
    assert pay.index("<svg") < pay.index("</section>")


def test_chart_text_is_escaped(tmp_path):
    hostile = '<script>alert(1)</script> & "Co" </desc></svg><svg onload=alert(2)>'
    quoted = hostile.replace("\\", "\\\\").replace('"', '\\"')
    pay = "salary: {yearly: 52000, median: 50000, range: {low: 30000, high: 80000, percentiles: [10, 90]}}"
    write_occupation(tmp_path, "clerk", f'title: "Clerk {quoted}"\n{pay}\n')
    write_occupation(tmp_path, "typist", f"title: Typist\n{pay}\n")
    doc = open_generator(tmp_path).document("clerk", "typist")
    html = render_html(doc)
    found = svgs(html)  # parses as XML: no markup of the data's escaped into the chart
    assert set(found) == {"pay"}
    svg = found["pay"]
    name = column_names(doc)["clerk"]  # the title as the article writes it ("&" may become "and")
    assert "<script>alert(1)</script>" in name and "</desc></svg><svg onload=alert(2)>" in name
    assert name in texts(svg, "name") and name in svg.find(f"{NS}desc").text
    assert not [e for e in svg.iter() if "onload" in e.attrib or e.tag.endswith("script")]


def test_chart_files_are_standalone_svg_that_markdown_links_beside_the_article(generator):
    doc = generator.document(*PAIRS[0])
    files = chart_files(doc)
    assert list(files) == [f"{chart.name}.svg" for chart in charts_of(doc)] and len(files) == 3
    for text in files.values():
        assert text.startswith(
            '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'
        )
        svg = ET.fromstring(text.split("\n", 1)[1])
        assert svg.get("width") and svg.get("height") and svg.find(f"{NS}style").text == MARK_CSS
    # The same charts as the page draws, drawn alike.
    inline = svgs(render_html(doc))
    for name, text in files.items():
        standalone = ET.fromstring(text.split("\n", 1)[1])
        marks = [e.attrib for e in standalone.iter() if e.tag != f"{NS}style"]
        assert marks == [e.attrib for e in inline[name.removesuffix(".svg")].iter()]
    markdown = render_markdown(doc, charts_dir="charts/software developers (2025)")
    images = re.findall(r"^!\[(.*)\]\((\S+)\)$", markdown, flags=re.M)
    assert [path for _, path in images] == [
        f"charts/software%20developers%20%282025%29/{name}" for name in files
    ]
    for (alt, _), chart in zip(images, charts_of(doc), strict=True):
        assert alt == escape_inline(f"{chart.title}. {chart.description}")
    assert render_markdown(doc) == render_markdown(doc, charts_dir=None)  # the default: no images
    assert "![" not in render_markdown(doc)
    lines = markdown.splitlines()  # each image a paragraph of its own, in its section
    pay = next(i for i, line in enumerate(lines) if line.startswith("![Yearly pay"))
    assert lines[pay - 1] == "" == lines[pay + 1] and lines.index("## Salary") < pay


def test_nice_scales_end_and_tick_on_round_numbers():
    scale = nice_scale([68940, 214670], 0, 500)
    assert (scale.low, scale.high, scale.step) == (50000, 250000, 50000)
    assert nice_scale([-12.9, -1.8], 0, 500, zero=True).high == 0
    growth = nice_scale([15.8, 4.9, 3.1], 0, 500, zero=True)
    assert growth.low == 0 and growth.ticks()[-1] >= 15.8
    assert nice_scale([100, 100], 0, 500).low < 100 < nice_scale([100, 100], 0, 500).high
