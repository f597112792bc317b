"""The grammar gate: Harper, an offline English grammar checker, over whole articles.

Everything a reader reads is checked: the title, headings, prose, list leads and items, and
table cells; only text quoted verbatim from public datasets (O*NET's task lists) is not. A
table cell is a fragment ("Average salary", "$38,589"), so the rules about a sentence's shape
are not applied to cells (_SENTENCE_RULES); every other rule is.

Harper is an optional dependency (the `grammar` extra): the rest of the tool never needs it.
An article's text is linted in one call, each piece its own paragraph so no rule reads across
two of them; Harper's cost is mostly per call, so this is ~40 times faster than a call a piece.
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
from ..realize.document import Document, ListBlock, ParagraphBlock, Sentence
from ..resources import default_data_dir
from .verify import subject_names

WORDS_FILE = "grammar-words.txt"

# Harper rules turned off. A rule is off only for a false alarm on a sentence our articles print,
# which docs/quality.md ("Grammar") quotes exactly with its pair; a test keeps the two in step.
EXCLUDED_RULES: dict[str, str] = {
    "DisjointPrefixes": (
        "reads a particle or preposition before the next word as a split prefix: 'come up most often' "
        "('upmost'), 'pay favors members of the clergy over hand packers' ('overhand'), and O*NET's "
        "'post-master's certificate' ('postmaster's')"
    ),
}

# The most lints per 1,000 words checked (title, headings, prose and cells) that the gate passes.
MAX_LINTS_PER_1000 = 1.0

# Harper ends a sentence at these abbreviations ("JPMorgan Chase & Co. leads ..."), then
# wants the next word capitalized. Only that one lint is dropped after them.
_ABBREVIATION = re.compile(r"\b(?:Co|Corp|Inc|Ltd|St|U\.S)\.\s*$")
_CAPITALIZATION = "SentenceCapitalization"
_LONG = "LongSentences"

# Rules about the shape of a sentence, which a table cell is not: its first word is cased as its
# label or data value is, and a cell has no sentence to be too long. Cells get every other rule.
_SENTENCE_RULES = frozenset({_CAPITALIZATION, _LONG})

# Rules that misread how BLS and O*NET spell a name: an open compound ("middle school teachers",
# "outpatient health care"), a title or industry of its own with "and" read as a list missing its
# comma ("cargo and freight agents", "courier and delivery", O*NET's skill "operation and
# control"), a gerund opening a title read as a mass noun ("a cleaning, washing, and metal
# pickling equipment operator"), "new accounts clerks" read as "knew", "layout workers" as the
# verb "lay out". A lint of one of them is dropped only when it lies wholly inside a job's name
# as the article prints it or inside a fact value the sentence prints; outside them it stands.
_NAME_RULES = frozenset(
    {"CompoundNouns", "MassNouns", "OxfordComma", "PhrasalVerbAsCompoundNoun", "PronounKnew"}
)

# Rules that misread the words before a job's name for what the name's first word could be:
# PayForPrice reads it as a price paid ("Pay for bill and account collectors is highest in
# Massachusetts" -> "pay bill"; "pay" is a noun there, the job's pay), MissingPreposition an
# adjective opening a title as wanting one ("What do financial managers do?"). A lint of one of
# them is dropped only when a job's name starts right after its flagged words.
_NAME_AFTER_RULES = frozenset({"MissingPreposition", "PayForPrice"})

_QUOTATION = re.compile(r"\u201c[^\u201d]*\u201d")
_MAX_REMEMBERED = 200_000  # sentences whose lints are kept, so a bulk run's memory stays bounded


@dataclass(frozen=True)
class Piece:
    """A piece of an article's text to check, and which part of the article it is."""

    sentence: Sentence
    part: str = "prose"  # "title", "heading", "prose" or "cell" (a fragment)


