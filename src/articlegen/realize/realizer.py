"""Surface realization: chosen variants rendered into finished sentences.

Walks the plan in reading order, picks each sentence's variant (wording/choose.py),
renders it in the sandbox and tidies its orthography. Prose sentences in one
article never share a variant of the same message while another is left;
headings, table labels and list items keep one wording, as a reader expects.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from jinja2.exceptions import SecurityError, TemplateError, UndefinedError

from ..errors import RenderError
from ..plan.quantities import Breakdown, Labelled
from ..plan.spec import (
    ArticlePlan,
    BulletList,
    Cell,
    Paragraph,
    Referent,
    SectionPlan,
    SentenceSpec,
    Table,
    Verbatim,
)
from ..wording.choose import ScoreCache, is_eligible, no_variant_applies, score_key
from ..wording.phrasebank import Message, Phrasebank, Variant
from ..wording.reference import (
    FULL_MENTIONS,
    shortened_in_section,
    shortened_referents,
    sibling_pairs,
    unshortened,
)
from ..wording.templating import PREVIOUS_SUBJECT, MissingValueError, format_value, forms_of
from .document import Document, ListBlock, ParagraphBlock, Section, Sentence, TableBlock
from .echoes import drop_stated_rows
from .orthography import tidy_fragment, tidy_sentence, tidy_verbatim
from .plain_templates import compile_plain


@dataclass(frozen=True)
class Choice:
    """One variant choice as it was made, for tools that explain choices (lint, variants, coverage)."""

    spec: SentenceSpec
    ranked: tuple[Variant, ...]  # eligible variants, best first
    chosen: Variant
    used: frozenset[str]  # variant ids this article had already used for the message
    distinct: bool  # prose, where a message avoids repeating a variant; not headings, labels, list items
    fragment: bool  # a heading or label, tidied as a fragment rather than a sentence
    text: str


Observer = Callable[[Choice], None]


class _Realizer:
    def __init__(self, plan: ArticlePlan, bank: Phrasebank, seed: int, observe: Observer | None) -> None:
        self.plan, self.bank, self.seed, self.observe = plan, bank, seed, observe
        self.used: dict[str, set[str]] = {}
        self.previous_subject: Any = None  # the job the last sentence of this paragraph was about
        self.cache = cache_for(bank)
        self.known = self.cache.messages
        self.scores = ScoreCache(seed, plan.pair_key)
        # Referring expressions (wording/reference.py): full titles said so far, in the article
        # and in the current section, for the jobs whose titles have a short form.
        self.shorts = self.page_shorts = shortened_referents(plan.referents)
        self.unshortened = unshortened(plan.referents) if plan.referents else ()
        self.siblings = sibling_pairs(plan.referents) if self.unshortened else ()
        self.full_mentions: dict[str, int] = {}
        self.named_in_section: set[str] = set()
        self.last_opening: str | None = None  # the first two words of the last prose sentence

    def sentence(self, spec: SentenceSpec, *, distinct: bool, fragment: bool = False) -> Sentence:
        message_id, slots, observe, cache = spec.message, spec.slots, self.observe, self.cache
        known = self.known.get(message_id) or cache.know(self.bank.message(message_id))
        previous = self.previous_subject
        shortable: list[Referent] = []
        if self.shorts and not fragment:
            slots, previous, shortable = self._refer(slots, previous)
        if known.may_be_constant and observe is None and not spec.facts and "role" not in slots:
            # a label or heading that reads no slot: "Median salary"
            constant = known.constants.get(fragment)
            if constant is None:
                constant = known.constants[fragment] = cache.constant(known.message, fragment)
            self.previous_subject = None
            return constant
        reusable = (
            known.single and observe is None and not spec.facts and slots is spec.slots and not shortable
        )
        if reusable:  # e.g. a table's column header, which the planner makes once per occupation
            entry = cache.by_spec.get((id(spec), fragment))
            if entry is not None and entry[0] is spec:
                self.previous_subject = entry[2]
                return entry[1]
        choices = cache.choices(known, slots)
        variants = choices.variants
        if distinct:
            used = self.used.get(message_id)
            if used is None:
                used = self.used[message_id] = set()
        else:
            used = _NONE_USED
        if len(variants) == 1:
            variant = variants[0]
        elif not variants:
            raise no_variant_applies(known.message)
        else:
            variant = variants[_best(self.scores.scores(choices.keys), choices.ids, used)]
        if observe is not None:
            seen = frozenset(used)
        text, subject = cache.render(variant, message_id, slots, fragment, previous)
        if self.siblings and not fragment:
            text = self._elide_siblings(text)
        if distinct:
            if len(variants) > 1 and self.last_opening is not None and opening_of(text) == self.last_opening:
                variant, text, subject = self._reopen(
                    message_id, choices, used, variant, text, subject, slots, previous
                )
            used.add(variant.id)
            self.last_opening = opening_of(text)
        if shortable:
            subject = self._named(text, shortable, subject)
        self.previous_subject = subject
        if observe is not None:
            ranked = self.scores.rank(message_id, variants)
            observe(Choice(spec, tuple(ranked), variant, seen, distinct, fragment, text))
        sentence = Sentence(text, message_id, variant.id, variant.file, variant.line, spec.facts, choices.ids)
        if reusable:
            cache.keep_for_spec(spec, fragment, sentence, self.previous_subject)
        return sentence

    def _reopen(
        self,
        message_id: str,
        choices: Choices,
        used: set[str] | frozenset[str],
        chosen: Variant,
        text: str,
        subject: Any,
        slots: Mapping[str, Any],
        previous: Any,
    ) -> tuple[Variant, str, Any]:
        """The best other variant, unused ones first, whose sentence does not open with the same two
        words as the sentence before ("BLS lists … BLS lists …"); the chosen one where none does."""
        scores = self.scores.scores(choices.keys)
        order = sorted(
            range(len(scores)), key=lambda i: (choices.ids[i] not in used, scores[i]), reverse=True
        )
        for index in order:
            other = choices.variants[index]
            if other is chosen:
                continue
            other_text, other_subject = self.cache.render(other, message_id, slots, False, previous)
            if opening_of(other_text) != self.last_opening:
                return other, other_text, other_subject
        return chosen, text, subject

    def _refer(
        self, slots: Mapping[str, Any], previous: Any
    ) -> tuple[Mapping[str, Any], Any, list[Referent]]:
        """The slots with each long-titled job already named in full in this section, or three
        times in the article, replaced by its short name; the jobs still named in full, to count."""
        shorts, counts, named = self.shorts, self.full_mentions, self.named_in_section
        changed: dict[str, Any] | None = None
        full: list[Referent] = []
        for name, value in slots.items():
            if type(value) is not Referent:
                continue
            short = shorts.get(value.slug)
            if short is None:
                continue
            if value.slug in named or counts.get(value.slug, 0) >= FULL_MENTIONS:
                if changed is None:
                    changed = dict(slots)
                changed[name] = short
                if type(previous) is Referent and previous.slug == value.slug:
                    previous = short  # so that "they" still sees the same job
            elif value not in full:
                full.append(value)
        return (slots if changed is None else changed), previous, full

    def _elide_siblings(self, text: str) -> str:
        """The later of two level siblings a sentence names in full, as "those in middle schools":
        "... earn $1,090 less than those in secondary schools". Not a possessive ("teachers' pay")."""
        lowered = text.lower()
        for first, second, anaphor in self.siblings:
            before = lowered.find(forms_of(first).plural.lower())
            if before < 0:
                continue
            name = forms_of(second).plural.lower()
            at = lowered.find(name, before + 1)
            end = at + len(name)
            if at > before and text[end : end + 1] not in ("'", "’") and not text[end : end + 1].isalnum():
                text = text[:at] + anaphor + text[end:]
                lowered = text.lower()
        return text

    def _named(self, text: str, full: list[Referent], subject: Any) -> Any:
        """Count the full titles the sentence said; the subject, for "they", as its full referent."""
        lowered = text.lower()
        for referent in full:
            forms = forms_of(referent)
            if forms.singular.lower() in lowered or forms.plural.lower() in lowered:
                self.full_mentions[referent.slug] = self.full_mentions.get(referent.slug, 0) + 1
                self.named_in_section.add(referent.slug)
        if type(subject) is Referent and self.shorts.get(subject.slug) is subject:
            subject = next((r for r in self.plan.referents if r.slug == subject.slug), subject)
        return subject

    def piece(self, piece: SentenceSpec | Verbatim, *, distinct: bool) -> Sentence:
        if isinstance(piece, Verbatim):
            self.last_opening = None  # data text, worded by its dataset: it breaks a run of ours
            return Sentence(tidy_verbatim(piece.text), facts={piece.fact: piece.text})
        return self.sentence(piece, distinct=distinct)

    def paragraph(self, block: Paragraph, *, distinct: bool = True) -> ParagraphBlock:
        self.previous_subject = None
        sentence, piece = self.sentence, self.piece
        return ParagraphBlock(
            tuple(
                [
                    sentence(p, distinct=distinct) if type(p) is SentenceSpec else piece(p, distinct=distinct)
                    for p in block.sentences
                ]
            )
        )

    def table(self, block: Table) -> TableBlock:
        missing = self.sentence(self.plan.missing_cell, distinct=False, fragment=True)
        header = (Sentence(""), *(self.sentence(c, distinct=False, fragment=True) for c in block.columns))
        rows = []
        for row in block.rows:
            label = self.sentence(row.label, distinct=False, fragment=True)
            rows.append((label, *(missing if cell is None else self.cache.cell(cell) for cell in row.cells)))
        return TableBlock(header, tuple(rows))

    def document(self) -> Document:
        sections = []
        for section in self.plan.sections:
            self.named_in_section = set()
            self.last_opening = None
            if self.unshortened:
                self.shorts = shortened_in_section(self.plan.referents, _named_in(section))
            heading = (
                self.sentence(section.heading, distinct=False, fragment=True) if section.heading else None
            )
            blocks: list[Any] = []
            for block in section.blocks:
                if isinstance(block, Paragraph):
                    blocks.append(self.paragraph(block))
                elif isinstance(block, BulletList):
                    lead = self.sentence(block.lead, distinct=True) if block.lead else None
                    items = tuple(
                        Sentence(
                            " ".join(s.text for s in para.sentences),
                            para.sentences[0].message,
                            para.sentences[0].variant,
                            para.sentences[0].file,
                            para.sentences[0].line,
                            {k: v for s in para.sentences for k, v in s.facts.items()},
                            para.sentences[0].eligible,
                        )
                        for para in (self.paragraph(item, distinct=False) for item in block.items)
                    )
                    blocks.append(ListBlock(lead, items))
                    self.last_opening = None
                elif isinstance(block, Table):
                    blocks.append(self.table(block))
                    self.last_opening = None
            sections.append(Section(section.id, heading, tuple(blocks)))
        title = self.sentence(self.plan.title, distinct=False, fragment=True)
        return Document(self.plan.kind, self.plan.subjects, self.seed, title, tuple(sections))


def _named_in(section: SectionPlan) -> tuple[Referent, ...]:
    """The jobs a section's prose names, in the order it first names them."""
    found: dict[str, Referent] = {}
    for block in section.blocks:
        if isinstance(block, Paragraph):
            specs: list[Any] = list(block.sentences)
        elif isinstance(block, BulletList):
            specs = [block.lead, *(s for item in block.items for s in item.sentences)]
        else:
            continue
        for spec in specs:
            if type(spec) is not SentenceSpec:
                continue
            for value in spec.slots.values():
                for one in value if isinstance(value, tuple | list) else (value,):
                    if type(one) is Referent and one.slug not in found:
                        found[one.slug] = one
    return tuple(found.values())


