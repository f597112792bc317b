"""Errors a user can act on: each carries one line that names the file, the field and the fault."""

from __future__ import annotations


class ArticlegenError(Exception):
    """A problem with the user's input. The CLI prints `str(error)` and exits with status 2."""


class DataError(ArticlegenError):
    """An occupation data file is unreadable or breaks the schema."""


class PhrasebankError(ArticlegenError):
    """A phrasebank file is unreadable, or a message or variant in it is malformed."""


class UnknownOccupationError(ArticlegenError):
    """A slug or title that names no occupation in the data."""


class RenderError(ArticlegenError):
    """A variant failed while being rendered; the message names its file and line."""
