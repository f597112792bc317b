"""Charts of an article's figures as inline SVG: pay distribution, projected growth, required education.

Each chart is drawn from the facts the article states (render/figures.py reads them from the
Document, keyed as `<slug>.salary.range`, `<slug>.outlook.change_percent`, ...), so it shows
exactly the figures the prose and tables give, and a figure the article leaves out is not drawn.
A chart needs all of its figures; without them it is left out, never drawn in part.

The SVG is written by this module, not by a plotting library (matplotlib, plotly, pygal), for
two reasons. Cost per article in bulk: a run renders hundreds of thousands of pages, and a chart
here is a few dozen strings, about 0.1 ms (benchmarks/charts.py measures it), where a library
builds figure objects, looks up fonts and serialises a tree, tens of milliseconds a chart, and
takes longer to import than hundreds of articles take to write. Deterministic output: the same
article must give the same bytes on every machine and run (snapshots, `articlegen diff`, bulk
resume), and libraries write generated ids, version comments and float formats that change
between releases.

Every chart has a <title> and a <desc> that states each value in words (role="img" with
aria-labelledby naming both), labels each value on the chart itself, and tells its marks apart
by shape and label, never by colour alone: it reads the same printed in black and white.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..english.numbers import format_money, format_percent, format_range, format_signed_percent
from ..realize.document import Document
from .figures import Place, StatedFacts, field, number, stated_facts
from .svg import SVG_NS, diamond, esc, label, line, look, num, rect, text_width

WIDTH = 640.0
FONT = 13.0
SMALL = 11.5
TOP = 46.0  # below the visible title and its key line
AXIS = 30.0  # room for the tick labels under the last row

# Presentation attributes, so a chart reads without any stylesheet (a feed reader, an <img>);
# MARK_CSS, which the page and each chart file carry, overrides them for print.
BAR = look({"fill": "#c9d6e6", "stroke": "#23405f", "stroke-width": "1"})
AVERAGE_BAR = look({"fill": "#ffffff", "stroke": "#23405f", "stroke-width": "1.5", "stroke-dasharray": "4 2"})
GRID = look({"stroke": "#d6d6d6", "stroke-width": "1"})
MEDIAN = look({"stroke": "#111111", "stroke-width": "3"})
MEAN = look({"fill": "#ffffff", "stroke": "#111111", "stroke-width": "2"})
ZERO = look({"stroke": "#111111", "stroke-width": "1.5"})

MARK_CSS = (  # the marks' look in print: carried by the page and by each chart file
    "@media print{.chart text{fill:#000}.chart .bar{fill:#e0e0e0;stroke:#000}"
    ".chart .average{fill:#fff;stroke:#000}.chart .grid{stroke:#bbb}.chart .median,.chart .zero{stroke:#000}"
    ".chart .mean{fill:#fff;stroke:#000}}"
)
CHART_CSS = (  # the page's: an inline chart as a block that scales with the text column
    "svg.chart{width:100%;height:auto;max-width:40rem;display:block;margin:1.5rem 0;"
    "break-inside:avoid;page-break-inside:avoid}@media print{svg.chart{max-width:100%}}" + MARK_CSS
)


@dataclass(frozen=True)
class Chart:
    """One chart: where it goes (after the block that first states its figures) and its SVG."""

    name: str  # "pay", "growth" or "education": the file stem and the prefix of its ids
    place: Place
    title: str
    description: str  # every value in words, for screen readers and as a Markdown image's text
    height: float
    marks: tuple[str, ...]

    def svg(self, *, standalone: bool = False) -> str:
        """The <svg> element; `standalone` makes it a file of its own, with the stylesheet inside."""
        ids = f"chart-{self.name}-title chart-{self.name}-desc"
        head = (
            f'<svg xmlns="{SVG_NS}" class="chart" viewBox="0 0 {num(WIDTH)} {num(self.height)}" '
            f'width="{num(WIDTH)}" height="{num(self.height)}" role="img" aria-labelledby="{ids}" '
            f'font-family="Georgia, serif" font-size="{num(FONT)}">'
        )
        parts = [head, f'<title id="chart-{self.name}-title">{esc(self.title)}</title>']
        parts.append(f'<desc id="chart-{self.name}-desc">{esc(self.description)}</desc>')
        if standalone:
            parts.append(f"<style>{MARK_CSS}</style>")
        parts += [*self.marks, "</svg>"]
        body = "\n".join(parts)
        return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n' if standalone else body


def charts_of(doc: Document, facts: StatedFacts | None = None) -> list[Chart]:
    """The charts `doc` has the figures for, in reading order."""
    known = facts if facts is not None else stated_facts(doc)
    drawn = [chart for make in _MAKERS if (chart := make(known)) is not None]
    return sorted(drawn, key=lambda chart: chart.place)  # stable: pay, growth, education at one place


def chart_files(doc: Document, charts: Sequence[Chart] | None = None) -> dict[str, str]:
    """Each chart as an SVG file's text, by file name (`pay.svg`): for Markdown, which links them.
    `charts`, charts_of(doc) if already drawn: a bulk run draws them once for files and links."""
    drawn = charts_of(doc) if charts is None else charts
    return {f"{chart.name}.svg": chart.svg(standalone=True) for chart in drawn}


# --- scales -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scale:
    """Values low..high onto x0..x1, with ticks every `step` from low."""

    low: float
    high: float
    step: float
    x0: float
    x1: float

    def x(self, value: float) -> float:
        return self.x0 + (value - self.low) / (self.high - self.low) * (self.x1 - self.x0)

    def ticks(self) -> list[float]:
        count = round((self.high - self.low) / self.step)
        return [self.low + i * self.step for i in range(count + 1)]


def nice_scale(values: Sequence[float], x0: float, x1: float, *, zero: bool = False) -> Scale:
    """A scale whose ends and ticks fall on round numbers (1, 2, 2.5 or 5 times a power of ten),
    about five steps apart; with `zero`, 0 is inside it (bars grow from it)."""
    low, high = min(values), max(values)
    if zero:
        low, high = min(low, 0.0), max(high, 0.0)
    if high == low:
        high, low = high + abs(high or 1) / 2, low - abs(low or 1) / 2
    raw = (high - low) / 5
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    start, stop = math.floor(low / step + 1e-9) * step, math.ceil(high / step - 1e-9) * step
    return Scale(start, stop, step, x0, x1)


@lru_cache(maxsize=1024)  # most articles share their scales with others
def _axis(scale: Scale, top: float, bottom: float, text: Callable[[float], str]) -> tuple[str, ...]:
    """Grid lines over the rows and the tick labels under them."""
    marks = []
    for tick in scale.ticks():
        x = scale.x(tick)
        marks.append(line(x, top, x, bottom, "grid", GRID))
        marks.append(label(x, bottom + 16, text(tick), "tick", "middle", SMALL))
    return tuple(marks)


def _clamped(x: float, content: str, size: float = SMALL) -> float:
    """A centred label's x, moved in so that it stays inside the drawing."""
    half = text_width(content, size) / 2
    return min(max(x, half + 2), WIDTH - half - 2)


