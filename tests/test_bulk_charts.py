"""`bulk --charts`: each Markdown article's charts as SVG files beside it, as `generate --charts` writes
them; the plotted values are the article's facts; a chart is in place before the article that
links it, and the manifest and --resume vouch for chart files as for articles."""

from __future__ import annotations

import json
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from hashlib import sha256
from pathlib import Path
from urllib.parse import unquote

import pytest
from click.testing import CliRunner

from articlegen import Generator, open_generator
from articlegen.bulk.store import LocalStore
from articlegen.cli import main
from articlegen.resources import default_phrasebank_dir

from . import test_charts as charts  # the chart tests: their fact readers and their checks
from .conftest import require
from .test_bulk import BULK, articles, invoke, kill_after_ten_articles, manifest, run_cli, write_pairs

NS = charts.NS
NO_CHARTS = ("collections-associate", "account-representative")  # a typical range, no outlook
PAIRS = [*charts.PAIRS, NO_CHARTS]
IMAGE = re.compile(r"^!\[(.*)\]\((\S+)\)$", re.M)  # a chart image, a paragraph of its own


def stem(pair: tuple[str, str]) -> str:
    return f"{pair[0]}-vs-{pair[1]}"


def links(article: Path) -> list[Path]:
    """The files the article's images link, resolved from its folder."""
    return [article.parent / unquote(link) for _, link in IMAGE.findall(article.read_text("utf-8"))]


def folder_of(article: Path) -> Path:
    return article.with_name(f"{article.stem}.charts")


def in_folder(article: Path) -> list[Path]:
    folder = folder_of(article)
    return sorted(folder.iterdir()) if folder.exists() else []


def page_of(article: Path) -> str:
    """The article's linked chart files, one after another: the SVG the chart tests read from a page."""
    bodies = []
    for path in links(article):
        text = path.read_text("utf-8")
        declaration, body = text.split("\n", 1)
        assert declaration == '<?xml version="1.0" encoding="UTF-8"?>'
        bodies.append(body)
    return "\n".join(bodies)


@pytest.fixture(scope="module")
def bank(tmp_path_factory) -> Path:
    """A copy of the phrasebanks, which every run here uses: the checkout's may be edited while the
    tests run, and --resume rightly redoes every article once the phrasebanks change."""
    path = tmp_path_factory.mktemp("content") / "en"
    shutil.copytree(default_phrasebank_dir(), path)
    return path


@pytest.fixture(scope="module")
def frozen(bank) -> Generator:
    return open_generator(None, bank)


def bulk(bank: Path, *args: str) -> tuple[int, str, str]:
    return invoke(*args, "--phrasebanks", str(bank))


def succeeds(bank: Path, *args: str) -> str:
    """A bulk run that must write every article: its summary."""
    code, stdout, stderr = bulk(bank, *args)
    assert code == 0, stdout + stderr
    return stdout


@pytest.fixture(scope="module")
def charted(tmp_path_factory, bank) -> Path:
    """A run of PAIRS with --charts in two worker processes."""
    root = tmp_path_factory.mktemp("charted")
    pairs = write_pairs(root / "pairs.csv", PAIRS)
    code, stdout, stderr = bulk(
        bank, "--pairs", str(pairs), "--out", str(root / "out"), "--charts", "--workers", "2"
    )
    assert code == 0, stdout + stderr
    assert f"{len(PAIRS)} written, 0 already complete, 0 failed" in stdout
    return root / "out"


def test_every_linked_chart_is_an_svg_file_beside_its_article_as_generate_writes_it(charted, tmp_path, bank):
    drawn = 0
    for pair in PAIRS:
        article = charted / pair[0] / f"{stem(pair)}.md"
        linked = links(article)
        for path in linked:
            assert path.parent == folder_of(article) and path.suffix == ".svg"
            svg = ET.parse(path).getroot()  # exists and is XML
            assert svg.tag == f"{NS}svg" and svg.find(f"{NS}title").text
        assert sorted(linked) == in_folder(article)  # nothing unlinked beside it
        drawn += len(linked)
        # `generate --charts -o` writes the same article and the same files
        alone = tmp_path / stem(pair) / f"{stem(pair)}.md"
        alone.parent.mkdir()
        result = CliRunner().invoke(
            main, ["generate", *pair, "--charts", "-o", str(alone), "--phrasebanks", str(bank)]
        )
        assert result.exit_code == 0, result.output
        assert alone.read_bytes() == article.read_bytes()
        assert [p.name for p in in_folder(alone)] == [p.name for p in in_folder(article)]
        for mine, theirs in zip(in_folder(alone), in_folder(article), strict=True):
            assert mine.read_bytes() == theirs.read_bytes()
    assert drawn >= 2 * len(charts.PAIRS)


