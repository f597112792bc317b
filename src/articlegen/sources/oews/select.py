"""Where an occupation pays best: the rule that picks the top state, metro area and industry.

An estimate from a handful of workers can top any list, so a place or industry counts only
with enough of the occupation's workers in it. The winner is the highest published annual
mean wage; a mean that BLS gives only as "at least the top code" wins only when that leaves
no doubt about the order.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from ...facts.ranking import MIN_EMPLOYMENT, MIN_SHARE, employment_floor
from .values import Figure

MIN_CANDIDATES = 2  # with one, "highest-paying" would compare it with nothing

RULES = {
    "floor": (
        f"a state, metro area or industry is a candidate only if BLS publishes its employment for the "
        f"occupation and that employment is at least {MIN_SHARE:.0%} of the national figure and at least "
        f"{MIN_EMPLOYMENT}, and BLS publishes its annual mean wage (a top-coded mean counts, see "
        f"top_code_rule); with no published national employment, or fewer than {MIN_CANDIDATES} candidates, "
        f"there is no pick"
    ),
    "winner": (
        "the candidate with the highest annual mean wage; ties go to the higher employment, then to the "
        "lower BLS area or industry code. Hourly means are never ranked or annualized, so hourly-only "
        "occupations have no pick"
    ),
    "top_code_rule": (
        "a top-coded mean is only known to be at least the top code: it wins only if it is the only "
        "top-coded candidate and every other candidate's mean is below the top code. Its annual_mean is "
        "then the top code and '<field>.annual_mean' is listed in top_coded. Otherwise (two top-coded "
        "candidates, or one and a published mean at or above the top code) the order is unknown and the "
        "pick is null"
    ),
}


class Candidate(NamedTuple):
    code: str
    name: str
    employment: Figure
    annual_mean: Figure


def meets_floor(employment: Figure, floor: float) -> bool:
    return employment.published and employment.value is not None and employment.value >= floor


def pick_top(candidates: Iterable[Candidate], national_employment: int | float | None) -> Candidate | None:
    """The best-paying candidate under RULES, or None when the rule cannot name one."""
    if national_employment is None:
        return None
    floor = employment_floor(national_employment)
    eligible = [c for c in candidates if meets_floor(c.employment, floor) and c.annual_mean.value is not None]
    if len(eligible) < MIN_CANDIDATES:
        return None
    capped = [c for c in eligible if c.annual_mean.top_coded]
    if capped:
        if len(capped) > 1:
            return None
        top = capped[0].annual_mean.value
        assert top is not None
        rivals = (c.annual_mean.value for c in eligible if not c.annual_mean.top_coded)
        return None if any(v is not None and v >= top for v in rivals) else capped[0]
    return min(
        eligible,
        key=lambda c: (-(c.annual_mean.value or 0), -(c.employment.value or 0), c.code),
        default=None,
    )