SlotsKey = tuple[Any, ...]
_NONE_USED: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Choices:
    """The variants of a message whose condition holds for some slots, with what ranking them needs."""

    variants: tuple[Variant, ...]
    keys: tuple[bytes, ...]  # score_key of each, hashed with the article's seed and pair
    ids: tuple[str, ...]


@dataclass(frozen=True)
class _Known:
    """What realizing a message needs before any slot is read, worked out on its first use."""

    message: Message
    every: Choices  # all its variants, with their score keys
    condition_names: tuple[str, ...]  # the slots its variants' conditions read
    fixed: Choices | None  # the choices when no condition reads a slot, else None
    may_be_constant: bool  # one variant, no condition, no slot read: see RealizeCache.constant
    single: bool  # one variant, no condition, no previous subject read: a spec's sentence is its own
    constants: dict[bool, Sentence] = field(default_factory=dict)  # by fragment, once built


def _know(message: Message) -> _Known:
    variants = message.variants
    keys = tuple(score_key(message.id, v.id) for v in variants)
    every = Choices(variants, keys, tuple(v.id for v in variants))
    names = tuple(sorted({n for v in variants if v.condition for n in v.condition.names}))
    fixed = None if names else _eligible(every, {})
    only = variants[0] if len(variants) == 1 else None
    single = only is not None and only.condition is None and not _reads_previous(only)
    may_be_constant = single and only.names == ()  # type: ignore[union-attr]
    return _Known(message, every, names, fixed, may_be_constant, single)


