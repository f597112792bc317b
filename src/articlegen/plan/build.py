"""Shared machinery of the article parts: a pair's facts, sentences about one fact of both jobs,
paragraphs, sections and tables.

Aggregation happens here: two equal facts become one "same" sentence, two different
ones a contrast, one known fact a sentence about that job only. A block with nothing
in it is dropped, and a section with no blocks left is dropped with its heading.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

from ..facts.occupation import Occupation
from .compare import Difference, Direction
from .quantities import MoneyRange, Percent, Ratio
from .reads import derived, fact_key, facts_of
from .spec import (
    Block,
    BulletList,
    Cell,
    Paragraph,
    Referent,
    SectionPlan,
    SentenceSpec,
    Table,
    TableRow,
    Verbatim,
)


class Pair:
    """The two occupations and their referents, with helpers to read a fact from each."""

    def __init__(self, a: Occupation, b: Occupation, ra: Referent, rb: Referent) -> None:
        self.a, self.b, self.ra, self.rb = a, b, ra, rb
        self.facts_a, self.facts_b = facts_of(a), facts_of(b)

    def both(self, key: str) -> tuple[Any, Any]:
        """A fact of each job by its key in reads._READS; None where a job lacks it."""
        return self.facts_a[key], self.facts_b[key]

    def roles(self) -> dict[str, Referent]:
        return {"a": self.ra, "b": self.rb}

    def either(self, key: str) -> bool:
        return bool(self.facts_a[key] or self.facts_b[key])

    def coordinated(self) -> bool:
        return self.either("coordinated")

    def columns(self) -> tuple[SentenceSpec, SentenceSpec]:
        """A table's header cells: one per job, each made once per occupation."""
        return self.facts_a["column"], self.facts_b["column"]


def identity(value: Any) -> Any:
    return value


def money_range(value: Any) -> MoneyRange:
    return MoneyRange(value.low, value.high, open_high=value.high_top_coded)


# --- blocks and sections ----------------------------------------------------------------------


def section(
    section_id: str, heading: SentenceSpec | None, blocks: Iterable[Block | None]
) -> SectionPlan | None:
    kept = tuple([block for block in blocks if block is not None and _has_content(block)])
    return SectionPlan(section_id, heading, kept) if kept else None


def _has_content(block: Block) -> bool:
    if isinstance(block, Paragraph):
        return bool(block.sentences)
    if isinstance(block, BulletList):
        return bool(block.items)
    return bool(block.rows)


def paragraph(*sentences: SentenceSpec | Verbatim | None) -> Paragraph:
    return Paragraph(tuple([s for s in sentences if s is not None]))


def flat(*groups: Iterable[SentenceSpec | None] | SentenceSpec | None) -> list[SentenceSpec | None]:
    flattened: list[SentenceSpec | None] = []
    for group in groups:
        if group is None or isinstance(group, SentenceSpec):
            flattened.append(group)
        else:
            flattened.extend(group)
    return flattened


# --- paired facts -----------------------------------------------------------------------------


def pair_sentence(
    ctx: Pair,
    stem: str,
    key: str,
    wrap: Callable[[Any], Any],
    *,
    equal: Callable[[Any, Any], bool],
    slot: str,
    read: str | None = None,
) -> list[SentenceSpec]:
    """One fact of both jobs: a 'same' sentence, a 'different' one, or one for the job that has it.

    `read` is the reads._READS key when it is not the fact's own key (a range of one kind only)."""
    va, vb = ctx.both(read or key)
    if va is not None and vb is not None:
        facts = {fact_key(ctx.a, key): va, fact_key(ctx.b, key): vb}
        if equal(va, vb):
            return [SentenceSpec(f"{stem}.same", {**ctx.roles(), slot: wrap(va)}, facts)]
        return [
            SentenceSpec(
                f"{stem}.different",
                {**ctx.roles(), f"a_{slot}": wrap(va), f"b_{slot}": wrap(vb)},
                facts,
            )
        ]
    return one_side(ctx, stem, key, va, vb, wrap, slot)


def one_side(
    ctx: Pair, stem: str, key: str, va: Any, vb: Any, wrap: Callable[[Any], Any], slot: str
) -> list[SentenceSpec]:
    """A '.one' sentence for the job that has the fact, when the other lacks it."""
    for occupation, role, value in ((ctx.a, ctx.ra, va), (ctx.b, ctx.rb, vb)):
        if value is not None:
            return [
                SentenceSpec(
                    f"{stem}.one", {"role": role, slot: wrap(value)}, {fact_key(occupation, key): value}
                )
            ]
    return []


