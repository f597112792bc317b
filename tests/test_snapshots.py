"""Golden articles, one .md file each under __snapshots__/test_snapshots/.

Update with `pytest tests/test_snapshots.py --snapshot-update`, then read every
changed file before committing it: an update claims that the new text is right.
"""

from __future__ import annotations

import itertools

import pytest

from .conftest import FULL, PARTIAL

FULL_PAIRS = list(itertools.permutations(FULL, 2))
PARTIAL_PAIRS = [("collections-associate", p) for p in PARTIAL] + [
    ("account-specialist", "accounts-receivable-analyst"),
    ("recovery-agent", "collections-coordinator"),
]


@pytest.mark.parametrize(("a", "b"), FULL_PAIRS + PARTIAL_PAIRS, ids=lambda s: s)
def test_article_matches_snapshot(generator, snapshot_md, a, b):
    assert generator.generate(a, b) == snapshot_md
