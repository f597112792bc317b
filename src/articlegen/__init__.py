"""articlegen: rule-based "X vs Y" career comparison articles from occupation facts.

The pipeline, one module a stage:
    occupation.py / load.py   occupation facts, validated (oews_records.py and titles.py for BLS data)
    compare.py                comparison facts (directions, gaps, shared skills)
    plan.py                   content determination and document planning ("X vs Y" articles)
    plan_overview.py          the same for overview pages, with related.py choosing what to compare
    phrasebank.py, choose.py  the editors' wording, and which variant says each sentence
    realize.py                rendering with templating.py, morphology.py, numbers.py, orthography.py
    render/                   Markdown, HTML, JSON
"""

from .errors import ArticlegenError
from .pipeline import Generator, generate, open_generator, overview
from .realize.document import Document

__all__ = ["ArticlegenError", "Document", "Generator", "generate", "open_generator", "overview"]
__version__ = "0.1.0"
