"""A pair list's articles, or its first occupations' overview pages, realized one at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..errors import ArticlegenError
from ..pipeline import Generator
from ..realize.document import Document
from .pairs import Pair

KINDS = ("comparison", "overview")


def render_documents(
    generator: Generator, pairs: Iterable[Pair], seed: int, kind: str = "comparison"
) -> Iterator[Document]:
    """Articles one at a time; a failure names the pair (or page) it happened in.

    For overview pages, each distinct first occupation of the pairs gets its page, so
    every pair source (all, golden, a file) serves both kinds.
    """
    if kind == "overview":
        for slug in dict.fromkeys(a for a, _ in pairs):
            try:
                yield generator.overview_document(slug, seed=seed)
            except ArticlegenError as err:
                raise ArticlegenError(f"the {slug} overview page: {err}") from None
        return
    for a, b in pairs:
        try:
            yield generator.document(a, b, seed)
        except ArticlegenError as err:
            raise ArticlegenError(f"{a} vs {b}: {err}") from None
