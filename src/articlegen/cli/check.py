"""`articlegen check`: Harper's grammar check over the whole text of many articles."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..corpus.pairs import select_pairs
from ..gates.check import EXCLUDED_RULES, MAX_LINTS_PER_1000, check_pairs, open_checker
from ..pipeline import open_generator
from .common import bank_option, data_option, friendly
from .coverage import kind_option, limit_option, pairs_option, seed_option

EXIT_LINTS = 1


@click.command()
@pairs_option
@limit_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON (keys described above).")
@kind_option
@seed_option
@data_option
@bank_option
@friendly
def check(
    pairs_source: str | None,
    limit: int,
    as_json: bool,
    kind: str,
    seed: int,
    data_dir: Path | None,
    phrasebank_dir: Path | None,
) -> None:
    """Grammar-check the whole text of many articles with Harper (default: --pairs golden).

    \b
    Needs the `grammar` extra: pip install 'articlegen[grammar]'. The title,
    headings, paragraphs, list items and table cells are checked (cells are
    fragments: the rules about a sentence's capital and length are left out for
    them); O*NET's task lists, quoted as published, are not. Every Harper rule is
    on but those docs/quality.md shows wrong on our text. Words Harper does not
    know but the domain uses (FDCPA, postsecondary, Naperville) are listed in
    data/grammar-words.txt, and a grammar-words.txt in --data adds to it. Each lint
    prints as one line: where the text comes from (phrasebank file:line and
    message/variant, or "data text"; the part, when not prose), Harper's rule,
    the flagged words, its explanation, the pair and the sentence. The summary
    gives the words checked and the lints per 1,000 words. Exit status: 0 at most
    1 lint per 1,000 words, 1 above it, 2 input that cannot be read.

    \b
    --json prints one object:
      pairs: {source, used, available, sampled}
      seed, articles, pieces, sentences, words: what was checked
      lints_per_1000, max_lints_per_1000, passed: the measure and the limit
      excluded_rules: {rule: why it is off}
      lints: [{a, b, message, variant, file, line, part, rule, kind, problem,
               explanation, suggestions, sentence}]
    """
    checker = open_checker(data_dir)
    generator = open_generator(data_dir, phrasebank_dir)
    selection = select_pairs(pairs_source or "golden", generator.catalog, limit)
    report = check_pairs(generator, checker, selection.pairs, seed, kind)
    if as_json:
        body = {
            "pairs": {
                "source": selection.source,
                "used": len(selection.pairs),
                "available": selection.available,
                "sampled": selection.sampled,
            },
            "seed": seed,
            "articles": report.articles,
            "pieces": report.pieces,
            "sentences": report.sentences,
            "words": report.words,
            "lints_per_1000": round(report.per_thousand, 3),
            "max_lints_per_1000": MAX_LINTS_PER_1000,
            "passed": report.passed,
            "excluded_rules": EXCLUDED_RULES,
            "lints": [lint.to_json() for lint in report.lints],
        }
        click.echo(json.dumps(body, indent=2, ensure_ascii=False))
    else:
        for lint in report.lints:
            click.echo(lint.one_line())
        click.echo(report.summary(selection.describe()), err=not report.passed)
    if not report.passed:
        sys.exit(EXIT_LINTS)
