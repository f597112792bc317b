"""Content determination and document planning for "X vs Y" articles.

Decides which facts to state, in which order, and which message states each,
from the facts that exist: a missing fact drops its sentence or row, a section
with nothing left is dropped whole. Directions come from compare.py. Aggregation
happens here too: two equal facts become one "both" sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ..facts.occupation import GroupShare, Occupation, StatedComparison
from .compare import Difference, Direction, compare_money, compare_quantity, compare_skills, same_text
from .quantities import (
    Breakdown,
    Count,
    Items,
    Labelled,
    Money,
    MoneyRange,
    MonthsRange,
    Percent,
    PercentChange,
    PercentPoints,
    Quantity,
    Rating,
)
from .spec import (
    ArticlePlan,
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

TOP_SKILLS = 3  # the intro names each job's three most common skills
DISTINCT_SKILLS = 4  # the skills section names up to four skills unique to each job
SHARED_SKILLS = 4


# What the planner derives from one occupation alone, kept for the next pair that has it: a
# bulk run plans each occupation into about 1,500 articles. Keyed by identity (the value
# holds the occupation, so its id cannot be reused) and bounded, so memory stays flat.
_DERIVED: dict[int, tuple[Occupation, dict[str, Any]]] = {}
MAX_DERIVED = 4096


def _derived(occupation: Occupation, name: str, make: Callable[[], Any]) -> Any:
    entry = _DERIVED.get(id(occupation))
    if entry is None or entry[0] is not occupation:
        if len(_DERIVED) >= MAX_DERIVED:
            _DERIVED.clear()
        entry = _DERIVED[id(occupation)] = (occupation, {})
    values = entry[1]
    if name not in values:
        values[name] = make()
    return values[name]


def referent(occupation: Occupation) -> Referent:
    return _derived(occupation, "referent", lambda: _make_referent(occupation))  # type: ignore[no-any-return]


def _make_referent(occupation: Occupation) -> Referent:
    forms = occupation.forms
    return Referent(
        slug=occupation.slug,
        title=occupation.title,
        singular=forms.singular if forms else None,
        plural=forms.plural if forms else None,
        article=forms.article if forms else None,
        attributive=forms.attributive is not False if forms else True,
    )


def plan_article(a: Occupation, b: Occupation) -> ArticlePlan:
    ra, rb = referent(a), referent(b)
    ctx = _Pair(a, b, ra, rb)
    sections = (
        _intro(ctx),
        _overview(ctx),
        _duties(a, ra),
        _duties(b, rb),
        _salary(ctx),
        # Skipped where neither job has what the section reads (OEWS records have none of it);
        # tests/test_articles.py checks the section would have been empty.
        _education(ctx) if ctx.either("has.education") else None,
        _demographics(ctx) if ctx.either("has.demographics") else None,
        _skills(ctx) if ctx.either("has.skills") else None,
        _sources(ctx),
    )
    return ArticlePlan(
        kind="comparison",
        pair_key=f"{a.slug}|{b.slug}",
        subjects=(a.slug, b.slug),
        title=SentenceSpec("title", {"a": ra, "b": rb, "coordinated": ctx.coordinated()}),
        sections=tuple(s for s in sections if s is not None),
        missing_cell=SentenceSpec("label.missing", {}),
    )


def _coordinated(occupation: Occupation) -> bool:
    """Whether a title has its own commas, "and" or "or", which a title built with "or" would garble."""
    return re.search(r",| or | and ", occupation.title.casefold()) is not None


def _related(a: Occupation, b: Occupation) -> bool:
    """Same SOC major group (the first two digits): only then may an article call the fields related."""
    return a.group is not None and b.group is not None and a.group.code[:2] == b.group.code[:2]


class _Pair:
    """The two occupations and their referents, with helpers to read a fact from each."""

    def __init__(self, a: Occupation, b: Occupation, ra: Referent, rb: Referent) -> None:
        self.a, self.b, self.ra, self.rb = a, b, ra, rb
        self.facts_a, self.facts_b = facts_of(a), facts_of(b)

    def both(self, key: str) -> tuple[Any, Any]:
        """A fact of each job by its key in _READS; None where a job lacks it."""
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


def _safe(get: Callable[[Occupation], Any], occupation: Occupation) -> Any:
    """Read a nested fact, treating any missing link in the chain as a missing fact."""
    try:
        value = get(occupation)
    except AttributeError:
        return None
    return value if value not in ((), "") else None


# The facts a comparison reads, each read once per occupation (facts_of): about forty reads
# an article, many through a missing education or demographics record, were a tenth of planning.
_READS: dict[str, Callable[[Occupation], Any]] = {
    "time_to_become": lambda o: o.time_to_become,
    "salary.yearly": lambda o: o.salary.yearly,
    "salary.hourly": lambda o: o.salary.hourly,
    "salary.median": lambda o: o.salary.median,
    "salary.range": lambda o: o.salary.range,
    "salary.range.typical": lambda o: _typical_range(o.salary.range),
    "salary.range.percentiles": lambda o: _percentile_range(o.salary.range),
    "growth_rate": lambda o: o.growth_rate,
    "jobs": lambda o: o.jobs,
    "job_satisfaction": lambda o: o.job_satisfaction,
    "average_age": lambda o: o.average_age,
    "years_of_experience": lambda o: o.years_of_experience,
    "education.most_common_degree": lambda o: o.education.most_common_degree,
    "education.degree_cell": lambda o: _degree(o),
    "education.major": lambda o: o.education.major,
    "education.college": lambda o: o.education.college,
    "education.masters_share": lambda o: o.education.masters_share,
    "education.doctoral_share": lambda o: o.education.doctoral_share,
    "top_pay.city": lambda o: o.top_pay.city,
    "top_pay.state": lambda o: o.top_pay.state,
    "top_pay.state_salary": lambda o: o.top_pay.state_salary,
    "top_pay.metro": lambda o: o.top_pay.metro,
    "top_pay.metro_salary": lambda o: o.top_pay.metro_salary,
    "top_pay.company": lambda o: o.top_pay.company,
    "top_pay.industry": lambda o: o.top_pay.industry,
    "top_pay.industry_salary": lambda o: o.top_pay.industry_salary,
    "demographics.gender": lambda o: o.demographics.gender,
    "demographics.race": lambda o: o.demographics.race,
    "demographics.lgbt_share": lambda o: o.demographics.lgbt_share,
    # not facts, but read once per occupation as well
    "coordinated": _coordinated,
    "has.education": lambda o: o.education is not None or bool(o.comparisons),
    "has.demographics": lambda o: o.demographics is not None or o.average_age is not None,
    "has.skills": lambda o: bool(o.skills),
    "column": lambda o: SentenceSpec("label.column", {"role": referent(o)}),
}


def facts_of(occupation: Occupation) -> Mapping[str, Any]:
    """Every fact in _READS for one occupation, None where it is missing."""
    return _derived(  # type: ignore[no-any-return]
        occupation, "facts", lambda: {key: _safe(read, occupation) for key, read in _READS.items()}
    )


def _fact(occupation: Occupation, key: str) -> str:
    return f"{occupation.slug}.{key}"


def _section(
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


def _paragraph(*sentences: SentenceSpec | Verbatim | None) -> Paragraph:
    return Paragraph(tuple([s for s in sentences if s is not None]))


def _flat(*groups: Iterable[SentenceSpec | None] | SentenceSpec | None) -> list[SentenceSpec | None]:
    flat: list[SentenceSpec | None] = []
    for group in groups:
        if group is None or isinstance(group, SentenceSpec):
            flat.append(group)
        else:
            flat.extend(group)
    return flat


# --- paired facts -----------------------------------------------------------------------------


def _pair_sentence(
    ctx: _Pair,
    stem: str,
    key: str,
    wrap: Callable[[Any], Any],
    *,
    equal: Callable[[Any, Any], bool],
    slot: str,
    read: str | None = None,
) -> list[SentenceSpec]:
    """One fact of both jobs: a 'same' sentence, a 'different' one, or one for the job that has it.

    `read` is the _READS key when it is not the fact's own key (a range of one kind only)."""
    va, vb = ctx.both(read or key)
    if va is not None and vb is not None:
        facts = {_fact(ctx.a, key): va, _fact(ctx.b, key): vb}
        if equal(va, vb):
            return [SentenceSpec(f"{stem}.same", {**ctx.roles(), slot: wrap(va)}, facts)]
        return [
            SentenceSpec(
                f"{stem}.different",
                {**ctx.roles(), f"a_{slot}": wrap(va), f"b_{slot}": wrap(vb)},
                facts,
            )
        ]
    return _one_side(ctx, stem, key, va, vb, wrap, slot)


