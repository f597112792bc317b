"""Phrasebank lint: every problem an editor can fix, each located as `file:line:col`.

Two passes. Loading collects what is wrong in the files themselves (YAML, Jinja,
undeclared slots, unknown filters, duplicate ids, conditions). Rendering then
tries every variant of every message that articles use against real pairs from
the data, so a variant that crashes or prints an artifact is caught before a bulk
run, not in one.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from hashlib import blake2b
from pathlib import Path

from ..errors import RenderError
from ..facts.load import Catalog, load_catalog
from ..facts.occupation import Occupation
from ..facts.yamlio import display_path
from ..gates.artifacts import find_sentence_artifacts
from ..plan.article import plan_article
from ..plan.overview import plan_overview
from ..plan.spec import ArticlePlan, BulletList, Paragraph, SentenceSpec, Table
from ..realize.orthography import tidy_fragment, tidy_sentence
from ..realize.realizer import render_variant
from ..wording.choose import is_eligible
from ..wording.phrasebank import Message, Phrasebank, Problem, Variant, read_phrasebank
from ..wording.templating import PREVIOUS_SUBJECT

MAX_PAIRS = 60  # hand-written pairs; with OTHER_PAIRS, lint stays well under 2 s
OTHER_PAIRS = 16
OTHER_PAGES = 8
PAGE_COMPARE = 4


@dataclass(frozen=True)
class LintReport:
    problems: tuple[Problem, ...]
    files: int
    messages: int
    variants: int
    pairs: int
    pages: int = 0

    def summary(self) -> str:
        checked = (
            f"{self.files} files, {self.messages} messages, {self.variants} variants, "
            f"rendered against {self.pairs} pairs and {self.pages} overview pages"
        )
        if not self.problems:
            return f"lint: {checked}: no problems"
        files = len({p.file for p in self.problems})
        noun = "problem" if len(self.problems) == 1 else "problems"
        return f"lint: {checked}: {len(self.problems)} {noun} in {files} file{'s' * (files != 1)}"


def lint_phrasebanks(
    phrasebank_dir: Path, data_dir: Path, *, show: Callable[[str], str] | None = None
) -> LintReport:
    """Lint a phrasebank directory; raises ArticlegenError only when the input is unusable.

    `show` renames each problem's file (the CLI's: relative to the project folder, wherever in it
    the command runs); without it files are named as loaded, relative to the working directory.
    """
    bank, problems, broken = read_phrasebank(phrasebank_dir)
    catalog = load_catalog(data_dir)
    pairs = choose_lint_pairs(catalog)
    pages = choose_lint_pages(catalog)
    unreadable = {p.file for p in problems if p.message.startswith(_FILE_FAULTS)}
    found = list(problems) + _render_problems(bank, broken, pairs, sorted(unreadable), pages)
    if show is not None:
        found = [replace(p, file=show(p.file)) for p in found]
    unique = sorted(set(found), key=lambda p: (p.file, p.line, p.col, p.message))
    return LintReport(
        problems=tuple(unique),
        files=len(list(phrasebank_dir.glob("*.yaml"))),
        messages=len(bank.messages),
        variants=sum(len(m.variants) for m in bank.messages.values()),
        pairs=len(pairs),
        pages=len(pages),
    )


def choose_lint_pairs(catalog: Catalog) -> list[tuple[Occupation, Occupation]]:
    """Every ordered pair of hand-written records, plus a fixed, hash-spread sample of the rest.

    Hand-written records carry the most facts, so they reach the most messages; OEWS
    pairs reach the messages for BLS's figures (percentiles, metro areas, employment).
    """
    hand = sorted(e.slug for e in catalog.entries.values() if e.source == "hand")
    pairs = list(itertools.permutations(hand, 2))[:MAX_PAIRS]
    others = sorted(slug for slug in catalog.occupations if slug not in set(hand))
    if len(others) >= 2:
        ranked = sorted(
            itertools.permutations(others[:: max(1, len(others) // 64)], 2),
            key=lambda pair: blake2b("|".join(pair).encode(), digest_size=8).digest(),
        )
        pairs += ranked[:OTHER_PAIRS]
    return [(catalog.occupations[a], catalog.occupations[b]) for a, b in pairs]


# Problems that make a whole file unreadable, so every message in it goes missing.
_FILE_FAULTS = ("YAML", "cannot read file", "expected a top-level", "duplicate key")


def choose_lint_pages(catalog: Catalog) -> list[tuple[Occupation, tuple[Occupation, ...]]]:
    """Overview pages: every hand-written record and a fixed spread of OEWS ones, with comparisons.

    Each page is compared with the next few chosen occupations rather than by the related-jobs
    rule, which would read the whole catalog: lint checks wording, not the choice.
    """
    hand = sorted(e.slug for e in catalog.entries.values() if e.source == "hand")
    others = sorted(slug for slug in catalog.occupations if slug not in set(hand))
    chosen = [
        catalog.occupations[s] for s in hand + others[:: max(1, len(others) // OTHER_PAGES)][:OTHER_PAGES]
    ]
    pages = []
    for i, occupation in enumerate(chosen):
        neighbours = [chosen[(i + k) % len(chosen)] for k in range(1, len(chosen))]
        pages.append((occupation, tuple(o for o in neighbours if o.slug != occupation.slug)[:PAGE_COMPARE]))
    return pages


def _render_problems(
    bank: Phrasebank,
    broken: frozenset[str],
    pairs: list[tuple[Occupation, Occupation]],
    unreadable: list[str],
    pages: list[tuple[Occupation, tuple[Occupation, ...]]] = (),  # type: ignore[assignment]
) -> list[Problem]:
    checker = _RenderChecker(bank, broken)
    for a, b in pairs:
        checker.check_pair(a, b)
    for occupation, related in pages:
        checker.check_plan(plan_overview(occupation, related), f"the {occupation.slug} overview page")
    return checker.problems + checker.missing_problems(unreadable) + checker.variety_problems()


class _RenderChecker:
    def __init__(self, bank: Phrasebank, broken: frozenset[str]) -> None:
        self.bank, self.broken = bank, broken
        self.problems: list[Problem] = []
        self.reported: set[tuple[str, str, str]] = set()  # (message, variant, kind): one report each
        self.most_uses: Counter[str] = Counter()  # message -> most prose uses in one article
        self.rendered: set[tuple[object, ...]] = set()
        self.missing: set[str] = set()  # messages articles need that the phrasebank lacks

    def missing_problems(self, unreadable: list[str]) -> list[Problem]:
        """One problem a missing message; one in all when a file that failed to load explains them."""
        where = display_path(self.bank.source)
        names = sorted(self.missing)
        if names and unreadable:
            shown = ", ".join(names[:3]) + (", ..." if len(names) > 3 else "")
            return [
                Problem(
                    where, 1, 1,
                    f"{len(names)} messages that articles need are missing ({shown}); fix the files "
                    f"that failed to load first ({', '.join(unreadable)})",
                )
            ]  # fmt: skip
        return [Problem(where, 1, 1, f"no message {name!r}; articles need it") for name in names]

    def check_pair(self, a: Occupation, b: Occupation) -> None:
        self.check_plan(plan_article(a, b), f"{a.slug} vs {b.slug}")

    def check_plan(self, plan: ArticlePlan, label: str) -> None:
        uses: Counter[str] = Counter()
        for use in _plan_uses(plan):
            message = self.bank.messages.get(use.spec.message)
            if message is None:
                if use.spec.message not in self.broken:
                    self.missing.add(use.spec.message)
                continue
            uses[message.id] += use.distinct
            for variant in message.variants:
                self._check_variant(message, variant, use, label)
        for message_id, count in uses.items():
            self.most_uses[message_id] = max(self.most_uses[message_id], count)

    def _check_variant(self, message: Message, variant: Variant, use: _Use, label: str) -> None:
        try:  # the same variant with the same facts (a heading, a label) renders the same: once is enough
            seen = (message.id, variant.id, use.fragment, tuple(sorted(use.spec.slots.items())))
            if seen in self.rendered:
                return
            self.rendered.add(seen)
        except TypeError:  # a slot value that cannot be hashed: just render it
            pass
        slots = {**use.spec.slots, PREVIOUS_SUBJECT: None}
        try:
            if not is_eligible(variant, slots):
                return
            text = render_variant(variant, message.id, slots)
        except RenderError as err:
            self._report(variant, message.id, "error", f"{_after_location(str(err))} (for {label})")
            return
        tidy = tidy_fragment if use.fragment else tidy_sentence
        for kind in find_sentence_artifacts(tidy(text) if text.strip() else text):
            self._report(
                variant, message.id, kind, f"{message.id}/{variant.id} renders {kind} for {label}: {text!r}"
            )

    def _report(self, variant: Variant | None, message_id: str, kind: str, text: str) -> None:
        key = (message_id, variant.id if variant else "", kind)
        if key in self.reported:
            return
        self.reported.add(key)
        if variant is None:
            file, line = display_path(self.bank.source), 1
        else:
            file, line = variant.file, variant.line
        self.problems.append(Problem(file, line, 1, text))

    def variety_problems(self) -> list[Problem]:
        found = []
        for message_id, uses in sorted(self.most_uses.items()):
            message = self.bank.messages[message_id]
            if len(message.variants) < uses:
                found.append(
                    Problem(
                        message.file,
                        message.line,
                        1,
                        f"{message_id} is used {uses} times in one article but has only "
                        f"{len(message.variants)} variant{'s' * (len(message.variants) != 1)}, "
                        "so a sentence repeats; add variants",
                    )
                )
        return found


@dataclass(frozen=True)
class _Use:
    spec: SentenceSpec
    distinct: bool  # prose, where repeats of a message must read differently
    fragment: bool  # heading or label


def _plan_uses(plan: ArticlePlan) -> Iterator[_Use]:
    """Every sentence the plan asks for, marked as the realizer treats it."""
    yield _Use(plan.title, distinct=False, fragment=True)
    yield _Use(plan.missing_cell, distinct=False, fragment=True)
    for section in plan.sections:
        if section.heading:
            yield _Use(section.heading, distinct=False, fragment=True)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                yield from (_Use(s, True, False) for s in block.sentences if isinstance(s, SentenceSpec))
            elif isinstance(block, BulletList):
                if block.lead:
                    yield _Use(block.lead, distinct=True, fragment=False)
                for item in block.items:
                    yield from (_Use(s, False, False) for s in item.sentences if isinstance(s, SentenceSpec))
            elif isinstance(block, Table):
                yield from (_Use(c, distinct=False, fragment=True) for c in block.columns)
                yield from (_Use(r.label, distinct=False, fragment=True) for r in block.rows)


def _after_location(error: str) -> str:
    """A RenderError's text without its leading `file:line: `, which the Problem carries itself."""
    head, sep, rest = error.partition(": ")
    return rest if sep and ":" in head else error
