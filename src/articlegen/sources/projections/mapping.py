"""Attach EP's figures to OEWS codes: directly where the codes are equal, by a sum where an OEWS
code combines several EP codes, and not at all where EP combines several OEWS codes (a total
cannot be divided truthfully)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from .records import EpRow, Figures, Projection, Subject, Unmatched
from .tables import LINE_ITEM
from .values import Number

RULES = {
    "records": (
        "only Table 1.2 rows whose occupation type is 'Line item' (detailed occupations) become records"
    ),
    "direct": "an OEWS code equal to an EP line-item code takes that row's figures as published",
    "combined": (
        "an OEWS code ending in 0 (e.g. 13-1020) that EP lacks combines the EP line items under it "
        "(13-102x) that are not OEWS codes themselves, listed in combined_from: employment, openings, "
        "exits and transfers are summed, numeric change is the 2034 sum minus the 2024 sum and percent "
        "change is recomputed from the sums (to 0.1); percent self-employed is the 2024-employment-"
        "weighted mean of the parts; the median wage is null (a median of a union cannot be computed "
        "from medians); education, experience and training are kept only if every part agrees"
    ),
    "not_split": (
        "where EP has one line item ending in 0 (e.g. 31-1120) and OEWS splits it, nothing is attached: "
        "both sides are listed in unmatched"
    ),
    "title": "EP's title as BLS writes it (sentence case); a combined record has the OEWS title",
}
_WORDS = (
    "typical_education_needed_for_entry",
    "work_experience_in_a_related_occupation",
    "typical_on_the_job_training",
)
_SUMMED = (
    "employment_2024_thousands",
    "employment_2034_thousands",
    "openings_annual_average_2024_34_thousands",
    "labor_force_exits_annual_average_2024_34_thousands",
    "occupational_transfers_annual_average_2024_34_thousands",
)


@dataclass(frozen=True)
class Matching:
    projections: tuple[Projection, ...]
    unmatched_ep: tuple[Unmatched, ...]  # EP line items attached to no OEWS code
    unmatched_oews: tuple[Unmatched, ...]  # OEWS codes with no projection


def match(subjects: Sequence[Subject], rows: Sequence[EpRow]) -> Matching:
    items = {row.code: row for row in rows if row.kind == LINE_ITEM}
    oews_codes = {subject.soc for subject in subjects}
    projections: list[Projection] = []
    missing: list[Unmatched] = []
    used: set[str] = set()
    for subject in sorted(subjects, key=lambda s: s.soc):
        if subject.soc in items:
            projections.append(attach(subject, items[subject.soc]))
            used.add(subject.soc)
            continue
        parts = parts_of(subject.soc, items, oews_codes)
        if parts:
            projections.append(combine(subject, parts))
            used.update(part.code for part in parts)
            continue
        container = container_of(subject.soc, items, oews_codes)
        reason = (
            f"EP publishes only the combined code {container}, which cannot be split"
            if container
            else "EP has no line item with this code or under it"
        )
        missing.append(Unmatched(subject.soc, subject.title, reason))
    split = {
        code: [u.code for u in missing if container_of(u.code, items, oews_codes) == code] for code in items
    }
    extra = tuple(
        Unmatched(code, row.title, unused_reason(split[code], len(oews_codes)))
        for code, row in sorted(items.items())
        if code not in used
    )
    return Matching(tuple(projections), extra, tuple(missing))


def unused_reason(split_into: list[str], oews_count: int) -> str:
    if split_into:
        return f"combines the OEWS codes {', '.join(split_into)}; a total cannot be divided"
    return f"not among the {oews_count} OEWS occupations"


def group_prefix(code: str) -> str | None:
    """The code prefix of what a code ending in 0 combines (13-1020 -> 13-102); None for others."""
    return code.rstrip("0") if code.endswith("0") else None


def parts_of(code: str, items: Mapping[str, EpRow], oews_codes: set[str]) -> list[EpRow]:
    prefix = group_prefix(code)
    if prefix is None:
        return []
    return [row for c, row in sorted(items.items()) if c.startswith(prefix) and c not in oews_codes]


def container_of(code: str, items: Mapping[str, EpRow], oews_codes: set[str]) -> str | None:
    for candidate in sorted(items):
        prefix = group_prefix(candidate)
        if prefix and candidate != code and candidate not in oews_codes and code.startswith(prefix):
            return candidate
    return None


def attach(subject: Subject, row: EpRow) -> Projection:
    return Projection(subject.soc, row.title, None, row.figures)


def combine(subject: Subject, parts: Sequence[EpRow]) -> Projection:
    figures = [part.figures for part in parts]
    sums = {field: total([getattr(f, field) for f in figures]) for field in _SUMMED}
    start, end = sums["employment_2024_thousands"], sums["employment_2034_thousands"]
    change = None if start is None or end is None else rounded(end - start, decimals(start, end))
    percent = round(100 * change / start, 1) if change is not None and start else None
    combined = Figures(
        **sums,
        employment_change_2024_34_thousands=change,
        employment_change_2024_34_percent=percent,
        self_employed_2024_percent=weighted_mean(figures, lambda f: f.self_employed_2024_percent),
        median_annual_wage_2024_dollars=None,
        **{field: agreed([getattr(f, field) for f in figures]) for field in _WORDS},
        top_coded=(),
    )
    return Projection(subject.soc, subject.title, tuple(part.code for part in parts), combined)


def total(values: Sequence[Number | None]) -> Number | None:
    if any(v is None for v in values):
        return None
    present = [v for v in values if v is not None]
    return rounded(sum(present), decimals(*present))


def weighted_mean(figures: Sequence[Figures], value: Callable[[Figures], Number | None]) -> Number | None:
    pairs = [(value(f), f.employment_2024_thousands) for f in figures]
    if any(v is None or w is None for v, w in pairs):
        return None
    weight = sum(w for _, w in pairs if w is not None)
    if not weight:
        return None
    return round(sum(v * w for v, w in pairs if v is not None and w is not None) / weight, 1)


def agreed(values: Sequence[str | None]) -> str | None:
    return values[0] if values and all(v == values[0] for v in values) else None


def decimals(*values: Number) -> int:
    """How many decimals BLS wrote: sums are rounded back to that, hiding binary float noise."""
    return max((len(repr(v).partition(".")[2]) if isinstance(v, float) else 0) for v in values)


def rounded(value: Number, places: int) -> Number:
    return round(value, places) if isinstance(value, float) else value