def _heading(title: str, key: str) -> list[str]:
    return [label(0, 18, title, "title", bold=True), label(0, 36, key, "key", size=SMALL)]


# --- pay --------------------------------------------------------------------------------------


def _pay(facts: StatedFacts) -> Chart | None:
    """Each job's yearly pay: the 10th to 90th percentile as a bar, the median and the mean marked."""
    jobs = []
    for slug in facts.subjects:
        span, median = facts.of(slug, "salary.range"), number(facts.of(slug, "salary.median"))
        low, high = number(field(span, "low")), number(field(span, "high"))
        percentiles = field(span, "percentiles")
        if low is None or high is None or median is None or tuple(percentiles or ()) != (10, 90):
            continue
        mean = number(facts.of(slug, "salary.yearly"))
        top_coded = field(span, "high_top_coded") is True
        jobs.append((slug, facts.name(slug), low, median, high, mean, top_coded))
    if not jobs or (len(jobs) > 1 and any(name is None for _, name, *_ in jobs)):
        return None  # several jobs need their names; one sits under its own heading
    row = 80.0
    scale = nice_scale([v for job in jobs for v in job[2:6] if v is not None], 96.0, WIDTH - 128.0)
    title = "Yearly pay from the 10th to the 90th percentile"
    marks = _heading(
        title,
        "Bar: 10th to 90th percentile. Line: median. Diamond: average.",
    )
    bottom = TOP + row * len(jobs)
    marks += _axis(scale, TOP, bottom, format_money)
    said = []
    for i, (slug, name, low, median, high, mean, top_coded) in enumerate(jobs):
        y = TOP + i * row
        high_text = f"{format_money(high)} or more" if top_coded else format_money(high)
        marks.append(f'<g class="job" id="chart-pay-{esc(slug)}">')
        if name is not None:
            marks.append(label(0, y + 16, name, "name", bold=True))
        median_text = f"median {format_money(median)}"
        marks.append(
            label(_clamped(scale.x(median), median_text), y + 33, median_text, "value", "middle", SMALL)
        )
        marks.append(rect(scale.x(low), y + 39, scale.x(high) - scale.x(low), 14, "bar", BAR))
        marks.append(label(scale.x(low) - 6, y + 50, format_money(low), "value", "end", SMALL))
        marks.append(label(scale.x(high) + 6, y + 50, high_text, "value", size=SMALL))
        marks.append(line(scale.x(median), y + 35, scale.x(median), y + 57, "median", MEDIAN))
        words = (
            f"10th percentile {format_money(low)}, median {format_money(median)}, 90th percentile {high_text}"
        )
        if mean is not None:
            mean_text = f"average {format_money(mean)}"
            marks.append(diamond(scale.x(mean), y + 46, 6, "mean", MEAN))
            marks.append(
                label(_clamped(scale.x(mean), mean_text), y + 71, mean_text, "value", "middle", SMALL)
            )
            words += f", average {format_money(mean)}"
        marks.append("</g>")
        said.append(f"{name}: {words}." if name is not None else f"Yearly pay: {words}.")
    places = [facts.places[f"{slug}.salary.range"] for slug, *_ in jobs]
    return Chart("pay", max(places), title, " ".join(said), bottom + AXIS, tuple(marks))


