"""Comparison claims: what a realized sentence says about two jobs, checked against the raw facts.

verify.py asks whether each number is *some* figure of the sentence's facts; this module
asks whether the sentence is *true*, reading it as a reader would, independently of the
planner's arithmetic. A sentence is a comparison when its facts hold one numeric fact of
each job under the same key (`a.salary.yearly`, `b.salary.yearly`). Its claims:

- **Direction.** The job a comparative is about (the sentence's first-named job, or the
  job a "whose" clause refers to) is said to be above ("more", "higher", "ahead", "older",
  "outnumber", ...) or below ("less", "trail", "behind", "younger", ...) the other; the
  data must agree.
- **Base.** A percent gap is measured from the job it is compared against: "A earns P%
  more than B" is (A − B) / B, "B trails A by P%" and "B earns P% less" are (A − B) / A.
  A gap of 100% or more printed as a percentage is refused: it is said as "N times".
- **Ratio.** "N times" (or "twice") is the first job's value over the other's.
- **Dollar gap.** A dollar amount that is neither job's value must be their gap, computed
  from the two values as printed (each rounded as money prints), exactly.
- **Sameness.** "As do", "the same", "equal", "both", "identical", "no gap", "level" are
  claims that the paired values are equal as printed; "nearly the same" is not.

What it does not read is reported, not passed: a comparison sentence whose number it cannot
place (no comparative near a percent, a job it cannot find) counts as uninterpreted.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..english import numbers
from ..realize.document import Sentence
from .reading import MONEY, PERCENT, PrintedNumber, extract_numbers, fact_texts, mask_texts

UP, DOWN = "up", "down"
_UP_WORDS = (
    r"more|higher|above|ahead|better paid|larger|bigger|older|outnumbers?|outearns?|out-earns?"
    r"|favors?|exceeds?|faster|beats?|outpaces?"
).replace("more|", "more(?! slowly)|")  # "more slowly" is a down-word
_DOWN_WORDS = r"less|lower|below|behind|trails?|smaller|fewer|younger|lags?|slower|more slowly|steeper"
# A comparative followed by a figure ("more than $559,030", "below 10%") compares with that
# figure, not with the other job.
_COMPARATIVE = re.compile(
    rf"\b(?:(?P<up>{_UP_WORDS})|(?P<down>{_DOWN_WORDS}))\b(?!\s+(?:than\s+)?[$\d{numbers.MINUS}])",
    re.IGNORECASE,
)
_ANY_COMPARATIVE = re.compile(rf"\b(?:(?P<up>{_UP_WORDS})|(?P<down>{_DOWN_WORDS}))\b", re.IGNORECASE)
_TIMES = re.compile(r"\b(?:(?P<twice>twice)|(?P<n>\d+(?:,\d{3})*(?:\.\d+)?) times)\b", re.IGNORECASE)
_SAME = re.compile(
    r"\b(?P<hedge>nearly|almost|all but|much|close to|not quite|not)?\s*"
    r"(?P<word>as (?:do|does|are|is)|the same|equal|identical|no (?:pay )?gap|level|both|alike|match)\b",
    re.IGNORECASE,
)
_ALWAYS_EQUAL = (
    "as do",
    "as does",
    "as are",
    "as is",
)  # "34% of A have one, as do 54% of B" hides a gap, always
_WHOSE = re.compile(r"\bwhose\b", re.IGNORECASE)
_NEAR = 40  # characters between a percent and its comparative, at the most


@dataclass(frozen=True)
class FalseClaim:
    pair: tuple[str, str]
    message: str | None
    variant: str | None
    file: str | None
    line: int | None
    sentence: str
    problem: str

    def __str__(self) -> str:
        where = f"{self.message}/{self.variant}" + (f" @ {self.file}:{self.line}" if self.file else "")
        return f'{self.pair[0]} vs {self.pair[1]}: {where}: {self.problem}: "{self.sentence}"'


@dataclass(frozen=True)
class ClaimsRead:
    """What one sentence was found to claim: counts, and the claims that are false."""

    comparison: bool  # the sentence compares a fact of the two jobs
    claims: int
    interpreted: bool
    false: tuple[FalseClaim, ...]


@dataclass(frozen=True)
class _Paired:
    key: str
    a: float
    b: float
    kind: str  # MONEY for money facts, else PERCENT (shares, ages, counts: one decimal)


def paired_facts(facts: Mapping[str, Any]) -> tuple[tuple[str, str] | None, list[_Paired]]:
    """The two jobs a sentence's facts are about, and the numeric facts both have under one key."""
    slugs = tuple(dict.fromkeys(key.split(".", 1)[0] for key in facts))
    if len(slugs) != 2:
        return None, []
    a, b = slugs
    found = []
    for key, value in facts.items():
        if not key.startswith(f"{a}.") or not _numeric(value):
            continue
        rest = key[len(a) + 1 :]
        other = facts.get(f"{b}.{rest}")
        if _numeric(other):
            kind = MONEY if ("salary" in rest or "pay" in rest) and "share" not in rest else PERCENT
            found.append(_Paired(rest, float(value), float(other), kind))
    return (a, b), found


