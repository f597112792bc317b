"""Golden overview pages, one .md file each under __snapshots__/test_overview_snapshots/.

The collections associate page carries every fact of the reference page; the two OEWS
pages cover BLS's figures (yearly and hourly-only pay). Update with
`pytest tests/test_overview_snapshots.py --snapshot-update`, then read every changed file
before committing it: an update claims that the new text is right.
"""

from __future__ import annotations

import pytest

GOLDEN_OVERVIEWS = ["collections-associate", "bill-and-account-collectors", "actors"]


@pytest.mark.parametrize("slug", GOLDEN_OVERVIEWS)
def test_overview_matches_snapshot(generator, snapshot_md, slug):
    assert generator.overview(slug) == snapshot_md