@dataclass(frozen=True)
class GrammarLint:
    """One problem Harper found in one piece of text of one article."""

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
    part: str = "prose"

    def where(self) -> str:
        if self.message is None:
            return "data text"
        return f"{self.file}:{self.line} {self.message}/{self.variant}"

    def one_line(self) -> str:
        fix = f" (suggests {', '.join(repr(s) for s in self.suggestions[:3])})" if self.suggestions else ""
        part = "" if self.part == "prose" else f" ({self.part})"
        return (
            f"{self.where()}{part}: {self.rule}: {self.problem!r}: {self.explanation}{fix} "
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
            "part": self.part,
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


def checked_pieces(document: Document) -> list[Piece]:
    """What the gate checks, in reading order: the title, headings, prose and table cells; all of it
    but verbatim text from public datasets and empty cells."""
    pieces = [Piece(document.title, "title")]
    for section in document.sections:
        if section.heading:
            pieces.append(Piece(section.heading, "heading"))
        for block in section.blocks:
            if isinstance(block, ParagraphBlock):
                pieces += [Piece(s) for s in block.sentences]
            elif isinstance(block, ListBlock):
                pieces += [Piece(s) for s in ([block.lead] if block.lead else []) + list(block.items)]
            else:
                pieces += [Piece(s, "cell") for row in (block.header, *block.rows) for s in row]
    return [p for p in pieces if p.sentence.text.strip() and not _from_public_dataset(p.sentence)]


def word_count(text: str) -> int:
    """Words as a reader counts them: runs of characters between spaces ("$38,589" is one)."""
    return len(text.split())


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
        named = set(EXCLUDED_RULES) | _NAME_RULES | _NAME_AFTER_RULES | _SENTENCE_RULES
        unknown = sorted(named - set(config))
        if unknown:  # a renamed rule would otherwise silently come back on, or its exemption lapse
            raise ArticlegenError(f"Harper has no rule named {', '.join(unknown)}; update gates/check.py")
        config.update(dict.fromkeys(EXCLUDED_RULES, False))
        self._linter.set_lint_config(config)
        words = list(words)
        if words:
            self._linter.import_words(words)
        # text -> (rule, lint, where in the text it starts, where it ends) found in it
        self._seen: dict[str, list[tuple[str, Any, int, int]]] = {}

    def rules(self) -> dict[str, bool]:
        """Each Harper rule and whether it is on, as this checker runs them."""
        return dict(self._linter.get_lint_config())

    def check_sentences(
        self, sentences: list[Sentence], pair: tuple[str, str], names: Iterable[str] = ()
    ) -> list[GrammarLint]:
        """Lints of these sentences, each checked as prose."""
        return self.check_pieces([Piece(s) for s in sentences], pair, names)

    def check_pieces(
        self, pieces: list[Piece], pair: tuple[str, str], names: Iterable[str] = ()
    ) -> list[GrammarLint]:
        """Lints of these pieces, each linted as its own paragraph; `names` are the jobs' names as
        the article prints them, inside which (or inside a printed fact value) a lint of a
        _NAME_RULES rule is the data's spelling, not ours."""
        if len(self._seen) > _MAX_REMEMBERED:
            self._seen.clear()
        self._lint_new({p.sentence.text for p in pieces} - self._seen.keys())
        names = [n for n in names if n]
        found = []
        for piece in pieces:
            sentence = piece.sentence
            for rule, lint, start, end in self._seen[sentence.text]:
                if piece.part == "cell" and rule in _SENTENCE_RULES:
                    continue
                if rule in _NAME_RULES and _inside_any(
                    sentence.text, start, end, [*names, *_printed(sentence)]
                ):
                    continue
                if rule in _NAME_AFTER_RULES and _name_follows(sentence.text, end, names):
                    continue
                found.append(_grammar_lint(pair, piece, rule, lint))
        return found

    def _lint_new(self, texts: set[str]) -> None:
        """Lint texts not seen before in one call; many sentences recur across articles (sources)."""
        ordered = sorted(texts)
        for text in ordered:
            self._seen[text] = []
        for index, rule, lint, start in self._lint_all(ordered):
            text = ordered[index]
            if rule == _CAPITALIZATION and _ABBREVIATION.search(text[:start]):
                continue
            if _quoted(text, start) or text[:start].endswith("O*"):  # a dataset's own words; "O*NET"
                continue
            self._seen[text].append((rule, lint, start, start + lint.span.end - lint.span.start))
        self._drop_long_quotations(ordered)

    def _lint_all(self, texts: list[str]) -> Iterable[tuple[int, str, Any, int]]:
        """(which text, rule, lint, where in that text it starts), the texts linted as paragraphs of
        one call."""
        if not texts:
            return
        starts, offset = [], 0
        for text in texts:
            starts.append(offset)
            offset += len(text) + 2
        for rule, lints in self._linter.organized_lints("\n\n".join(texts), language="plaintext").items():
            for lint in lints:
                index = bisect.bisect_right(starts, lint.span.start) - 1
                yield index, rule, lint, lint.span.start - starts[index]

    def _drop_long_quotations(self, texts: list[str]) -> None:
        """A sentence long only for the dataset text it quotes (O*NET's one-sentence description of a
        job) is as long as the dataset wrote it: the sentence is linted again with each quotation
        one word, and LongSentences stands only if that is still too long."""
        long = [t for t in texts if _QUOTATION.search(t) and any(r == _LONG for r, *_ in self._seen[t])]
        shortened = [_QUOTATION.sub("\u201cit\u201d", t) for t in long]
        still = {long[index] for index, rule, _, _ in self._lint_all(shortened) if rule == _LONG}
        for text in long:
            if text not in still:
                self._seen[text] = [found for found in self._seen[text] if found[0] != _LONG]

    def check_document(self, document: Document, names: Iterable[str] = ()) -> list[GrammarLint]:
        subjects = document.subjects
        pair = (subjects[0], subjects[1] if len(subjects) > 1 else "")
        return self.check_pieces(checked_pieces(document), pair, names)


def _inside_any(text: str, start: int, end: int, spans: list[str]) -> bool:
    """Whether text[start:end] lies wholly inside one occurrence of one of `spans` (any case) that
    is not part of a longer word."""
    lowered = text.lower()
    for span in spans:
        span = span.lower()
        at = lowered.find(span)
        while at >= 0:
            after = at + len(span)
            whole = (at == 0 or not lowered[at - 1].isalnum()) and (
                after == len(lowered) or not lowered[after].isalnum()
            )
            if whole and at <= start and end <= after:
                return True
            at = lowered.find(span, at + 1)
    return False


def _name_follows(text: str, end: int, names: list[str]) -> bool:
    """Whether one of `names` (any case) starts right after text[:end], as a whole word."""
    rest = text[end:].lstrip().lower()
    for name in names:
        name = name.lower()
        if rest.startswith(name) and not rest[len(name) : len(name) + 1].isalnum():
            return True
    return False


def _printed(sentence: Sentence) -> list[str]:
    """The text values among a sentence's facts (an industry, a state, a metro area, a company, a
    list of skills), each as the data spells it."""
    values: list[str] = []
    for value in sentence.facts.values():
        if isinstance(value, str):
            values.append(value)
        elif isinstance(value, tuple | list):
            values += [v for v in value if isinstance(v, str)]
    return [v for v in values if v.strip()]


def _quoted(text: str, at: int) -> bool:
    """Inside a quotation (“...”): words quoted from the data, as given, not ours to correct."""
    opened = text.rfind("\u201c", 0, at)
    return opened >= 0 and text.find("\u201d", opened) >= at


# Verbatim text from public datasets (O*NET's task statements, licence notices) is quoted as
# given: the gate checks our wording and the editors' records, not a federal database.
_DATASET_TEXT = re.compile(r"\.(?:work\.tasks|attributions)\.\d+$")


def _from_public_dataset(sentence: Sentence) -> bool:
    return sentence.message is None and any(_DATASET_TEXT.search(key) for key in sentence.facts)


def _grammar_lint(pair: tuple[str, str], piece: Piece, rule: str, lint: Any) -> GrammarLint:
    sentence = piece.sentence
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
        part=piece.part,
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
    pieces: int  # titles, headings, prose sentences and cells checked
    sentences: int  # of them, prose sentences
    words: int  # in all the pieces checked

    @property
    def per_thousand(self) -> float:
        """Lints per 1,000 words checked: the gate's measure, fair to a long article and a short one."""
        return 1000 * len(self.lints) / self.words if self.words else 0.0

    @property
    def passed(self) -> bool:
        return self.per_thousand <= MAX_LINTS_PER_1000

    def summary(self, pairs: str) -> str:
        found = f"{len(self.lints)} lint{'s' * (len(self.lints) != 1)}" if self.lints else "no lints"
        verdict = "within" if self.passed else "OVER"
        return (
            f"check: {pairs}, {self.words:,} words in {self.pieces:,} pieces ({self.sentences:,} prose "
            f"sentences): {found}, {self.per_thousand:.2f} per 1,000 words, {verdict} the limit of "
            f"{MAX_LINTS_PER_1000:g}"
        )


def check_pairs(
    generator: Generator,
    checker: GrammarChecker,
    pairs: Iterable[tuple[str, str]],
    seed: int = 0,
    kind: str = "comparison",
) -> CheckReport:
    """Generate each pair's article (or each first occupation's overview page) and lint all its text."""
    lints: list[GrammarLint] = []
    articles = pieces = sentences = words = 0
    pairs = list(pairs)
    for document in render_documents(generator, pairs, seed, kind):
        checked = checked_pieces(document)
        subjects = document.subjects
        pair = (subjects[0], subjects[1] if len(subjects) > 1 else "")
        lints.extend(checker.check_pieces(checked, pair, subject_names(generator.catalog, subjects)))
        articles += 1
        pieces += len(checked)
        sentences += sum(p.part == "prose" for p in checked)
        words += sum(word_count(p.sentence.text) for p in checked)
    return CheckReport(tuple(lints), articles, pieces, sentences, words)
