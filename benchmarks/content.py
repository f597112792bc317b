"""What the articles hold: fact coverage of the OEWS subjects, article length, and complete articles.

The README's coverage and article-size figures come from here, so they can be re-measured after a
data or phrasebank change instead of being copied from the data READMEs.

Run: python benchmarks/content.py [--pairs N] [--seed S]
Prints figures; asserts nothing. Pairs are a hash-ordered sample of the ordered pairs of OEWS
subjects (the sampling `--limit` uses), so every run measures the same articles.
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import platform
import statistics
import time
from collections import Counter
from collections.abc import Callable

from articlegen import open_generator
from articlegen.corpus.pairs import sample_pairs
from articlegen.facts.occupation import Occupation
from articlegen.gates.artifacts import find_artifacts
from articlegen.pipeline import Generator
from articlegen.realize.document import Document

# Each fact an article part reads, as (name, test). Workforce figures are split by whose row they
# come from: the job's own CPS row, or a broader Census group's (age_group / shares_group set).
FACTS: dict[str, Callable[[Occupation], bool]] = {
    "description": lambda o: bool(o.work and o.work.description),
    "tasks": lambda o: bool(o.work and o.work.tasks),
    "skills (skill_ratings)": lambda o: bool(o.skill_ratings and o.skill_ratings.ratings),
    "required education (requirements.education)": lambda o: bool(
        o.requirements and o.requirements.education
    ),
    "projection (outlook.change_percent)": lambda o: bool(o.outlook and o.outlook.change_percent is not None),
    "openings (outlook.openings_per_year)": lambda o: bool(
        o.outlook and o.outlook.openings_per_year is not None
    ),
    "entry education (outlook.entry_education)": lambda o: bool(o.outlook and o.outlook.entry_education),
}
# The section ids of a full comparison article (plan/article.py), in order.
PARTS = (
    "intro",
    "duties-{a}",
    "duties-{b}",
    "salary",
    "training",
    "outlook",
    "workforce",
    "ratings",
    "sources",
)
WORKFORCE: dict[str, tuple[Callable[[Occupation], bool], str]] = {
    "median age": (lambda o: o.workforce.median_age is not None, "age_group"),
    "share of women": (lambda o: o.workforce.women_share is not None, "shares_group"),
    "race shares (White, Black, Asian)": (
        lambda o: None not in (o.workforce.white_share, o.workforce.black_share, o.workforce.asian_share),
        "shares_group",
    ),
    "Hispanic or Latino share": (lambda o: o.workforce.hispanic_share is not None, "shares_group"),
}


def has_workforce(occupation: Occupation, name: str) -> bool:
    return occupation.workforce is not None and WORKFORCE[name][0](occupation)


def has_all_facts(occupation: Occupation) -> bool:
    """Every fact a full article states: O*NET, Projections, and all CPS figures (own row or broader)."""
    return all(test(occupation) for test in FACTS.values()) and all(
        has_workforce(occupation, n) for n in WORKFORCE
    )


def oews_subjects(generator: Generator) -> list[str]:
    entries = generator.catalog.entries
    return sorted(slug for slug in generator.catalog.occupations if entries[slug].source == "oews")


def coverage(generator: Generator, subjects: list[str]) -> None:
    occupations = [generator.catalog.find(slug) for slug in subjects]
    n = len(occupations)
    print(f"coverage of the {n} non-residual OEWS subjects:")
    for name, test in FACTS.items():
        count = sum(map(test, occupations))
        print(f"  {name}: {count} ({count / n:.1%})")
    aggregates = sum(bool(o.work and o.work.description_of) for o in occupations)
    print(f"  (descriptions of one part of an aggregate, flagged in work.description_of: {aggregates})")
    untyped = sum(bool(o.work and o.work.tasks and not o.work.core_tasks) for o in occupations)
    print(f"  (tasks O*NET has not typed as core, all of them given, work.core_tasks false: {untyped})")
    for name, (_, group_field) in WORKFORCE.items():
        with_fact = [o for o in occupations if has_workforce(o, name)]
        broader = sum(getattr(o.workforce, group_field) is not None for o in with_fact)
        print(
            f"  {name}: {len(with_fact)} ({len(with_fact) / n:.1%}): own row {len(with_fact) - broader}, "
            f"broader group {broader}"
        )
    complete = sum(map(has_all_facts, occupations))
    print(f"  every fact above: {complete} ({complete / n:.1%})")


def prose_words(document: Document, items: bool = True) -> int:
    return sum(len(sentence.text.split()) for sentence in document.prose(items=items))


def expected_sections(a: str, b: str) -> list[str]:
    """The parts an article about two jobs with every fact must have, by section id."""
    return [part.format(a=a, b=b) for part in PARTS]


def article_sizes(generator: Generator, subjects: list[str], count: int, seed: int) -> None:
    pairs = sorted(sample_pairs(itertools.permutations(subjects, 2), count))
    words, paragraph_words = [], []
    complete = 0
    missing: Counter[str] = Counter()
    started = time.perf_counter()
    for a, b in pairs:
        document = generator.document(a, b, seed=seed)
        words.append(prose_words(document))
        paragraph_words.append(prose_words(document, items=False))
        if has_all_facts(generator.catalog.find(a)) and has_all_facts(generator.catalog.find(b)):
            complete += 1
            present = {section.id for section in document.sections}
            lacking = [s for s in expected_sections(a, b) if s not in present]
            text = generator.generate(a, b, seed=seed)
            notices = {*generator.catalog.find(a).attributions, *generator.catalog.find(b).attributions}
            if not notices or not all(notice in text for notice in notices):
                lacking.append("O*NET attribution")
            missing.update(part.replace(a, "A").replace(b, "B") for part in lacking)
            if lacking:
                missing["articles lacking a part"] += 1
    seconds = time.perf_counter() - started
    print(
        f"{len(pairs):,} OEWS pairs (hash-ordered sample of all ordered pairs), seed {seed}, {seconds:.1f} s:"
    )
    print(
        f"  words of prose (paragraphs, list leads and items; no title, headings or tables): "
        f"mean {statistics.mean(words):.0f}, median {statistics.median(words):.0f}, "
        f"min {min(words)}, max {max(words)}"
    )
    print(
        f"  paragraphs and list leads only: mean {statistics.mean(paragraph_words):.0f}, "
        f"min {min(paragraph_words)}, max {max(paragraph_words)}"
    )
    print(f"  pairs where both jobs have every fact: {complete} ({complete / len(pairs):.1%})")
    shown = ", ".join(f"{part} {n}" for part, n in sorted(missing.items())) or "none"
    print(f"  of those, articles missing a part (intro, duties-A, duties-B, salary, training, outlook, "
          f"workforce, ratings, sources, O*NET attribution): {shown}")  # fmt: skip


def artifacts(generator: Generator, subjects: list[str], seed: int) -> None:
    """Each subject once as A and once as B (its neighbour in slug order), and its overview page."""
    failures = []
    started = time.perf_counter()
    for i, slug in enumerate(subjects):
        partner = subjects[(i + 1) % len(subjects)]
        for kind, text in (
            ("comparison", generator.generate(slug, partner, seed=seed)),
            ("overview", generator.overview(slug, seed=seed)),
        ):
            problems = find_artifacts(text)
            if problems:
                failures.append((kind, slug, problems))
    seconds = time.perf_counter() - started
    print(
        f"artifacts: {len(subjects)} subjects x (comparison with the next + overview page), "
        f"{len(subjects) * 2} pages in {seconds:.1f} s: {len(failures)} with artifacts"
    )
    for kind, slug, problems in failures[:20]:
        print(f"  {kind} {slug}: {'; '.join(problems)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--pairs", type=int, default=2000, help="OEWS pairs for article sizes (at least 1,000)"
    )
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    print(f"date: {datetime.date.today()}, {platform.python_implementation()} {platform.python_version()}")
    generator = open_generator()
    subjects = oews_subjects(generator)
    coverage(generator, subjects)
    article_sizes(generator, subjects, args.pairs, args.seed)
    artifacts(generator, subjects, args.seed)


if __name__ == "__main__":
    main()
