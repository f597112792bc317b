"""The O*NET importer: mapping and selection rules on small workbooks written here, one-line errors,
the command line, and reproduction of the committed dataset from the real O*NET 29.3 files."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from articlegen.cli import main
from articlegen.errors import DataError
from articlegen.sources.files import dump_json, sha256_of
from articlegen.sources.onet import import_onet, write_dataset
from articlegen.sources.onet.codes import BROAD_GROUP, EXACT, SOC_2018, map_codes
from articlegen.sources.onet.records import MAX_ALTERNATE_TITLES, MAX_TASKS, MAX_TECHNOLOGIES

from .conftest import require, skip_unless_ci

openpyxl = require("openpyxl", "reading .xlsx needs openpyxl (pip install 'articlegen[import]')")

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "data" / "onet" / "onet-29.3.json"
COMMITTED_OEWS = ROOT / "data" / "oews" / "oews-2025.json"

README_TEXT = """O*NET 29.3 Database
May 2025 Release
----------------
The content of the O*NET 29.3 Database is licensed under a Creative Commons Attribution 4.0 License.
"""

# --- a small O*NET database with the real file names and columns ----------------------------------

OEWS = [
    ("13-1020", False),  # Buyers: OEWS publishes the SOC broad group
    ("15-1252", False),  # Software Developers: X.00 without ratings, untyped tasks
    ("15-1299", True),  # Computer Occupations, All Other
    ("21-1018", False),  # Counselors: a SOC 2018 merge of 21-1011 and 21-1014
    ("29-1141", False),  # Registered Nurses: fully rated, with a specialty
    ("29-1171", False),  # Nurse Practitioners: related to nurses, rated
    ("43-9998", False),  # no O*NET code at all
]

OCCUPATIONS = [
    ("11-1031.00", "Legislators", "Develop, introduce, or enact laws."),
    ("13-1021.00", "Buyers and Purchasing Agents, Farm Products", "Purchase farm products."),
    ("13-1022.00", "Wholesale and Retail Buyers, Except Farm Products", "Buy merchandise for resale."),
    ("15-1252.00", "Software Developers", "Research, design, and develop computer software."),
    ("15-1299.00", "Computer Occupations, All Other", "All computer occupations not listed separately."),
    ("15-1299.08", "Computer Systems Engineers/Architects", "Design and develop solutions."),
    ("21-1011.00", "Substance Abuse and Behavioral Disorder Counselors", "Counsel people with addictions."),
    ("21-1014.00", "Mental Health Counselors", "Counsel people with mental health problems."),
    ("29-1141.00", "Registered Nurses", "Assess patient health problems and needs."),
    ("29-1141.01", "Acute Care Nurses", "Provide advanced nursing care."),
    ("29-1171.00", "Nurse Practitioners", "Diagnose and treat acute illnesses."),
    ("55-1011.00", "Air Crew Officers", "Perform and direct flight operations."),
]

TASKS = [
    # code, task id, task, type
    ("29-1141.00", 30, "Record patients' medical information and vital signs.", "Core"),
    ("29-1141.00", 10, "Monitor patients' conditions.", "Core"),
    ("29-1141.00", 20, "Direct patients' care.", "Supplemental"),
    ("29-1141.00", 40, "A new task nobody has typed yet.", None),
    ("29-1141.00", 50, "–", "Core"),  # a dash is no task
    ("15-1252.00", 200, "Modify existing software.", None),
    ("15-1252.00", 100, "Analyze user needs.", None),
    ("13-1021.00", 300, "Purchase farm products.", "Core"),
    ("13-1022.00", 310, "Buy merchandise.", "Core"),
    ("21-1011.00", 400, "Counsel clients with addictions.", "Core"),
    ("21-1014.00", 410, "Counsel clients with anxiety.", "Core"),
    ("29-1171.00", 500, "Prescribe medication.", "Supplemental"),
]

SKILL_NAMES = {
    "2.A.1.a": "Reading Comprehension",
    "2.A.1.b": "Active Listening",
    "2.B.2.i": "Complex Problem Solving",
}

SKILLS = [
    # code, element name, scale, value, recommend suppress, not relevant
    ("29-1141.00", "Reading Comprehension", "IM", 4.0, "N", None),
    ("29-1141.00", "Reading Comprehension", "LV", 4.125, "N", "N"),
    ("29-1141.00", "Active Listening", "IM", 4.0, "N", None),
    ("29-1141.00", "Active Listening", "LV", 4.0, "N", "N"),
    ("29-1141.00", "Complex Problem Solving", "IM", 4.5, "N", None),
    ("29-1141.00", "Complex Problem Solving", "LV", 5.0, "N", "N"),
    ("29-1171.00", "Reading Comprehension", "IM", 4.5, "N", None),
    ("29-1171.00", "Reading Comprehension", "LV", 5.0, "Y", "N"),  # suppressed level: skill left out
    ("29-1171.00", "Active Listening", "IM", 1.0, "N", None),
    ("29-1171.00", "Active Listening", "LV", 0, "N", "Y"),  # not relevant: left out
    ("29-1171.00", "Complex Problem Solving", "IM", 3.0, "N", None),
    ("29-1171.00", "Complex Problem Solving", "LV", "–", "N", "N"),  # no level: left out
    # parts of aggregates are rated, but an aggregate gets no skills
    ("13-1021.00", "Reading Comprehension", "IM", 3.0, "N", None),
    ("13-1021.00", "Reading Comprehension", "LV", 3.0, "N", "N"),
]

CATEGORIES = [
    ("2.D.1", "Required Level of Education", "RL", "Required Level Of Education (Categories 1-12)", 1,
     "Less than a High School Diploma"),
    ("2.D.1", "Required Level of Education", "RL", "Required Level Of Education (Categories 1-12)", 2,
     "High School Diploma - or the equivalent (for example, GED)"),
    ("2.D.1", "Required Level of Education", "RL", "Required Level Of Education (Categories 1-12)", 6,
     "Bachelor's Degree"),
    ("3.A.1", "Related Work Experience", "RW", "Related Work Experience (Categories 1-11)", 1, "None"),
    ("3.A.1", "Related Work Experience", "RW", "Related Work Experience (Categories 1-11)", 2,
     "Up to and including 1 month"),
    ("3.A.2", "On-Site or In-Plant Training", "PT", "On-Site Or In-Plant Training (Categories 1-9)", 1,
     "None"),
    ("3.A.3", "On-the-Job Training", "OJ", "On-The-Job Training (Categories 1-9)", 1,
     "None or short demonstration"),
]  # fmt: skip

EDUCATION = [
    # code, scale, category, value, recommend suppress
    ("29-1141.00", "RL", 6, 80.5, "N"),  # out of order on purpose
    ("29-1141.00", "RL", 1, 0, "N"),  # nobody: left out
    ("29-1141.00", "RL", 2, 19.5, "Y"),  # suppressed: share null
    ("29-1141.00", "RW", 1, 60, None),  # an expert-rated row has no flag
    ("29-1141.00", "RW", 2, "–", "N"),  # not published: null
    ("29-1141.00", "PT", 1, 100, "N"),
    ("29-1141.00", "OJ", 1, 100, "N"),
    ("29-1141.00", "IM", 1, 3.2, "N"),  # certification importance: not a share scale, ignored
    ("29-1171.00", "RL", 6, 100, "Y"),  # only a suppressed share: no education
    ("13-1021.00", "RL", 6, 100, "N"),
]

JOB_ZONE_NAMES = {
    2: "Job Zone Two: Some Preparation Needed",
    4: "Job Zone Four: Considerable Preparation Needed",
    5: "Job Zone Five: Extensive Preparation Needed",
}
JOB_ZONES = [
    ("13-1021.00", 4),
    ("13-1022.00", 2),  # buyers' parts differ: no zone for 13-1020
    ("15-1252.00", 4),
    ("21-1011.00", 5),
    ("21-1014.00", 5),  # counselors' parts agree: zone 5
    ("29-1141.00", 4),
    ("29-1171.00", 5),
]

RELATED = [
    # code, related code, tier, index
    ("29-1141.00", "29-1141.00", "Primary-Short", 1),  # itself: never
    ("29-1141.00", "29-1171.00", "Primary-Short", 3),
    ("29-1141.00", "55-1011.00", "Primary-Short", 2),  # maps to no OEWS code
    ("29-1141.00", "15-1299.08", "Primary-Long", 4),  # a specialty of a residual: never
    ("29-1141.00", "21-1014.00", "Primary-Long", 6),  # part of an aggregate: its OEWS code
    ("29-1141.00", "21-1011.00", "Supplemental", 5),  # the same OEWS code again: once
    ("29-1141.00", "13-1022.00", "Supplemental", 7),
    ("29-1171.00", "29-1141.01", "Primary-Short", 1),  # a specialty: its OEWS code
    ("13-1021.00", "29-1141.00", "Primary-Short", 2),
    ("13-1021.00", "13-1022.00", "Primary-Short", 1),  # the aggregate itself: never
    ("13-1022.00", "15-1252.00", "Primary-Short", 1),
    ("13-1022.00", "29-1171.00", "Primary-Short", 3),
]

ALTERNATE_TITLES = [
    # code, alternate title, short title, sources
    ("29-1141.00", "Staff Nurse", None, "04"),
    ("29-1141.00", "Registered Nurse (RN)", "RN", "02,04,08"),
    ("29-1141.00", "staff nurse", None, "08"),  # the same title in other case: once
    ("29-1141.00", "Registered Nurses", None, "02,04"),  # the occupation's own title: never
    ("29-1141.00", "Charge Nurse", None, "04"),
    ("29-1141.00", "–", None, "04"),
    ("13-1021.00", "Grain Buyer", None, "04,08"),
    ("13-1022.00", "Buyer", None, "02,04,08"),
    ("15-1299.00", "Computer Consultant", None, "08"),
] + [("15-1252.00", f"Developer {n:02d}", None, "08") for n in range(MAX_ALTERNATE_TITLES + 3)]

TECHNOLOGY = [
    # code, example, hot, in demand
    ("29-1141.00", "Epic Systems", "Y", "N"),
    ("29-1141.00", "Microsoft Excel", "Y", "Y"),
    ("29-1141.00", "Word processing software", "N", "N"),  # neither flag: left out
    ("29-1141.00", "Apache Spark", "Y", "N"),
    ("29-1141.00", "MEDITECH software", "N", "Y"),
    ("13-1021.00", "Microsoft Excel", "Y", "Y"),
    ("13-1021.00", "SAP software", "Y", "N"),
    ("13-1022.00", "Microsoft Excel", "Y", "N"),  # in both parts, in demand in one only
    ("13-1022.00", "Oracle Database", "Y", "N"),  # in one part only: not the aggregate's
] + [("15-1252.00", f"Tool {n:02d}", "Y", "N") for n in range(MAX_TECHNOLOGIES + 2)]


def _write_book(
    path: Path, header: tuple[str, ...], rows: list[tuple[Any, ...]], sheet: str = "Sheet"
) -> None:
    book = openpyxl.Workbook()
    worksheet = book.active
    worksheet.title = sheet
    worksheet.append(list(header))
    for row in rows:
        worksheet.append(list(row))
    book.save(path)


def write_onet(directory: Path) -> Path:
    """Write the small database: every file the importer reads, with O*NET's columns (and a few more)."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "Read Me.txt").write_text(README_TEXT, encoding="utf-8")
    titles = {code: title for code, title, _ in OCCUPATIONS}
    _write_book(directory / "Occupation Data.xlsx", ("O*NET-SOC Code", "Title", "Description"), OCCUPATIONS)
    _write_book(
        directory / "Task Statements.xlsx",
        ("O*NET-SOC Code", "Title", "Task ID", "Task", "Task Type", "Incumbents Responding"),
        [(c, titles[c], i, task, kind, None) for c, i, task, kind in TASKS],
    )
    skill_ids = {name: element for element, name in SKILL_NAMES.items()}
    _write_book(
        directory / "Skills.xlsx",
        ("O*NET-SOC Code", "Title", "Element ID", "Element Name", "Scale ID", "Scale Name", "Data Value", "N",
         "Recommend Suppress", "Not Relevant", "Date", "Domain Source"),
        [(c, titles[c], skill_ids[n], n, s, s, v, 8, rs, nr, "08/2023", "Analyst")
         for c, n, s, v, rs, nr in SKILLS],
    )  # fmt: skip
    _write_book(
        directory / "Education, Training, and Experience Categories.xlsx",
        ("Element ID", "Element Name", "Scale ID", "Scale Name", "Category", "Category Description"),
        CATEGORIES,
    )
    _write_book(
        directory / "Education, Training, and Experience.xlsx",
        ("O*NET-SOC Code", "Title", "Element ID", "Scale ID", "Category", "Data Value", "Recommend Suppress"),
        [(c, titles[c], "2.D.1", s, cat, v, rs) for c, s, cat, v, rs in EDUCATION],
    )
    _write_book(
        directory / "Job Zone Reference.xlsx",
        ("Job Zone", "Name", "Experience"),
        [(zone, name, "") for zone, name in JOB_ZONE_NAMES.items()],
    )
    _write_book(
        directory / "Job Zones.xlsx",
        ("O*NET-SOC Code", "Title", "Job Zone", "Date"),
        [(c, titles[c], z, "08/2023") for c, z in JOB_ZONES],
    )
    _write_book(
        directory / "Related Occupations.xlsx",
        ("O*NET-SOC Code", "Title", "Related O*NET-SOC Code", "Related Title", "Relatedness Tier", "Index"),
        [(c, titles[c], r, titles[r], tier, i) for c, r, tier, i in RELATED],
    )
    _write_book(
        directory / "Alternate Titles.xlsx",
        ("O*NET-SOC Code", "Title", "Alternate Title", "Short Title", "Source(s)"),
        [(c, titles[c], a, short, sources) for c, a, short, sources in ALTERNATE_TITLES],
    )
    _write_book(
        directory / "Technology Skills.xlsx",
        ("O*NET-SOC Code", "Title", "Example", "Commodity Code", "Commodity Title", "Hot Technology",
         "In Demand"),
        [(c, titles[c], name, 43232202, "Software", hot, demand) for c, name, hot, demand in TECHNOLOGY],
    )  # fmt: skip
    _write_book(
        directory / "Scales Reference.xlsx",
        ("Scale ID", "Scale Name", "Minimum", "Maximum"),
        [("IM", "Importance", 1, 5), ("LV", "Level", 0, 7)]
        + [(s, f"{s} (Categories)", 0, 100) for s in ("RL", "RW", "PT", "OJ")],
    )
    _write_book(
        directory / "Content Model Reference.xlsx",
        ("Element ID", "Element Name", "Description"),
        [("2.A", "Basic Skills", "Developed capacities"), ("2.A.1", "Content", "Background structures")]
        + [(element, name, f"What {name} is.") for element, name in SKILL_NAMES.items()],
    )
    return directory


