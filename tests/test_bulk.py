"""articlegen bulk: files, manifest and errors; resume after kill -9; determinism; the Dask engine."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from hashlib import sha256
from pathlib import Path

import pytest
from click.testing import CliRunner

from articlegen.bulk.jobs import BATCH, MIN_BATCH, Unit, plan_batches, plan_units, stream_pairs
from articlegen.bulk.work import DELAY_ENV
from articlegen.cli.bulk import bulk

from .conftest import ROOT, require

BULK = "from articlegen.cli.bulk import bulk; bulk()"


def kill_after_ten_articles(command: list[str], out: Path) -> subprocess.Popen[bytes]:
    """Start a slowed bulk run writing into `out`, and kill -9 its process group once its manifest
    lists ten articles: a run cut off mid-way, for the resume tests."""
    env = {**os.environ, DELAY_ENV: "0.05"}
    process = subprocess.Popen(command, env=env, start_new_session=True, stderr=subprocess.DEVNULL)
    manifest_file = out / "manifest.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if manifest_file.exists() and len(manifest_file.read_bytes().splitlines()) >= 10:
            break
        time.sleep(0.01)
    assert process.poll() is None, "the run ended before it could be killed"
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    return process


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(bulk, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", BULK, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


def articles(out: Path) -> dict[str, bytes]:
    """Every output file but the journal, temporary files included, by path under `out`."""
    skip = {"manifest.jsonl", "errors.jsonl"}
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name not in skip
    }


def manifest(out: Path) -> list[dict]:
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return sorted((json.loads(line) for line in lines), key=lambda r: r["path"])


def oews_slugs(generator, n: int) -> list[str]:
    entries = generator.catalog.entries
    return sorted(s for s, e in entries.items() if e.source == "oews" and not e.residual)[:n]


def write_pairs(path: Path, pairs: list[tuple[str, str]]) -> Path:
    path.write_text("a,b\n" + "".join(f"{a},{b}\n" for a, b in pairs), encoding="utf-8")
    return path


def test_same_group_pairs_are_ordered_pairs_within_one_soc_minor_group(generator):
    stream = stream_pairs("same-group", generator.catalog)
    pairs = list(stream.make())
    entries = generator.catalog.entries
    assert len(pairs) == stream.total == len(set(pairs)) > 1000
    assert all(entries[a].group == entries[b].group and a != b for a, b in pairs)
    ungrouped = {s for s in generator.catalog.occupations if not entries[s].group}
    assert not any(a in ungrouped or b in ungrouped for a, b in pairs)
    group = [s for s in generator.catalog.occupations if entries[s].group == entries[pairs[0][0]].group]
    assert sum(1 for a, _ in pairs if entries[a].group == entries[pairs[0][0]].group) == len(group) * (
        len(group) - 1
    )


def test_limit_takes_the_same_hash_ordered_sample_every_time(generator):
    first = list(stream_pairs("same-group", generator.catalog, 50).make())
    assert len(first) == 50
    assert first == list(stream_pairs("same-group", generator.catalog, 50).make())
    assert set(list(stream_pairs("same-group", generator.catalog, 20).make())) < set(first)


def test_each_article_is_the_generate_output_and_the_manifest_vouches_for_it(tmp_path, generator):
    out = tmp_path / "out"
    code, stdout, _ = invoke("--pairs", "golden", "--out", str(out), "--format", "html", "--workers", "1")
    assert code == 0, stdout
    files = articles(out)
    golden = [line.split(",") for line in (ROOT / "data" / "golden-pairs.csv").read_text().split()[1:]]
    assert len(files) == len(golden)
    for a, b in golden:
        assert files[f"{a}/{a}-vs-{b}.html"] == generator.generate(a, b, format="html").encode()
    records = manifest(out)
    assert [r["path"] for r in records] == sorted(files)
    for record in records:
        assert record["sha256"] == sha256(files[record["path"]]).hexdigest()
        a, b = record["pair"]
        assert record["path"] == f"{a}/{a}-vs-{b}.html"
        assert {"data", "phrasebanks", "seed", "format"} <= set(record)
    for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        assert line == json.dumps(json.loads(line), ensure_ascii=False)  # plain JSON, one object a line
    assert (out / "errors.jsonl").read_text() == ""
    assert f"{len(golden)} written, 0 already complete, 0 failed" in stdout


def test_flat_layout_writes_every_article_in_the_output_directory(tmp_path, generator):
    out = tmp_path / "out"
    code, stdout, _ = invoke("--pairs", "golden", "--out", str(out), "--layout", "flat", "--workers", "2")
    assert code == 0, stdout
    golden = [line.split(",") for line in (ROOT / "data" / "golden-pairs.csv").read_text().split()[1:]]
    files = articles(out)
    assert sorted(files) == sorted(f"{a}-vs-{b}.md" for a, b in golden)
    a, b = golden[0]
    assert files[f"{a}-vs-{b}.md"] == generator.generate(a, b).encode()
    assert [r["path"] for r in manifest(out)] == sorted(files)
    # A manifest line from before the layout was recorded counts as flat.
    lines = [json.loads(line) for line in (out / "manifest.jsonl").read_text().splitlines()]
    older = "".join(json.dumps({k: v for k, v in r.items() if k != "layout"}) + "\n" for r in lines)
    (out / "manifest.jsonl").write_text(older)
    code, stdout, _ = invoke("--pairs", "golden", "--out", str(out), "--layout", "flat", "--resume")
    assert code == 0 and f"0 written, {len(golden)} already complete" in stdout
    # The other layout names other files: a resume finds none of them complete, and the
    # manifest then lists only the files of this layout.
    code, stdout, _ = invoke("--pairs", "golden", "--out", str(out), "--resume", "--workers", "1")
    assert code == 0 and f"{len(golden)} written, 0 already complete" in stdout
    assert [r["path"] for r in manifest(out)] == sorted(f"{a}/{a}-vs-{b}.md" for a, b in golden)


def test_a_rerun_rewrites_only_the_files_whose_bytes_change(tmp_path, generator):
    out = tmp_path / "out"
    args = ("--pairs", "golden", "--out", str(out), "--workers", "1")
    assert invoke(*args)[0] == 0
    files = articles(out)
    old = 946684800  # 2000-01-01: a time no write of this test can give
    for name in files:
        os.utime(out / name, (old, old))
    stale = sorted(files)[3]
    (out / stale).write_bytes(files[stale].replace(b" ", b"  ", 1))  # as if made from older wording
    os.utime(out / stale, (old, old))

    code, stdout, _ = invoke(*args)
    assert code == 0 and f"{len(files)} written" in stdout
    assert articles(out) == files
    touched = [name for name in files if (out / name).stat().st_mtime != old]
    assert touched == [stale]
    assert [r["path"] for r in manifest(out)] == sorted(files)  # the manifest still vouches for all


def _units(sizes: dict[str, int]) -> list[Unit]:
    return [Unit(f"{f}/{f}-vs-{i}.md", ((f, str(i)),)) for f, n in sizes.items() for i in range(n)]


def test_batches_hold_whole_folders_so_workers_write_in_different_directories():
    sizes = {f"job{k:02d}": 765 for k in range(12)}  # a folder of `--pairs all` holds 765 articles
    batches = list(plan_batches(_units(sizes), workers=2, total=12 * 765))
    assert [u for batch in batches for u in batch] == _units(sizes)  # every unit once, in order
    folders = [{u.path.split("/")[0] for u in batch} for batch in batches]
    whole = [f for f in folders[:8] if len(f) == 1]  # far from the end: a folder a batch
    assert len(whole) == 8 and all(len(batch) == 765 for batch in batches[:8])
    assert len(batches[-1]) < 765 / 4  # near the end: small batches, so no worker is left alone at work
    # Small folders share a batch; a run without a known total keeps to BATCH.
    small = list(plan_batches(_units({f"job{k:03d}": 100 for k in range(40)}), workers=2))
    assert all(BATCH // 4 <= sum(len(u.pairs) for u in b) <= BATCH for b in small[:-1])
    assert all(len({u.path.split("/")[0] for u in b}) in (3, 4) for b in small[:-1])
    # A flat layout has one folder: batches are cut by size alone.
    flat = [Unit(f"a-vs-{i}.md", (("a", str(i)),)) for i in range(3000)]
    assert [len(b) for b in plan_batches(flat, workers=2)] == [BATCH, BATCH, 3000 - 2 * BATCH]
    # Folders of one article (a sample): batches still hold MIN_BATCH articles, but the last.
    tiny = list(plan_batches(_units({f"job{k:04d}": 1 for k in range(3000)}), workers=2, total=3000))
    assert all(len(b) >= MIN_BATCH for b in tiny[:-1]) and len(tiny) > 8


def test_batches_shrink_near_the_end_of_a_resumed_run():
    sizes = {f"job{k:02d}": 765 for k in range(12)}
    skipped = 0

    def todo():  # as run_bulk's: the first ten folders are complete
        nonlocal skipped
        for unit in _units(sizes):
            if int(unit.path[3:5]) < 10:
                skipped += 1
            else:
                yield unit

    batches = list(plan_batches(todo(), workers=2, total=12 * 765, skipped=lambda: skipped))
    assert len(batches) > 4 and max(len(b) for b in batches) <= 2 * 765 // 4
    assert len(batches[-1]) < 765 / 4


def test_overview_pages_are_shared_among_the_workers(generator):
    planned = plan_units(stream_pairs("all", generator.catalog), "overview", "md")
    assert planned.articles == len(generator.catalog.occupations)  # a page for each first occupation
    batches = list(plan_batches(planned.units, workers=2, total=planned.articles))
    assert len(batches) > 4 and max(len(b) for b in batches) <= planned.articles / 4


def test_overview_kind_writes_each_first_occupations_page(tmp_path, generator):
    out = tmp_path / "out"
    code, stdout, stderr = invoke(
        "--pairs", "golden", "--kind", "overview", "--out", str(out), "--workers", "2", "--quiet"
    )
    assert code == 0, stdout
    golden = [line.split(",") for line in (ROOT / "data" / "golden-pairs.csv").read_text().split()[1:]]
    firsts = list(dict.fromkeys(a for a, _ in golden))
    files = articles(out)
    assert sorted(files) == sorted(f"{slug}.md" for slug in firsts)
    assert f"{len(firsts)}/{len(firsts)} articles (100.0%)" in stderr  # progress counts pages, not pairs
    for slug in firsts:
        assert files[f"{slug}.md"] == generator.overview(slug).encode()
    assert all(r["pair"] == [r["path"][:-3]] and r["kind"] == "overview" for r in manifest(out))
    # A resumed run finds every page complete.
    code, stdout, _ = invoke("--pairs", "golden", "--kind", "overview", "--out", str(out), "--resume")
    assert code == 0 and f"0 written, {len(firsts)} already complete" in stdout


def test_a_failing_pair_is_recorded_with_its_reason_and_the_run_goes_on(tmp_path, generator):
    bank = tmp_path / "bank"
    shutil.copytree(ROOT / "phrasebanks" / "en", bank)
    skills = bank / "skills.yaml"
    skills.write_text(skills.read_text().replace('text: "Skills"', 'text: "{{ a | money }}"', 1))
    good = oews_slugs(generator, 2)  # OEWS records list no skills, so their articles never say it
    pairs = write_pairs(tmp_path / "p.csv", [("collections-associate", "recovery-agent"), tuple(good)])
    out = tmp_path / "out"
    code, _, stderr = invoke("--pairs", str(pairs), "--out", str(out), "--phrasebanks", str(bank))
    assert code == 1
    assert stderr.splitlines()[-1] == f"articlegen: 1 pair failed; see {out / 'errors.jsonl'}"
    assert list(articles(out)) == [f"{good[0]}/{good[0]}-vs-{good[1]}.md"]
    (error,) = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert error["pair"] == ["collections-associate", "recovery-agent"]
    assert "skills.yaml" in error["reason"] and "heading.skills/skills" in error["reason"]
    assert "\n" not in error["reason"]


def test_bad_input_is_one_line_and_exit_2(tmp_path):
    code, _, stderr = invoke("--pairs", str(tmp_path / "none.csv"), "--out", str(tmp_path / "o"))
    assert (code, stderr) == (2, f"articlegen: {tmp_path / 'none.csv'}: no such pairs file\n")
    pairs = write_pairs(tmp_path / "p.csv", [("collections-associate", "no-such-job")])
    code, _, stderr = invoke("--pairs", str(pairs), "--out", str(tmp_path / "o"))
    assert code == 2 and stderr.startswith(f"articlegen: {pairs}:2: unknown occupation 'no-such-job'")


def test_jsonl_holds_one_file_per_first_occupation_with_a_line_per_article(tmp_path, generator):
    out = tmp_path / "out"
    code, _, _ = invoke("--pairs", "golden", "--out", str(out), "--format", "jsonl", "--workers", "1")
    assert code == 0
    files = articles(out)
    golden = [line.split(",") for line in (ROOT / "data" / "golden-pairs.csv").read_text().split()[1:]]
    assert sorted(files) == sorted({f"{a}.jsonl" for a, _ in golden})
    for name, data in files.items():
        lines = [json.loads(line) for line in data.decode().splitlines()]
        first = name.removesuffix(".jsonl")
        assert [tuple(doc["subjects"]) for doc in lines] == [(a, b) for a, b in golden if a == first]
        expected = json.loads(generator.generate(*lines[0]["subjects"], format="json"))
        assert lines[0] == expected
    assert all(len(r["pairs"]) >= 1 for r in manifest(out))


def test_a_run_killed_mid_way_resumes_to_the_output_of_an_uninterrupted_run(tmp_path):
    """kill -9 of the whole process group, a file damaged on disk, then --resume; compare bytes."""
    pairs = ("--pairs", "same-group", "--limit", "40", "--quiet")
    killed, clean = tmp_path / "killed", tmp_path / "clean"
    command = [sys.executable, "-c", BULK, *pairs, "--out", str(killed), "--workers", "2"]
    kill_after_ten_articles(command, killed)
    done = manifest(killed)
    assert 10 <= len(done) < 40
    damaged = killed / done[0]["path"]
    damaged.write_bytes(damaged.read_bytes()[:100])  # as if cut off: resume must redo it
    (killed / ".leftover.md.tmp-1").write_text("half")
    (damaged.parent / f".{damaged.name}.tmp-1").write_text("half")

    resumed = run_cli(*pairs, "--out", str(killed), "--resume", "--workers", "2")
    assert resumed.returncode == 0, resumed.stderr
    assert f"{40 - len(done) + 1} written, {len(done) - 1} already complete, 0 failed" in resumed.stdout
    assert run_cli(*pairs, "--out", str(clean), "--workers", "1").returncode == 0
    assert articles(killed) == articles(clean)
    assert len(articles(clean)) == 40
    assert manifest(killed) == manifest(clean)


def test_output_is_the_same_for_any_worker_count_and_hash_seed(tmp_path):
    runs = {}
    for workers, hash_seed in (("1", "1"), ("2", "4242")):
        out = tmp_path / f"w{workers}"
        args = ("--pairs", "all", "--limit", "30", "--format", "jsonl", "--seed", "7", "--quiet")
        result = run_cli(*args, "--out", str(out), "--workers", workers, env={"PYTHONHASHSEED": hash_seed})
        assert result.returncode == 0, result.stderr
        runs[workers] = (articles(out), manifest(out))
    assert runs["1"] == runs["2"]
    assert sum(data.count(b"\n") for data in runs["1"][0].values()) == 30


def test_forked_workers_use_the_generator_the_run_loaded(tmp_path, monkeypatch, generator):
    """Workers that load content on their own would fail here: loading is patched to raise."""
    import multiprocessing

    from articlegen.bulk import BulkOptions, run_bulk, work

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("workers inherit the loaded generator only where processes fork")  # platform: fork

    def no_loading(*_args: object) -> None:
        raise AssertionError("a worker loaded the content again")

    monkeypatch.setattr(work, "open_generator", no_loading)
    pairs = write_pairs(
        tmp_path / "pairs.csv",
        [(a, b) for a in oews_slugs(generator, 5) for b in oews_slugs(generator, 5) if a != b],
    )
    summary = run_bulk(BulkOptions(pairs=str(pairs), out=str(tmp_path / "out"), workers=2, quiet=True))
    assert (summary.written, summary.failed) == (20, 0)
    assert len(articles(tmp_path / "out")) == 20
    assert (tmp_path / "out" / "errors.jsonl").read_text() == ""


def test_a_run_leaves_the_calling_process_garbage_collector_as_it_was(tmp_path, generator):
    """A run freezes the loaded content and raises the collector's threshold, for speed, and undoes both."""
    import gc

    from articlegen.bulk import BulkOptions, run_bulk

    slugs = oews_slugs(generator, 3)
    pairs = write_pairs(tmp_path / "pairs.csv", [(a, b) for a in slugs for b in slugs if a != b])
    threshold, frozen = gc.get_threshold(), gc.get_freeze_count()
    summary = run_bulk(BulkOptions(pairs=str(pairs), out=str(tmp_path / "out"), workers=1, quiet=True))
    assert summary.written == 6
    assert (gc.get_threshold(), gc.get_freeze_count()) == (threshold, frozen)


