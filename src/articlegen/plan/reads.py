"""The facts a plan reads from one occupation, read once and kept for the next pair that has it.

A bulk run plans each occupation into about 1,500 articles, so what depends on one
occupation alone (its referent, its facts, its table cells and place sentences) is
derived once and kept, keyed by identity and bounded, so memory stays flat.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from ..facts.occupation import Occupation
from .quantities import Labelled, Percent
from .spec import Referent, SentenceSpec

# Keyed by identity (the value holds the occupation, so its id cannot be reused).
_DERIVED: dict[int, tuple[Occupation, dict[str, Any]]] = {}
MAX_DERIVED = 4096


def derived(occupation: Occupation, name: str, make: Callable[[], Any]) -> Any:
    """`make()` for this occupation, computed on the first call for `name` and kept."""
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
    return derived(occupation, "referent", lambda: _make_referent(occupation))  # type: ignore[no-any-return]


def _make_referent(occupation: Occupation) -> Referent:
    forms = occupation.forms
    return Referent(
        slug=occupation.slug,
        title=occupation.title,
        singular=forms.singular if forms else None,
        plural=forms.plural if forms else None,
        article=forms.article if forms else None,
        attributive=forms.attributive is not False if forms else True,
        short=forms.short if forms else None,
    )


def fact_key(occupation: Occupation, key: str) -> str:
    """The provenance key of one fact: `<slug>.<field>`."""
    return f"{occupation.slug}.{key}"


def typical_range(value: Any) -> Any:
    return value if value is not None and value.percentiles is None else None


def percentile_range(value: Any) -> Any:
    return value if value is not None and value.percentiles == (10, 90) else None


def _coordinated(occupation: Occupation) -> bool:
    """Whether a title has its own commas, "and" or "or", which a title built with "or" would garble."""
    return re.search(r",| or | and ", occupation.title.casefold()) is not None


def _degree(o: Occupation) -> Labelled | None:
    degree = o.education.most_common_degree  # type: ignore[union-attr]
    if degree is None:
        return None
    return Labelled(degree.name, None if degree.share is None else Percent(degree.share))


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
    "salary.range.typical": lambda o: typical_range(o.salary.range),
    "salary.range.percentiles": lambda o: percentile_range(o.salary.range),
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
    "top_pay.min_jobs": lambda o: o.top_pay.min_jobs,
    "top_pay.company": lambda o: o.top_pay.company,
    "top_pay.industry": lambda o: o.top_pay.industry,
    "top_pay.industry_salary": lambda o: o.top_pay.industry_salary,
    "demographics.gender": lambda o: o.demographics.gender,
    "demographics.race": lambda o: o.demographics.race,
    "demographics.lgbt_share": lambda o: o.demographics.lgbt_share,
    # a CPS figure for a broader Census group is not the job's own: kept out of its table column
    "workforce.median_age": lambda o: o.workforce.median_age if o.workforce.age_group is None else None,
    **{
        f"workforce.{k}_share": (
            lambda o, k=k: getattr(o.workforce, f"{k}_share") if o.workforce.shares_group is None else None
        )
        for k in ("women", "white", "black", "asian", "hispanic")
    },
    # not facts, but read once per occupation as well
    "coordinated": _coordinated,
    "has.education": lambda o: o.education is not None or bool(o.comparisons),
    "has.demographics": lambda o: o.demographics is not None or o.average_age is not None,
    "has.skills": lambda o: bool(o.skills),
    "column": lambda o: SentenceSpec("label.column", {"role": referent(o)}),
}


def facts_of(occupation: Occupation) -> Mapping[str, Any]:
    """Every fact in _READS for one occupation, None where it is missing."""
    return derived(  # type: ignore[no-any-return]
        occupation, "facts", lambda: {key: _safe(read, occupation) for key, read in _READS.items()}
    )