def _numeric(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _printed(value: float, kind: str) -> float:
    return numbers.round_money(value) if kind == MONEY else numbers.round_percent(value)


def read_claims(
    sentence: Sentence,
    names_of: Callable[[str], Iterable[str]],
    pair: tuple[str, str],
    floor_of: Callable[[str], int | None] | None = None,
) -> ClaimsRead:
    """Check what `sentence` claims about the two jobs its facts are about.

    `names_of(slug)` gives every form of a job's name; `pair` is the article's, for reports.
    `floor_of(slug)` gives the job's ranking floor from the data (top_pay.min_jobs), so that a
    superlative is checked even when the planner left the floor out of the sentence's facts.
    """
    ranked = _ranked_superlative(sentence, pair, floor_of)
    if ranked is not None:
        return ranked
    benchmark = _against_benchmark(sentence, pair, names_of)
    if benchmark is not None:
        return benchmark
    subjects, pairs = paired_facts(sentence.facts)
    if subjects is None or not pairs:
        return ClaimsRead(False, 0, True, ())
    names = {slug: list(names_of(slug)) for slug in subjects}
    return _Reader(sentence, subjects, names, pair, pairs).read()


class _Reader:
    def __init__(
        self,
        sentence: Sentence,
        subjects: tuple[str, ...],
        names: Mapping[str, Iterable[str]],
        pair: tuple[str, str],
        pairs: list[_Paired],
    ) -> None:
        self.sentence, self.subjects, self.pair, self.pairs = sentence, subjects, pair, pairs
        self.text = sentence.text
        self.masked = self._masked()
        self.mentions = _mentions(self.masked, names)
        self.problems: list[str] = []
        self.claims = 0
        self.interpreted = True

    def read(self) -> ClaimsRead:
        differ = [p for p in self.pairs if _printed(p.a, p.kind) != _printed(p.b, p.kind)]
        self._sameness(differ)
        if differ:
            self._numbers(differ)
        false = tuple(
            FalseClaim(
                self.pair,
                self.sentence.message,
                self.sentence.variant,
                self.sentence.file,
                self.sentence.line,
                self.text,
                problem,
            )
            for problem in self.problems
        )
        return ClaimsRead(True, self.claims, self.interpreted, false)

    def value(self, slug: str, paired: _Paired) -> float:
        return paired.a if slug == self.subjects[0] else paired.b

    def other(self, slug: str) -> str:
        return self.subjects[1] if slug == self.subjects[0] else self.subjects[0]

    def subject_at(self, position: int) -> str | None:
        """The job a comparative at `position` is about: a "whose" clause's antecedent, else the
        first job named in its clause, else the sentence's first-named job."""
        before = [slug for start, slug in self.mentions if start < position]
        whose = [m.start() for m in _WHOSE.finditer(self.masked, 0, position)]
        if whose and before:
            antecedent = [slug for start, slug in self.mentions if start < whose[-1]]
            if antecedent:
                return antecedent[-1]
        # The first job named in the comparative's clause; "; a nurse earns more" starts anew.
        clause = self.masked.rfind(";", 0, position)
        in_clause = [slug for start, slug in self.mentions if clause < start < position]
        if in_clause:
            return in_clause[0]
        return self.mentions[0][1] if self.mentions else None

    # --- sameness --------------------------------------------------------------------------

    def _sameness(self, differ: list[_Paired]) -> None:
        for match in _SAME.finditer(self.masked):
            if match.group("hedge"):
                continue
            word = match.group("word").lower()
            self.claims += 1
            for paired in differ:
                shown = self._shows_both(paired)
                if word in _ALWAYS_EQUAL or not shown:
                    a, b = (_fmt(_printed(v, paired.kind), paired.kind) for v in (paired.a, paired.b))
                    self.problems.append(
                        f'"{word}" claims equal {paired.key}, but the values are {a} and {b}'
                    )

    def _shows_both(self, paired: _Paired) -> bool:
        shown = {round(abs(n.value), 6) for n in self._numbers_in_text()}
        return all(round(abs(_printed(v, paired.kind)), 6) in shown for v in (paired.a, paired.b))

    # --- numbers ---------------------------------------------------------------------------

    def _masked(self) -> str:
        """The text with data strings masked, so an industry's "more" is not a comparative."""
        strings = [t for key, value in self.sentence.facts.items() for t in fact_texts(value)]
        return mask_texts(self.text, strings)

    def _numbers_in_text(self) -> list[PrintedNumber]:
        return extract_numbers(self.masked)

    def _numbers(self, differ: list[_Paired]) -> None:
        masked = self.masked
        for match in _TIMES.finditer(masked):
            self._ratio(match, differ)
        for number in extract_numbers(masked):
            if number.kind == PERCENT and "percentage point" in number.text:
                self._points(number.value, number.text, differ)
            elif number.kind == PERCENT:
                self._percent(number, masked, differ)
            elif number.kind == MONEY:
                self._money(number.value, number.text, differ)
        for match in _COMPARATIVE.finditer(masked):
            self._direction(match, differ)

    def _direction(self, match: re.Match[str], differ: list[_Paired]) -> None:
        subject = self.subject_at(match.start())
        if subject is None:
            return
        way = UP if match.group("up") else DOWN
        self.claims += 1
        if not any(self._holds(subject, way, p) for p in differ):
            paired = differ[0]
            self.problems.append(
                f'"{match.group(0)}" says {subject} is {"above" if way == UP else "below"} '
                f"{self.other(subject)} on {paired.key}, but the data says the opposite"
            )

    def _holds(self, subject: str, way: str, paired: _Paired) -> bool:
        mine = _printed(self.value(subject, paired), paired.kind)
        theirs = _printed(self.value(self.other(subject), paired), paired.kind)
        return mine > theirs if way == UP else mine < theirs

    def _percent(self, number: PrintedNumber, masked: str, differ: list[_Paired]) -> None:
        shown, value = number.text, abs(number.value)
        if not shown[:1].isdigit() and shown[:1] not in "+" + numbers.MINUS:
            return  # "half", "one in ten": a share of one job's workers, not a gap
        at = masked.find(shown)
        after = _COMPARATIVE.search(masked, at + len(shown), at + len(shown) + _NEAR)
        before = None
        for match in _COMPARATIVE.finditer(masked, 0, at):
            before = match
        comparative = after or before
        if self._is_a_value(value, differ):
            return  # a share or rate of one job (its magnitude, for "shrink 2%"), not a gap
        subject = self.subject_at(comparative.start() if comparative else at)
        if comparative is None or subject is None:
            self.interpreted = False
            return
        way = UP if comparative.group("up") else DOWN
        self.claims += 1
        # The percent may be the gap of any paired fact the direction holds for ("earn more …
        # and hold 50% more jobs"): it is false only if it is none of them; the first says why.
        wrong: str | None = None
        for paired in differ:
            mine = _printed(self.value(subject, paired), paired.kind)
            base = _printed(self.value(self.other(subject), paired), paired.kind)
            if base <= 0:
                continue
            gap = (mine - base) if way == UP else (base - mine)
            if gap <= 0:
                continue  # the direction check reports it
            right = numbers.round_percent(gap / base * 100)
            if math.isclose(right, value, abs_tol=1e-6):
                if right >= 100:
                    ratio = mine / base if way == UP else (base / mine if mine > 0 else math.inf)
                    said = numbers.format_times(ratio) if math.isfinite(ratio) else "how many times instead"
                    self.problems.append(
                        f"{shown} is a gap of 100% or more printed as a percentage; say {said}"
                    )
                return
            if wrong is None:
                wrong = (
                    f"{shown} should be {numbers.format_percent(right)}: a gap "
                    f"{'above' if way == UP else 'below'} {self.other(subject)} is measured from "
                    f"{self.other(subject)}'s {paired.key}"
                )
        if wrong is not None:
            self.problems.append(wrong)

    def _is_a_value(self, value: float, differ: list[_Paired]) -> bool:
        """A printed percent that is one job's own share or rate; its sign, if printed as a
        magnitude, must agree with the verb before it ("shrink 2%" is a negative change)."""
        for paired in differ:
            if paired.kind != PERCENT:
                continue
            for v in (paired.a, paired.b):
                if math.isclose(abs(numbers.round_percent(v)), value, abs_tol=1e-6):
                    return True
        return False

    def _points(self, value: float, shown: str, differ: list[_Paired]) -> None:
        """A gap between two shares in percentage points is their plain difference."""
        self.claims += 1
        gaps = [numbers.round_percent(abs(_printed(p.a, p.kind) - _printed(p.b, p.kind))) for p in differ]
        if not any(math.isclose(abs(value), gap, abs_tol=1e-6) for gap in gaps):
            self.problems.append(
                f"{shown} is not the gap between the two shares ({numbers.format_decimal(gaps[0])})"
            )

    def _ratio(self, match: re.Match[str], differ: list[_Paired]) -> None:
        value = 2.0 if match.group("twice") else float(match.group("n").replace(",", ""))
        subject = self.subject_at(match.start())
        if subject is None:
            self.interpreted = False
            return
        self.claims += 1
        for paired in differ:
            mine = _printed(self.value(subject, paired), paired.kind)
            theirs = _printed(self.value(self.other(subject), paired), paired.kind)
            if theirs > 0 and math.isclose(numbers.round_ratio(mine / theirs), value, abs_tol=1e-6):
                return
        paired = differ[0]
        mine, theirs = self.value(subject, paired), self.value(self.other(subject), paired)
        right = numbers.format_times(mine / theirs) if theirs > 0 else "undefined"
        self.problems.append(f'"{match.group(0)}" should be {right} ({subject} over {self.other(subject)})')

    def _money(self, value: float, shown: str, differ: list[_Paired]) -> None:
        money = [p for p in differ if p.kind == MONEY]
        if not money:
            return
        self.claims += 1
        for paired in money:
            a, b = numbers.round_money(paired.a), numbers.round_money(paired.b)
            if any(math.isclose(value, v, abs_tol=1e-6) for v in (a, b, numbers.round_money(abs(a - b)))):
                return
        if any(math.isclose(value, numbers.round_money(v), abs_tol=1e-6) for v in _other_money(self)):
            return  # another figure of the sentence (a median beside the means)
        paired = money[0]
        gap = numbers.round_money(abs(numbers.round_money(paired.a) - numbers.round_money(paired.b)))
        self.problems.append(
            f"{shown} is neither job's {paired.key} nor their gap, {numbers.format_money(gap)}"
        )


def _ranked_superlative(
    sentence: Sentence, pair: tuple[str, str], floor_of: Callable[[str], int | None] | None
) -> ClaimsRead | None:
    """Where the data ranked only places with at least N of the job's jobs, "pays best" must say so.

    Without the qualifier the sentence claims the best of every state, metro area or industry,
    which the data does not know: a smaller one may pay more.
    """
    kinds = (".top_pay.state", ".top_pay.metro", ".top_pay.industry")
    places = [k for k in sentence.facts if k.endswith(kinds)]
    if floor_of is None:
        floors = [
            (k, v) for k, v in sentence.facts.items() if k.endswith(".top_pay.min_jobs") and _numeric(v)
        ]
    else:
        slugs = dict.fromkeys(k.split(".", 1)[0] for k in places)
        floors = [(f"{slug}.top_pay.min_jobs", floor_of(slug)) for slug in slugs]
        floors = [(k, v) for k, v in floors if v is not None]
    if not floors or not places:
        return None
    strings = [t for value in sentence.facts.values() for t in fact_texts(value)]
    printed = extract_numbers(mask_texts(sentence.text, strings))
    area = {"metro": "metro areas", "state": "states", "industry": "industries"}[places[0].rsplit(".", 1)[1]]
    problems = tuple(
        FalseClaim(
            pair,
            sentence.message,
            sentence.variant,
            sentence.file,
            sentence.line,
            sentence.text,
            f"a superlative over all {area}, but the data ranks only {area} with at least "
            f"{numbers.format_count(int(floor))} of the job's jobs ({key})",
        )
        for key, floor in floors
        if not any(n.kind == "plain" and math.isclose(n.value, floor) for n in printed)
    )
    return ClaimsRead(True, len(floors), True, problems)


def _mentions(text: str, names: Mapping[str, Iterable[str]]) -> list[tuple[int, str]]:
    """Where each job is named, longest names first, so that "legal secretaries" is not also
    a mention of "secretaries"."""
    forms = sorted(((n, slug) for slug, ns in names.items() for n in set(ns) if n), key=lambda f: -len(f[0]))
    taken: list[tuple[int, int]] = []
    found = []
    for name, slug in forms:
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE):
            if not any(start < m.end() and m.start() < end for start, end in taken):
                taken.append((m.start(), m.end()))
                found.append((m.start(), slug))
    return sorted(found)


