"""The Employment Projections importer: mapping and cleaning rules on small workbooks written
here, reproduction of the committed dataset from BLS's occupation.xlsx, and the command."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from articlegen.cli import main
from articlegen.errors import DataError
from articlegen.sources.files import dump_json
from articlegen.sources.projections import FILE_NAME, import_projections, write_dataset

from .conftest import require, skip_unless_ci

openpyxl = require("openpyxl", "reading .xlsx needs openpyxl (pip install 'articlegen[import]')")

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "data" / "projections" / FILE_NAME
COMMITTED_OEWS = ROOT / "data" / "oews" / "oews-2025.json"

# BLS's headers, copied from occupation.xlsx (en dashes and footnote markers included).
HEADERS_1_2 = [
    "2024 National Employment Matrix title",
    "2024 National Employment Matrix code",
    "Occupation type",
    "Employment, 2024",
    "Employment, 2034",
    "Employment distribution, percent, 2024",
    "Employment distribution, percent, 2034",
    "Employment change, numeric, 2024–34",
    "Employment change, percent, 2024–34",
    "Percent self employed, 2024",
    "Occupational openings, 2024–34 annual average",
    "Median annual wage, dollars, 2024[1]",
    "Typical education needed for entry",
    "Work experience in a related occupation",
    "Typical on-the-job training needed to attain competency in the occupation",
    "Related Occupational Outlook Handbook (OOH) content xlsx",
]
HEADERS_1_10 = [
    "2024 National Employment Matrix title",
    "2024 National Employment Matrix code",
    "Occupation type",
    "Employment, 2024",
    "Employment, 2034",
    "Employment change, numeric, 2024–34",
    "Employment change, percent, 2024–34",
    "Labor force exit rate, 2024–34 annual average",
    "Occupational transfer rate, 2024–34 annual average",
    "Total occupational separations rate, 2024–34 annual average",
    "Labor force exits, 2024–34 annual average",
    "Occupational transfers, 2024–34 annual average",
    "Total occupational separations, 2024–34 annual average",
    "Occupational openings, 2024–34 annual average",
]
CAPTION_1_2 = (
    "Table 1.2 Occupational projections, 2024–2034, and worker characteristics, 2024"
    " (Employment in thousands)"
)
CAPTION_1_10 = "Table 1.10 Occupational separations and openings, projected 2024–34 (Employment in thousands)"
BACHELOR, HIGH_SCHOOL = "Bachelor's degree", "High school diploma or equivalent"
NO_CREDENTIAL = "No formal educational credential"
SHORT, MODERATE = "Short-term on-the-job training", "Moderate-term on-the-job training"


def occ(
    code: str,
    title: str,
    e24: Any,
    e34: Any,
    change: Any,
    pct: Any,
    *,
    kind: str = "Line item",
    self_employed: Any = 5.0,
    openings: Any = 1.0,
    wage: Any = 50000,
    words: tuple[Any, Any, Any] = (HIGH_SCHOOL, "None", SHORT),
    exits: Any = 0.4,
    transfers: Any = 0.5,
) -> dict[str, Any]:
    """One occupation as BLS lays it out in both tables (titles indented as in the workbook)."""
    return {
        "t12": [f"      {title}", code, kind, e24, e34, 0.1, 0.1, change, pct, self_employed, openings, wage,
                *words, "OOH Content"],
        "t110": [f"      {title}", code, kind, e24, e34, change, pct, 4.0, 5.0, 9.0, exits, transfers,
                 0.9, openings],
    }  # fmt: skip


NOTES = [["Footnotes:"], ["[1] Data are from the OEWS program."], ['Note: Data is unavailable for "—".']]

ROWS = [
    occ("00-0000", "Total, all occupations", 169956.1, 175167.9, 5211.8, 3.1, kind="Summary",
        self_employed=5.8, openings=18863.3, wage=49500, words=("—",) * 3, exits=8155, transfers=10187.1),
    occ("11-0000", "Management occupations", 13607.6, 14441, 833.4, 6.1, kind="Summary", words=("—",) * 3),
    # Direct, with a footnote marker on a category, a top-coded wage and no self-employment figure.
    occ("11-1011", "Chief executives", 309.4, 322.7, 13.3, 4.3, self_employed="—", openings=22.2,
        wage=">=$239,200", words=(f"{BACHELOR}[2]", "5 years or more", "None"), exits=9.5, transfers=11.4),
    occ("11-1031", "Legislators", 27.7, 28.6, 0.9, 3.4),  # EP only
    # OEWS combines these three as 13-1020; their training differs.
    occ("13-1021", "Buyers, farm products", 10.1, 9.6, -0.5, -5.0, self_employed=10.0, openings=0.9,
        words=(HIGH_SCHOOL, "None", MODERATE), exits=0.3, transfers=0.5),
    occ("13-1022", "Wholesale and retail buyers", 120.2, 118.1, -2.1, -1.7, self_employed=2.0, openings=11.5,
        words=(HIGH_SCHOOL, "None", MODERATE), exits=4.1, transfers=7.2),
    occ("13-1023", "Purchasing agents", 300.3, 310, 9.7, 3.2, self_employed=1.0, openings=27.3,
        words=(HIGH_SCHOOL, "None", "Long-term on-the-job training"), exits=9.9, transfers=16.6),
    # EP keeps one code where OEWS has two.
    occ("31-1120", "Home health and personal care aides", 4347.7, 5087.5, 739.8, 17.0),
    # Hourly-only pay: BLS publishes no annual median; a blank self-employment cell.
    occ("27-2011", "Actors", 57, 57.1, 0.2, 0.3, self_employed=None, wage="—",
        words=("Some college, no degree", "None", "Long-term on-the-job training")),
    occ("43-3099", "Financial clerks, all other", 40.5, 38.2, -2.3, -5.7,
        words=(NO_CREDENTIAL, "None", SHORT)),
]  # fmt: skip

OEWS = [
    ("11-1011", "Chief Executives", False),
    ("13-1020", "Buyers and Purchasing Agents", False),
    ("21-1018", "Substance Abuse, Behavioral Disorder, and Mental Health Counselors", False),
    ("27-2011", "Actors", False),
    ("31-1121", "Home Health Aides", False),
    ("31-1122", "Personal Care Aides", False),
    ("43-3099", "Financial Clerks, All Other", True),
]


def write_workbook(
    path: Path,
    rows: list[dict[str, Any]] = ROWS,
    *,
    headers_1_2: list[str] = HEADERS_1_2,
    caption_1_2: str = CAPTION_1_2,
    sheets: tuple[str, ...] = ("Index", "Table 1.2", "Table 1.10"),
) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name in sheets:
        sheet = book.create_sheet(name)
        if name == "Table 1.2":
            sheet.append([caption_1_2])
            sheet.append(headers_1_2)
            for row in rows:
                sheet.append(row["t12"])
            for note in NOTES:
                sheet.append(note)
        elif name == "Table 1.10":
            sheet.append([CAPTION_1_10])
            sheet.append(HEADERS_1_10)
            for row in rows:
                sheet.append(row["t110"])
            sheet.append(["Source: Employment Projections program, U.S. Bureau of Labor Statistics"])
        else:
            sheet.append(["Occupation.xlsx contents"])
    book.save(path)
    return path


def write_oews(path: Path, occupations: list[tuple[str, str, bool]] = OEWS) -> Path:
    document = {
        "provenance": {"release": "May 2025"},
        "occupations": [{"soc": s, "title": t, "residual": r, "slug": "x"} for s, t, r in occupations],
    }
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    return write_workbook(tmp_path / "occupation.xlsx"), write_oews(tmp_path / "oews-2025.json")


@pytest.fixture
def document(files: tuple[Path, Path]) -> dict[str, Any]:
    return import_projections(*files).to_document()


@pytest.fixture
def records(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["soc"]: r for r in document["occupations"]}


# --- rules ------------------------------------------------------------------------------------------


def test_only_matched_line_items_become_records_sorted_by_oews_code(document):
    assert [r["soc"] for r in document["occupations"]] == ["11-1011", "13-1020", "27-2011", "43-3099"]


def test_a_direct_match_keeps_bls_figures_units_and_words(records):
    ceo = records["11-1011"]
    assert ceo == {
        "soc": "11-1011",
        "title": "Chief executives",
        "combined_from": None,
        "employment_2024_thousands": 309.4,
        "employment_2034_thousands": 322.7,
        "employment_change_2024_34_thousands": 13.3,
        "employment_change_2024_34_percent": 4.3,
        "self_employed_2024_percent": None,  # "—"
        "median_annual_wage_2024_dollars": 239200,
        "top_coded": ["median_annual_wage_2024_dollars"],
        "openings_annual_average_2024_34_thousands": 22.2,
        "labor_force_exits_annual_average_2024_34_thousands": 9.5,
        "occupational_transfers_annual_average_2024_34_thousands": 11.4,
        "typical_education_needed_for_entry": BACHELOR,  # the "[2]" marker is gone
        "work_experience_in_a_related_occupation": "5 years or more",
        "typical_on_the_job_training": "None",  # BLS's word, not a missing value
    }


def test_unpublished_values_are_null_not_zero(records):
    actors = records["27-2011"]
    assert actors["median_annual_wage_2024_dollars"] is None
    assert actors["self_employed_2024_percent"] is None
    assert actors["top_coded"] == []
    assert actors["employment_2024_thousands"] == 57


def test_an_oews_aggregate_sums_its_ep_parts_and_recomputes_percent_change(records):
    buyers = records["13-1020"]
    assert buyers["combined_from"] == ["13-1021", "13-1022", "13-1023"]
    assert buyers["title"] == "Buyers and Purchasing Agents"
    assert buyers["employment_2024_thousands"] == 430.6
    assert buyers["employment_2034_thousands"] == 437.7
    assert buyers["employment_change_2024_34_thousands"] == 7.1
    assert buyers["employment_change_2024_34_percent"] == 1.6  # 7.1 / 430.6
    assert buyers["openings_annual_average_2024_34_thousands"] == 39.7
    assert buyers["labor_force_exits_annual_average_2024_34_thousands"] == 14.3
    assert buyers["occupational_transfers_annual_average_2024_34_thousands"] == 24.3
    # (10.1 * 10 + 120.2 * 2 + 300.3 * 1) / 430.6 = 1.49
    assert buyers["self_employed_2024_percent"] == 1.5
    assert buyers["median_annual_wage_2024_dollars"] is None


def test_a_combined_record_keeps_a_category_only_when_all_parts_agree(records):
    buyers = records["13-1020"]
    assert buyers["typical_education_needed_for_entry"] == HIGH_SCHOOL
    assert buyers["work_experience_in_a_related_occupation"] == "None"
    assert buyers["typical_on_the_job_training"] is None


def test_an_ep_code_that_oews_splits_is_not_divided_and_both_sides_are_listed(document, records):
    assert "31-1121" not in records and "31-1122" not in records
    ep = {u["code"]: u for u in document["unmatched"]["ep_codes_not_in_oews"]}
    oews = {u["code"]: u for u in document["unmatched"]["oews_codes_not_in_ep"]}
    assert ep["31-1120"]["reason"] == "combines the OEWS codes 31-1121, 31-1122; a total cannot be divided"
    assert oews["31-1121"]["reason"] == "EP publishes only the combined code 31-1120, which cannot be split"
    assert oews["31-1122"]["title"] == "Personal Care Aides"


def test_every_unmatched_code_is_listed_both_ways(document):
    unmatched = document["unmatched"]
    assert [u["code"] for u in unmatched["ep_codes_not_in_oews"]] == ["11-1031", "31-1120"]
    assert unmatched["ep_codes_not_in_oews"][0] == {
        "code": "11-1031",
        "title": "Legislators",
        "reason": "not among the 7 OEWS occupations",
    }
    assert [u["code"] for u in unmatched["oews_codes_not_in_ep"]] == ["21-1018", "31-1121", "31-1122"]
    assert unmatched["oews_codes_not_in_ep"][0]["reason"] == "EP has no line item with this code or under it"


def test_all_occupations_is_the_total_row(document):
    total = document["all_occupations"]
    assert total["soc"] == "00-0000"
    assert total["title"] == "Total, all occupations"
    assert total["employment_change_2024_34_percent"] == 3.1
    assert total["openings_annual_average_2024_34_thousands"] == 18863.3
    assert total["labor_force_exits_annual_average_2024_34_thousands"] == 8155
    assert total["typical_education_needed_for_entry"] is None


def test_counts_report_coverage_of_non_residual_subjects(document):
    counts = document["counts"]
    assert counts["subjects"] == 6
    assert counts["subjects_with_projection"] == 3  # 11-1011, 13-1020, 27-2011 (43-3099 is residual)
    assert counts["matched_direct"] == 3 and counts["matched_combined"] == 1
    assert counts["ep_line_items"] == 8 and counts["ep_summary_rows"] == 2
    assert counts["subjects_with_fact"]["median_annual_wage_2024_dollars"] == 1  # only 11-1011
    assert counts["subjects_with_fact"]["typical_on_the_job_training"] == 2  # 13-1020's parts disagree


def test_provenance_names_the_release_file_tables_and_rules(document, files):
    provenance = document["provenance"]
    assert provenance["release"] == "Employment Projections 2024–34"
    assert provenance["citation"] == "U.S. Bureau of Labor Statistics, Employment Projections 2024–34"
    assert provenance["source_file"] == "occupation.xlsx"
    assert provenance["source_sha256"] == hashlib.sha256(files[0].read_bytes()).hexdigest()
    assert provenance["tables"] == {"Table 1.2": CAPTION_1_2, "Table 1.10": CAPTION_1_10}
    assert provenance["oews_dataset"] == {"file": "oews-2025.json", "release": "May 2025", "occupations": 7}
    assert {"records", "direct", "combined", "not_split", "missing", "top_coded"} <= set(provenance["rules"])


def test_columns_are_found_by_header_not_position(tmp_path, files):
    order = [0, 1, 2, 11, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15]  # the wage column moved to fourth
    rows = [{"t12": [r["t12"][i] for i in order], "t110": r["t110"]} for r in ROWS]
    moved = write_workbook(tmp_path / "moved.xlsx", rows, headers_1_2=[HEADERS_1_2[i] for i in order])
    assert (
        import_projections(moved, files[1]).to_document()["occupations"]
        == (import_projections(*files).to_document()["occupations"])
    )


def test_numbers_written_as_text_are_read_as_numbers(tmp_path, files):
    rows = [
        *ROWS[:2],
        occ("11-1011", "Chief executives", "1,309.4", "1,322.7", "13.3", "-4.3", wage="206,420"),
    ]
    document = import_projections(write_workbook(tmp_path / "text.xlsx", rows), files[1]).to_document()
    ceo = document["occupations"][0]
    assert ceo["employment_2024_thousands"] == 1309.4
    assert ceo["employment_change_2024_34_percent"] == -4.3
    assert ceo["median_annual_wage_2024_dollars"] == 206420


def test_write_is_deterministic(files, tmp_path):
    first = write_dataset(import_projections(*files), tmp_path / "a")
    second = write_dataset(import_projections(*files), tmp_path / "b")
    assert first.name == FILE_NAME
    assert first.read_bytes() == second.read_bytes()
    assert first.read_text(encoding="utf-8") == dump_json(json.loads(first.read_text(encoding="utf-8")))


# --- one-line errors ----------------------------------------------------------------------------------


def expect_error(source: Path, oews: Path, *fragments: str) -> str:
    with pytest.raises(DataError) as caught:
        import_projections(source, oews)
    message = str(caught.value)
    assert "\n" not in message
    for fragment in fragments:
        assert fragment in message, message
    return message


def test_missing_file(tmp_path, files):
    expect_error(tmp_path / "absent.xlsx", files[1], "absent.xlsx", "no such file")


def test_bad_workbook(tmp_path, files):
    bad = tmp_path / "occupation.xlsx"
    bad.write_text("not a zip", encoding="utf-8")
    expect_error(bad, files[1], "not a readable .xlsx workbook")


def test_missing_worksheet(tmp_path, files):
    book = write_workbook(tmp_path / "one.xlsx", sheets=("Table 1.2",))
    expect_error(book, files[1], "no worksheet named 'Table 1.10'")


def test_missing_column(tmp_path, files):
    headers = [h if h != "Employment, 2034" else "Employment, 2035" for h in HEADERS_1_2]
    book = write_workbook(tmp_path / "col.xlsx", headers_1_2=headers)
    expect_error(book, files[1], "worksheet 'Table 1.2' has no column 'Employment, 2034'")


def test_caption_without_units(tmp_path, files):
    book = write_workbook(tmp_path / "units.xlsx", caption_1_2="Table 1.2 Occupational projections")
    expect_error(book, files[1], "does not say '(Employment in thousands)'")


def test_a_value_that_is_not_a_number_names_row_code_and_column(tmp_path, files):
    rows = [*ROWS[:2], occ("11-1011", "Chief executives", "309.4 est.", 322.7, 13.3, 4.3)]
    book = write_workbook(tmp_path / "bad.xlsx", rows)
    expect_error(book, files[1], "row 5 (11-1011)", "column 'Employment, 2024'", "'309.4 est.'")


def test_an_unknown_occupation_type(tmp_path, files):
    rows = [*ROWS[:2], occ("11-1011", "Chief executives", 1, 1, 0, 0, kind="Detail")]
    expect_error(write_workbook(tmp_path / "t.xlsx", rows), files[1], "row 5 (11-1011)", "'Detail'")


def test_a_malformed_code(tmp_path, files):
    rows = [*ROWS[:2], occ("111011", "Chief executives", 1, 1, 0, 0)]
    expect_error(write_workbook(tmp_path / "c.xlsx", rows), files[1], "row 5", "'111011'")


def test_a_code_twice(tmp_path, files):
    rows = [*ROWS, ROWS[-1]]
    expect_error(write_workbook(tmp_path / "d.xlsx", rows), files[1], "code 43-3099 appears twice")


def test_tables_that_disagree(tmp_path, files):
    rows = [dict(r) for r in ROWS]
    rows[2] = {"t12": ROWS[2]["t12"], "t110": [*ROWS[2]["t110"][:-1], 99.9]}
    message = expect_error(write_workbook(tmp_path / "x.xlsx", rows), files[1], "row 5 (11-1011)", "99.9")
    assert "openings_annual_average_2024_34_thousands" in message


def test_no_total_row(tmp_path, files):
    expect_error(write_workbook(tmp_path / "n.xlsx", ROWS[1:]), files[1], "no 00-0000 summary row")


def test_oews_dataset_missing_or_bad(tmp_path, files):
    expect_error(files[0], tmp_path / "none.json", "none.json", "no such file")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    expect_error(files[0], broken, "broken.json", "not valid JSON")
    broken.write_text(json.dumps({"occupations": [{"soc": "11-1011"}]}), encoding="utf-8")
    expect_error(files[0], broken, "occupations[0] lacks")


# --- the command ----------------------------------------------------------------------------------------


def test_cli_writes_the_dataset_and_a_summary(files, tmp_path):
    out = tmp_path / "out"
    args = ["import-projections", str(files[0]), "--oews", str(files[1]), "--out", str(out)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    written = out / FILE_NAME
    assert written.read_text(encoding="utf-8") == dump_json(import_projections(*files).to_document())
    digest = hashlib.sha256(written.read_bytes()).hexdigest()
    assert result.stdout == (
        f"wrote 4 occupations to {written} (3 matched directly, 1 combined; unmatched: 2 EP codes, "
        f"3 OEWS codes; 3/6 subjects covered; sha256 {digest})\n"
    )


def test_cli_error_is_one_line(tmp_path, files):
    args = [
        "import-projections",
        str(tmp_path / "absent.xlsx"),
        "--oews",
        str(files[1]),
        "--out",
        str(tmp_path),
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"articlegen: {tmp_path / 'absent.xlsx'}: no such file"]


# --- reproduction from BLS's workbook ------------------------------------------------------------------


def sources_dir() -> Path:
    given = os.environ.get("ARTICLEGEN_SOURCES")
    return Path(given) if given else Path(__file__).resolve().parents[2] / "shared" / "sources"


@pytest.fixture(scope="module")
def reimported(tmp_path_factory) -> Path:
    source = sources_dir() / "bls-ep-2024-34" / "occupation.xlsx"
    if not source.is_file():
        skip_unless_ci(f"BLS's workbook is not available at {source} (set ARTICLEGEN_SOURCES)")
    out = tmp_path_factory.mktemp("projections")
    return write_dataset(import_projections(source, COMMITTED_OEWS), out)


def test_reimport_reproduces_the_committed_file(reimported):
    assert reimported.read_bytes() == COMMITTED.read_bytes()


def test_committed_figures_match_bls_headline_numbers(reimported):
    document = json.loads(reimported.read_text(encoding="utf-8"))
    records = {r["soc"]: r for r in document["occupations"]}
    assert records["15-1252"]["employment_change_2024_34_percent"] == 15.8
    assert records["29-1141"]["employment_change_2024_34_percent"] == 4.9
    assert document["all_occupations"]["employment_change_2024_34_percent"] == 3.1
    assert document["counts"]["subjects_with_projection"] == document["counts"]["subjects"] == 760
    assert [u["code"] for u in document["unmatched"]["ep_codes_not_in_oews"]] == ["11-1031", "45-3031"]
