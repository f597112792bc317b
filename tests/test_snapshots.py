"""Golden articles, one .md file each under __snapshots__/test_snapshots/.

Update with `pytest tests/test_snapshots.py --snapshot-update`, then read every
changed file before committing it: an update claims that the new text is right.
The pairs are listed in data/golden-pairs.csv, which `articlegen diff` and
`articlegen coverage --pairs golden` read too.
"""

from __future__ import annotations

import pytest

from articlegen.corpus.pairs import golden_pairs_path, read_pairs_csv

GOLDEN_PAIRS = [(row.a, row.b) for row in read_pairs_csv(golden_pairs_path())]


@pytest.mark.parametrize(("a", "b"), GOLDEN_PAIRS, ids=lambda s: s)
def test_article_matches_snapshot(generator, snapshot_md, a, b):
    assert generator.generate(a, b) == snapshot_md
