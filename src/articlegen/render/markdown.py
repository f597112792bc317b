"""Markdown output: the default, and the format of the snapshot files."""

from __future__ import annotations

from ..document import Document, ListBlock, ParagraphBlock, TableBlock


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|")


def _table(block: TableBlock) -> list[str]:
    header = [_cell(s.text) for s in block.header]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(_cell(s.text) for s in row) + " |" for row in block.rows]
    return lines


def render_markdown(doc: Document) -> str:
    out = [f"# {doc.title.text}", ""]
    for section in doc.sections:
        if section.heading:
            out += [f"## {section.heading.text}", ""]
        for block in section.blocks:
            if isinstance(block, ParagraphBlock):
                out += [block.text, ""]
            elif isinstance(block, ListBlock):
                if block.lead:
                    out += [block.lead.text, ""]
                out += [f"- {item.text}" for item in block.items] + [""]
            elif isinstance(block, TableBlock):
                out += [*_table(block), ""]
    return "\n".join(out).rstrip("\n") + "\n"
