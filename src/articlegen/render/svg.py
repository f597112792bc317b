"""The few SVG elements the charts need, written as text, with every text escaped.

Coordinates print with at most two decimals, always alike, so the same article gives the same
bytes on every machine and every run. Class names and presentation attributes are the chart
module's own constants and are written as they are; text, which holds data, is escaped.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

SVG_NS = "http://www.w3.org/2000/svg"
CHAR_WIDTH = 0.56  # of the font size: an average glyph of a serif face, for placing labels only
_SPECIAL = frozenset("&<>\"'")


def esc(text: str) -> str:
    """Text or an attribute value as XML: quotes too, as attributes are double-quoted."""
    return escape(text, quote=True) if not _SPECIAL.isdisjoint(text) else text


@lru_cache(maxsize=8192)  # ticks, rows and bar ends recur from one article to the next
def num(value: float) -> str:
    """A coordinate: two decimals at most, no trailing zeros, never "-0"."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


def look(attributes: dict[str, str]) -> str:
    """Presentation attributes, written once as the text every element that takes them repeats."""
    return "".join(f' {name}="{esc(value)}"' for name, value in attributes.items())


def text_width(text: str, size: float) -> float:
    """About how wide `text` is at `size`: enough to keep a label inside the drawing."""
    return len(text) * size * CHAR_WIDTH


def rect(x: float, y: float, width: float, height: float, cls: str, style: str = "") -> str:
    return (
        f'<rect class="{cls}" x="{num(x)}" y="{num(y)}" width="{num(max(width, 0.0))}" '
        f'height="{num(height)}"{style}/>'
    )


def line(x1: float, y1: float, x2: float, y2: float, cls: str, style: str = "") -> str:
    return f'<line class="{cls}" x1="{num(x1)}" y1="{num(y1)}" x2="{num(x2)}" y2="{num(y2)}"{style}/>'


def label(
    x: float,
    y: float,
    content: str,
    cls: str = "label",
    anchor: str = "start",
    size: float | None = None,
    *,
    bold: bool = False,
) -> str:
    """A line of text; `anchor` is start, middle or end, as SVG's text-anchor; `size` its font size
    where it is not the drawing's."""
    extra = "" if anchor == "start" else f' text-anchor="{anchor}"'
    if size is not None:
        extra += f' font-size="{num(size)}"'
    if bold:
        extra += ' font-weight="bold"'
    return f'<text class="{cls}" x="{num(x)}" y="{num(y)}"{extra}>{esc(content)}</text>'


def diamond(cx: float, cy: float, half: float, cls: str, style: str = "") -> str:
    corners = ((cx, cy - half), (cx + half, cy), (cx, cy + half), (cx - half, cy))
    points = " ".join(f"{num(x)},{num(y)}" for x, y in corners)
    return f'<polygon class="{cls}" points="{points}"{style}/>'