# --- growth -----------------------------------------------------------------------------------


def _growth(facts: StatedFacts) -> Chart | None:
    """Each job's projected change in employment against the all-occupations figure."""
    jobs = [
        (slug, facts.name(slug), change)
        for slug in facts.subjects
        if (change := number(facts.of(slug, "outlook.change_percent"))) is not None
    ]
    averages = {
        number(facts.of(slug, "outlook.all_occupations_change_percent")) for slug in facts.subjects
    } - {None}
    if not jobs or len(averages) != 1 or any(name is None for _, name, _ in jobs):
        return None  # "against the average" needs the one average, and each bar its job's name
    average = averages.pop()
    assert average is not None
    years = _years(facts)
    title = "Projected change in employment" + (f", {years}" if years else "")
    rows = [*((name, change, False) for _, name, change in jobs), ("All occupations", average, True)]
    row = 46.0
    scale = nice_scale([v for _, v, _ in rows], 72.0, WIDTH - 72.0, zero=True)
    marks = _heading(title, "Bars grow from zero; the dashed bar is all occupations.")
    bottom = TOP + row * len(rows)
    marks += _axis(scale, TOP, bottom, format_signed_percent)
    zero = scale.x(0.0)
    for i, (name, value, is_average) in enumerate(rows):
        y = TOP + i * row
        x = scale.x(value)
        cls, style = ("average", AVERAGE_BAR) if is_average else ("bar", BAR)
        marks.append(f'<g class="{"all" if is_average else "job"}">')
        marks.append(label(0, y + 15, str(name), "name", bold=True))
        marks.append(rect(min(zero, x), y + 21, abs(x - zero), 15, cls, style))
        text = format_signed_percent(value)
        if value >= 0:
            marks.append(label(x + 6, y + 33, text, "value", size=SMALL))
        else:
            marks.append(label(x - 6, y + 33, text, "value", "end", SMALL))
        marks.append(line(zero, y + 18, zero, y + 39, "zero", ZERO))  # beside the bar, not across names
        marks.append("</g>")
    said = ", ".join(f"{name} {format_signed_percent(value)}" for name, value, _ in rows[:-1])
    description = f"{said}; all occupations {format_signed_percent(average)}."
    keys = [f"{slug}.outlook.change_percent" for slug, _, _ in jobs]
    keys += [
        k
        for slug in facts.subjects
        if (k := f"{slug}.outlook.all_occupations_change_percent") in facts.places
    ]
    place = max(facts.places[key] for key in keys)
    return Chart("growth", place, title, description, bottom + AXIS, tuple(marks))


