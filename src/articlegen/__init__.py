"""articlegen: rule-based "X vs Y" career comparison articles from occupation facts.

The pipeline, a subpackage a stage, each passing a small frozen structure to the next:
    facts/      YAML records and the OEWS dataset -> validated `Occupation` records
    plan/       two occupations -> `ArticlePlan` (comparison facts, content, order, aggregation)
    wording/    each planned message -> the phrasebank variant that words it
    realize/    plan and variants -> `Document` of finished sentences
    render/     `Document` -> Markdown, HTML or JSON
pipeline.py runs them end to end. Beside them: english/ (morphology and numbers, shared by
every stage), sources/ (dataset importers), corpus/ (which pairs a command runs over),
gates/ (quality checks), editing/ (the editors' tools), bulk/ and cli/.
"""

from .errors import ArticlegenError
from .pipeline import Generator, generate, open_generator, overview
from .realize.document import Document

__all__ = ["ArticlegenError", "Document", "Generator", "generate", "open_generator", "overview"]
__version__ = "0.1.0"
