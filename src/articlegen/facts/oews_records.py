"""OEWS dataset records (data/oews/oews-2025.json) as Occupation facts, through the same schema.

The importer (articlegen.sources.oews) keeps BLS's figures as published; this module only
decides how each one is stated. A wage BLS top-codes is known only as a floor: a
mean or median that is top-coded is left out rather than stated as exact, and a
top-coded 90th percentile is kept as the top of the range, flagged so it prints as
"or more". Industry names are replaced by the plain phrases in industry-names.yaml.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import DataError
from .occupation import Occupation
from .ranking import min_ranked_jobs
from .titles import TitleForms, derive_title_forms, load_title_overrides
from .validation import describe_validation_error
from .yamlio import YamlSyntaxError, display_path, load_yaml_file

DATASET_GLOB = "oews-*.json"


@dataclass(frozen=True)
class OewsDataset:
    """Raw records by slug, plus what is needed to turn one into an Occupation on demand.

    Building all ~830 Occupations (title forms included) takes a good part of a second,
    so records are converted only when an article needs them.
    """

    path: Path
    citation: str
    records: Mapping[str, Mapping[str, Any]]
    title_overrides: Mapping[str, TitleForms]
    industry_names: Mapping[str, str]

    def by_soc(self) -> dict[str, str]:
        return {str(r["soc"]): slug for slug, r in self.records.items()}

    def occupation(self, slug: str, extra: Mapping[str, Any] | None = None) -> Occupation:
        """The record as an Occupation; `extra` adds fact groups from the other datasets."""
        record = self.records[slug]
        try:
            return Occupation.model_validate({**self.facts(record), **(extra or {})})
        except ValidationError as err:
            raise DataError(
                f"{display_path(self.path)}: {record.get('soc')}: {describe_validation_error(err)}"
            ) from None

    def forms(self, record: Mapping[str, Any]) -> TitleForms:
        return derive_title_forms(str(record["title"]), self.title_overrides)

    def facts(self, record: Mapping[str, Any]) -> dict[str, Any]:
        """The record as Occupation fields: what BLS publishes and nothing else."""
        forms = self.forms(record)
        top_coded = set(record.get("top_coded") or ())
        facts: dict[str, Any] = {
            "slug": record["slug"],
            "title": forms.heading,
            "forms": forms.record_forms(),
            "soc": record["soc"],
            "group": record.get("group"),
            "jobs": record.get("employment"),
            "salary": _salary(record, top_coded),
            "top_pay": self._top_pay(record),
            "sources": (self.citation,),
        }
        return {k: v for k, v in facts.items() if v is not None}

    def _top_pay(self, record: Mapping[str, Any]) -> dict[str, Any] | None:
        top_coded = set(record.get("top_coded") or ())

        def pick(key: str) -> tuple[str | None, Any]:
            """A place's name and mean; a top-coded mean is only a floor, so it is not stated."""
            place = record.get(key) or {}
            exact = f"{key}.annual_mean" not in top_coded
            return place.get("name"), place.get("annual_mean") if exact else None

        (state, state_pay), (metro, metro_pay), (industry, industry_pay) = (
            pick(k) for k in ("top_state", "top_metro", "top_industry")
        )
        pay = {
            "state": state,
            "state_salary": state_pay,
            "metro": metro,
            "metro_salary": metro_pay,
            "industry": self._industry_name(industry),
            "industry_salary": industry_pay,
        }
        kept = {k: v for k, v in pay.items() if v is not None}
        if kept and record.get("employment") is not None:
            kept["min_jobs"] = min_ranked_jobs(record["employment"])
        return kept or None

    def _industry_name(self, name: str | None) -> str | None:
        if name is None:
            return None
        if not self.industry_names:  # no names file next to the dataset: BLS's own names
            return name
        if name not in self.industry_names:
            raise DataError(
                f"{display_path(self.path.parent / 'industry-names.yaml')}: no plain name for the "
                f"industry {name!r}; add one"
            )
        return self.industry_names[name]


def _salary(record: Mapping[str, Any], top_coded: set[str]) -> dict[str, Any] | None:
    def exact(key: str) -> Any:
        return None if key in top_coded else record.get(key)

    low, high = exact("annual_p10"), record.get("annual_p90")
    salary: dict[str, Any] = {
        "yearly": exact("annual_mean"),
        "hourly": exact("hourly_mean"),
        "median": exact("annual_median"),
    }
    if low is not None and high is not None:
        salary["range"] = {
            "low": low,
            "high": high,
            "percentiles": (10, 90),
            "high_top_coded": "annual_p90" in top_coded,
        }
    kept = {k: v for k, v in salary.items() if v is not None}
    return kept or None


def find_dataset(data_dir: Path) -> Path | None:
    directory = data_dir / "oews"
    found = sorted(directory.glob(DATASET_GLOB)) if directory.is_dir() else []
    return found[-1] if found else None  # the latest release, if several are kept


def load_oews(path: Path) -> OewsDataset:
    shown = display_path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        records = {str(r["slug"]): r for r in raw["occupations"]}
        citation = str(raw["provenance"]["citation"])
    except OSError as err:
        raise DataError(f"{shown}: cannot read file: {err.strerror}") from None
    except json.JSONDecodeError as err:
        raise DataError(f"{shown}:{err.lineno}: not valid JSON: {err.msg}") from None
    except (KeyError, TypeError) as err:
        raise DataError(f"{shown}: not an OEWS dataset written by 'articlegen import-oews' ({err})") from None
    overrides_path = path.parent / "title-overrides.yaml"
    overrides = load_title_overrides(overrides_path) if overrides_path.exists() else {}
    return OewsDataset(
        path, citation, records, overrides, _industry_names(path.parent / "industry-names.yaml")
    )


def _industry_names(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    shown = display_path(path)
    try:
        raw = load_yaml_file(path)
    except YamlSyntaxError as err:
        raise DataError(f"{shown}:{err.line}:{err.column}: {err.reason}") from None
    if not isinstance(raw, dict) or not all(isinstance(v, str) and v.strip() for v in raw.values()):
        raise DataError(f"{shown}: expected a mapping of BLS industry names to plain phrases")
    return {str(k): v.strip() for k, v in raw.items()}
