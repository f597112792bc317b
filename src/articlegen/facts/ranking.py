"""Which states, metro areas and industries the OEWS data ranks when it names where a job pays best.

An estimate from a handful of workers can top any list, so an area or industry is ranked
only with enough of the occupation's jobs. The importer applies this floor; the records
carry it, so that a sentence saying "pays best" can name the set it is true over.
"""

from __future__ import annotations

import math

MIN_SHARE = 0.01  # of national employment
MIN_EMPLOYMENT = 100


def employment_floor(national_employment: int | float) -> float:
    return max(MIN_SHARE * national_employment, MIN_EMPLOYMENT)


def min_ranked_jobs(national_employment: int | float) -> int:
    """The fewest jobs a ranked area or industry holds: employment is a whole number."""
    return math.ceil(employment_floor(national_employment))
