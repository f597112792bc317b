"""Markdown output: the default, and the format of the snapshot files."""

from __future__ import annotations

from ..realize.document import Document, ListBlock, ParagraphBlock, Sentence, TableBlock


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|")


def _row(cells: tuple[Sentence, ...]) -> str:
    texts = [s.text for s in cells]
    joined = "".join(texts)
    if "|" in joined or "\\" in joined:  # rare: checked for the row at once, as tables are in every article
        texts = [_cell(t) for t in texts]
    return "| " + " | ".join(texts) + " |"


def _table(block: TableBlock) -> list[str]:
    lines = [_row(block.header), "|" + "|".join("---" for _ in block.header) + "|"]
    lines += [_row(row) for row in block.rows]
    return lines


def _source(sentence: Sentence) -> str:
    if sentence.message is None:
        return f"data: {', '.join(sentence.facts)}"
    return f"{sentence.message}/{sentence.variant} @ {sentence.file}:{sentence.line}"


def _said(sentence: Sentence, explain: bool) -> str:
    return f"{sentence.text} <!-- {_source(sentence)} -->" if explain else sentence.text


def render_markdown(doc: Document, *, explain: bool = False) -> str:
    """Markdown; with `explain`, each sentence is followed by a comment naming where it came from."""
    out = [f"# {_said(doc.title, explain)}", ""]
    for section in doc.sections:
        if section.heading:
            out += [f"## {_said(section.heading, explain)}", ""]
        for block in section.blocks:
            if isinstance(block, ParagraphBlock):
                if explain:  # one sentence a line, so each annotation sits beside its sentence
                    out += [_said(s, True) for s in block.sentences] + [""]
                else:
                    out += [block.text, ""]
            elif isinstance(block, ListBlock):
                if block.lead:
                    out += [_said(block.lead, explain), ""]
                out += [f"- {_said(item, explain)}" for item in block.items] + [""]
            elif isinstance(block, TableBlock):
                out += [*_table(block), ""]
    return "\n".join(out).rstrip("\n") + "\n"
