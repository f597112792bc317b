"""The CPS importer: the crosswalk rules and missing values on small workbooks written here, the override
file's one-line errors, reproduction of the committed data/cps/cps.json from BLS's tables, and the command."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from articlegen.cli import main
from articlegen.errors import DataError
from articlegen.sources.cps import FILE_NAME, import_cps, write_dataset
from articlegen.sources.cps.crosswalk import normalize
from articlegen.sources.files import dump_json

from .conftest import require, skip_unless_ci

openpyxl = require("openpyxl", "reading .xlsx needs openpyxl (pip install 'articlegen[import]')")

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "data" / "cps" / FILE_NAME
COMMITTED_OEWS = ROOT / "data" / "oews" / "oews-2025.json"
COMMITTED_OVERRIDES = ROOT / "data" / "cps" / "crosswalk-overrides.yaml"
DASH = "–"
AGE_FILE, PEOPLE_FILE = "cpsaat11b-2025.xlsx", "cpsaat11-2022.xlsx"

# --- small workbooks laid out as BLS lays out the real ones ----------------------------------------

AGE_HEADER = [
    ["HOUSEHOLD DATA\n ANNUAL AVERAGES\n 11b. Employed people by detailed occupation and age"],
    ["[Numbers in thousands]"],
    [""],
    ["Occupation", "2025"],
    [None, "Total, 16 years and over", "16 to 19 years", "20 to 24 years", "Median age"],
    [""],
]
PEOPLE_HEADER = [
    ["HOUSEHOLD DATA\nANNUAL AVERAGES\n11. Employed persons by detailed occupation, sex, race, and ..."],
    ["[Numbers in thousands]"],
    [None],
    ["Occupation", 2022],
    [None, "Total\nemployed", "Percent of total employed"],
    [None, None, "Women", "White", "Black or\nAfrican\nAmerican", "Asian", "Hispanic\nor Latino"],
    [None],
]

GRINDING = (
    "Grinding, lapping, polishing, and buffing machine tool setters, operators, and tenders, "
    "metal and plastic"
)
# (title, employed 2025, median age, employed 2022, women, white, black, asian, hispanic)
ROWS: list[tuple[Any, ...]] = [
    ("Management occupations", 20876, 46.1, 20199, 40.5, 81.6, 9.0, 6.6, 11.5),
    ("Chief executives", 1802, 51.6, 1780, 29.2, 85.9, 5.9, 6.7, 6.8),
    ("Legislators", 18, DASH, 14, DASH, DASH, DASH, DASH, DASH),
    ("Public relations and fundraising managers", 141, 42.3, 131, 64.3, 87.4, 8.9, 2.9, 7.5),
    ("Computer and mathematical occupations", 6711, 40.7, 6171, 26.7, 65.8, 8.9, 22.6, 8.6),
    ("Software developers", 2254, 38.6, 2085, 21.5, 55, 5.7, 36.4, 5.7),
    ("Other drafters", 79, 44.4, 60, 20.1, 80.2, 5.0, 6.0, 15.0),
    (GRINDING, 37, DASH, 40, None, None, None, None, None),
    ("Electrical power-line installers and repairers", 144, 39.3, 120, 1.9, 83.0, 9.1, 0.6, 12.4),
    ("Cashiers", 2490, 26.1, 2712, 71.8, 71.9, 16.2, 6.6, 24.4),
    ("Other healthcare practitioners and technical occupations", 139, 41.1, 91, 60.0, 75.0, 10.0, 8.0, 9.0),
]  # fmt: skip
TOTAL_2025 = ("Total employed", 163493, 5551, 14347, 42.1)
TOTAL_2022 = ("Total, 16 years and over", 158291, 46.8, 77, 12.6, 6.7, 18.5)
NOTE_2025 = "NOTE: Annual estimates for 2025 are 11-month averages that exclude October."

OEWS = [
    ("11-1011", "Chief Executives", False),
    ("11-2032", "Public Relations Managers", False),
    ("11-2033", "Fundraising Managers", False),
    ("11-9999", "Management Occupations", False),  # a title equal to a summary row's, never matched
    ("15-1252", "Software Developers", False),
    ("17-3019", "Drafters, All Other", True),
    ("29-9099", "Healthcare Practitioners and Technical Workers, All Other", True),
    ("41-2011", "Cashiers", False),
    ("41-2012", "Gambling Change Persons and Booth Cashiers", False),
    ("49-9051", "Electrical Power-Line Installer and Repairer", False),  # singular: the plural rule
    ("51-4033", "Grinding, Lapping, Polishing, & Buffing Machine Tool Setters, Operators, & Tenders, "
                "Metal & Plastic", False),
    ("53-9999", "Nobody In The Tables", False),
]  # fmt: skip

OVERRIDES = """\
rows:
  "Public relations and fundraising managers":
    soc: [11-2032, 11-2033]
    why: Census SOC 11-2030.
  "Cashiers":
    soc: [41-2011, 41-2012]
    why: Census SOC 41-2010.
  "Legislators":
    soc: []
    why: SOC 11-1031, which OEWS does not publish.
