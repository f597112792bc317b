"""The frozen records passed between the projections importer's steps."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from .values import Number


@dataclass(frozen=True)
class Figures:
    """One occupation's projections, in BLS's units (the unit is the field name's last word)."""

    employment_2024_thousands: Number | None
    employment_2034_thousands: Number | None
    employment_change_2024_34_thousands: Number | None
    employment_change_2024_34_percent: Number | None
    self_employed_2024_percent: Number | None
    median_annual_wage_2024_dollars: Number | None
    openings_annual_average_2024_34_thousands: Number | None
    labor_force_exits_annual_average_2024_34_thousands: Number | None
    occupational_transfers_annual_average_2024_34_thousands: Number | None
    typical_education_needed_for_entry: str | None
    work_experience_in_a_related_occupation: str | None
    typical_on_the_job_training: str | None
    top_coded: tuple[str, ...]


@dataclass(frozen=True)
class EpRow:
    """A row of the 2024 National Employment Matrix: Table 1.2 joined with Table 1.10 by code."""

    code: str
    title: str
    kind: str  # "Line item" (a detailed occupation) or "Summary" (a group)
    row: int  # the row in Table 1.2, for messages
    figures: Figures


@dataclass(frozen=True)
class Projection:
    """The figures attached to one OEWS code: one EP line item's, or the combination of several."""

    soc: str
    title: str
    combined_from: tuple[str, ...] | None
    figures: Figures

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict: the figures flattened beside the code, tuples as lists."""
        figures = asdict(self.figures)
        figures["top_coded"] = list(self.figures.top_coded)
        combined = list(self.combined_from) if self.combined_from is not None else None
        return {"soc": self.soc, "title": self.title, "combined_from": combined, **figures}


@dataclass(frozen=True)
class Unmatched:
    code: str
    title: str
    reason: str

    def to_json(self) -> dict[str, str]:
        return asdict(self)


@dataclass(frozen=True)
class Subject:
    """An OEWS occupation: the code a projection must be attached to."""

    soc: str
    title: str
    residual: bool
