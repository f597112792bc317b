"""What each job does: its description and its list of responsibilities, a section per job.

A hand-written description or list wins; where a record has none, O*NET's description (its
first sentence, quoted as given) and its core tasks (verbatim) say what the job does.
"""

from __future__ import annotations

import re

from ..facts.occupation import Occupation
from .build import paragraph, section
from .quantities import Count, Quote
from .reads import derived, fact_key
from .spec import BulletList, Referent, SectionPlan, SentenceSpec, Verbatim

TASKS = 5  # core tasks listed for a job; O*NET lists up to 15, in no order of importance


def plan_duties(occupation: Occupation, role: Referent) -> SectionPlan | None:
    return derived(occupation, "duties", lambda: _make_duties(occupation, role))  # type: ignore[no-any-return]


def _make_duties(occupation: Occupation, role: Referent) -> SectionPlan | None:
    description = (
        paragraph(Verbatim(occupation.description, fact_key(occupation, "description")))
        if occupation.description
        else paragraph(described(occupation, role, "duties.onet"))
    )
    duties = responsibility_list(occupation, role, "duties.lead") or task_list(
        occupation, role, "duties.tasks"
    )
    return section(
        f"duties-{occupation.slug}", SentenceSpec("heading.duties", {"role": role}), [description, duties]
    )


def responsibility_list(occupation: Occupation, role: Referent, lead: str) -> BulletList | None:
    """The record's responsibilities as a list under a lead sentence; overview pages use their own lead."""
    if not occupation.responsibilities:
        return None
    # The lead states that the items are this job's duties: it carries the list's size as its fact.
    listed = {fact_key(occupation, "responsibilities_listed"): len(occupation.responsibilities)}
    return BulletList(
        SentenceSpec(lead, {"role": role}, listed),
        tuple(
            paragraph(Verbatim(item, fact_key(occupation, f"responsibilities.{i}")))
            for i, item in enumerate(occupation.responsibilities)
        ),
    )


# A stop that ends a sentence: after a word of two or more letters ("records. May"), not after an
# initial or an abbreviation ("a U.S. post office", "St. Louis").
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]][a-z0-9)\]])\.\s+(?=[A-Z])")


def first_sentence(text: str) -> str:
    """O*NET's descriptions open with the verb phrases that say what the job does; later
    sentences ("May advise ...", "Licensing required.") do not fit after a subject."""
    end = _SENTENCE_END.search(text)
    return text if end is None else text[: end.start() + 1]


def described(occupation: Occupation, role: Referent, stem: str) -> SentenceSpec | None:
    """O*NET's description as our sentence around its words; `.part` where it is of one of the
    occupations a broader OEWS code groups, which the sentence must say."""
    work = occupation.work
    if work is None or work.description is None:
        return None
    quote = Quote(first_sentence(work.description))
    # The quotation prints without its own stop, mid-sentence or before ours.
    facts = {fact_key(occupation, "work.description"): quote.rstrip(".")}
    if work.description_of is not None:
        facts[fact_key(occupation, "work.description_of")] = work.description_of
        return SentenceSpec(
            f"{stem}.part", {"role": role, "part": work.description_of, "description": quote}, facts
        )
    return SentenceSpec(stem, {"role": role, "description": quote}, facts)


def task_list(occupation: Occupation, role: Referent, lead: str) -> BulletList | None:
    """A few of O*NET's core tasks, verbatim, under a lead that names them as O*NET's."""
    work = occupation.work
    if work is None or not work.tasks:
        return None
    tasks = work.tasks[:TASKS]
    slots: dict[str, object] = {"role": role, "count": Count(len(tasks)), "core": work.core_tasks}
    if work.description_of is not None:
        lead, slots["part"] = f"{lead}.part", work.description_of
    return BulletList(
        SentenceSpec(lead, slots, {fact_key(occupation, "work.tasks_listed"): len(tasks)}),
        tuple(paragraph(Verbatim(t, fact_key(occupation, f"work.tasks.{i}"))) for i, t in enumerate(tasks)),
    )