def test_a_worker_that_cannot_load_the_content_ends_the_run_instead_of_hanging(tmp_path):
    """Pool restarts a worker whose initializer raises, forever; the error must reach the run."""
    from articlegen.bulk import local
    from articlegen.bulk.jobs import Unit
    from articlegen.bulk.versions import Versions
    from articlegen.bulk.work import WorkSpec
    from articlegen.errors import ArticlegenError

    missing = str(tmp_path / "no-such-data")
    spec = WorkSpec(str(tmp_path / "out"), "md", 0, "comparison", Versions("x", "y"), data_dir=missing)
    local._init_worker(spec)  # returns: the pool keeps this worker
    with pytest.raises(ArticlegenError, match="differ from the client"):
        local._render([Unit("a-vs-b.md", (("a", "b"),))])


def test_an_error_outside_any_article_ends_a_pooled_run_instead_of_hanging(tmp_path, generator):
    """The pool's task thread waits for a free slot; the run must free it when it stops."""
    if sys.platform == "win32":
        pytest.skip("needs fork")  # platform: no fork on Windows
    slugs = oews_slugs(generator, 12)
    pairs = write_pairs(tmp_path / "pairs.csv", [(a, b) for a in slugs for b in slugs if a != b])
    script = f"""
import multiprocessing, sys
from articlegen.bulk import BulkOptions, local, run_bulk
multiprocessing.set_start_method("fork")
def broken(spec, units):
    raise RuntimeError("the disk went away")
local.render_batch = broken  # the forked workers inherit it
try:
    run_bulk(BulkOptions(pairs={str(pairs)!r}, out={str(tmp_path / "out")!r}, workers=2, quiet=True))
except RuntimeError as err:
    print("ended:", err)
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert "ended: the disk went away" in result.stdout, result.stderr


def test_the_dask_engine_writes_through_fsspec_what_the_local_engine_writes(tmp_path):
    distributed = require(
        "distributed", "the Dask engine test needs dask[distributed] (pip install 'articlegen[dask]')"
    )
    fsspec = require("fsspec", "the Dask engine test needs fsspec (pip install 'articlegen[dask]')")
    local = tmp_path / "local"
    args = ("--pairs", "same-group", "--limit", "24", "--format", "md", "--quiet")
    assert invoke(*args, "--out", str(local), "--workers", "1")[0] == 0

    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        url = "memory://articlegen-bulk-test/out"  # one process: workers and this test share it
        code, stdout, stderr = invoke(
            *args, "--out", url, "--engine", "dask", "--scheduler", cluster.scheduler_address,
            "--state", str(tmp_path / "state"),
        )  # fmt: skip
        assert code == 0, stdout + stderr
    fs = fsspec.filesystem("memory")
    root = "/articlegen-bulk-test/out/"
    remote = {p.removeprefix(root): fs.cat_file(p) for p in fs.find(root)}
    local_files = articles(local)
    assert {k: v for k, v in remote.items() if k.endswith(".md")} == local_files
    remote_manifest = sorted(
        (json.loads(line) for line in remote["manifest.jsonl"].decode().splitlines()), key=lambda r: r["path"]
    )
    assert remote_manifest == manifest(local)
    fs.rm("/articlegen-bulk-test", recursive=True)


# The orthography pass runs on every sentence of a bulk run, so it uses string operations
# where they do what its regular expressions say; these are the rules written as regexes.
def _regex_fragment(text: str) -> str:
    from articlegen.realize import orthography as o

    text = o._SPACES.sub(" ", text).strip()
    text = o._SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = o._SPACE_AFTER_OPEN.sub(r"\1", text)
    return o.capitalize_first(text)


def _regex_sentence(text: str) -> str:
    from articlegen.realize import orthography as o

    text = _regex_fragment(text)
    text = o._DOUBLED.sub(r"\1", text)
    text = o._COMMA_STOP.sub(".", text)
    text = o._REPEATED_PERIOD.sub(".", text)
    text = o._MISSING_SPACE.sub(r"\1 ", text)
    text = text.rstrip(",;")
    if text and not text.endswith(o._TERMINAL) and not text.endswith(('."', '?"', '!"', ".)")):
        text += "."
    return text


def test_fast_orthography_matches_its_rules_as_regular_expressions():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from articlegen.realize.orthography import tidy_fragment, tidy_sentence

    alphabet = st.sampled_from([*"aZ9% \t\n,.;:!?()[]'\"", "\u00a0", "\u2003", "\x1c", "Ab", "ab"])

    @settings(max_examples=800, deadline=None)
    @given(st.lists(alphabet, max_size=30).map("".join))
    def check(text: str) -> None:
        assert tidy_fragment(text) == _regex_fragment(text)
        assert tidy_sentence(text) == _regex_sentence(text)

    check()


def test_articles_make_no_reference_cycles_so_bulk_workers_can_collect_rarely(generator):
    """settle_for_bulk() makes the collector run rarely; for these formats it would find nothing.

    (Pretty JSON goes through the standard library's Python encoder, whose closures make
    cycles; collections of the youngest generation, still made, free them.)
    """
    import gc
    import itertools

    from articlegen.render import RENDERERS
    from articlegen.render.json import render_json_line

    entries = generator.catalog.entries
    oews = sorted(s for s in generator.catalog.occupations if entries[s].source == "oews")[::50]
    hand = sorted(s for s in generator.catalog.occupations if entries[s].source == "hand")
    pairs = [*itertools.permutations(hand, 2), *itertools.permutations(oews, 2)]
    generator.generate(*pairs[0])  # caches and lazily built records are not garbage
    generator.overview(hand[0])
    gc.collect()
    gc.disable()
    try:
        for (a, b), fmt in zip(pairs, itertools.cycle(["md", "html", "jsonl"])):
            document = generator.document(a, b)
            RENDERERS[fmt](document) if fmt != "jsonl" else render_json_line(document)
        for slug in hand + oews:
            generator.overview(slug)
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_a_failed_write_is_a_one_line_error_and_leaves_no_temporary_file(tmp_path):
    import pytest

    from articlegen.bulk.store import LocalStore
    from articlegen.errors import ArticlegenError

    store = LocalStore(str(tmp_path))
    store.write("a.md", b"text")
    assert (tmp_path / "a.md").read_bytes() == b"text"
    (tmp_path / "taken").mkdir()  # a folder where the article should go: the rename fails
    with pytest.raises(ArticlegenError) as caught:
        store.write("taken", b"text")
    assert str(caught.value).startswith(f"{tmp_path / 'taken'}: cannot write: ")
    assert "\n" not in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "taken"]
    store.write("x/x-vs-y.md", b"text")  # an article's folder is made with its first file
    assert (tmp_path / "x" / "x-vs-y.md").read_bytes() == b"text"
