"""Plain templates rendered without Jinja's machinery give exactly Jinja's text."""

from __future__ import annotations

import itertools

import pytest

from articlegen.plan.article import plan_article
from articlegen.plan.quantities import Money
from articlegen.plan.spec import Referent
from articlegen.realize.plain_templates import compile_plain
from articlegen.realize.realizer import render_variant
from articlegen.wording.sandbox import make_environment
from articlegen.wording.templating import PREVIOUS_SUBJECT

from .test_conditions import specs


def test_every_bundled_variant_renders_as_jinja_renders_it(generator):
    bank, catalog = generator.phrasebank, generator.catalog
    entries = catalog.entries
    hand = sorted(s for s in catalog.occupations if entries[s].source == "hand")
    oews = sorted(s for s in catalog.occupations if entries[s].source == "oews")[::40]
    plain = {}
    compared = set()
    for a, b in itertools.chain(itertools.permutations(hand, 2), itertools.permutations(oews, 2)):
        plan = plan_article(catalog.find(a), catalog.find(b))
        for spec in specs(plan):
            roles = [v for v in spec.slots.values() if isinstance(v, Referent)]
            for variant in bank.message(spec.message).variants:
                if variant.condition is not None and not variant.condition(spec.slots):
                    continue
                key = id(variant)
                if key not in plain:
                    plain[key] = compile_plain(bank.environment, variant.text)
                if plain[key] is None:
                    continue
                for previous in (None, *roles[:1]):  # "they" and the job's name both
                    values = {**spec.slots, PREVIOUS_SUBJECT: previous}
                    assert plain[key](values) == render_variant(variant, spec.message, values)
                    compared.add(key)
    assert len(compared) > 150
    # Nearly every bundled variant takes the fast path.
    every = [v for m in bank.messages.values() for v in m.variants]
    assert sum(compile_plain(bank.environment, v.text) is not None for v in every) > 0.9 * len(every)


@pytest.mark.parametrize(
    "text",
    [
        "{% if a %}yes{% endif %}",  # a tag
        "{{ role.title }}",  # an attribute
        "{{ items | join_and(', ') }}",  # a filter with arguments
        "{{ 'literal' }}",
    ],
)
def test_anything_but_text_slots_and_filters_is_left_to_jinja(text):
    assert compile_plain(make_environment(), text) is None


def test_text_and_filters_join_as_jinja_joins_them():
    env = make_environment()
    render = compile_plain(env, "Pay for {{ role | plural }} tops out at {{ pay }}.")
    assert render is not None
    role = Referent("nurse", "Nurse")
    values = {"role": role, "pay": Money(81234.4), PREVIOUS_SUBJECT: None}
    assert render(values) == env.from_string("Pay for {{ role | plural }} tops out at {{ pay }}.").render(
        values
    )
    assert render(values) == "Pay for nurses tops out at $81,234."
