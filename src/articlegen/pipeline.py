"""The pipeline end to end: facts -> plan -> variant choice and realization -> output."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import Path

from .errors import ArticlegenError
from .facts.load import Catalog, load_catalog
from .plan.article import plan_article
from .plan.overview import DEFAULT_COMPARE, plan_overview
from .plan.related import RelatedIndex
from .realize.document import Document
from .realize.realizer import realize_article
from .render import RENDERERS, render_html, render_markdown
from .resources import default_data_dir, default_phrasebank_dir
from .wording.phrasebank import Phrasebank, load_phrasebank

FORMATS = tuple(RENDERERS)


@dataclass(frozen=True)
class Generator:
    """Loaded data and phrasebanks; reuse one for many articles, as bulk runs do."""

    catalog: Catalog
    phrasebank: Phrasebank

    def document(self, a: str, b: str, seed: int = 0) -> Document:
        first, second = self.catalog.find(a), self.catalog.find(b)
        if first.slug == second.slug:
            raise ArticlegenError(f"both occupations are {first.slug!r}; name two different ones")
        return realize_article(plan_article(first, second), self.phrasebank, seed)

    def generate(self, a: str, b: str, format: str = "md", seed: int = 0, explain: bool = False) -> str:
        _check_format(format, explain)
        return _render(self.document(a, b, seed), format, explain)

    @cached_property
    def related(self) -> RelatedIndex:
        """Related occupations for overview pages; built once, on the first page that needs it."""
        return RelatedIndex(self.catalog)

    def overview_document(self, slug: str, compare: int = DEFAULT_COMPARE, seed: int = 0) -> Document:
        """The overview page of one occupation, compared with `compare` related ones (plan/related.py)."""
        if compare < 0:
            raise ArticlegenError(f"--compare must be 0 or more, not {compare}")
        occupation = self.catalog.find(slug)
        related = self.related.choose(occupation, compare)
        return realize_article(plan_overview(occupation, related), self.phrasebank, seed)

    def overview(
        self,
        slug: str,
        format: str = "md",
        seed: int = 0,
        explain: bool = False,
        compare: int = DEFAULT_COMPARE,
    ) -> str:
        _check_format(format, explain)
        return _render(self.overview_document(slug, compare, seed), format, explain)


def _check_format(format: str, explain: bool) -> None:
    """Checked before any work, so a bad option fails at once."""
    if format not in RENDERERS:
        raise ArticlegenError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
    if explain and format not in _EXPLAINED:
        raise ArticlegenError(
            "--explain annotates Markdown and HTML; JSON names every sentence's message, variant, "
            "file and line already"
        )


# The annotated forms: Markdown with a comment after each sentence; the HTML page with each piece
# of text in a <span> naming its message, variant and file:line within the phrasebank directory.
_EXPLAINED: dict[str, Callable[[Document], str]] = {
    "md": partial(render_markdown, explain=True),
    "html": partial(render_html, explain=True),
}


def _render(document: Document, format: str, explain: bool) -> str:
    return (_EXPLAINED if explain else RENDERERS)[format](document)


def open_generator(data_dir: Path | str | None = None, phrasebank_dir: Path | str | None = None) -> Generator:
    data = Path(data_dir) if data_dir is not None else default_data_dir()
    bank = Path(phrasebank_dir) if phrasebank_dir is not None else default_phrasebank_dir()
    return Generator(load_catalog(data), load_phrasebank(bank))


def generate(
    a: str,
    b: str,
    *,
    format: str = "md",
    seed: int = 0,
    data_dir: Path | str | None = None,
    phrasebank_dir: Path | str | None = None,
) -> str:
    """One article as text. Loads data and phrasebanks each call; use open_generator() for many."""
    return open_generator(data_dir, phrasebank_dir).generate(a, b, format=format, seed=seed)


def overview(
    slug: str,
    *,
    compare: int = DEFAULT_COMPARE,
    format: str = "md",
    seed: int = 0,
    data_dir: Path | str | None = None,
    phrasebank_dir: Path | str | None = None,
) -> str:
    """One overview page as text. Loads data and phrasebanks each call; use open_generator() for many."""
    return open_generator(data_dir, phrasebank_dir).overview(slug, format=format, seed=seed, compare=compare)