def _reads_previous(variant: Variant) -> bool:
    return any(mark in variant.text for mark in _PRONOUN_MARKS)


def _eligible(every: Choices, slots: Mapping[str, Any]) -> Choices:
    picked = [i for i, v in enumerate(every.variants) if v.condition is None or is_eligible(v, slots)]
    if len(picked) == len(every.variants):
        return every
    return Choices(
        tuple(every.variants[i] for i in picked),
        tuple(every.keys[i] for i in picked),
        tuple(every.ids[i] for i in picked),
    )


_UNKNOWN = object()
_NO_FACTS: Mapping[str, Any] = MappingProxyType({})


def _best(scores: list[bytes], ids: tuple[str, ...], used: set[str] | frozenset[str]) -> int:
    """The highest-scoring variant not used yet in this article, else the highest of all.

    The same choice as taking the first unused variant in rank order (choose_among), without the sort.
    """
    best, best_score = -1, b""  # below every score
    for index, score in enumerate(scores):
        if score > best_score and ids[index] not in used:
            best, best_score = index, score
    if best < 0:
        best = max(range(len(scores)), key=scores.__getitem__)
    return best


# Entries kept per phrasebank before the caches start again: flat memory in a run of any length.
MAX_CACHED = 50_000
_PRONOUN_MARKS = ("they", "them", "their", PREVIOUS_SUBJECT)


