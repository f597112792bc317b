"""Bulk generation: many articles to a directory (or an fsspec URL), in parallel, resumable.

jobs.py        which pairs, grouped into units (one output file each)
versions.py    content hashes of the data and phrasebanks, recorded in the manifest
store.py       atomic writes to a local directory or an fsspec filesystem
journal.py     manifest.jsonl, errors.jsonl and what --resume may skip
lock.py        one run at a time in an output directory
work.py        rendering one unit in a worker (the Generator loaded once per process)
charts.py      --charts: each Markdown article's SVG charts beside it, written before it
local.py       the multiprocessing engine; dask_engine.py the Dask one
progress.py    a progress bar on a terminal, plain log lines elsewhere
run.py         the run end to end
"""

from .run import BulkOptions, BulkSummary, run_bulk

__all__ = ["BulkOptions", "BulkSummary", "run_bulk"]
