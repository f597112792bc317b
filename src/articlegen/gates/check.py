"""The grammar gate: Harper, an offline English grammar checker, over the prose of articles.

Only prose is checked: paragraph sentences, list leads and list items. Headings and
table cells are fragments by design ("Average salary", "$38,589"), which a sentence
checker would flag for what they are meant to be.

Harper is an optional dependency (the `grammar` extra): the rest of the tool never needs it.
An article's prose is linted in one call, each sentence its own paragraph so no rule reads
across two of them; Harper's cost is mostly per call, so this is ~40 times faster than a
call a sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..corpus.documents import render_documents
from ..errors import ArticlegenError
from ..pipeline import Generator
from ..realize.document import Document, Sentence
from ..resources import default_data_dir
from .verify import subject_names

WORDS_FILE = "grammar-words.txt"

# Harper rules turned off, each for false alarms on text that is right; docs/quality.md
# ("Grammar") says why at more length. Keep this in step with it.
EXCLUDED_RULES: dict[str, str] = {
    "OxfordComma": (
        "reads a coordinated title after a comma as the end of a list ('two career paths, a cargo and "
        "freight agent and a gambling dealer') and a metro name's comma as a list ('Seattle-Tacoma-"
        "Bellevue, WA'); the lists we build always have the Oxford comma (join_and)"
    ),
    "CompoundNouns": (
        "asks to close open compounds that BLS titles and industry names spell open: "
        "'middle school teachers', 'health care'"
    ),
    "MassNouns": (
        "reads the gerund that opens a BLS title as a mass noun: 'a cleaning, washing, and metal "
        "pickling equipment operator'"
    ),
    "HowTo": (
        "wants 'how to' when the word after 'how' could be a verb, but there a job title is the "
        "subject: 'how cargo and freight agents and gambling dealers compare'"
    ),
    "DisjointPrefixes": "reads the adverb in 'come up most often' as a split prefix ('upmost')",
    "PayForPrice": (
        "reads the first word of a title as a price: 'median pay for bill and account collectors'; "
        "our 'pay for' is always a job's pay"
    ),
    "LongSentences": (
        "a style hint, not an error; it fires where two long BLS titles (up to 14 words each) share "
        "one sentence"
    ),
}

# Harper ends a sentence at these abbreviations ("JPMorgan Chase & Co. leads ..."), then
# wants the next word capitalized. Only that one lint is dropped after them.
_ABBREVIATION = re.compile(r"\b(?:Co|Corp|Inc|Ltd|St|U\.S)\.\s*$")
_CAPITALIZATION = "SentenceCapitalization"

_MAX_REMEMBERED = 200_000  # sentences whose lints are kept, so a bulk run's memory stays bounded


@dataclass(frozen=True)
class GrammarLint:
    """One problem Harper found in one sentence of one article."""

    pair: tuple[str, str]
    sentence: str
    message: str | None  # the phrasebank message, None for text printed from the data
    variant: str | None
    file: str | None
    line: int | None
    rule: str
    kind: str
    problem: str  # the flagged text
    explanation: str
    suggestions: tuple[str, ...]

    def where(self) -> str:
        if self.message is None:
            return "data text"
        return f"{self.file}:{self.line} {self.message}/{self.variant}"

    def one_line(self) -> str:
        fix = f" (suggests {', '.join(repr(s) for s in self.suggestions[:3])})" if self.suggestions else ""
        return (
            f"{self.where()}: {self.rule}: {self.problem!r}: {self.explanation}{fix} "
            f"[{self.pair[0]} vs {self.pair[1]}] in: {self.sentence}"
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "a": self.pair[0],
            "b": self.pair[1],
            "message": self.message,
            "variant": self.variant,
            "file": self.file,
            "line": self.line,
            "rule": self.rule,
            "kind": self.kind,
            "problem": self.problem,
            "explanation": self.explanation,
            "suggestions": list(self.suggestions),
            "sentence": self.sentence,
        }


def prose_sentences(document: Document) -> list[Sentence]:
    """Paragraph sentences, list leads and list items, in reading order; never headings or cells."""
    return [s for s in document.prose() if s.text.strip()]


def checked_prose(document: Document) -> list[Sentence]:
    """The prose the gate checks: all of it but verbatim text from public datasets."""
    return [s for s in prose_sentences(document) if not _from_public_dataset(s)]


def read_words(path: Path) -> list[str]:
    """The words of a word list: one a line, '#' comments and blank lines skipped."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise ArticlegenError(f"{path}: cannot read the grammar word list: {err.strerror}") from None
    words = []
    for number, raw in enumerate(text.splitlines(), 1):
        word = raw.split("#", 1)[0].strip()
        if not word:
            continue
        if any(ch.isspace() for ch in word):
            raise ArticlegenError(f"{path}:{number}: one word a line, found {word!r}")
        words.append(word)
    return words


def word_lists(data_dir: Path | None) -> list[Path]:
    """The bundled list, and the data directory's own list when it has one."""
    lists = [default_data_dir() / WORDS_FILE]
    if data_dir is not None and (data_dir / WORDS_FILE).is_file():
        lists.append(data_dir / WORDS_FILE)
    return [p for p in dict.fromkeys(p.resolve() for p in lists) if p.is_file()]