def test_the_linked_charts_plot_the_facts_the_article_states(charted, frozen):
    """The chart tests' checks of the HTML page's charts, run on the files the Markdown links."""
    pages = [
        (frozen.document(*pair), page_of(charted / pair[0] / f"{stem(pair)}.md")) for pair in charts.PAIRS
    ]
    charts.test_a_chart_is_drawn_where_its_figures_are_stated_and_only_there(pages)
    charts.test_pay_bars_and_marks_are_the_stated_percentiles_median_and_mean(pages)
    charts.test_growth_bars_are_the_stated_projections_against_the_all_occupations_figure(pages)
    charts.test_education_bars_are_the_stated_shares_of_the_levels_the_prose_names(pages)
    charts.test_each_chart_is_labelled_for_screen_readers_and_runs_no_script(pages)


def test_the_checks_fail_on_a_chart_that_plots_another_value(charted, frozen):
    """The same pages as above, but one pay bar moved by 5 px: the check of the pay chart must fail."""
    pages = [
        (frozen.document(*pair), page_of(charted / pair[0] / f"{stem(pair)}.md")) for pair in charts.PAIRS
    ]
    doc, page = pages[0]
    bar = re.search(r'<rect class="bar" x="([0-9.]+)"', page)
    assert bar is not None
    moved = bar.group(0).replace(bar.group(1), f"{float(bar.group(1)) + 5:.2f}")
    pages[0] = (doc, page.replace(bar.group(0), moved, 1))
    with pytest.raises(AssertionError, match="comparison failed"):  # pytest.approx's
        charts.test_pay_bars_and_marks_are_the_stated_percentiles_median_and_mean(pages)


def test_an_article_without_chart_figures_links_nothing(charted, frozen):
    article = charted / NO_CHARTS[0] / f"{stem(NO_CHARTS)}.md"
    assert links(article) == [] and "![" not in article.read_text("utf-8")
    assert not folder_of(article).exists()
    assert article.read_bytes() == frozen.generate(*NO_CHARTS).encode()  # as without --charts
    (record,) = [r for r in manifest(charted) if r["pair"] == list(NO_CHARTS)]
    assert record["charts"] == {}


def test_the_manifest_lists_each_article_s_charts_with_their_sha256(charted):
    records = manifest(charted)
    assert len(records) == len(PAIRS)
    files = articles(charted)
    listed = {path for record in records for path in [record["path"], *record["charts"]]}
    assert listed == set(files)  # every file written is vouched for; nothing else is there
    for record in records:
        article = charted / record["path"]
        assert sorted(record["charts"]) == sorted(p.relative_to(charted).as_posix() for p in links(article))
        for path, digest in record["charts"].items():
            assert digest == sha256(files[path]).hexdigest()


def test_resume_redoes_an_article_whose_chart_is_missing_or_damaged(tmp_path, bank):
    chosen = charts.PAIRS[:3]
    pairs = write_pairs(tmp_path / "pairs.csv", chosen)
    out = tmp_path / "out"
    args = ("--pairs", str(pairs), "--out", str(out), "--workers", "1", "--charts")
    succeeds(bank, *args)
    before = articles(out)
    first, second, _ = (out / p[0] / f"{stem(p)}.md" for p in chosen)
    links(first)[0].unlink()
    damaged = links(second)[-1]
    damaged.write_bytes(damaged.read_bytes()[:100])
    assert "2 written, 1 already complete, 0 failed" in succeeds(bank, *args, "--resume")
    assert articles(out) == before
    # A manifest line with charts is no use to a run without them, nor one without to a run with.
    assert "3 written, 0 already complete" in succeeds(bank, *args[:-1], "--resume")
    assert all("charts" not in record for record in manifest(out))
    assert all(links(out / p[0] / f"{stem(p)}.md") == [] for p in chosen)
    assert "3 written, 0 already complete" in succeeds(bank, *args, "--resume")
    assert articles(out) == before


