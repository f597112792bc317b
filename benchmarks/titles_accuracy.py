"""How well do noun forms of BLS titles come out: inflect alone against the rules in titles.py.

Run from the repository root: `python benchmarks/titles_accuracy.py`.

On the hand-checked gold list (tests/data/title_forms_gold.csv) it prints the share of titles
whose singular, plural, article, and all three, match; over every detailed OEWS title
(tests/data/oews_titles.txt) it counts singular forms that are still plural
(`articlegen.facts.titles.still_plural`). The inflect baselines take the BLS title, which is
already plural, as their plural, and lowercase with the same function as the rules, so only
the inflection differs.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable
from pathlib import Path

from articlegen.english.morphology import _ENGINE, indefinite_article
from articlegen.facts.titles import derive_by_rules, derive_title_forms, lowercase, still_plural

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "title_forms_gold.csv"
TITLES = ROOT / "tests" / "data" / "oews_titles.txt"

Forms = tuple[str, str, str]  # singular, plural, article


def inflect_whole(title: str) -> Forms:
    singular = _ENGINE.singular_noun(title) or title
    return _baseline(title, singular)


def inflect_last_word(title: str) -> Forms:
    *words, last = title.split(" ")
    singular = " ".join([*words, _ENGINE.singular_noun(last) or last])
    return _baseline(title, singular)


def _baseline(title: str, singular: str) -> Forms:
    singular = lowercase(singular)
    return singular, lowercase(title), indefinite_article(singular)


def rules_only(title: str) -> Forms:
    forms = derive_title_forms(title, {})
    return forms.singular, forms.plural, forms.article


def rules_and_overrides(title: str) -> Forms:
    forms = derive_title_forms(title)
    return forms.singular, forms.plural, forms.article


METHODS: dict[str, Callable[[str], Forms]] = {
    "inflect, whole title": inflect_whole,
    "inflect, last word": inflect_last_word,
    "rules": rules_only,
    "rules + overrides": rules_and_overrides,
}


def main() -> None:
    with GOLD.open(encoding="utf-8", newline="") as handle:
        gold = [
            (row["title"], (row["singular"], row["plural"], row["article"])) for row in csv.DictReader(handle)
        ]
    titles = [line.split("\t", 1)[1] for line in TITLES.read_text(encoding="utf-8").splitlines() if line]
    print(
        f"gold list: {len(gold)} hand-checked titles; all titles: {len(titles)} detailed OEWS occupations\n"
    )
    header = (
        f"{'method':<22} {'singular':>9} {'plural':>9} {'article':>9} {'all 3':>9} {'still plural (all)':>19}"
    )
    print(header)
    print("-" * len(header))
    for name, method in METHODS.items():
        outputs = [(method(title), expected) for title, expected in gold]
        shares = [sum(got[i] == want[i] for got, want in outputs) / len(gold) for i in range(3)]
        every = sum(got == want for got, want in outputs) / len(gold)
        flagged = sum(bool(still_plural(method(title)[0])) for title in titles)
        cells = " ".join(f"{share:>9.1%}" for share in [*shares, every])
        print(f"{name:<22} {cells} {flagged:>10} of {len(titles)}")

    derive_by_rules.cache_clear()
    print()
    for label in ("first call", "cached"):
        start = time.perf_counter()
        for title in titles:
            derive_title_forms(title, {})
        micros = (time.perf_counter() - start) / len(titles) * 1e6
        print(f"rules, {label}: {micros:.1f} µs a title")


if __name__ == "__main__":
    main()
