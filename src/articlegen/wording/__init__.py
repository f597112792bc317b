"""Stage 3, microplanning: a message id and its slots in, the variant that words it out.

phrasebank.py      the editors' YAML: messages, variants, conditions, compiled once
conditions.py      each `when:` compiled to Python, with Jinja's expression as the reference
choose.py          which eligible variant says a sentence, stable for a pair and seed
sandbox.py         what a phrasebank template may do, checked when it is parsed
templating.py      the filters templates call (plural, a/an, money, lists) and value formatting
template_cache.py  compiled templates kept between runs
"""
