"""Variety: how much generated articles read like copies of each other.

Each article is reduced to the set of *skeletons* of its prose sentences: the text,
lowercased, with both jobs' names in every form (and "they", "them", "their")
masked as one mark, every number (as fact verification reads them) as another,
and the text of data values (industries, states, skills) as a third; a list of data
values ("UPC, data entry, and billing") becomes one mark. Two articles whose
sentences differ only in names and figures thus have equal skeletons.

Prose means the sentences of paragraphs and the leads of lists: the wording that
phrasebank variants vary. Left out are text taken verbatim from the data
(descriptions, duties, resume examples), and the title, headings, table labels and
list items, which keep one wording on purpose.

The score of two articles is the share of the shorter one's skeletons that the
other also has: |S_a ∩ S_b| / min(|S_a|, |S_b|) (the overlap coefficient). It is 1
when every sentence of one article has a twin in the other, so a short article
cannot look varied by hiding inside a long one, which Jaccard's |∩| / |∪| would
allow. A report gives the mean over all pairs of articles, the worst pair, and the
skeletons found in the most articles. TARGETS are what each kind of article should reach:
overview pages say less and share their frame, so only their mean has a target.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..corpus.documents import render_documents
from ..corpus.pairs import Pair
from ..facts.load import Catalog
from ..pipeline import Generator
from ..plan.reads import referent
from ..realize.document import Document, Sentence
from ..wording.templating import forms_of
from .reading import NUMBER_TOKENS, fact_texts

JOB, NUMBER, VALUE = "\u2039job\u203a", "\u2039n\u203a", "\u2039v\u203a"
_PRONOUNS = re.compile(r"\b(?:they|them|their)\b")
_VALUE_LIST = re.compile(rf"{VALUE}(?:(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+){VALUE})+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class VarietyTarget:
    mean: float  # the mean over pairs of articles at most this
    worst: float | None = None  # and the worst pair at most this, where there is a target


TARGETS = {"comparison": VarietyTarget(mean=0.20, worst=0.40), "overview": VarietyTarget(mean=0.30)}


@dataclass(frozen=True)
class ArticleSkeletons:
    pair: Pair
    skeletons: frozenset[str]
    sources: dict[str, str]  # skeleton -> "message/variant" that produced it


@dataclass(frozen=True)
class VarietyReport:
    articles: int
    comparisons: int  # pairs of articles compared
    mean: float
    worst: tuple[Pair, Pair, float] | None
    common: tuple[tuple[str, str, int], ...]  # (skeleton, message/variant, articles having it), most first

    def summary(self) -> str:
        text = (
            f"variety: {self.articles:,} articles, {self.comparisons:,} pairs of articles: "
            f"mean shared sentences {self.mean:.3f}"
        )
        if self.worst is not None:
            (a, b), (c, d), score = self.worst
            text += f"; worst {score:.3f} ({a} vs {b} and {c} vs {d})"
        return text

    def check_targets(self, kind: str) -> tuple[tuple[str, bool], ...]:
        """(what the target says and the figure, whether it is met) for each target of the kind."""
        target = TARGETS[kind]
        checked = [(f"mean {self.mean:.3f} ≤ {target.mean:.2f}", self.mean <= target.mean)]
        if target.worst is not None:
            worst = self.worst[2] if self.worst else 0.0
            checked.append((f"worst {worst:.3f} ≤ {target.worst:.2f}", worst <= target.worst))
        return tuple(checked)


def prose_sentences(document: Document) -> Iterator[Sentence]:
    """The sentences that phrasebank variants word: paragraphs and list leads, no data text."""
    yield from (s for s in document.prose(items=False) if s.message is not None)


def name_forms(catalog: Catalog, slugs: Iterable[str]) -> list[str]:
    names = []
    for slug in slugs:
        forms = forms_of(referent(catalog.occupations[slug]))
        names += [
            forms.title,
            forms.singular,
            forms.plural,
            forms.indefinite,
            forms.singular_possessive,
            forms.plural_possessive,
            f"{forms.article} {forms.singular_possessive}",
        ]
    return names


def skeleton(text: str, names: Sequence[str], values: Iterable[str] = ()) -> str:
    """The sentence with names, data values and numbers masked, lowercased."""
    text = text.lower()
    for name in sorted({n.lower() for n in names if n.strip()}, key=len, reverse=True):
        text = _whole(name).sub(JOB, text)
    for value in sorted({" ".join(v.lower().split()) for v in values if v.strip()}, key=len, reverse=True):
        text = _whole(value).sub(VALUE, text)
    text = _VALUE_LIST.sub(VALUE, text)
    text = _PRONOUNS.sub(JOB, text)
    text = NUMBER_TOKENS.sub(NUMBER, text)
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=8192)
def _whole(phrase: str) -> re.Pattern[str]:
    """The phrase, not inside a longer word: a job named 'x' leaves 'Excel' alone."""
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")


def article_skeletons(document: Document, names: Sequence[str]) -> ArticleSkeletons:
    sources: dict[str, str] = {}
    for sentence in prose_sentences(document):
        values = [t for value in sentence.facts.values() for t in fact_texts(value)]
        sources.setdefault(skeleton(sentence.text, names, values), f"{sentence.message}/{sentence.variant}")
    pair = (document.subjects[0], document.subjects[1])
    return ArticleSkeletons(pair, frozenset(sources), sources)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """|a ∩ b| / min(|a|, |b|); 0 when either is empty."""
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller else 0.0


def compare_articles(articles: Sequence[ArticleSkeletons], top: int = 10) -> VarietyReport:
    """Every pair of articles scored; sets of interned ids keep ~20,000 pairs fast."""
    ids: dict[str, int] = {}
    sets = [frozenset(ids.setdefault(s, len(ids)) for s in a.skeletons) for a in articles]
    total = 0.0
    comparisons = 0
    worst: tuple[Pair, Pair, float] | None = None
    for i, j in itertools.combinations(range(len(articles)), 2):
        score = overlap(sets[i], sets[j])  # type: ignore[arg-type]
        total += score
        comparisons += 1
        if worst is None or score > worst[2]:
            worst = (articles[i].pair, articles[j].pair, score)
    counts = Counter(s for a in articles for s in a.sources)
    source = {s: src for a in articles for s, src in a.sources.items()}
    # Ties broken by the skeleton's text: a frozenset's order changes with the hash seed, and
    # the report is read as a diff between runs.
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]
    common = tuple((s, source[s], n) for s, n in ranked)
    mean = total / comparisons if comparisons else 0.0
    return VarietyReport(len(articles), comparisons, mean, worst, common)


def measure_variety(
    generator: Generator, pairs: Iterable[Pair], seed: int = 0, top: int = 10, kind: str = "comparison"
) -> VarietyReport:
    articles = [
        article_skeletons(document, name_forms(generator.catalog, document.subjects))
        for document in render_documents(generator, pairs, seed, kind)
    ]
    return compare_articles(articles, top)