def _typed(value: Any) -> Any:
    """A value with its type: Money(5) and Percent(5) are equal as numbers but print differently."""
    kind = type(value)
    if kind is Labelled:
        return (kind, value.label, type(value.value), value.value)
    if kind is Breakdown:
        return (kind, tuple(_typed(part) for part in value.parts))
    return (kind, value)


def slots_key(slots: Mapping[str, Any]) -> SlotsKey | None:
    """A hashable stand-in for a message's slots, or None when a value cannot be hashed."""
    values = tuple(slots.values())
    types = tuple(map(type, values))
    if Labelled in types or Breakdown in types:  # values nested in them carry types of their own
        key: Any = tuple((name, _typed(value)) for name, value in slots.items())
    else:
        key = (tuple(slots), values, types)
    try:
        hash(key)
    except TypeError:
        return None
    return key


class RealizeCache:
    """What a bulk run computes over and over: eligible variants and rendered, tidied sentences.

    A sentence about one job ("Actors are paid by the hour") or a heading is the same in
    every article that has the same slots, so it is rendered once. Templates and
    conditions are pure functions of their slots (and, for they/them/their, of the
    previous subject), which is what makes this safe.
    """

    def __init__(self, environment: Any) -> None:
        self.environment = environment
        self.choice_sets: dict[tuple[Any, ...], Choices] = {}
        self.messages: dict[str, _Known] = {}  # by message id: a cache belongs to one phrasebank
        self.by_spec: dict[tuple[int, bool], tuple[SentenceSpec, Sentence, Any]] = {}
        self.cells: dict[Any, str] = {}
        self.cell_sentences: dict[Cell, Sentence] = {}  # by identity; the key keeps its id from reuse
        self.plain: dict[int, Any] = {}  # variant id -> compile_plain's function, or None
        self.texts: dict[tuple[Any, ...], tuple[str, Any]] = {}
        self.pronouns: dict[int, bool] = {}
        self.pair_only: set[int] = set()  # variants whose text reads both jobs (by id; the bank keeps them)

    def keep_for_spec(self, spec: SentenceSpec, fragment: bool, sentence: Sentence, subject: Any) -> None:
        """For a spec with one wording: its sentence, for the next article that has the same spec."""
        if len(self.by_spec) >= MAX_CACHED:
            self.by_spec.clear()
        self.by_spec[id(spec), fragment] = (spec, sentence, subject)  # the spec kept: its id stays its own

    def know(self, message: Message) -> _Known:
        found = self.messages[message.id] = _know(message)
        return found

    def choices(self, known: _Known, slots: Mapping[str, Any]) -> Choices:
        """The variants whose condition holds, cached on the values of the slots the conditions
        read, which are few or none."""
        if known.fixed is not None:
            return known.fixed
        names = known.condition_names
        try:
            cache_key = (id(known), *[_typed(slots[name]) for name in names])
            found = self.choice_sets.get(cache_key)
        except (KeyError, TypeError):  # a missing slot, for is_eligible to report; an unhashable value
            return _eligible(known.every, slots)
        if found is None:
            found = _eligible(known.every, slots)
            if len(self.choice_sets) >= MAX_CACHED:
                self.choice_sets.clear()
            self.choice_sets[cache_key] = found
        return found

    def constant(self, message: Message, fragment: bool) -> Sentence:
        """The sentence of a message whose only variant reads no slot and no previous subject.

        Such a sentence is the same in every article, so the realizer keeps it (_Known.constants).
        The caller makes sure of that (_Known.may_be_constant), and that the spec has no facts
        and no `role` (the realizer reads a role itself).
        """
        (only,) = message.variants
        raw = render_variant(only, message.id, {PREVIOUS_SUBJECT: None})
        text = tidy_fragment(raw) if fragment else tidy_sentence(raw)
        return Sentence(text, message.id, only.id, only.file, only.line, _NO_FACTS, (only.id,))

    def cell(self, cell: Cell) -> Sentence:
        """Built once for each cell the planner made, which is once per occupation and table row."""
        found = self.cell_sentences.get(cell)
        if found is None:
            found = Sentence(self.cell_text(cell.value), facts=cell.facts)
            if len(self.cell_sentences) >= MAX_CACHED:
                self.cell_sentences.clear()
            self.cell_sentences[cell] = found
        return found

    def cell_text(self, value: Any) -> str:
        """A value in house style, capitalized; the same figure recurs in many tables."""
        cache_key = _typed(value)  # Money(5) and Percent(5) are equal as numbers, not as text
        found = self.cells.get(cache_key)
        if found is None:
            text = format_value(value)
            found = text[:1].upper() + text[1:]
            if len(self.cells) >= MAX_CACHED:
                self.cells.clear()
            self.cells[cache_key] = found
        return found

    def render(
        self, variant: Variant, message_id: str, slots: Mapping[str, Any], fragment: bool, previous: Any
    ) -> tuple[str, Any]:
        """The tidied text and the job it names in the plural (for a following 'they'), if any.

        Cached on the values of the slots the variant's text reads, so "Salary" under
        every pair's salary heading is rendered once.
        """
        cache_key = self._text_key(variant, slots, fragment, previous)
        if cache_key is not None:
            try:
                found = self.texts.get(cache_key)
            except TypeError:  # a value that cannot be hashed: render it uncached
                cache_key, found = None, None
            if found is not None:
                return found
        raw = self._render_raw(variant, message_id, {**slots, PREVIOUS_SUBJECT: previous})
        result = (
            tidy_fragment(raw) if fragment else tidy_sentence(raw),
            _plural_subject(slots.get("role"), raw),
        )
        if cache_key is not None:
            if len(self.texts) >= MAX_CACHED:
                self.texts.clear()
            self.texts[cache_key] = result
        return result

    def _render_raw(self, variant: Variant, message_id: str, values: dict[str, Any]) -> str:
        """Through the plain-template fast path where the variant allows it, else Jinja."""
        plain = self.plain.get(id(variant), _UNKNOWN)
        if plain is _UNKNOWN:
            plain = self.plain[id(variant)] = compile_plain(self.environment, variant.text)
        if plain is not None:
            try:
                return plain(values)  # type: ignore[operator, no-any-return]
            except Exception:  # Jinja renders it again and reports the error as its own
                pass
        return render_variant(variant, message_id, values)

    def _text_key(
        self, variant: Variant, slots: Mapping[str, Any], fragment: bool, previous: Any
    ) -> tuple[Any, ...] | None:
        """None when the slots cannot make a key: the text is then rendered uncached."""
        if id(variant) in self.pair_only:
            return None
        uses_previous = self.pronouns.get(id(variant))
        if uses_previous is None:
            uses_previous = self.pronouns[id(variant)] = _reads_previous(variant)
        names = variant.names
        if names is None:
            read = slots_key(slots)
            if read is None:
                return None
        else:
            try:
                values = tuple([slots[name] for name in names])
            except KeyError:  # a missing slot, for render_variant to report
                return None
            types = tuple(map(type, values))
            if types.count(Referent) > 1:
                # About both jobs, so about this pair only: caching it would crowd out the rest.
                # Such a variant is not tried again; that only decides caching, never the text.
                self.pair_only.add(id(variant))
                return None
            if Labelled in types or Breakdown in types:  # values nested in them carry types of their own
                read = tuple(_typed(value) for value in values)
            else:
                read = (values, types)
        # The role is read after rendering too, to know whether the text named it.
        role = slots.get("role")
        return (id(variant), fragment, previous if uses_previous else None, role, type(role), read)