# A figure for all occupations or all workers, and the job's own figure it is compared with.
BENCHMARKS = {
    "outlook.all_occupations_change_percent": "outlook.change_percent",
    "workforce.all_median_age": "workforce.median_age",
    "workforce.all_women_share": "workforce.women_share",
}
_EQUAL_WORDS = re.compile(r"\b(?:equals?|matches|the same as|as fast as)\b", re.IGNORECASE)


def _against_benchmark(
    sentence: Sentence, pair: tuple[str, str], names_of: Callable[[str], Iterable[str]]
) -> ClaimsRead | None:
    """A job, or both ("both", "each"), said to be above, below or equal to an all-occupations
    figure: every job the sentence has the figure for must stand where the sentence says.

    Read clause by clause (clauses end at ";"): a clause that names jobs says where those jobs
    stand ("A are above the 3.1% ...; B are below it"); one that names none speaks of every job
    ("Both projections are below ...")."""
    found = []
    for key, value in sentence.facts.items():
        slug, _, rest = key.partition(".")
        own = BENCHMARKS.get(rest)
        if own is not None and _numeric(value) and _numeric(sentence.facts.get(f"{slug}.{own}")):
            found.append((slug, own, float(sentence.facts[f"{slug}.{own}"]), float(value)))
    if not found:
        return None
    masked = mask_texts(sentence.text, [t for v in sentence.facts.values() for t in fact_texts(v)])
    names = {slug: list(names_of(slug)) for slug, *_ in found}
    problems = []
    claims = 0
    for clause in masked.split(";"):
        # Here a comparative before a figure ("faster than 3.1%") compares with that figure: the benchmark.
        ways = [UP if m.group("up") else DOWN for m in _ANY_COMPARATIVE.finditer(clause)]
        if _EQUAL_WORDS.search(clause):
            ways.append("same")
        named = {slug for _, slug in _mentions(clause, names)}
        about = [f for f in found if f[0] in named] or found
        claims += len(ways) * len(about)
        for slug, own, value, benchmark in about:
            mine, theirs = numbers.round_percent(value), numbers.round_percent(benchmark)
            actual = "same" if mine == theirs else (UP if mine > theirs else DOWN)
            for way in ways:
                if way != actual:
                    problems.append(
                        FalseClaim(
                            pair, sentence.message, sentence.variant, sentence.file, sentence.line,
                            sentence.text,
                            f"says {slug} is {_WAY_WORDS[way]} the all-occupations figure on {own}, but "
                            f"{_fmt(mine, PERCENT)} is {_WAY_WORDS[actual]} {_fmt(theirs, PERCENT)}",
                        )
                    )  # fmt: skip
    return ClaimsRead(True, claims, claims > 0, tuple(problems))


_WAY_WORDS = {UP: "above", DOWN: "below", "same": "equal to"}


def _other_money(reader: _Reader) -> list[float]:
    return [float(v) for v in reader.sentence.facts.values() if _numeric(v)]


def _fmt(value: float, kind: str) -> str:
    return numbers.format_money(value) if kind == MONEY else numbers.format_decimal(value)