def test_each_chart_is_written_before_the_article_that_links_it(tmp_path, monkeypatch, bank):
    order: list[str] = []
    write = LocalStore.write

    def logged(self: LocalStore, relpath: str, data: bytes) -> None:
        write(self, relpath, data)
        order.append(relpath)

    monkeypatch.setattr(LocalStore, "write", logged)  # one worker: this process does the writing
    pairs = write_pairs(tmp_path / "pairs.csv", PAIRS)
    out = tmp_path / "out"
    succeeds(bank, "--pairs", str(pairs), "--out", str(out), "--workers", "1", "--charts")
    for record in manifest(out):
        assert all(order.index(chart) < order.index(record["path"]) for chart in record["charts"])
    assert len(order) == len(articles(out))


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_chart_that_cannot_be_written_stops_the_run_before_its_article(tmp_path, workers, bank):
    pair = charts.PAIRS[0]
    pairs = write_pairs(tmp_path / "pairs.csv", [pair])
    out = tmp_path / "out"
    blocker = out / pair[0] / f"{stem(pair)}.charts" / "pay.svg"
    blocker.mkdir(parents=True)  # a folder where the chart should go: its rename fails
    args = ("--pairs", str(pairs), "--out", str(out), "--workers", workers, "--charts", "--quiet")
    code, stdout, stderr = bulk(bank, *args)
    assert code == 2, stdout + stderr
    *progress, error = stderr.splitlines()  # --quiet: a log line, then the error
    assert error.startswith(f"articlegen: {blocker}: cannot write: ") and "Traceback" not in stderr
    assert all(line.startswith("articlegen bulk: ") for line in progress)
    assert not (out / pair[0] / f"{stem(pair)}.md").exists()  # no article links a missing chart
    assert not [p for p in out.rglob("*") if ".tmp-" in p.name]
    blocker.rmdir()
    assert "1 written" in succeeds(bank, *args, "--resume")
    article = out / pair[0] / f"{stem(pair)}.md"
    assert links(article) and all(path.is_file() for path in links(article))


def test_a_killed_run_leaves_no_article_linking_a_missing_chart_and_resumes_to_a_clean_run(tmp_path, bank):
    pairs = ("--pairs", "same-group", "--limit", "40", "--quiet", "--charts", "--phrasebanks", str(bank))
    killed, clean = tmp_path / "killed", tmp_path / "clean"
    command = [sys.executable, "-c", BULK, *pairs, "--out", str(killed), "--workers", "2"]
    process = kill_after_ten_articles(command, killed)
    done = manifest(killed)
    assert 10 <= len(done) < 40
    on_disk = sorted(killed.rglob("*.md"))
    assert len(on_disk) >= len(done) and sum(len(links(a)) for a in on_disk) > 0
    for article in on_disk:
        assert all(path.is_file() for path in links(article)), article
    charted = next(folder_of(killed / r["path"]) for r in done if r["charts"])
    (charted / f".pay.svg.tmp-{process.pid}").write_text("half")  # as a kill mid-write leaves it

    resumed = run_cli(*pairs, "--out", str(killed), "--resume", "--workers", "2")
    assert resumed.returncode == 0, resumed.stderr
    assert f"{40 - len(done)} written, {len(done)} already complete, 0 failed" in resumed.stdout
    fresh = run_cli(*pairs, "--out", str(clean), "--workers", "1")
    assert fresh.returncode == 0, fresh.stderr
    assert articles(killed) == articles(clean)
    assert manifest(killed) == manifest(clean)


@pytest.mark.parametrize("fmt", ["html", "json", "jsonl"])
def test_charts_with_another_format_is_one_line_and_writes_nothing(tmp_path, fmt):
    out = tmp_path / "out"
    code, stdout, stderr = invoke("--pairs", "golden", "--out", str(out), "--format", fmt, "--charts")
    assert (code, stdout) == (2, "")
    assert stderr.count("\n") == 1 and stderr.startswith("articlegen: --charts ") and "--format md" in stderr
    assert not out.exists()


def test_charts_with_html_from_a_shell_is_one_line_without_a_traceback(tmp_path):
    result = run_cli("--pairs", "golden", "--out", str(tmp_path / "out"), "--format", "html", "--charts")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("articlegen: --charts ")


def test_overview_pages_get_their_charts_beside_them_too(tmp_path, bank, frozen):
    slug = "bill-and-account-collectors"
    pairs = write_pairs(tmp_path / "pairs.csv", [(slug, "credit-authorizers-checkers-and-clerks")])
    out = tmp_path / "out"
    args = ("--pairs", str(pairs), "--out", str(out), "--kind", "overview", "--charts", "--workers", "1")
    succeeds(bank, *args)
    page = out / f"{slug}.md"
    assert [p.relative_to(out).as_posix() for p in links(page)] == [f"{slug}.charts/pay.svg"]
    doc = frozen.overview_document(slug)
    span = charts.facts_of(doc)[f"{slug}.salary.range"]
    svg = ET.parse(out / f"{slug}.charts" / "pay.svg").getroot()
    value, per_px = charts.axis(svg, charts.money)
    (bar,) = charts.classed(svg, "rect", "bar")
    assert value(float(bar.get("x"))) == pytest.approx(span.low, abs=per_px * charts.PX)
    assert value(float(bar.get("x")) + float(bar.get("width"))) == pytest.approx(
        span.high, abs=2 * per_px * charts.PX
    )


