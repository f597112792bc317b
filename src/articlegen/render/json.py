"""JSON output: sections, blocks and sentences, each sentence with its provenance (its phrasebank file
named within the phrasebank directory, as in every annotated output: render/provenance.py), each
section with its heading level (render/outline.py), and the schema.org object the HTML page
carries as JSON-LD (render/structured.py), or null where the page carries none."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from ..realize.document import Document, ListBlock, ParagraphBlock, Sentence, TableBlock
from .outline import section_levels
from .provenance import bank_file
from .structured import structured_data


def _sentence(sentence: Sentence) -> dict[str, Any]:
    return {
        "text": sentence.text,
        "message": sentence.message,
        "variant": sentence.variant,
        "file": bank_file(sentence.file) or None,
        "line": sentence.line,
        "facts": dict(sentence.facts),
    }


def _block(block: Any) -> dict[str, Any]:
    if isinstance(block, ParagraphBlock):
        return {"type": "paragraph", "sentences": [_sentence(s) for s in block.sentences]}
    if isinstance(block, ListBlock):
        return {
            "type": "list",
            "lead": _sentence(block.lead) if block.lead else None,
            "items": [_sentence(s) for s in block.items],
        }
    assert isinstance(block, TableBlock)
    return {
        "type": "table",
        "header": [_sentence(s) for s in block.header],
        "rows": [[_sentence(c) for c in row] for row in block.rows],
    }


def document_to_dict(doc: Document) -> dict[str, Any]:
    return {
        "kind": doc.kind,
        "subjects": list(doc.subjects),
        "seed": doc.seed,
        "title": _sentence(doc.title),
        "sections": [
            {
                "id": section.id,
                "level": level,
                "heading": _sentence(section.heading) if section.heading else None,
                "blocks": [_block(b) for b in section.blocks],
            }
            for section, level in zip(doc.sections, section_levels(doc), strict=True)
        ],
        "structured_data": structured_data(doc),
    }


def _plain(value: Any) -> Any:
    """Facts may hold validated records; JSON gets their plain field values."""
    if hasattr(value, "model_dump"):
        return value.model_dump(exclude_none=True)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def render_json(doc: Document) -> str:
    return json.dumps(document_to_dict(doc), ensure_ascii=False, indent=2, default=_plain) + "\n"


def render_json_line(doc: Document) -> str:
    """The same object on one line, for JSON Lines files of many articles."""
    return json.dumps(document_to_dict(doc), ensure_ascii=False, separators=(",", ":"), default=_plain) + "\n"
