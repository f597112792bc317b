"""Surface realization: chosen variants rendered into finished sentences.

Walks the plan in reading order, picks each sentence's variant (choose.py),
renders it in the sandbox and tidies its orthography. Prose sentences in one
article never share a variant of the same message while another is left;
headings, table labels and list items keep one wording, as a reader expects.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jinja2.exceptions import SecurityError, TemplateError, UndefinedError

from .choose import choose_among, rank_variants
from .document import Document, ListBlock, ParagraphBlock, Section, Sentence, TableBlock
from .errors import RenderError
from .orthography import tidy_fragment, tidy_sentence, tidy_verbatim
from .phrasebank import Phrasebank, Variant
from .spec import ArticlePlan, BulletList, Paragraph, Referent, SentenceSpec, Table, Verbatim
from .templating import PREVIOUS_SUBJECT, MissingValueError, format_value, forms_of


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

    def sentence(self, spec: SentenceSpec, *, distinct: bool, fragment: bool = False) -> Sentence:
        message = self.bank.message(spec.message)
        used = frozenset(self.used.get(spec.message, ())) if distinct else frozenset()
        ranked = rank_variants(message, spec.slots, self.seed, self.plan.pair_key)
        variant = choose_among(ranked, message, used)
        if distinct:
            self.used.setdefault(spec.message, set()).add(variant.id)
        text = render_variant(variant, spec.message, {**spec.slots, PREVIOUS_SUBJECT: self.previous_subject})
        self.previous_subject = _plural_subject(spec.slots.get("role"), text)
        text = tidy_fragment(text) if fragment else tidy_sentence(text)
        if self.observe is not None:
            self.observe(Choice(spec, tuple(ranked), variant, used, distinct, fragment, text))
        eligible = tuple(v.id for v in ranked)
        return Sentence(
            text, spec.message, variant.id, variant.file, variant.line, dict(spec.facts), eligible
        )

    def piece(self, piece: SentenceSpec | Verbatim, *, distinct: bool) -> Sentence:
        if isinstance(piece, Verbatim):
            return Sentence(tidy_verbatim(piece.text), facts={piece.fact: piece.text})
        return self.sentence(piece, distinct=distinct)

    def paragraph(self, block: Paragraph, *, distinct: bool = True) -> ParagraphBlock:
        self.previous_subject = None
        return ParagraphBlock(tuple(self.piece(p, distinct=distinct) for p in block.sentences))

    def table(self, block: Table) -> TableBlock:
        missing = self.sentence(self.plan.missing_cell, distinct=False, fragment=True)
        header = (Sentence(""), *(self.sentence(c, distinct=False, fragment=True) for c in block.columns))
        rows = []
        for row in block.rows:
            label = self.sentence(row.label, distinct=False, fragment=True)
            cells = tuple(
                missing if value is None else Sentence(_cell_text(value), facts=dict(row.facts))
                for value in row.cells
            )
            rows.append((label, *cells))
        return TableBlock(header, tuple(rows))

    def document(self) -> Document:
        sections = []
        for section in self.plan.sections:
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
                elif isinstance(block, Table):
                    blocks.append(self.table(block))
            sections.append(Section(section.id, heading, tuple(blocks)))
        title = self.sentence(self.plan.title, distinct=False, fragment=True)
        return Document(self.plan.kind, self.plan.subjects, self.seed, title, tuple(sections))


def _plural_subject(role: Any, text: str) -> Any:
    """The job a sentence was about, if it named it in the plural or as 'they'.

    Only then can the next sentence say "they"/"them": after "The average collections
    associate is 46", a "them" would have no plural to point back to.
    """
    if not isinstance(role, Referent):
        return None
    lowered = text.lower()
    plural_form = forms_of(role).plural.lower()
    return role if plural_form in lowered or re.search(r"\b(they|them|their)\b", lowered) else None


def _cell_text(value: Any) -> str:
    text = format_value(value)
    return text[:1].upper() + text[1:]


def render_variant(variant: Variant, message_id: str, slots: Any) -> str:
    """Render one variant; any failure names the variant's file and line."""
    try:
        return variant.template.render(**slots)
    except SecurityError as err:
        reason = f"refused by the sandbox: {err}"
    except UndefinedError as err:
        reason = f"uses a missing value: {err.message}"
    except MissingValueError as err:
        reason = str(err)
    except (TemplateError, TypeError, ValueError, ArithmeticError) as err:
        reason = f"{type(err).__name__}: {err}"
    raise RenderError(f"{variant.file}:{variant.line}: {message_id}/{variant.id} {reason}")


def realize_article(
    plan: ArticlePlan, bank: Phrasebank, seed: int = 0, observe: Observer | None = None
) -> Document:
    """The finished article; `observe`, if given, sees every variant choice as it is made."""
    return _Realizer(plan, bank, seed, observe).document()