def test_a_url_gets_the_same_articles_and_charts_and_resumes_alike(tmp_path, charted, bank):
    fsspec = require("fsspec", "bulk --charts to a URL needs fsspec (pip install 'articlegen[dask]')")
    chosen = charts.PAIRS[:2]
    pairs = write_pairs(tmp_path / "pairs.csv", chosen)
    url = "memory://articlegen-bulk-charts-test/out"  # one worker: this process writes it
    args = (
        "--pairs",
        str(pairs),
        "--out",
        url,
        "--state",
        str(tmp_path / "state"),
        "--charts",
        "--workers",
        "1",
    )
    fs = fsspec.filesystem("memory")
    root = "/articlegen-bulk-charts-test/out/"
    try:
        code, stdout, stderr = bulk(bank, *args)
        assert code == 0, stdout + stderr
        remote = {p.removeprefix(root): fs.cat_file(p) for p in fs.find(root)}
        local = articles(charted)
        mine = tuple(f"{p[0]}/{stem(p)}." for p in chosen)  # the article and its .charts/ folder
        expected = {path: data for path, data in local.items() if path.startswith(mine)}
        assert {k: v for k, v in remote.items() if not k.endswith(".jsonl")} == expected
        uploaded = [json.loads(line) for line in remote["manifest.jsonl"].decode().splitlines()]
        assert all(record["charts"] for record in uploaded)
        fs.rm(root + uploaded[0]["path"].replace(".md", ".charts/pay.svg"))
        assert "1 written, 1 already complete" in succeeds(bank, *args, "--resume")
        again = {p.removeprefix(root): fs.cat_file(p) for p in fs.find(root)}
        assert {k: v for k, v in again.items() if not k.endswith(".jsonl")} == expected
        again_manifest = [json.loads(line) for line in again["manifest.jsonl"].decode().splitlines()]
        assert sorted(again_manifest, key=lambda r: r["path"]) == sorted(uploaded, key=lambda r: r["path"])
    finally:
        if fs.exists("/articlegen-bulk-charts-test"):
            fs.rm("/articlegen-bulk-charts-test", recursive=True)


def test_the_dask_engine_writes_the_same_charts(tmp_path, charted, bank):
    distributed = require("distributed", "the Dask engine test needs dask[distributed] (articlegen[dask])")
    fsspec = require("fsspec", "the Dask engine test needs fsspec (pip install 'articlegen[dask]')")
    chosen = charts.PAIRS[:2]
    pairs = write_pairs(tmp_path / "pairs.csv", chosen)
    fs = fsspec.filesystem("memory")
    root = "/articlegen-bulk-charts-dask/out/"
    try:
        with distributed.LocalCluster(
            n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
        ) as cluster:
            code, stdout, stderr = bulk(
                bank, "--pairs", str(pairs), "--out", "memory:/" + root, "--engine", "dask",
                "--scheduler", cluster.scheduler_address, "--state", str(tmp_path / "state"), "--charts",
            )  # fmt: skip
            assert code == 0, stdout + stderr
        remote = {p.removeprefix(root): fs.cat_file(p) for p in fs.find(root)}
        local = articles(charted)
        svgs = [k for k in remote if k.endswith(".svg")]
        assert len(svgs) >= 2 * len(chosen)
        for path, data in remote.items():
            if not path.endswith(".jsonl"):
                assert local[path] == data
    finally:
        if fs.exists("/articlegen-bulk-charts-dask"):
            fs.rm("/articlegen-bulk-charts-dask", recursive=True)


def test_a_dead_worker_s_half_written_charts_are_removed(tmp_path):
    store = LocalStore(str(tmp_path))
    folder = tmp_path / "a" / "a-vs-b.charts"
    folder.mkdir(parents=True)
    for name in (".pay.svg.tmp-123", ".growth.svg.tmp-456", "pay.svg", ".pay.svg.tmp-1234"):
        (folder / name).write_text("x")
    store.remove_partial_in(["a/a-vs-b.charts", "a/no-such.charts"], 123)
    assert sorted(p.name for p in folder.iterdir()) == [".growth.svg.tmp-456", ".pay.svg.tmp-1234", "pay.svg"]
