"""Every variant of one message rendered for one pair, so an editor sees the whole choice.

The article is realized with an observer, so what is shown as chosen is exactly
what `generate` prints, including the rule that a message said twice in one
article does not repeat a variant.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

from ..errors import ArticlegenError, PhrasebankError, RenderError
from ..facts.yamlio import display_path
from ..pipeline import Generator
from ..plan.article import plan_article
from ..realize.orthography import tidy_fragment, tidy_sentence
from ..realize.realizer import Choice, realize_article, render_variant
from ..wording.choose import is_eligible
from ..wording.phrasebank import Variant
from ..wording.templating import PREVIOUS_SUBJECT

Status = Literal["chosen", "eligible", "used", "excluded", "error"]


@dataclass(frozen=True)
class VariantView:
    id: str
    file: str
    line: int
    status: Status  # used: eligible, but this article had already said it
    condition: str | None
    text: str  # the rendered sentence, or the reason it cannot be rendered


@dataclass(frozen=True)
class Occurrence:
    variants: tuple[VariantView, ...]


def show_variants(generator: Generator, message_id: str, a: str, b: str, seed: int = 0) -> list[Occurrence]:
    """One entry per time the message is said in the article for A vs B; empty if never."""
    if message_id not in generator.phrasebank.messages:
        close = difflib.get_close_matches(message_id, list(generator.phrasebank.messages), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise PhrasebankError(f"{display_path(generator.phrasebank.source)}: no message {message_id!r}{hint}")
    message = generator.phrasebank.messages[message_id]
    first, second = generator.catalog.find(a), generator.catalog.find(b)
    if first.slug == second.slug:
        raise ArticlegenError(f"both occupations are {first.slug!r}; name two different ones")
    choices: list[Choice] = []
    realize_article(plan_article(first, second), generator.phrasebank, seed, choices.append)
    return [
        Occurrence(tuple(_view(v, c) for v in message.variants))
        for c in choices
        if c.spec.message == message.id
    ]


def _view(variant: Variant, choice: Choice) -> VariantView:
    slots = {**choice.spec.slots, PREVIOUS_SUBJECT: None}
    tidy = tidy_fragment if choice.fragment else tidy_sentence
    try:
        eligible = is_eligible(variant, slots)
        text = choice.text if variant.id == choice.chosen.id else tidy(render_variant(variant, "", slots))
    except RenderError as err:
        return VariantView(variant.id, variant.file, variant.line, "error", variant.condition_text, str(err))
    if variant.id == choice.chosen.id:
        status: Status = "chosen"
    elif not eligible:
        status = "excluded"
    elif variant.id in choice.used:
        status = "used"
    else:
        status = "eligible"
    return VariantView(variant.id, variant.file, variant.line, status, variant.condition_text, text)
