"""Variant coverage: over many articles, which wordings are eligible, which win, and what is never said.

Counts come from the realized documents (each Sentence records its message, its
chosen variant and the variants whose condition held), so they reflect the real
choice, including the rule that a message said twice in an article varies.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..corpus.pairs import PairSelection
from ..realize.document import Document
from ..wording.phrasebank import Phrasebank


@dataclass(frozen=True)
class VariantCount:
    id: str
    file: str
    line: int
    condition: str | None
    eligible: int  # sentences of its message where its condition held
    chosen: int


@dataclass(frozen=True)
class MessageCount:
    id: str
    file: str
    line: int
    appearances: int  # sentences (headings, labels and list items included) saying it
    variants: tuple[VariantCount, ...]


@dataclass(frozen=True)
class CoverageReport:
    pairs: PairSelection
    seed: int
    articles: int
    messages: tuple[MessageCount, ...]  # every message of the phrasebank, by id

    def never_eligible(self) -> list[tuple[MessageCount, VariantCount]]:
        """Variants whose condition never held although their message appeared."""
        return [(m, v) for m in self.messages if m.appearances for v in m.variants if not v.eligible]

    def never_chosen(self) -> list[tuple[MessageCount, VariantCount]]:
        """Variants that were eligible but always lost."""
        return [(m, v) for m in self.messages for v in m.variants if v.eligible and not v.chosen]

    def never_appearing(self) -> list[MessageCount]:
        return [m for m in self.messages if not m.appearances]


def belongs_to(kind: str, message_id: str) -> bool:
    """Overview pages say the `page.*` messages (and the shared labels); comparison articles the rest.

    So a report for one kind does not list the other kind's messages as never appearing.
    """
    if message_id.startswith("label."):
        return True
    return message_id.startswith("page.") == (kind == "overview")


def count_coverage(
    bank: Phrasebank, documents: Iterable[Document], pairs: PairSelection, seed: int, kind: str = "comparison"
) -> CoverageReport:
    appeared: Counter[str] = Counter()
    eligible: Counter[tuple[str, str]] = Counter()
    chosen: Counter[tuple[str, str]] = Counter()
    articles = 0
    for document in documents:
        articles += 1
        for sentence in document.sentences():
            if sentence.message is None:  # text taken from the data
                continue
            appeared[sentence.message] += 1
            chosen[sentence.message, sentence.variant or ""] += 1
            eligible.update((sentence.message, v) for v in sentence.eligible)
    messages = tuple(
        MessageCount(
            message.id,
            message.file,
            message.line,
            appeared[message.id],
            tuple(
                VariantCount(
                    v.id,
                    v.file,
                    v.line,
                    v.condition_text,
                    eligible[message.id, v.id],
                    chosen[message.id, v.id],
                )
                for v in message.variants
            ),
        )
        for message in sorted(bank.messages.values(), key=lambda m: m.id)
        if belongs_to(kind, message.id) or appeared[message.id]
    )
    return CoverageReport(pairs, seed, articles, messages)


def share(variant: VariantCount, message: MessageCount) -> float | None:
    """Fraction of the message's appearances that used this variant."""
    return variant.chosen / message.appearances if message.appearances else None


def report_to_json(report: CoverageReport) -> str:
    """The --json output; its keys are documented in the `coverage` command's help."""
    return json.dumps(
        {
            "pairs": {
                "source": report.pairs.source,
                "used": len(report.pairs.pairs),
                "available": report.pairs.available,
                "sampled": report.pairs.sampled,
            },
            "seed": report.seed,
            "articles": report.articles,
            "messages": [
                {
                    "id": m.id,
                    "file": m.file,
                    "line": m.line,
                    "appearances": m.appearances,
                    "variants": [
                        {
                            "id": v.id,
                            "file": v.file,
                            "line": v.line,
                            "when": v.condition,
                            "eligible": v.eligible,
                            "chosen": v.chosen,
                            "share": None if (s := share(v, m)) is None else round(s, 4),
                        }
                        for v in m.variants
                    ],
                }
                for m in report.messages
            ],
            "never_eligible": [{"message": m.id, "variant": v.id} for m, v in report.never_eligible()],
            "never_chosen": [{"message": m.id, "variant": v.id} for m, v in report.never_chosen()],
            "never_appearing": [m.id for m in report.never_appearing()],
        },
        indent=2,
    )


def report_to_table(report: CoverageReport) -> str:
    """A table of the messages that appeared, then the three lists an editor acts on."""
    rows = [("message", "variant", "eligible", "chosen", "share")]
    for m in report.messages:
        if not m.appearances:
            continue
        for i, v in enumerate(m.variants):
            rows.append(
                (
                    f"{m.id} ({m.appearances})" if i == 0 else "",
                    v.id,
                    str(v.eligible),
                    str(v.chosen),
                    f"{share(v, m):.0%}",
                )
            )
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    lines = [
        f"Coverage over {report.pairs.describe()}, {report.articles:,} articles, seed {report.seed}.",
        "A message's count in brackets is how many sentences said it; share is chosen / that count.",
        "",
    ]
    for row in rows:
        cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1])]
        cells += [cell.rjust(width) for cell, width in zip(row[2:], widths[2:], strict=True)]
        lines.append("  ".join(cells).rstrip())
    lines += _listing(
        "Never eligible (the message appeared, the condition never held)",
        [f"{m.id}/{v.id}  {v.file}:{v.line}  when: {v.condition}" for m, v in report.never_eligible()],
    )
    lines += _listing(
        "Eligible but never chosen",
        [f"{m.id}/{v.id}  {v.file}:{v.line}  eligible {v.eligible}" for m, v in report.never_chosen()],
    )
    lines += _listing(
        "Messages that never appear", [f"{m.id}  {m.file}:{m.line}" for m in report.never_appearing()]
    )
    return "\n".join(lines) + "\n"


def _listing(title: str, entries: list[str]) -> list[str]:
    if not entries:
        return ["", f"{title}: none"]
    return ["", f"{title}: {len(entries)}", *(f"  {entry}" for entry in entries)]
