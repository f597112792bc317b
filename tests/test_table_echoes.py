"""Table rows whose every value the prose beside them states are left to the prose."""

from __future__ import annotations

import pytest

from articlegen.corpus.pairs import select_pairs
from articlegen.realize.document import Document, ParagraphBlock, Section, Sentence, TableBlock
from articlegen.realize.echoes import drop_stated_rows

MISSING = Sentence("Not reported")
HEADER = (Sentence(""), Sentence("Clerk"), Sentence("Nurse"))


def _document(prose: list[Sentence], rows: list[tuple[Sentence, ...]]) -> Document:
    section = Section("demographics", None, (ParagraphBlock(tuple(prose)), TableBlock(HEADER, tuple(rows))))
    return Document("comparison", ("clerk", "nurse"), 0, Sentence("Clerk vs. nurse"), (section,))


def _rows(document: Document) -> list[str]:
    return [
        row[0].text
        for block in document.sections[0].blocks
        if isinstance(block, TableBlock)
        for row in block.rows
    ]


LGBT = (Sentence("LGBT share"), Sentence("8%", facts={"clerk.lgbt": 8.0}), MISSING)
AGE = (
    Sentence("Median age"),
    Sentence("46", facts={"clerk.age": 46.0}),
    Sentence("41", facts={"nurse.age": 41.0}),
)


def test_a_row_the_prose_states_whole_is_dropped_and_so_is_an_empty_table():
    prose = [Sentence("Among clerks, 8% identify as LGBT.", facts={"clerk.lgbt": 8.0})]
    assert _rows(drop_stated_rows(_document(prose, [LGBT]))) == []
    assert [type(b) for b in drop_stated_rows(_document(prose, [LGBT])).sections[0].blocks] == [
        ParagraphBlock
    ]


def test_a_row_the_prose_states_in_part_or_without_its_fact_stays():
    one_age = [Sentence("The median clerk is 46.", facts={"clerk.age": 46.0})]
    assert _rows(drop_stated_rows(_document(one_age, [AGE]))) == ["Median age"]
    printed_without_fact = [Sentence("Some 8% of clerks say so.")]
    assert _rows(drop_stated_rows(_document(printed_without_fact, [LGBT]))) == ["LGBT share"]
    fact_not_printed = [Sentence("Clerks report an LGBT share.", facts={"clerk.lgbt": 8.0})]
    assert _rows(drop_stated_rows(_document(fact_not_printed, [LGBT]))) == ["LGBT share"]
    other_figure = [Sentence("Among clerks, 18% identify as LGBT.", facts={"clerk.lgbt": 8.0})]
    assert _rows(drop_stated_rows(_document(other_figure, [LGBT]))) == ["LGBT share"]


def test_both_values_stated_drop_the_row_and_an_unchanged_document_is_returned_as_is():
    both = [
        Sentence("The median clerk is 46, the median nurse 41.", facts={"clerk.age": 46.0, "nurse.age": 41.0})
    ]
    assert _rows(drop_stated_rows(_document(both, [AGE, LGBT]))) == ["LGBT share"]
    untouched = _document([Sentence("Clerks and nurses differ.")], [AGE])
    assert drop_stated_rows(untouched) is untouched


@pytest.mark.parametrize("which", ["golden", "all"])
def test_no_article_keeps_a_row_its_prose_states_whole(generator, which):
    catalog = generator.catalog
    pairs = select_pairs(which, catalog, 60 if which == "all" else 0).pairs
    for a, b in pairs:
        document = generator.document(a, b)
        for section in document.sections:
            prose = [
                s for block in section.blocks if isinstance(block, ParagraphBlock) for s in block.sentences
            ]
            for block in section.blocks:
                if not isinstance(block, TableBlock):
                    continue
                for row in block.rows:
                    present = [cell for cell in row[1:] if cell.facts]
                    assert present, (a, b, row[0].text)  # a row of "Not reported" is never planned
                    stated = all(
                        any(c.facts.keys() <= s.facts.keys() and c.text in s.text for s in prose)
                        for c in present
                    )
                    assert not stated, (a, b, section.id, row[0].text)
