"""Map O*NET-SOC codes to OEWS occupation codes.

An O*NET-SOC code is a SOC code plus a suffix: `X.00` is O*NET's occupation for SOC code X, and
`X.01`, `X.02`... are O*NET's own finer occupations inside X (its "specialties" here). OEWS
publishes most SOC codes as they are, but in a few places publishes one code for several SOC or
O*NET codes. The rules, tried in order on the SOC part X of an O*NET code:

1. `exact`: X is an OEWS code.
2. `broad_group`: X[:6] + "0" is an OEWS code, i.e. OEWS publishes the SOC broad group
   (e.g. 13-1020 for 13-1021, 13-1022, 13-1023). SOC detailed codes never end in 0, so an OEWS
   code ending in 0 is always a broad group.
3. `soc_2018`: X is one of the SOC 2010 codes that SOC 2018 merged into one detailed code which
   O*NET-SOC 2019 still splits (SOC_2018_MERGES below, from the SOC 2018 structure).
4. Otherwise the O*NET code maps to no OEWS code (e.g. 11-1031 Legislators, military 55-*).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# SOC 2018 detailed code -> the O*NET-SOC 2019 base codes it is made of. O*NET keeps these parts
# apart; OEWS, following SOC 2018, publishes only the merged code.
SOC_2018_MERGES: Mapping[str, tuple[str, ...]] = {
    "21-1018": ("21-1011", "21-1014"),
    "25-2052": ("25-2055", "25-2056"),
    "25-9045": ("25-9042", "25-9043", "25-9049"),
    "51-2028": ("51-2022", "51-2023"),
    "53-1047": ("53-1042", "53-1043", "53-1044", "53-1049"),
}
_MERGED_INTO = {part: merged for merged, parts in SOC_2018_MERGES.items() for part in parts}

EXACT = "exact"
BROAD_GROUP = "broad_group"
SOC_2018 = "soc_2018"

RULES = {
    "exact": "an O*NET code X.nn belongs to OEWS code X when OEWS publishes X",
    "broad_group": (
        "otherwise to the SOC broad group X[:6]+'0' when OEWS publishes it (13-1021.00 -> 13-1020; SOC "
        "detailed codes never end in 0)"
    ),
    "soc_2018": (
        "otherwise to the SOC 2018 detailed code that merged X with other SOC 2010 codes O*NET still "
        "keeps apart: "
        + "; ".join(f"{', '.join(parts)} -> {merged}" for merged, parts in SOC_2018_MERGES.items())
    ),
    "unmapped": "any other O*NET code maps to no OEWS code and is listed in unmatched.onet",
}


@dataclass(frozen=True)
class Members:
    """The O*NET codes under one OEWS code: its principal occupations (X.00) and their specialties."""

    principals: tuple[str, ...]
    specialties: tuple[str, ...]
    rule: str | None  # how the principals were matched; None when there are none


@dataclass(frozen=True)
class CodeMap:
    oews_of: Mapping[str, str]  # O*NET code -> OEWS code, for every mapped O*NET code
    members: Mapping[str, Members]  # OEWS code -> its O*NET codes (every OEWS code is a key)
    unmapped: tuple[str, ...]  # O*NET codes that map to no OEWS code, sorted


def soc_part(onet_code: str) -> str:
    return onet_code[:7]


def is_principal(onet_code: str) -> bool:
    return onet_code.endswith(".00")


def match_rule(onet_code: str, oews_codes: frozenset[str]) -> tuple[str, str] | None:
    """(OEWS code, rule name) for one O*NET code, or None when no rule applies."""
    soc = soc_part(onet_code)
    if soc in oews_codes:
        return soc, EXACT
    broad = soc[:6] + "0"
    if broad in oews_codes:
        return broad, BROAD_GROUP
    merged = _MERGED_INTO.get(soc)
    if merged is not None and merged in oews_codes:
        return merged, SOC_2018
    return None


def map_codes(onet_codes: Iterable[str], oews_codes: Iterable[str]) -> CodeMap:
    targets = frozenset(oews_codes)
    oews_of: dict[str, str] = {}
    rules: dict[str, set[str]] = defaultdict(set)
    unmapped = []
    for code in sorted(set(onet_codes)):
        match = match_rule(code, targets)
        if match is None:
            unmapped.append(code)
            continue
        oews_of[code], rule = match
        if is_principal(code):
            rules[match[0]].add(rule)
    grouped: dict[str, list[str]] = defaultdict(list)
    for code, target in oews_of.items():
        grouped[target].append(code)
    members = {}
    for target in sorted(targets):
        codes = sorted(grouped.get(target, []))
        principals = tuple(c for c in codes if is_principal(c))
        # One OEWS code is matched by one rule: X exactly, or its parts by one of the others.
        rule = min(rules[target]) if rules[target] else None
        members[target] = Members(principals, tuple(c for c in codes if not is_principal(c)), rule)
    return CodeMap(oews_of, members, tuple(unmapped))