unmatched_codes:
  53-9999:
    why: No Census row.
"""


def age_rows(rows: list[tuple[Any, ...]] = ROWS) -> list[list[Any]]:
    body = [[TOTAL_2025[0], TOTAL_2025[1], TOTAL_2025[2], TOTAL_2025[3], TOTAL_2025[4]], [None]]
    body += [[r[0], r[1], 0, 0, r[2]] for r in rows]
    return AGE_HEADER + body + [[""], [NOTE_2025]]


def people_rows(rows: list[tuple[Any, ...]] = ROWS) -> list[list[Any]]:
    body = [list(TOTAL_2022), [None]] + [[r[0], *r[3:]] for r in rows]
    return (
        PEOPLE_HEADER + body + [[None], ["NOTE: Estimates for the above race groups do not sum to totals."]]
    )


def write_book(path: Path, rows: list[list[Any]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def write_oews(path: Path, occupations: list[tuple[str, str, bool]] = OEWS) -> Path:
    document = {
        "provenance": {"release": "May 2025"},
        "occupations": [{"soc": s, "title": t, "residual": r} for s, t, r in occupations],
    }
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    directory = tmp_path / "bls-cps"
    directory.mkdir()
    write_book(directory / AGE_FILE, age_rows())
    write_book(directory / PEOPLE_FILE, people_rows())
    return directory


@pytest.fixture
def oews(tmp_path: Path) -> Path:
    return write_oews(tmp_path / "oews-2025.json")


def overrides_file(tmp_path: Path, text: str = OVERRIDES) -> Path:
    path = tmp_path / "crosswalk-overrides.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def run(sources: Path, oews: Path, overrides: Path) -> dict[str, Any]:
    return dict(import_cps(sources, oews, overrides).document)


@pytest.fixture
def document(sources, oews, tmp_path) -> dict[str, Any]:
    return run(sources, oews, overrides_file(tmp_path))


def records(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["soc"]: r for r in document["occupations"]}


# --- the crosswalk rules -----------------------------------------------------------------------------


def test_a_title_match_is_the_codes_own_row_with_figures_as_published(document):
    chief = records(document)["11-1011"]
    assert chief == {
        "soc": "11-1011",
        "age": {"row": "Chief executives", "broader": False, "employed_thousands": 1802, "median_age": 51.6,
                "year": 2025},
        "people": {"row": "Chief executives", "broader": False, "employed_thousands": 1780, "women": 29.2,
                   "white": 85.9, "black": 5.9, "asian": 6.7, "hispanic": 6.8, "year": 2022},
    }  # fmt: skip
    assert records(document)["15-1252"]["people"]["white"] == 55.0  # a whole percent is still a percent


def test_normalising_reads_case_ampersands_commas_hyphens_and_plurals_alike():
    assert normalize("Grinding, Lapping, Polishing, & Buffing Machine Tool Setters") == normalize(
        "Grinding, lapping, polishing, and buffing machine tool setters"
    )
    assert normalize("Electrical Power-Line Installer and Repairer") == normalize(
        "Electrical power-line installers and repairers"
    )
    assert normalize("Helpers--Production Workers") == "helper production worker"
    assert normalize("Secretaries") == "secretary" and normalize("Glass") == "glass"
    assert normalize("Other drafters") != normalize("Drafters, All Other")


def test_title_rules_match_ampersands_and_singular_oews_titles(document):
    found = records(document)
    assert found["51-4033"]["age"]["row"].startswith("Grinding, lapping")
    assert found["49-9051"]["people"]["row"] == "Electrical power-line installers and repairers"
    assert found["49-9051"]["age"]["broader"] is False


def test_a_row_covering_several_codes_is_a_broader_row_for_each(document):
    found = records(document)
    for code in ("11-2032", "11-2033"):
        assert found[code]["age"]["broader"] is True
        assert found[code]["age"]["row"] == "Public relations and fundraising managers"
        assert found[code]["people"]["women"] == 64.3


def test_an_override_replaces_the_title_rule_for_its_row(document):
    # "Cashiers" matches 41-2011 by title, but the Census row also covers 41-2012: broader for both.
    found = records(document)
    assert found["41-2011"]["age"]["broader"] is True
    assert found["41-2012"]["people"] == found["41-2011"]["people"]


def test_summary_rows_are_never_mapped_and_other_rows_never_match_all_other_codes(document):
    found = records(document)
    assert "11-9999" not in found  # "Management occupations" is a summary row
    assert "17-3019" not in found  # "Other drafters" is not "Drafters, All Other"
    rows = [r["row"] for r in document["unmatched"]["age"]["rows"]]
    assert "Management occupations" not in rows and "Computer and mathematical occupations" not in rows
    # "Other … occupations" is detailed: reported unmatched, not dropped as a summary
    assert "Other healthcare practitioners and technical occupations" in rows
    assert "Other drafters" in rows


def test_unmatched_rows_and_codes_are_reported_with_the_reviewed_reasons(document):
    unmatched = document["unmatched"]
    for table in ("age", "people"):
        assert unmatched[table]["rows"] == [
            {"row": "Legislators", "why": "SOC 11-1031, which OEWS does not publish."},
            {"row": "Other drafters", "why": None},
            {"row": "Other healthcare practitioners and technical occupations", "why": None},
        ]
        assert [c["soc"] for c in unmatched[table]["soc"]] == ["11-9999", "17-3019", "29-9099", "53-9999"]
    assert unmatched["soc_without_any_row"][-1] == {
        "soc": "53-9999",
        "title": "Nobody In The Tables",
        "residual": False,
        "why": "No Census row.",
    }


def test_only_matched_codes_get_records_sorted_by_code(document):
    assert [r["soc"] for r in document["occupations"]] == [
        "11-1011", "11-2032", "11-2033", "15-1252", "41-2011", "41-2012", "49-9051", "51-4033",
    ]  # fmt: skip


def test_unpublished_and_blank_values_are_null_and_the_row_still_says_so(document):
    grinding = records(document)["51-4033"]
    assert grinding["age"] == {
        "row": GRINDING, "broader": False, "employed_thousands": 37, "median_age": None, "year": 2025,
    }  # fmt: skip
    people = grinding["people"]  # blank cells in the 2022 table
    assert [people[k] for k in ("women", "white", "black", "asian", "hispanic")] == [None] * 5
    assert people["employed_thousands"] == 40


def test_all_workers_rows_and_provenance(document, sources):
    assert document["all_workers"]["age"] == {
        "row": "Total employed", "employed_thousands": 163493, "median_age": 42.1, "year": 2025,
    }  # fmt: skip
    assert document["all_workers"]["people"]["row"] == "Total, 16 years and over"
    assert document["all_workers"]["people"]["white"] == 77.0
    provenance = document["provenance"]
    assert provenance["sources"]["age"]["file"] == AGE_FILE
    assert provenance["sources"]["people"]["citation"] == (
        "U.S. Bureau of Labor Statistics, Current Population Survey, 2022 annual averages"
    )
    assert provenance["sources"]["age"]["notes"] == [NOTE_2025]
    assert len(provenance["overrides"]["sha256"]) == 64
    assert {"title_rule", "summary_rows", "own_or_broader", "overrides"} <= set(provenance["rules"])


def test_counts_split_own_and_broader_rows_over_non_residual_codes(document):
    counts = document["counts"]
    assert counts["subjects"] == 10  # 12 codes, 2 residual
    assert counts["subjects_without_any_row"] == 2  # 11-9999, 53-9999
    assert counts["age_row"] == {"own_row": 4, "broader_row": 4}
    assert counts["median_age"] == {"own_row": 3, "broader_row": 4}  # grinding's is unpublished
    assert counts["women"] == {"own_row": 3, "broader_row": 4}  # grinding's is blank


def test_each_table_is_matched_on_its_own_titles(sources, oews, tmp_path):
    renamed = [("Software developers, applications", *ROWS[5][1:]) if r[0] == "Software developers" else r
               for r in ROWS]  # fmt: skip
    write_book(sources / PEOPLE_FILE, people_rows(renamed))
    found = records(run(sources, oews, overrides_file(tmp_path)))
    assert found["15-1252"]["age"]["row"] == "Software developers"
    assert found["15-1252"]["people"] is None


def test_an_override_for_a_row_of_one_table_only_applies_there(sources, oews, tmp_path):
    write_book(sources / PEOPLE_FILE, people_rows([r for r in ROWS if r[0] != "Other drafters"]))
    text = OVERRIDES.replace(
        "unmatched_codes:", '  "Other drafters":\n    soc: [17-3019]\n    why: test.\nunmatched_codes:'
    )
    found = records(run(sources, oews, overrides_file(tmp_path, text)))
    assert found["17-3019"]["age"] == {
        "row": "Other drafters", "broader": False, "employed_thousands": 79, "median_age": 44.4, "year": 2025,
    }  # fmt: skip
    assert found["17-3019"]["people"] is None


def test_output_is_deterministic(sources, oews, tmp_path):
    overrides = overrides_file(tmp_path)
    first = write_dataset(import_cps(sources, oews, overrides), tmp_path / "a")
    second = write_dataset(import_cps(sources, oews, overrides), tmp_path / "b")
    assert first.name == "cps.json"
    assert first.read_bytes() == second.read_bytes()
    assert first.read_text(encoding="utf-8") == dump_json(json.loads(first.read_text(encoding="utf-8")))


# --- one-line errors ---------------------------------------------------------------------------------


def error_of(sources: Path, oews: Path, overrides: Path) -> str:
    with pytest.raises(DataError) as caught:
        import_cps(sources, oews, overrides)
    message = str(caught.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(
    ("entry", "line", "message"),
    [
        ('  "Chief executive":\n    soc: [11-1011]\n    why: typo.\n', 11,
         "unknown CPS row title 'Chief executive'"),
        ('  "Software developers":\n    soc: [15-1253]\n    why: x.\n', 12, "unknown SOC code 15-1253"),
        ('  "Other drafters":\n    soc: [41-2012]\n    why: x.\n', 12,
         "41-2012 is already claimed by 'Cashiers' (line 6)"),
        ('  "Other drafters":\n    soc: [11-1011]\n    why: x.\n', 11,
         "'Other drafters' claims 11-1011, but row 'Chief executives'"),
        ('  "Management occupations":\n    soc: [11-9999]\n    why: x.\n', 11, "is a summary row"),
        ('  "Other drafters":\n    soc: [17-3019]\n', 11, "'why' must say why"),
        ('  "Other drafters":\n    soc: 17-3019\n    why: x.\n', 12, "'soc' must be a list"),
        ('  "Other drafters":\n    soc: [17-301]\n    why: x.\n', 12, "'17-301' is not a SOC code"),
        ('  "Other drafters":\n    soc: []\n    why: x.\n    note: y\n', 14, "unknown field 'note'"),
    ],
)  # fmt: skip
def test_override_errors_name_the_file_and_line(sources, oews, tmp_path, entry, line, message):
    text = OVERRIDES.replace("unmatched_codes:", entry + "unmatched_codes:")
    path = overrides_file(tmp_path, text)
    got = error_of(sources, oews, path)
    assert got.startswith(f"{path}:{line}: "), got
    assert message in got


def test_an_unmatched_code_that_a_row_claims_is_an_error(sources, oews, tmp_path):
    path = overrides_file(tmp_path, OVERRIDES + "  41-2012:\n    why: x.\n")
    assert error_of(sources, oews, path) == (
        f"{path}:14: 41-2012 is listed as unmatched but row 'Cashiers' (line 5) claims it"
    )


def test_bad_yaml_is_one_line_with_its_line(sources, oews, tmp_path):
    path = overrides_file(tmp_path, 'rows:\n  "Cashiers":\n    soc: [41-2011\n')
    assert error_of(sources, oews, path).startswith(f"{path}:4: YAML syntax error")


def test_a_missing_table_is_named(sources, oews, tmp_path):
    (sources / PEOPLE_FILE).unlink()
    assert error_of(sources, oews, overrides_file(tmp_path)) == f"{sources / PEOPLE_FILE}: no such file"


def test_a_missing_column_is_named(sources, oews, tmp_path):
    header = [row[:4] if "Median age" in row else row for row in AGE_HEADER]
    write_book(sources / AGE_FILE, header + age_rows()[len(AGE_HEADER) :])
    assert error_of(sources, oews, overrides_file(tmp_path)).startswith(
        f"{sources / AGE_FILE}: no column 'Median age' in the header rows"
    )


def test_a_table_of_another_year_is_refused(sources, oews, tmp_path):
    header = [["Occupation", "2024"] if row[:1] == ["Occupation"] else row for row in AGE_HEADER]
    write_book(sources / AGE_FILE, header + age_rows()[len(AGE_HEADER) :])
    assert error_of(sources, oews, overrides_file(tmp_path)) == (
        f"{sources / AGE_FILE}: the header does not name the year 2025; expected 2025 annual averages"
    )


def test_a_bad_workbook_is_one_line(sources, oews, tmp_path):
    (sources / AGE_FILE).write_text("not a workbook", encoding="utf-8")
    assert error_of(sources, oews, overrides_file(tmp_path)).startswith(
        f"{sources / AGE_FILE}: not a readable .xlsx workbook"
    )


def test_a_bad_value_names_its_row_and_column(sources, oews, tmp_path):
    rows = [(r[0], r[1], "forty", *r[3:]) if r[0] == "Cashiers" else r for r in ROWS]
    write_book(sources / AGE_FILE, age_rows(rows))
    assert error_of(sources, oews, overrides_file(tmp_path)) == (
        f"{sources / AGE_FILE}: row 18 ('Cashiers'), column 'Median age': unexpected value 'forty'"
    )


def test_a_percent_with_two_decimals_is_refused(sources, oews, tmp_path):
    rows = [(*r[:4], 71.85, *r[5:]) if r[0] == "Cashiers" else r for r in ROWS]
    write_book(sources / PEOPLE_FILE, people_rows(rows))
    assert "column 'Women': expected at most one decimal, found 71.85" in error_of(
        sources, oews, overrides_file(tmp_path)
    )


def test_a_missing_oews_dataset_is_named(sources, tmp_path):
    missing = tmp_path / "none.json"
    assert error_of(sources, missing, overrides_file(tmp_path)).startswith(f"{missing}: no such file")


# --- the command -------------------------------------------------------------------------------------


def test_command_writes_the_dataset_and_prints_one_line(sources, oews, tmp_path):
    out = tmp_path / "out"
    args = ["import-cps", str(sources), "--oews", str(oews), "--overrides", str(overrides_file(tmp_path)),
            "--out", str(out)]  # fmt: skip
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    written = out / FILE_NAME
    assert json.loads(written.read_text(encoding="utf-8"))["counts"]["subjects"] == 10
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"wrote 8 occupations to {written} (sha256 ")
    assert lines[0].endswith(
        "8 of 10 subjects matched; unmatched: 3 rows of table 11b, 3 rows of table 11, 4 OEWS codes"
    )


def test_command_reports_a_bad_override_in_one_line(sources, oews, tmp_path):
    path = overrides_file(tmp_path, OVERRIDES.replace("[11-2032, 11-2033]", "[11-2032, 99-0000]"))
    args = [
        "import-cps",
        str(sources),
        "--oews",
        str(oews),
        "--overrides",
        str(path),
        "--out",
        str(tmp_path / "o"),
    ]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"articlegen: {path}:3: 'Public relations and fundraising managers': unknown SOC code 99-0000 "
        "(not an OEWS occupation)"
    ]
    assert not (tmp_path / "o").exists()


# --- the committed dataset and its reproduction from BLS's tables -------------------------------------


def sources_dir() -> Path:
    given = os.environ.get("ARTICLEGEN_SOURCES")
    return Path(given) if given else Path(__file__).resolve().parents[2] / "shared" / "sources"


def test_reimport_reproduces_the_committed_file(tmp_path):
    source = sources_dir() / "bls-cps"
    if not (source / AGE_FILE).is_file() or not (source / PEOPLE_FILE).is_file():
        skip_unless_ci(f"BLS's CPS tables are not available in {source} (set ARTICLEGEN_SOURCES)")
    written = write_dataset(import_cps(source, COMMITTED_OEWS, COMMITTED_OVERRIDES), tmp_path)
    assert written.read_bytes() == COMMITTED.read_bytes(), (
        "data/cps/cps.json differs from a fresh import; regenerate it (data/cps/README.md)"
    )


@pytest.fixture(scope="module")
def committed() -> dict[str, Any]:
    return json.loads(COMMITTED.read_text(encoding="utf-8"))


def test_committed_spot_checks_match_bls_tables(committed):
    found = records(committed)
    nurses = found["29-1141"]
    assert nurses["age"] == {"row": "Registered nurses", "broader": False, "employed_thousands": 3528,
                             "median_age": 42.3, "year": 2025}  # fmt: skip
    assert (nurses["people"]["women"], nurses["people"]["black"], nurses["people"]["asian"]) == (
        87.9,
        14.5,
        8.9,
    )
    developers = found["15-1252"]
    assert developers["age"]["row"] == developers["people"]["row"] == "Software developers"
    assert (developers["age"]["median_age"], developers["people"]["women"]) == (38.6, 21.5)
    chiefs = found["11-1011"]
    assert (chiefs["age"]["median_age"], chiefs["people"]["women"], chiefs["age"]["broader"]) == (
        51.6,
        29.2,
        False,
    )
    assert committed["all_workers"]["age"]["median_age"] == 42.1
    assert committed["all_workers"]["people"]["women"] == 46.8


def test_committed_crosswalk_never_gives_a_code_a_summary_row_and_names_every_unmatched_item(committed):
    rows = {r[key]["row"] for r in committed["occupations"] for key in ("age", "people") if r[key]}
    assert not [row for row in rows if row.lower().endswith(" occupations") and not row.startswith("Other")]
    unmatched = committed["unmatched"]
    assert all(item["why"] for table in ("age", "people") for item in unmatched[table]["rows"])
    assert [c["soc"] for c in unmatched["soc_without_any_row"]] == ["13-1020", "21-1018", "31-1120"]
    assert all(c["why"] for c in unmatched["soc_without_any_row"])
    assert committed["counts"]["subjects"] == 760
