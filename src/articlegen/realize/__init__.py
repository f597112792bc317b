"""Stage 4, surface realization: an `ArticlePlan` and the wording in, a `Document` of finished sentences out.

realizer.py         every spec rendered through its chosen variant, with provenance
plain_templates.py  a fast path for templates that are only text, slots and filters
orthography.py      spacing, punctuation and capitals of a finished sentence
document.py         the `Document`: sections, blocks and sentences, each with its message and variant
"""