_CACHES: dict[int, tuple[weakref.ref[Phrasebank], RealizeCache]] = {}


def cache_for(bank: Phrasebank) -> RealizeCache:
    """The cache of one loaded phrasebank; it goes when the phrasebank does (serve reloads them)."""
    entry = _CACHES.get(id(bank))
    if entry is not None and entry[0]() is bank:
        return entry[1]
    cache = RealizeCache(bank.environment)
    ident = id(bank)
    _CACHES[ident] = (weakref.ref(bank, lambda _: _CACHES.pop(ident, None)), cache)
    return cache


_EDGES = "\"'“”‘’()[],.;:!?"


@lru_cache(maxsize=65536)  # most sentences recur across a run's articles
def opening_of(text: str) -> str:
    """A sentence's first two words, lowercased: two sentences in a row that open alike read as a
    list someone forgot to vary."""
    return " ".join(word.strip(_EDGES) for word in text[:60].lower().split(None, 2)[:2])


def _plural_subject(role: Any, text: str) -> Any:
    """The job a sentence was about, if it named it in the plural or as 'they'.

    Only then can the next sentence say "they"/"them": after "The average collections
    associate is 46", a "them" would have no plural to point back to.
    """
    if not isinstance(role, Referent):
        return None
    lowered = text.lower()
    plural_form = forms_of(role).plural.lower()
    return role if plural_form in lowered or _PRONOUN.search(lowered) else None