def write_oews(path: Path, codes: list[tuple[str, bool]] = OEWS) -> Path:
    occupations = [{"soc": soc, "title": f"Title of {soc}", "residual": residual} for soc, residual in codes]
    path.write_text(json.dumps({"provenance": {}, "occupations": occupations}), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("onet")
    return write_onet(base / "db"), write_oews(base / "oews-2025.json")


@pytest.fixture(scope="module")
def dataset(sources):
    return import_onet(*sources)


@pytest.fixture(scope="module")
def document(dataset) -> dict[str, Any]:
    return json.loads(dump_json(dataset.document()))


@pytest.fixture(scope="module")
def records(document) -> dict[str, dict[str, Any]]:
    return {record["soc"]: record for record in document["occupations"]}


def broken_copy(sources: tuple[Path, Path], tmp_path: Path) -> Path:
    copy = tmp_path / "db"
    shutil.copytree(sources[0], copy)
    return copy


# --- mapping O*NET-SOC codes to OEWS codes ------------------------------------------------------


def test_each_mapping_rule_and_the_unmapped_rest():
    oews = ["13-1020", "15-1299", "21-1018", "29-1141"]
    onet = [
        "29-1141.00",  # exact
        "29-1141.01",  # a specialty of an exact match
        "15-1299.00",
        "15-1299.08",
        "13-1021.00",  # broad group 13-1020
        "13-1022.00",
        "21-1011.00",  # SOC 2018 merge into 21-1018
        "21-1014.00",
        "25-2055.00",  # merge target 25-2052 is not an OEWS code here: unmapped
        "11-1031.00",  # no rule
    ]
    code_map = map_codes(onet, oews)
    assert code_map.oews_of["29-1141.01"] == "29-1141"
    assert code_map.members["29-1141"].principals == ("29-1141.00",)
    assert code_map.members["29-1141"].specialties == ("29-1141.01",)
    assert code_map.members["29-1141"].rule == EXACT
    assert code_map.members["13-1020"].principals == ("13-1021.00", "13-1022.00")
    assert code_map.members["13-1020"].rule == BROAD_GROUP
    assert code_map.members["21-1018"].principals == ("21-1011.00", "21-1014.00")
    assert code_map.members["21-1018"].rule == SOC_2018
    assert code_map.members["15-1299"].specialties == ("15-1299.08",)
    assert code_map.unmapped == ("11-1031.00", "25-2055.00")


def test_an_oews_code_without_any_onet_code_has_an_empty_member_list():
    code_map = map_codes(["29-1141.00"], ["29-1141", "43-9998"])
    assert code_map.members["43-9998"].principals == ()
    assert code_map.members["43-9998"].rule is None


def test_records_are_every_oews_code_sorted(records, document):
    assert [r["soc"] for r in document["occupations"]] == sorted(soc for soc, _ in OEWS)


# --- an exact match: X.00's facts only ------------------------------------------------------------


def test_exact_match_takes_x00_and_lists_specialties_without_their_facts(records):
    nurses = records["29-1141"]
    assert nurses["onet"] == ["29-1141.00"]
    assert nurses["aggregate"] is False
    assert nurses["title"] == "Registered Nurses"
    assert nurses["description"] == "Assess patient health problems and needs."
    assert nurses["specialties"] == [{"onet": "29-1141.01", "title": "Acute Care Nurses"}]
    assert "Acute Care Nurses" not in nurses["alternate_titles"]


def test_core_tasks_by_task_id_without_supplemental_untyped_or_dashes(records):
    nurses = records["29-1141"]
    assert nurses["tasks"] == [
        "Monitor patients' conditions.",
        "Record patients' medical information and vital signs.",
    ]
    assert nurses["task_type"] == "core"


def test_an_occupation_whose_tasks_are_all_untyped_keeps_them_as_unclassified(records):
    developers = records["15-1252"]
    assert developers["tasks"] == ["Analyze user needs.", "Modify existing software."]
    assert developers["task_type"] == "unclassified"


def test_supplemental_tasks_alone_give_no_tasks(records):
    assert "tasks" not in records["29-1171"]
    assert "task_type" not in records["29-1171"]


def test_skills_by_importance_then_name_rounded_as_published(records):
    assert records["29-1141"]["skills"] == [
        {"name": "Complex Problem Solving", "importance": 4.5, "level": 5.0},
        {"name": "Active Listening", "importance": 4.0, "level": 4.0},
        {"name": "Reading Comprehension", "importance": 4.0, "level": 4.12},
    ]


def test_a_skill_with_a_suppressed_not_relevant_or_missing_row_is_left_out(records, dataset):
    # All three of the nurse practitioners' skills are flagged or lack a level: no skills key at all.
    assert "skills" not in records["29-1171"]
    counts = dataset.provenance["counts"]
    assert counts["skills_left_out_suppressed"] == 1
    assert counts["skills_left_out_not_relevant"] == 1


def test_an_occupation_without_ratings_has_no_skill_or_share_keys(records):
    developers = records["15-1252"]
    for key in ("skills", "education", "experience", "on_site_training", "on_the_job_training"):
        assert key not in developers
    assert developers["job_zone"] == {"zone": 4, "name": "Job Zone Four: Considerable Preparation Needed"}


def test_shares_in_category_order_with_labels_zero_left_out_and_suppressed_null(records):
    nurses = records["29-1141"]
    assert nurses["education"] == [
        {"level": "High School Diploma", "category": 2, "share": None},
        {"level": "Bachelor's Degree", "category": 6, "share": 80.5},
    ]
    assert nurses["experience"] == [
        {"level": "None", "category": 1, "share": 60.0},
        {"level": "Up to and including 1 month", "category": 2, "share": None},
    ]
    assert nurses["on_site_training"] == [{"level": "None", "category": 1, "share": 100.0}]
    assert nurses["on_the_job_training"] == [
        {"level": "None or short demonstration", "category": 1, "share": 100.0}
    ]


def test_a_share_list_with_only_suppressed_figures_is_left_out(records):
    assert "education" not in records["29-1171"]


def test_related_in_index_order_mapped_deduped_never_itself_residual_or_unmapped(records):
    # 29-1141.00 itself, 55-1011.00 (no OEWS code) and 15-1299.08 (in a residual) are dropped;
    # 21-1011.00 (index 5) and 21-1014.00 (index 6) are both 21-1018, said once.
    assert records["29-1141"]["related"] == ["29-1171", "21-1018", "13-1020"]
    assert records["29-1171"]["related"] == ["29-1141"]  # 29-1141.01 is a specialty of 29-1141


def test_alternate_titles_by_sources_then_name_deduped_without_own_title(records):
    assert records["29-1141"]["alternate_titles"] == ["Registered Nurse (RN)", "Charge Nurse", "Staff Nurse"]


def test_alternate_titles_are_capped(records):
    titles = records["15-1252"]["alternate_titles"]
    assert titles == [f"Developer {n:02d}" for n in range(MAX_ALTERNATE_TITLES)]


def test_technologies_flagged_only_in_demand_first_then_by_name(records):
    assert records["29-1141"]["technologies"] == [
        {"name": "MEDITECH software", "hot": False, "in_demand": True},
        {"name": "Microsoft Excel", "hot": True, "in_demand": True},
        {"name": "Apache Spark", "hot": True, "in_demand": False},
        {"name": "Epic Systems", "hot": True, "in_demand": False},
    ]
    assert len(records["15-1252"]["technologies"]) == MAX_TECHNOLOGIES


def test_tasks_are_capped(tmp_path):
    from articlegen.sources.onet.facts import OnetOccupation
    from articlegen.sources.onet.records import build_record

    code_map = map_codes(["29-1141.00"], ["29-1141"])
    many = tuple(f"Task {n}." for n in range(MAX_TASKS + 5))
    occupation = OnetOccupation(
        "29-1141.00", "Registered Nurses", "Care.", many, "core", (), {}, None, (), (), ()
    )
    record = build_record(
        "29-1141", code_map.members["29-1141"], code_map, {"29-1141.00": occupation}, frozenset()
    )
    assert record.tasks == many[:MAX_TASKS]


# --- aggregates -------------------------------------------------------------------------------------


def test_an_aggregate_flags_its_description_and_has_no_ratings(records):
    buyers = records["13-1020"]
    assert buyers["aggregate"] is True
    assert buyers["onet"] == ["13-1021.00", "13-1022.00"]
    assert buyers["parts"] == [
        {"onet": "13-1021.00", "title": "Buyers and Purchasing Agents, Farm Products"},
        {"onet": "13-1022.00", "title": "Wholesale and Retail Buyers, Except Farm Products"},
    ]
    assert "title" not in buyers  # O*NET has no title for the whole
    assert buyers["description"] == "Purchase farm products."
    assert buyers["description_of"] == {
        "onet": "13-1021.00",
        "title": "Buyers and Purchasing Agents, Farm Products",
    }
    assert buyers["tasks"] == ["Purchase farm products."]  # the same part's
    for key in ("skills", "education", "experience", "on_site_training", "on_the_job_training"):
        assert key not in buyers  # 13-1021.00 is rated, but its ratings are not the aggregate's


def test_the_described_part_is_never_an_all_other_one():
    from articlegen.sources.onet.facts import OnetOccupation
    from articlegen.sources.onet.records import representative_of

    def part(code: str, title: str, description: str | None) -> OnetOccupation:
        return OnetOccupation(code, title, description, (), None, (), {}, None, (), (), ())

    residual = part("47-4091.00", "Construction and Related Workers, All Other", "All others.")
    undescribed = part("47-4092.00", "Segmental Pavers", None)
    pavers = part("47-4093.00", "Paving Setters", "Lay pavers.")
    assert representative_of([residual, undescribed, pavers]) == pavers
    assert representative_of([residual]) is None


def test_an_aggregate_job_zone_only_when_every_part_agrees(records):
    assert "job_zone" not in records["13-1020"]  # zones 4 and 2
    assert records["21-1018"]["job_zone"] == {
        "zone": 5,
        "name": "Job Zone Five: Extensive Preparation Needed",
    }


def test_an_aggregate_pools_related_and_titles_and_keeps_technologies_common_to_all_parts(records):
    buyers = records["13-1020"]
    # index 1: 13-1022.00 (itself, dropped) and 15-1252.00; index 2: 29-1141.00; index 3: 29-1171.00
    assert buyers["related"] == ["15-1252", "29-1141", "29-1171"]
    assert buyers["alternate_titles"] == [
        "Buyers and Purchasing Agents, Farm Products",
        "Wholesale and Retail Buyers, Except Farm Products",
        "Buyer",
        "Grain Buyer",
    ]
    assert buyers["technologies"] == [{"name": "Microsoft Excel", "hot": True, "in_demand": False}]


def test_a_soc_2018_merge_is_an_aggregate_too(records):
    counselors = records["21-1018"]
    assert counselors["aggregate"] is True
    assert counselors["onet"] == ["21-1011.00", "21-1014.00"]
    assert counselors["description_of"]["onet"] == "21-1011.00"


# --- residuals and the unmatched ----------------------------------------------------------------


def test_a_residual_has_o_nets_description_but_no_ratings(records):
    residual = records["15-1299"]
    assert residual["description"] == "All computer occupations not listed separately."
    assert residual["alternate_titles"] == ["Computer Consultant"]
    assert residual["specialties"] == [
        {"onet": "15-1299.08", "title": "Computer Systems Engineers/Architects"}
    ]
    assert not {"skills", "tasks", "education", "job_zone"} & set(residual)


def test_unmatched_lists_both_sides(records, document):
    assert records["43-9998"] == {"soc": "43-9998", "onet": [], "aggregate": False}
    assert [u["soc"] for u in document["unmatched"]["oews"]] == ["43-9998"]
    assert document["unmatched"]["onet"] == [
        {"onet": "11-1031.00", "title": "Legislators"},
        {"onet": "55-1011.00", "title": "Air Crew Officers"},
    ]


# --- provenance and determinism -------------------------------------------------------------------


def test_provenance_names_release_files_attribution_scales_and_rules(dataset, sources):
    provenance = dataset.provenance
    assert provenance["release"] == "O*NET 29.3"
    assert provenance["date"] == "May 2025"
    assert dataset.file_name == "onet-29.3.json"
    assert provenance["attribution"] == (
        "This page includes information from the O*NET 29.3 Database by the U.S. Department of Labor, "
        "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license."
    )
    files = {f["name"]: f["sha256"] for f in provenance["files"]}
    assert files["Read Me.txt"] == sha256_of(sources[0] / "Read Me.txt")
    assert files["Skills.xlsx"] == sha256_of(sources[0] / "Skills.xlsx")
    assert len(files) == 13
    assert provenance["scales"]["importance"]["min"] == 1 and provenance["scales"]["importance"]["max"] == 5
    assert provenance["scales"]["level"]["min"] == 0 and provenance["scales"]["level"]["max"] == 7
    assert "not the degrees workers hold" in provenance["scales"]["education"]
    assert provenance["categories"]["education"][1] == {
        "category": 2,
        "level": "High School Diploma",
        "description": "High School Diploma - or the equivalent (for example, GED)",
    }
    assert [s["name"] for s in provenance["skill_definitions"]] == list(SKILL_NAMES.values())
    assert {"code_exact", "code_broad_group", "code_soc_2018", "aggregate", "skills"} <= set(
        provenance["rules"]
    )
    assert provenance["counts"]["aggregates"] == 2
    assert provenance["coverage"]["subjects"] == 6
    assert provenance["coverage"]["skills"] == 1


def test_a_reimport_writes_the_same_bytes(sources, dataset, tmp_path):
    first = write_dataset(dataset, tmp_path / "a")
    second = write_dataset(import_onet(*sources), tmp_path / "b")
    assert first.name == "onet-29.3.json"
    assert first.read_bytes() == second.read_bytes()


# --- one-line errors --------------------------------------------------------------------------------


def _one_line(err: pytest.ExceptionInfo[DataError]) -> str:
    message = str(err.value)
    assert "\n" not in message
    return message


def test_a_missing_file_is_one_line(sources, tmp_path):
    directory = broken_copy(sources, tmp_path)
    (directory / "Skills.xlsx").unlink()
    with pytest.raises(DataError) as err:
        import_onet(directory, sources[1])
    assert _one_line(err).endswith("Skills.xlsx: no such file")


def test_a_missing_column_is_one_line(sources, tmp_path):
    directory = broken_copy(sources, tmp_path)
    _write_book(directory / "Job Zones.xlsx", ("O*NET-SOC Code", "Title", "Zone"), [("29-1141.00", "RN", 4)])
    with pytest.raises(DataError) as err:
        import_onet(directory, sources[1])
    assert "Job Zones.xlsx: no column 'Job Zone' in the header row" in _one_line(err)


def test_a_bad_workbook_is_one_line(sources, tmp_path):
    directory = broken_copy(sources, tmp_path)
    (directory / "Task Statements.xlsx").write_bytes(b"not a spreadsheet")
    with pytest.raises(DataError) as err:
        import_onet(directory, sources[1])
    assert "Task Statements.xlsx: not a readable .xlsx workbook" in _one_line(err)


@pytest.mark.parametrize(
    ("value", "problem"),
    [("high", "'high' is not a number"), (6.5, "6.5 is outside the Importance scale (1-5)")],
)
def test_a_bad_rating_names_file_row_and_column(sources, tmp_path, value, problem):
    directory = broken_copy(sources, tmp_path)
    _write_book(
        directory / "Skills.xlsx",
        ("O*NET-SOC Code", "Element Name", "Scale ID", "Data Value", "Recommend Suppress", "Not Relevant"),
        [
            ("29-1141.00", "Active Listening", "IM", 4, "N", None),
            ("29-1141.00", "Active Listening", "IM", value, "N", None),
        ],
    )
    with pytest.raises(DataError) as err:
        import_onet(directory, sources[1])
    assert _one_line(err).endswith(f"Skills.xlsx: row 3, column 'Data Value': {problem}")


def test_a_bad_code_or_flag_names_its_row(sources, tmp_path):
    directory = broken_copy(sources, tmp_path)
    _write_book(
        directory / "Technology Skills.xlsx",
        ("O*NET-SOC Code", "Example", "Hot Technology", "In Demand"),
        [("29-1141.00", "Excel", "maybe", "N")],
    )
    with pytest.raises(DataError) as err:
        import_onet(directory, sources[1])
    assert _one_line(err).endswith("row 2, column 'Hot Technology': 'maybe' is not Y or N")
    _write_book(
        directory / "Technology Skills.xlsx",
        ("O*NET-SOC Code", "Example", "Hot Technology", "In Demand"),
        [("29-1141", "Excel", "Y", "N")],
    )
    with pytest.raises(DataError) as err:
        import_onet(directory, sources[1])
    assert "'29-1141' is not an O*NET-SOC code like 15-1252.00" in _one_line(err)


def test_facts_for_a_code_missing_from_occupation_data_are_an_error(sources, tmp_path):
    directory = broken_copy(sources, tmp_path)
    _write_book(directory / "Job Zones.xlsx", ("O*NET-SOC Code", "Job Zone"), [("99-9999.00", 4)])
    with pytest.raises(DataError) as err:
        import_onet(directory, sources[1])
    assert "O*NET-SOC code 99-9999.00 is not in Occupation Data.xlsx" in _one_line(err)


def test_a_readme_without_the_release_is_refused(sources, tmp_path):
    directory = broken_copy(sources, tmp_path)
    (directory / "Read Me.txt").write_text("Some database\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        import_onet(directory, sources[1])
    assert "Read Me.txt: does not name the release" in _one_line(err)


def test_a_bad_oews_dataset_is_one_line(sources, tmp_path):
    with pytest.raises(DataError) as err:
        import_onet(sources[0], tmp_path / "missing.json")
    assert "missing.json: no such file" in _one_line(err)
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(DataError) as err:
        import_onet(sources[0], broken)
    assert "broken.json: not a readable OEWS dataset" in _one_line(err)
    with pytest.raises(DataError) as err:
        import_onet(sources[0], write_oews(tmp_path / "codes.json", [("29-1141.00", False)]))
    assert "'soc' '29-1141.00' is not a code like 43-3011" in _one_line(err)


# --- the command line -------------------------------------------------------------------------------


def test_the_command_writes_the_dataset_and_a_summary(sources, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["import-onet", str(sources[0]), "--oews", str(sources[1]), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    target = out / "onet-29.3.json"
    assert result.output.startswith(
        f"wrote 7 occupations to {target}: 4 matched exactly, 2 aggregates; unmatched: 1 OEWS codes, "
        "2 O*NET codes (sha256 "
    )
    assert json.loads(target.read_text(encoding="utf-8"))["provenance"]["release"] == "O*NET 29.3"


def test_the_command_reports_a_bad_source_in_one_line(sources, tmp_path):
    result = CliRunner().invoke(
        main, ["import-onet", str(tmp_path / "nowhere"), "--oews", str(sources[1]), "--out", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"articlegen: {tmp_path / 'nowhere'}: not a directory (give the folder holding the O*NET .xlsx files)"
    ]


# --- the committed dataset ----------------------------------------------------------------------------


def _sources_dir() -> Path:
    base = os.environ.get("ARTICLEGEN_SOURCES")
    return Path(base) if base else Path(__file__).resolve().parents[2] / "shared" / "sources"


def test_the_committed_dataset_is_reproduced_byte_for_byte(tmp_path):
    source = _sources_dir() / "onet-29.3"
    if not source.is_dir():
        skip_unless_ci(f"the O*NET 29.3 files are not at {source} (set ARTICLEGEN_SOURCES)")
    written = write_dataset(import_onet(source, COMMITTED_OEWS), tmp_path)
    assert written.read_bytes() == COMMITTED.read_bytes()


def test_the_committed_dataset_covers_the_oews_subjects():
    document = json.loads(COMMITTED.read_text(encoding="utf-8"))
    oews = json.loads(COMMITTED_OEWS.read_text(encoding="utf-8"))["occupations"]
    assert [r["soc"] for r in document["occupations"]] == sorted(o["soc"] for o in oews)
    subjects = [
        r
        for r, o in zip(document["occupations"], sorted(oews, key=lambda o: o["soc"]), strict=True)
        if not o["residual"]
    ]
    assert len(subjects) == 760

    def share(key: str) -> float:
        return sum(1 for r in subjects if key in r) / len(subjects)

    assert share("description") >= 0.99
    assert share("tasks") >= 0.95
    assert share("skills") >= 0.90
    assert share("education") >= 0.88
    for record in document["occupations"]:
        assert record["soc"] not in record.get("related", [])
        assert ("description_of" in record) == (record["aggregate"] and "description" in record)