class GrammarChecker:
    """A configured Harper linter; building one takes about a second, so reuse it."""

    def __init__(self, words: Iterable[str] = ()) -> None:
        harper = import_harper()
        self._linter = harper.Linter(harper.Dialect.AMERICAN)
        config = dict(self._linter.get_default_lint_config())
        unknown = sorted(set(EXCLUDED_RULES) - set(config))
        if unknown:  # a renamed rule would otherwise silently come back on
            raise ArticlegenError(f"Harper has no rule named {', '.join(unknown)}; update EXCLUDED_RULES")
        config.update(dict.fromkeys(EXCLUDED_RULES, False))
        self._linter.set_lint_config(config)
        words = list(words)
        if words:
            self._linter.import_words(words)
        # sentence text -> (rule, lint, where in the text it starts) found in it
        self._seen: dict[str, list[tuple[str, Any, int]]] = {}

    def check_sentences(
        self, sentences: list[Sentence], pair: tuple[str, str], names: Iterable[str] = ()
    ) -> list[GrammarLint]:
        """Lints of these sentences, each linted as its own paragraph; `names` are the jobs' names
        as the article prints them, in which a lint of a _NAME_RULES rule is BLS's spelling."""
        if len(self._seen) > _MAX_REMEMBERED:
            self._seen.clear()
        self._lint_new({s.text for s in sentences} - self._seen.keys())
        names = [n for n in names if n]
        return [
            _grammar_lint(pair, sentence, rule, lint)
            for sentence in sentences
            for rule, lint, at in self._seen[sentence.text]
            if not (rule in _NAME_RULES and _in_name(sentence.text, at, names))
        ]

    def _lint_new(self, texts: set[str]) -> None:
        """Lint texts not seen before in one call; many sentences recur across articles (sources)."""
        ordered = sorted(texts)
        for text in ordered:
            self._seen[text] = []
        if not ordered:
            return
        starts, offset = [], 0
        for text in ordered:
            starts.append(offset)
            offset += len(text) + 2
        joined = "\n\n".join(ordered)
        for rule, lints in self._linter.organized_lints(joined, language="plaintext").items():
            for lint in lints:
                index = bisect.bisect_right(starts, lint.span.start) - 1
                text = ordered[index]
                at = lint.span.start - starts[index]
                if rule == _CAPITALIZATION and _ABBREVIATION.search(text[:at]):
                    continue
                if _quoted(text, at) or text[:at].endswith("O*"):  # a dataset's own words; "O*NET"
                    continue
                self._seen[text].append((rule, lint, at))

    def check_document(self, document: Document) -> list[GrammarLint]:
        return self.check_sentences(checked_prose(document), (document.subjects[0], document.subjects[1]))


# Rules that misread an open compound of a job's name: "100 layout workers" (of "metal and plastic
# layout workers") is read as the verb "lay out". Outside a job's name they still apply.
_NAME_RULES = frozenset({"PhrasalVerbAsCompoundNoun"})


def _in_name(text: str, at: int, names: list[str]) -> bool:
    lowered = text.lower()
    for name in names:
        start = lowered.find(name.lower())
        while start >= 0:
            if start <= at < start + len(name):
                return True
            start = lowered.find(name.lower(), start + 1)
    return False


def _quoted(text: str, at: int) -> bool:
    """Inside a quotation (“...”): words quoted from the data, as given, not ours to correct."""
    opened = text.rfind("\u201c", 0, at)
    return opened >= 0 and text.find("\u201d", opened) >= at


# Verbatim text from public datasets (O*NET's task statements, licence notices) is quoted as
# given: the gate checks our wording and the editors' records, not a federal database.
_DATASET_TEXT = re.compile(r"\.(?:work\.tasks|attributions)\.\d+$")


def _from_public_dataset(sentence: Sentence) -> bool:
    return sentence.message is None and any(_DATASET_TEXT.search(key) for key in sentence.facts)


def _grammar_lint(pair: tuple[str, str], sentence: Sentence, rule: str, lint: Any) -> GrammarLint:
    return GrammarLint(
        pair=pair,
        sentence=sentence.text,
        message=sentence.message,
        variant=sentence.variant,
        file=sentence.file,
        line=sentence.line,
        rule=rule,
        kind=lint.lint_kind,
        problem=lint.problem_text,
        explanation=lint.message,
        suggestions=tuple(s.replacement_text for s in lint.suggestions),
    )


def import_harper() -> Any:
    try:
        import harper
    except ImportError:
        raise ArticlegenError(
            "the grammar check needs Harper: pip install 'articlegen[grammar]' (the harper-py package)"
        ) from None
    return harper


def open_checker(data_dir: Path | None = None) -> GrammarChecker:
    words = [w for path in word_lists(data_dir) for w in read_words(path)]
    return GrammarChecker(words)


@dataclass(frozen=True)
class CheckReport:
    lints: tuple[GrammarLint, ...]
    articles: int
    sentences: int

    def summary(self, pairs: str) -> str:
        found = f"{len(self.lints)} lint{'s' * (len(self.lints) != 1)}" if self.lints else "no lints"
        return f"check: {pairs}, {self.sentences:,} prose sentences: {found}"


def check_pairs(
    generator: Generator,
    checker: GrammarChecker,
    pairs: Iterable[tuple[str, str]],
    seed: int = 0,
    kind: str = "comparison",
) -> CheckReport:
    """Generate each pair's article (or each first occupation's overview page) and lint its prose."""
    lints: list[GrammarLint] = []
    articles = sentences = 0
    pairs = list(pairs)
    for document in render_documents(generator, pairs, seed, kind):
        subjects = document.subjects
        prose = checked_prose(document)
        names = subject_names(generator.catalog, subjects)
        pair = (subjects[0], subjects[1] if len(subjects) > 1 else "")
        lints.extend(checker.check_sentences(prose, pair, names))
        articles += 1
        sentences += len(prose)
    return CheckReport(tuple(lints), articles, sentences)