def _one_side(
    ctx: _Pair, stem: str, key: str, va: Any, vb: Any, wrap: Callable[[Any], Any], slot: str
) -> list[SentenceSpec]:
    """A '.one' sentence for the job that has the fact, when the other lacks it."""
    for occupation, role, value in ((ctx.a, ctx.ra, va), (ctx.b, ctx.rb, vb)):
        if value is not None:
            return [
                SentenceSpec(
                    f"{stem}.one", {"role": role, slot: wrap(value)}, {_fact(occupation, key): value}
                )
            ]
    return []


def _directional(
    ctx: _Pair,
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
        return _one_side(ctx, stem, key, va, vb, wrap, slot)
    facts = {_fact(ctx.a, key): va, _fact(ctx.b, key): vb}
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
    if diff.percent is not None:
        slots["percent"] = Percent(diff.percent)
        return [SentenceSpec(f"{stem}.compare", slots, facts)]
    return [SentenceSpec(f"{stem}.compare.small", slots, facts)]


# --- sections ---------------------------------------------------------------------------------


def _intro(ctx: _Pair) -> SectionPlan | None:
    opening = SentenceSpec("intro.opening", {**ctx.roles(), "related": _related(ctx.a, ctx.b)})
    time = _pair_sentence(
        ctx,
        "intro.time",
        "time_to_become",
        lambda v: MonthsRange(v.low, v.high),
        equal=lambda x, y: x == y,
        slot="months",
    )
    salary = _directional(
        ctx,
        "intro.salary",
        "salary.yearly",
        *ctx.both("salary.yearly"),
        compare=compare_money,
        wrap=Money,
        slot="salary",
    )
    return _section(
        "intro",
        None,
        [
            _paragraph(*_flat(opening, time, salary)),
            _paragraph(*_intro_skills(ctx)),
        ],
    )


def _top_skills(occupation: Occupation, limit: int) -> tuple[str, ...]:
    return tuple(skill.name for skill in occupation.skills[:limit])


def _intro_skills(ctx: _Pair) -> list[SentenceSpec]:
    if not ctx.either("has.skills"):
        return []
    top_a, top_b = _top_skills(ctx.a, TOP_SKILLS), _top_skills(ctx.b, TOP_SKILLS)
    facts = {_fact(ctx.a, "skills"): top_a, _fact(ctx.b, "skills"): top_b}
    if top_a and top_b and {s.casefold() for s in top_a} == {s.casefold() for s in top_b}:
        return [SentenceSpec("intro.skills.same", {**ctx.roles(), "skills": Items(top_a)}, facts)]
    return [
        SentenceSpec("intro.skills", {"role": role, "skills": Items(top)}, {_fact(occ, "skills"): top})
        for occ, role, top in ((ctx.a, ctx.ra, top_a), (ctx.b, ctx.rb, top_b))
        if top
    ]


_Row = tuple[str, str, Callable[[Any], Any]]  # label message, _READS key, wrap
# _READS keys that are a view of a fact, with the fact each shows
_VIEWED = {
    "salary.range.typical": "salary.range",
    "salary.range.percentiles": "salary.range",
    "education.degree_cell": "education.most_common_degree",
}


def _table(ctx: _Pair, name: str, rows: tuple[_Row, ...]) -> Table:
    """Rows whose fact neither job has are left out; one missing side shows the 'missing' label."""
    (cells_a, present_a), (cells_b, present_b) = _column(ctx.a, name, rows), _column(ctx.b, name, rows)
    if not present_a and not present_b:
        return _NO_ROWS  # e.g. OEWS records, which have no education or demographics
    kept = tuple(
        TableRow(_LABELS[rows[index][0]], (cells_a[index], cells_b[index]))
        for index in sorted({*present_a, *present_b})
    )
    return Table(ctx.columns(), kept)


_Column = tuple[tuple[Cell | None, ...], tuple[int, ...]]
_NO_ROWS = Table((), ())


def _column(occupation: Occupation, name: str, rows: tuple[_Row, ...]) -> _Column:
    """One job's side of a table: a cell for each row, None where the job lacks the fact, and
    the rows where it has it."""

    def make() -> _Column:
        cells = []
        facts = facts_of(occupation)
        for _, read, wrap in rows:
            value = facts[read]
            key = _fact(occupation, _VIEWED.get(read, read))
            cells.append(None if value is None else Cell(wrap(value), {key: value}))
        return tuple(cells), tuple(i for i, cell in enumerate(cells) if cell is not None)

    return _derived(occupation, f"table.{name}", make)  # type: ignore[no-any-return]


def _degree(o: Occupation) -> Labelled | None:
    degree = o.education.most_common_degree  # type: ignore[union-attr]
    if degree is None:
        return None
    return Labelled(degree.name, None if degree.share is None else Percent(degree.share))


def _identity(value: Any) -> Any:
    return value


def _overview(ctx: _Pair) -> SectionPlan | None:
    table = _table(ctx, "overview", _OVERVIEW_ROWS)
    if not table.rows:
        return None
    lead = SentenceSpec("overview.lead", ctx.roles())
    jobs = _directional(
        ctx, "jobs", "jobs", *ctx.both("jobs"), compare=compare_quantity, wrap=Count, slot="jobs"
    )
    return _section(
        "overview",
        SentenceSpec("heading.overview", ctx.roles()),
        [_paragraph(lead), table, _paragraph(*jobs)],
    )


def _duties(occupation: Occupation, role: Referent) -> SectionPlan | None:
    return _derived(occupation, "duties", lambda: _make_duties(occupation, role))  # type: ignore[no-any-return]


def _make_duties(occupation: Occupation, role: Referent) -> SectionPlan | None:
    description = (
        _paragraph(Verbatim(occupation.description, _fact(occupation, "description")))
        if occupation.description
        else None
    )
    duties = _responsibility_list(occupation, role, "duties.lead")
    return _section(
        f"duties-{occupation.slug}", SentenceSpec("heading.duties", {"role": role}), [description, duties]
    )


def _responsibility_list(occupation: Occupation, role: Referent, lead: str) -> BulletList | None:
    """The record's responsibilities as a list under a lead sentence; overview pages use their own lead."""
    if not occupation.responsibilities:
        return None
    return BulletList(
        SentenceSpec(lead, {"role": role}),
        tuple(
            _paragraph(Verbatim(item, _fact(occupation, f"responsibilities.{i}")))
            for i, item in enumerate(occupation.responsibilities)
        ),
    )


def _salary(ctx: _Pair) -> SectionPlan | None:
    compare = _directional(
        ctx,
        "salary",
        "salary.yearly",
        *ctx.both("salary.yearly"),
        compare=compare_money,
        wrap=Money,
        slot="salary",
    )
    if not compare or compare[0].message.endswith(".one"):
        hourly = ctx.both("salary.hourly")
        if None not in hourly:  # e.g. actors and dancers: BLS publishes only hourly wages
            compare = _directional(
                ctx, "salary.hourly", "salary.hourly", *hourly, compare=compare_money, wrap=Money, slot="rate"
            )
    median = _pair_sentence(
        ctx,
        "salary.median",
        "salary.median",
        Money,
        equal=_same_money,
        slot="median",
    )
    where = _paragraph(
        *_flat(
            _industry_sentences(ctx),
            *(_place_sentences(o, r) for o, r in ((ctx.a, ctx.ra), (ctx.b, ctx.rb))),
        )
    )
    table = _table(ctx, "salary", _SALARY_ROWS)
    return _section(
        "salary",
        SentenceSpec("heading.salary", ctx.roles()),
        [_paragraph(*_flat(compare, median, _range_sentences(ctx))), where, table],
    )


def _same_money(x: float, y: float) -> bool:
    return compare_money(x, y).is_tie


def _money_range(value: Any) -> MoneyRange:
    return MoneyRange(value.low, value.high, open_high=value.high_top_coded)


def _typical_range(value: Any) -> Any:
    return value if value is not None and value.percentiles is None else None


def _percentile_range(value: Any) -> Any:
    return value if value is not None and value.percentiles == (10, 90) else None


def _range_sentences(ctx: _Pair) -> list[SentenceSpec]:
    """Typical ranges and BLS's 10th–90th percentiles mean different things, so each has its own words.

    A top-coded 90th percentile is only a floor: its sentences say "at least", and the
    variants that state a closed range are excluded by their `top_coded` condition.
    """
    typical = _pair_sentence(
        ctx, "salary.range", "salary.range", _money_range,
        equal=lambda x, y: x == y, slot="range", read="salary.range.typical",
    )  # fmt: skip
    pa, pb = ctx.both("salary.range.percentiles")
    if pa is not None and pb is not None:
        facts = {_fact(ctx.a, "salary.range"): pa, _fact(ctx.b, "salary.range"): pb}
        slots = {
            **ctx.roles(),
            "a_low": Money(pa.low), "a_high": Money(pa.high),
            "b_low": Money(pb.low), "b_high": Money(pb.high),
            "top_coded": pa.high_top_coded or pb.high_top_coded,
        }  # fmt: skip
        return [*typical, SentenceSpec("salary.percentiles.different", slots, facts)]
    percentiles = []
    for occupation, role, value in ((ctx.a, ctx.ra, pa), (ctx.b, ctx.rb, pb)):
        if value is not None:
            slots = {"role": role, "low": Money(value.low), "high": Money(value.high),
                     "top_coded": value.high_top_coded}  # fmt: skip
            percentiles.append(
                SentenceSpec("salary.percentiles.one", slots, {_fact(occupation, "salary.range"): value})
            )
    return [*typical, *percentiles]


def _industry_sentences(ctx: _Pair) -> list[SentenceSpec]:
    ia, ib = ctx.both("top_pay.industry")
    pa, pb = ctx.both("top_pay.industry_salary")
    if ia is not None and ib is not None and same_text(ia, ib):
        facts = {_fact(ctx.a, "top_pay.industry"): ia, _fact(ctx.b, "top_pay.industry"): ib}
        if pa is not None and pb is not None:
            facts |= {
                _fact(ctx.a, "top_pay.industry_salary"): pa,
                _fact(ctx.b, "top_pay.industry_salary"): pb,
            }
            return [
                SentenceSpec(
                    "salary.industry.same",
                    {**ctx.roles(), "industry": ia, "a_pay": Money(pa), "b_pay": Money(pb)},
                    facts,
                )
            ]
        if pa is None and pb is None:
            return [SentenceSpec("salary.industry.same_nopay", {**ctx.roles(), "industry": ia}, facts)]
    sentences = []
    for occupation, role, industry, pay in ((ctx.a, ctx.ra, ia, pa), (ctx.b, ctx.rb, ib, pb)):
        if industry is None:
            continue
        facts = {_fact(occupation, "top_pay.industry"): industry}
        if pay is not None:
            facts[_fact(occupation, "top_pay.industry_salary")] = pay
            slots = {"role": role, "industry": industry, "pay": Money(pay)}
            sentences.append(SentenceSpec("salary.industry", slots, facts))
        else:
            sentences.append(
                SentenceSpec("salary.industry.nopay", {"role": role, "industry": industry}, facts)
            )
    return sentences


def _place_sentences(occupation: Occupation, role: Referent) -> tuple[SentenceSpec, ...]:
    return _derived(occupation, "places", lambda: tuple(_make_places(occupation, role)))  # type: ignore[no-any-return]


def _make_places(occupation: Occupation, role: Referent) -> list[SentenceSpec]:
    facts = facts_of(occupation)
    city, state, company = facts["top_pay.city"], facts["top_pay.state"], facts["top_pay.company"]
    sentences = []
    if city is not None and state is not None:
        sentences.append(
            SentenceSpec(
                "salary.places",
                {"role": role, "city": city, "state": state},
                {_fact(occupation, "top_pay.city"): city, _fact(occupation, "top_pay.state"): state},
            )
        )
    elif city is not None:
        sentences.append(
            SentenceSpec(
                "salary.city", {"role": role, "city": city}, {_fact(occupation, "top_pay.city"): city}
            )
        )
    elif state is not None:
        sentences.append(_paid_place(occupation, role, "state", state))
    metro = facts["top_pay.metro"]
    if metro is not None:
        sentences.append(_paid_place(occupation, role, "metro", metro))
    if company is not None:
        sentences.append(
            SentenceSpec(
                "salary.company",
                {"role": role, "company": company},
                {_fact(occupation, "top_pay.company"): company},
            )
        )
    return sentences


def _paid_place(occupation: Occupation, role: Referent, kind: str, place: str) -> SentenceSpec:
    """The best-paying state or metro area, with its average salary when the data has it."""
    pay = facts_of(occupation)[f"top_pay.{kind}_salary"]
    facts = {_fact(occupation, f"top_pay.{kind}"): place}
    if pay is None:
        return SentenceSpec(f"salary.{kind}", {"role": role, kind: place}, facts)
    facts[_fact(occupation, f"top_pay.{kind}_salary")] = pay
    return SentenceSpec(f"salary.{kind}.pay", {"role": role, kind: place, "pay": Money(pay)}, facts)


def _sources(ctx: _Pair) -> SectionPlan | None:
    """Citations under the article: each source once, in the order the two records give them."""
    cited = tuple(dict.fromkeys((*ctx.a.sources, *ctx.b.sources)))
    if not cited:
        return None
    facts = {_fact(o, "sources"): o.sources for o in (ctx.a, ctx.b) if o.sources}
    return _section(
        "sources",
        SentenceSpec("heading.sources", ctx.roles()),
        [_paragraph(SentenceSpec("sources.cite", {"sources": Items(cited)}, facts))],
    )


def _education(ctx: _Pair) -> SectionPlan | None:
    degree = _degree_sentences(ctx)
    major = _pair_sentence(
        ctx,
        "education.major",
        "education.major",
        _identity,
        equal=same_text,
        slot="major",
    )
    college = _pair_sentence(
        ctx,
        "education.college",
        "education.college",
        _identity,
        equal=same_text,
        slot="college",
    )
    table = _table(ctx, "education", _EDUCATION_ROWS)
    return _section(
        "education",
        SentenceSpec("heading.education", ctx.roles()),
        [
            _paragraph(*_flat(degree, major, college)),
            _paragraph(*_likelihood_sentences(ctx)),
            table,
        ],
    )


def _degree_sentences(ctx: _Pair) -> list[SentenceSpec]:
    da, db = ctx.both("education.most_common_degree")
    key = "education.most_common_degree"
    if da is not None and db is not None:
        facts = {_fact(ctx.a, key): da.name, _fact(ctx.b, key): db.name}
        if same_text(da.name, db.name):
            if da.share is not None and db.share is not None:
                facts |= {_fact(ctx.a, key + ".share"): da.share, _fact(ctx.b, key + ".share"): db.share}
                slots = {
                    **ctx.roles(),
                    "degree": da.name,
                    "a_share": Percent(da.share),
                    "b_share": Percent(db.share),
                }
                return [SentenceSpec("education.degree.same", slots, facts)]
            return [SentenceSpec("education.degree.same_noshare", {**ctx.roles(), "degree": da.name}, facts)]
        slots = {**ctx.roles(), "a_degree": da.name, "b_degree": db.name}
        return [SentenceSpec("education.degree.different", slots, facts)]
    for occupation, role, degree in ((ctx.a, ctx.ra, da), (ctx.b, ctx.rb, db)):
        if degree is not None:
            return [
                SentenceSpec(
                    "education.degree.one",
                    {"role": role, "degree": degree.name},
                    {_fact(occupation, key): degree.name},
                )
            ]
    return []


def _likelihood_sentences(ctx: _Pair) -> list[SentenceSpec]:
    """Master's and Doctoral likelihood of one job against the other.

    A figure stated relative to the other job wins; otherwise it is computed from
    both jobs' shares. It is never computed from one absolute share and a guess.
    """
    stated = _stated(ctx)
    if stated is not None:
        subject, other, comparison = stated
        masters, doctoral = comparison.masters_likelihood, comparison.doctoral_likelihood
        source = f"{subject.slug}.comparisons.{comparison.against}"
        facts = {f"{source}.masters_likelihood": masters, f"{source}.doctoral_likelihood": doctoral}
    else:
        subject, other = ctx.rb, ctx.ra
        (ma, mb), (da, db) = (
            ctx.both("education.masters_share"),
            ctx.both("education.doctoral_share"),
        )
        masters = None if ma is None or mb is None else compare_quantity(mb, ma)
        doctoral = None if da is None or db is None else compare_quantity(db, da)
        masters = None if masters is None else _signed(masters)
        doctoral = None if doctoral is None else _signed(doctoral)
        facts = {
            _fact(o, f"education.{k}"): v
            for o, k, v in (
                (ctx.a, "masters_share", ma),
                (ctx.b, "masters_share", mb),
                (ctx.a, "doctoral_share", da),
                (ctx.b, "doctoral_share", db),
            )
            if v is not None
        }
    facts = {k: v for k, v in facts.items() if v is not None}
    roles = {"subject": subject, "other": other}
    if masters is not None and doctoral is not None:
        slots = {**roles, "masters": PercentPoints(masters), "doctoral": PercentPoints(doctoral)}
        return [SentenceSpec("education.likelihood", slots, facts)]
    if masters is not None:
        return [
            SentenceSpec("education.likelihood.masters", {**roles, "masters": PercentPoints(masters)}, facts)
        ]
    if doctoral is not None:
        return [
            SentenceSpec(
                "education.likelihood.doctoral", {**roles, "doctoral": PercentPoints(doctoral)}, facts
            )
        ]
    return []


def _signed(diff: Difference) -> float:
    if diff.is_tie:
        return 0.0
    return diff.amount if diff.direction is Direction.HIGHER else -diff.amount


def _stated(ctx: _Pair) -> tuple[Referent, Referent, StatedComparison] | None:
    for subject, role, other, other_role in ((ctx.b, ctx.rb, ctx.a, ctx.ra), (ctx.a, ctx.ra, ctx.b, ctx.rb)):
        comparison = subject.stated_comparison(other.slug)
        if comparison is not None and (
            comparison.masters_likelihood is not None or comparison.doctoral_likelihood is not None
        ):
            return role, other_role, comparison
    return None


def _demographics(ctx: _Pair) -> SectionPlan | None:
    age = _directional(
        ctx,
        "demographics.age",
        "average_age",
        *ctx.both("average_age"),
        compare=compare_quantity,
        wrap=Quantity,
        slot="age",
    )
    gender = _group_sentences(ctx, "demographics.gender", "demographics.gender")
    race = _group_sentences(ctx, "demographics.race", "demographics.race")
    lgbt = _pair_sentence(
        ctx,
        "demographics.lgbt",
        "demographics.lgbt_share",
        Percent,
        equal=lambda x, y: compare_quantity(x, y).is_tie,
        slot="share",
    )
    table = _table(ctx, "demographics", _DEMOGRAPHICS_ROWS)
    return _section(
        "demographics",
        SentenceSpec("heading.demographics", ctx.roles()),
        [
            _paragraph(*_flat(age, gender, race, lgbt)),
            table,
        ],
    )


def _breakdown(groups: tuple[GroupShare, ...]) -> Breakdown:
    return Breakdown(tuple(Labelled(g.group, Percent(g.share)) for g in groups))


def _group_sentences(ctx: _Pair, stem: str, key: str) -> list[SentenceSpec]:
    """The largest group of the first job, with its share in each job that reports it."""
    ga: tuple[GroupShare, ...] | None
    gb: tuple[GroupShare, ...] | None
    ga, gb = ctx.both(key)
    if ga is None and gb is None:
        return []
    lead_groups, lead_occ, lead_role = (ga, ctx.a, ctx.ra) if ga else (gb, ctx.b, ctx.rb)
    largest = max(lead_groups, key=lambda g: g.share)
    other_groups = gb if lead_occ is ctx.a else None
    match = next((g for g in other_groups or () if same_text(g.group, largest.group)), None)
    if match is None:
        return [
            SentenceSpec(
                f"{stem}.one",
                {"role": lead_role, "group": largest.group, "share": Percent(largest.share)},
                {_fact(lead_occ, f"{key}.{largest.group}"): largest.share},
            )
        ]
    facts = {
        _fact(ctx.a, f"{key}.{largest.group}"): largest.share,
        _fact(ctx.b, f"{key}.{match.group}"): match.share,
    }
    slots = {
        **ctx.roles(),
        "group": largest.group,
        "a_share": Percent(largest.share),
        "b_share": Percent(match.share),
    }
    # "The largest group in both jobs" is a claim; make it only when the data bears it out.
    largest_in_b = max(other_groups or (), key=lambda g: g.share)
    message = f"{stem}.largest_both" if same_text(largest_in_b.group, largest.group) else stem
    return [SentenceSpec(message, slots, facts)]


def _skills(ctx: _Pair) -> SectionPlan | None:
    names_a = tuple(s.name for s in ctx.a.skills)
    names_b = tuple(s.name for s in ctx.b.skills)
    overlap = compare_skills(names_a, names_b)
    sentences: list[SentenceSpec] = []
    if names_a and names_b:
        facts = {_fact(ctx.a, "skills"): names_a, _fact(ctx.b, "skills"): names_b}
        if overlap.shared:
            shared = overlap.shared[:SHARED_SKILLS]
            sentences.append(SentenceSpec("skills.shared", {**ctx.roles(), "skills": Items(shared)}, facts))
        else:
            sentences.append(SentenceSpec("skills.none_shared", ctx.roles(), facts))
        for occupation, role, other, own in (
            (ctx.a, ctx.ra, ctx.rb, overlap.only_a),
            (ctx.b, ctx.rb, ctx.ra, overlap.only_b),
        ):
            if own:
                sentences.append(
                    SentenceSpec(
                        "skills.distinct",
                        {"role": role, "other": other, "skills": Items(own[:DISTINCT_SKILLS])},
                        {_fact(occupation, "skills"): own[:DISTINCT_SKILLS]},
                    )
                )
    lists = [_skill_list(o, r) for o, r in ((ctx.a, ctx.ra), (ctx.b, ctx.rb))]
    return _section("skills", SentenceSpec("heading.skills", ctx.roles()), [_paragraph(*sentences), *lists])


def _skill_list(occupation: Occupation, role: Referent, prefix: str = "") -> BulletList | None:
    """A list of skills with their shares, for a job whose data gives shares or examples.

    Overview pages use the same list under their own messages (`prefix` "page.").
    """
    return _derived(occupation, f"skills.{prefix}", lambda: _make_skill_list(occupation, role, prefix))  # type: ignore[no-any-return]


def _make_skill_list(occupation: Occupation, role: Referent, prefix: str) -> BulletList | None:
    detailed = [s for s in occupation.skills if s.share is not None or s.example is not None]
    if not detailed:
        return None
    items = []
    for skill in detailed:
        key = _fact(occupation, f"skills.{skill.name}")
        if skill.share is not None:
            spec = SentenceSpec(
                f"{prefix}skills.item",
                {"skill": skill.name, "share": Percent(skill.share)},
                {key + ".share": skill.share},
            )
        else:
            spec = SentenceSpec(f"{prefix}skills.item.noshare", {"skill": skill.name}, {key: skill.name})
        example = Verbatim(skill.example, key + ".example") if skill.example else None
        items.append(_paragraph(spec, example))
    return BulletList(SentenceSpec(f"{prefix}skills.list_lead", {"role": role}), tuple(items))


# --- table rows: (label message, fact key, how to read the fact, how to type it) ---------------

_OVERVIEW_ROWS: tuple[_Row, ...] = (
    ("yearly_salary", "salary.yearly", Money),
    ("hourly_rate", "salary.hourly", Money),
    ("median_salary", "salary.median", Money),
    ("growth_rate", "growth_rate", PercentChange),
    ("jobs", "jobs", Count),
    ("job_satisfaction", "job_satisfaction", Rating),
    ("common_degree", "education.degree_cell", _identity),
    ("average_age", "average_age", Quantity),
    ("experience", "years_of_experience", Quantity),
)
_SALARY_ROWS: tuple[_Row, ...] = (
    ("average_salary", "salary.yearly", Money),
    ("median_salary", "salary.median", Money),
    ("salary_range", "salary.range.typical", _money_range),
    ("percentile_range", "salary.range.percentiles", _money_range),
    ("top_city", "top_pay.city", _identity),
    ("top_state", "top_pay.state", _identity),
    ("state_salary", "top_pay.state_salary", Money),
    ("top_metro", "top_pay.metro", _identity),
    ("metro_salary", "top_pay.metro_salary", Money),
    ("top_company", "top_pay.company", _identity),
    ("top_industry", "top_pay.industry", _identity),
    ("industry_salary", "top_pay.industry_salary", Money),
)
_EDUCATION_ROWS: tuple[_Row, ...] = (
    ("common_degree", "education.degree_cell", _identity),
    ("major", "education.major", _identity),
    ("college", "education.college", _identity),
    ("masters_share", "education.masters_share", Percent),
    ("doctoral_share", "education.doctoral_share", Percent),
)
_DEMOGRAPHICS_ROWS: tuple[_Row, ...] = (
    ("average_age", "average_age", Quantity),
    ("gender", "demographics.gender", _breakdown),
    ("race", "demographics.race", _breakdown),
    ("lgbt", "demographics.lgbt_share", Percent),
)
_LABELS = {
    row[0]: SentenceSpec(f"label.{row[0]}", {})
    for rows in (_OVERVIEW_ROWS, _SALARY_ROWS, _EDUCATION_ROWS, _DEMOGRAPHICS_ROWS)
    for row in rows
}