def _years(facts: StatedFacts) -> str | None:
    for slug in facts.subjects:
        start, end = facts.of(slug, "outlook.start_year"), facts.of(slug, "outlook.end_year")
        if isinstance(start, int) and isinstance(end, int):
            return format_range(str(start), str(end))
    return None


# --- required education -----------------------------------------------------------------------


def sentence_case_level(level: str) -> str:
    """O*NET's Title Case level ("Post-Secondary Certificate") in the house's sentence case, as a
    label: "Post-secondary certificate". The labels hold no acronyms or names."""
    return level[:1] + level[1:].lower()


def _education(facts: StatedFacts) -> Chart | None:
    """The shares of O*NET's respondents who name each level of education as required: the levels
    the article states, largest first, for each job that has them."""
    jobs = []
    for slug in facts.subjects:
        levels = [
            (level, share)
            for level, value in facts.under(slug, "requirements.education.").items()
            if (share := number(value)) is not None
        ]
        if levels:
            jobs.append((slug, facts.name(slug), levels))
    if not jobs or (len(jobs) > 1 and any(name is None for _, name, _ in jobs)):
        return None
    scale = Scale(0.0, 100.0, 25.0, 8.0, WIDTH - 72.0)
    title = "Education workers say the job requires (O*NET)"
    marks = _heading(
        title,
        "Each bar: the share of surveyed workers naming that level as required.",
    )
    y, said = TOP, []
    bars: list[str] = []
    for slug, name, levels in jobs:
        bars.append(f'<g class="job" id="chart-education-{esc(slug)}">')
        if name is not None:
            bars.append(label(0, y + 16, name, "name", bold=True))
            y += 22
        for level, share in levels:
            shown = sentence_case_level(level)
            bars.append(f'<g class="level">{label(scale.x0, y + 14, shown, "level")}')
            bars.append(rect(scale.x0, y + 20, scale.x(share) - scale.x0, 15, "bar", BAR))
            bars.append(
                label(scale.x(share) + 6, y + 32, format_percent(share), "value", size=SMALL) + "</g>"
            )
            y += 42
        bars.append("</g>")
        levels_said = ", ".join(
            f"{sentence_case_level(level)} {format_percent(share)}" for level, share in levels
        )
        said.append(f"{name}: {levels_said}." if name is not None else f"{levels_said}.")
        y += 6
    marks += _axis(scale, TOP, y, format_percent)
    marks += bars
    keys = [f"{slug}.requirements.education.{level}" for slug, _, levels in jobs for level, _ in levels]
    description = " ".join(said)
    return Chart("education", max(facts.places[k] for k in keys), title, description, y + AXIS, tuple(marks))


_MAKERS: tuple[Callable[[StatedFacts], Chart | None], ...] = (_pay, _growth, _education)