def directional(
    ctx: Pair,
    stem: str,
    key: str,
    va: float | None,
    vb: float | None,
    compare: Callable[[float, float], Difference],
    wrap: Callable[[float], Any],
    slot: str,
) -> list[SentenceSpec]:
    """A figure both jobs have, said with the higher one first, or as a tie."""
    if va is None or vb is None:
        return one_side(ctx, stem, key, va, vb, wrap, slot)
    facts = {fact_key(ctx.a, key): va, fact_key(ctx.b, key): vb}
    diff = compare(va, vb)
    if diff.is_tie:
        return [SentenceSpec(f"{stem}.same", {**ctx.roles(), slot: wrap(va)}, facts)]
    a_high = diff.direction is Direction.HIGHER
    higher, lower = (ctx.ra, ctx.rb) if a_high else (ctx.rb, ctx.ra)
    high_v, low_v = (va, vb) if a_high else (vb, va)
    slots: dict[str, Any] = {
        "higher": higher,
        "lower": lower,
        f"higher_{slot}": wrap(high_v),
        f"lower_{slot}": wrap(low_v),
        "difference": wrap(diff.amount),
    }
    if diff.percent is None or diff.percent_of_higher is None:
        return [SentenceSpec(f"{stem}.compare.small", slots, facts)]
    # Each base has its own slot, so "more than" and "trail ... by" cannot share a figure;
    # from 100% on, the gap is said as a ratio ("3.5 times"), as a reader would say it.
    slots["percent_less"] = Percent(diff.percent_of_higher)
    if diff.percent >= 100 and diff.ratio is not None:
        slots["times"] = Ratio(diff.ratio)
        return [SentenceSpec(f"{stem}.compare.times", slots, facts)]
    slots["percent_more"] = Percent(diff.percent)
    return [SentenceSpec(f"{stem}.compare", slots, facts)]


# --- tables: rows of (label message, reads._READS key, how to type the fact) ------------------

Row = tuple[str, str, Callable[[Any], Any]]
_Column = tuple[tuple[Cell | None, ...], tuple[int, ...]]
_NO_ROWS = Table((), ())
# reads._READS keys that are a view of a fact, with the fact each shows
_VIEWED = {
    "salary.range.typical": "salary.range",
    "salary.range.percentiles": "salary.range",
    "education.degree_cell": "education.most_common_degree",
}


@cache  # one spec a label, shared by every article, as the realizer expects
def label(name: str) -> SentenceSpec:
    return SentenceSpec(f"label.{name}", {})


def table(ctx: Pair, name: str, rows: tuple[Row, ...]) -> Table:
    """Rows whose fact neither job has are left out; one missing side shows the 'missing' label."""
    (cells_a, present_a), (cells_b, present_b) = _column(ctx.a, name, rows), _column(ctx.b, name, rows)
    if not present_a and not present_b:
        return _NO_ROWS  # e.g. OEWS records, which have no education or demographics
    kept = tuple(
        TableRow(label(rows[index][0]), (cells_a[index], cells_b[index]))
        for index in sorted({*present_a, *present_b})
    )
    return Table(ctx.columns(), kept)


def drop_repeated_rows(sections: tuple[SectionPlan, ...]) -> tuple[SectionPlan, ...]:
    """Each fact in one table only: a later table loses the rows an earlier one showed.

    "Yearly salary" at a glance and "Average salary" under Salary are one figure; a reader who
    meets it twice learns nothing the second time. A table left with no rows is dropped.
    """
    seen: set[frozenset[str]] = set()
    kept_sections = []
    for section in sections:
        blocks: list[Any] = []
        changed = False
        for block in section.blocks:
            if not isinstance(block, Table):
                blocks.append(block)
                continue
            rows = []
            for row in block.rows:
                key = frozenset(k for cell in row.cells if cell is not None for k in cell.facts)
                if key in seen:
                    changed = True
                else:
                    seen.add(key)
                    rows.append(row)
            if len(rows) == len(block.rows):
                blocks.append(block)
            elif rows:
                blocks.append(Table(block.columns, tuple(rows)))
        if changed:
            section = SectionPlan(section.id, section.heading, tuple(blocks))
        kept_sections.append(section)
    return tuple(kept_sections)


def _column(occupation: Occupation, name: str, rows: tuple[Row, ...]) -> _Column:
    """One job's side of a table: a cell for each row, None where the job lacks the fact, and
    the rows where it has it."""

    def make() -> _Column:
        cells = []
        facts = facts_of(occupation)
        for _, read, wrap in rows:
            value = facts[read]
            key = fact_key(occupation, _VIEWED.get(read, read))
            cells.append(None if value is None else Cell(wrap(value), {key: value}))
        return tuple(cells), tuple(i for i, cell in enumerate(cells) if cell is not None)

    return derived(occupation, f"table.{name}", make)  # type: ignore[no-any-return]
