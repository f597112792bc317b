"""The charts as a reader's browser draws them: headless chromium, a screenshot of each chart.

The chart tests read the SVG's numbers back (tests/test_charts.py); only a browser shows that it
is drawn at all: that the markup parses as SVG inside the page and paints bars, not a blank box.
"""

from __future__ import annotations

import struct
import zlib

import pytest

from .conftest import require, require_that
from .test_serve import _chromium


def _pixels(png: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and rows of RGBA pixels of an 8-bit, non-interlaced PNG (what chromium writes)."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    at, chunks, header = 8, [], b""
    while at < len(png):
        (length,), kind = struct.unpack(">I", png[at : at + 4]), png[at + 4 : at + 8]
        data = png[at + 8 : at + 8 + length]
        if kind == b"IHDR":
            header = data
        elif kind == b"IDAT":
            chunks.append(data)
        at += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0
    size = 4 if colour == 6 else 3
    raw, stride, rows, previous = zlib.decompress(b"".join(chunks)), width * size, [], bytes(width * size)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - size] if i >= size else 0
            up, corner = previous[i], previous[i - size] if i >= size else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        previous = bytes(line)
        rows.append(bytes(b for x in range(width) for b in (*line[x * size : x * size + 3], 255)))
    return width, height, rows


@pytest.fixture(scope="module")
def browser():
    sync_api = require("playwright.sync_api", "no browser: the Python package playwright is not installed")
    executable = _chromium()
    require_that(executable, "no browser: no chromium binary on PATH (Debian: apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True)
        yield launched
        launched.close()


def test_every_chart_of_a_page_is_drawn(browser, generator, tmp_path):
    page_file = tmp_path / "page.html"
    page_file.write_text(generator.generate("software-developers", "registered-nurses", format="html"))
    page = browser.new_page(viewport={"width": 1000, "height": 800})
    page.goto(page_file.as_uri())
    charts = page.locator("svg.chart")
    assert charts.count() >= 3  # pay, growth and required education
    for index in range(charts.count()):
        chart = charts.nth(index)
        box = chart.bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 100
        width, height, rows = _pixels(chart.screenshot())
        background = rows[0][:4]
        painted = sum(1 for row in rows for x in range(0, width * 4, 4) if row[x : x + 4] != background)
        coloured = sum(
            1
            for row in rows
            for x in range(0, width * 4, 4)
            if max(row[x : x + 3]) - min(row[x : x + 3]) > 40  # not black, white or grey: a bar
        )
        assert painted > 0.03 * width * height, f"chart {index} is blank"
        assert coloured > 200, f"chart {index} has no coloured marks"
    page.close()