_PRONOUN = re.compile(r"\b(they|them|their)\b")


def render_variant(variant: Variant, message_id: str, slots: Any) -> str:
    """Render one variant; any failure names the variant's file and line."""
    template = variant.template
    try:
        # Template.render without its wrapper: same output, same exceptions, less per-call work.
        # `shared` skips a copy of the slots; the environment has no globals to merge in.
        return "".join(template.root_render_func(template.new_context(dict(slots), shared=True)))
    except SecurityError as err:
        reason = f"refused by the sandbox: {err}"
    except UndefinedError as err:
        reason = f"uses a missing value: {err.message}"
    except MissingValueError as err:
        reason = str(err)
    except (TemplateError, TypeError, ValueError, ArithmeticError) as err:
        reason = f"{type(err).__name__}: {err}"
    except (RecursionError, MemoryError) as err:  # the sandbox's limits should stop these first
        reason = f"is too large to render ({type(err).__name__})"
    raise RenderError(f"{variant.file}:{variant.line}: {message_id}/{variant.id} {reason}")


def realize_article(
    plan: ArticlePlan, bank: Phrasebank, seed: int = 0, observe: Observer | None = None
) -> Document:
    """The finished article; `observe`, if given, sees every variant choice as it is made."""
    return drop_stated_rows(_Realizer(plan, bank, seed, observe).document())
