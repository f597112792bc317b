"""`articlegen variants MESSAGE A B`: every wording of one message, for one pair."""

from __future__ import annotations

from pathlib import Path

import click

from ..editing.variants import show_variants
from ..pipeline import open_generator
from .common import bank_option, data_option, friendly

_MARKS = {
    "chosen": "chosen  ",
    "eligible": "        ",
    "used": "used    ",
    "excluded": "excluded",
    "error": "ERROR   ",
}


@click.command()
@click.argument("message")
@click.argument("a")
@click.argument("b")
@click.option("--seed", type=int, default=0, show_default=True)
@data_option
@bank_option
@friendly
def variants(
    message: str, a: str, b: str, seed: int, data_dir: Path | None, phrasebank_dir: Path | None
) -> None:
    """Render every variant of MESSAGE for the article on A vs B.

    Marks the variant the article uses (chosen), the ones whose `when` condition
    excludes them for these facts (excluded), and the ones passed over because the
    article had already used them (used).
    """
    generator = open_generator(data_dir, phrasebank_dir)
    occurrences = show_variants(generator, message, a, b, seed)
    if not occurrences:
        click.echo(f"{message} is not said in the article for {a} vs {b}: the facts it needs are missing.")
        return
    for number, occurrence in enumerate(occurrences, 1):
        if len(occurrences) > 1:
            click.echo(f"{message}, use {number} of {len(occurrences)}:")
        for view in occurrence.variants:
            where = f"{view.file}:{view.line}"
            condition = f"  when: {view.condition}" if view.condition else ""
            click.echo(f"{_MARKS[view.status]}  {view.id}  ({where}){condition}")
            click.echo(f"          {view.text}")
        if number < len(occurrences):
            click.echo("")
