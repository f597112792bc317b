"""What each job does: its description and its list of responsibilities, a section per job."""

from __future__ import annotations

from ..facts.occupation import Occupation
from .build import paragraph, section
from .reads import derived, fact_key
from .spec import BulletList, Referent, SectionPlan, SentenceSpec, Verbatim


def plan_duties(occupation: Occupation, role: Referent) -> SectionPlan | None:
    return derived(occupation, "duties", lambda: _make_duties(occupation, role))  # type: ignore[no-any-return]


def _make_duties(occupation: Occupation, role: Referent) -> SectionPlan | None:
    description = (
        paragraph(Verbatim(occupation.description, fact_key(occupation, "description")))
        if occupation.description
        else None
    )
    duties = responsibility_list(occupation, role, "duties.lead")
    return section(
        f"duties-{occupation.slug}", SentenceSpec("heading.duties", {"role": role}), [description, duties]
    )


def responsibility_list(occupation: Occupation, role: Referent, lead: str) -> BulletList | None:
    """The record's responsibilities as a list under a lead sentence; overview pages use their own lead."""
    if not occupation.responsibilities:
        return None
    return BulletList(
        SentenceSpec(lead, {"role": role}),
        tuple(
            paragraph(Verbatim(item, fact_key(occupation, f"responsibilities.{i}")))
            for i, item in enumerate(occupation.responsibilities)
        ),
    )
