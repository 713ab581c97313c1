"""The audit's HTML report in a real browser: headless Chromium opens it, the charts render,
the drill-down and the chart filters work, and a screenshot shows them."""

from __future__ import annotations

import json
import re
import struct
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from tests import browser

pytestmark = pytest.mark.chromium

REPLIES = [
    ("Parcel late", "Hi {{customer.first_name}}, I can see how frustrating a late parcel is, and I'm sorry. "
                    "I've asked the courier to trace it today and I'll email you by Friday."),
    ("Parcel late copy", "Hi {{customer.first_name}}, I can see how frustrating a late parcel is, and I'm sorry. "
                         "I've asked the courier to trace it today and I'll email you by Friday."),
    ("Formal notice", "Dear Customer, We apologize for any inconvenience caused. Your request has been forwarded to "
                      "the relevant department and will be processed in due course. Regards, Customer Service"),
    ("Refund 14", "You can ask for a refund within 14 days of delivery. I've attached the form for you today."),
    ("Refund 30", "Refunds are possible within 30 days of delivery. I'll send the form within 2 hours."),
    ("<b>Hostile</b>", "Ends here </details><script>document.body.dataset.pwned='1'</script> done."),
]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("browser")
    library = root / "library.jsonl"
    library.write_text("".join(json.dumps({"title": t, "body": b}) + "\n" for t, b in REPLIES), encoding="utf-8")
    out = root / "report.html"
    result = CliRunner().invoke(main, ["audit", str(library), "--html", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_page_loads_and_script_runs(report: Path) -> None:
    dom = browser.run(report.as_uri(), "--dump-dom").stdout
    assert 'data-ready="1"' in dom  # the inline script ran
    assert "data-pwned" not in dom  # hostile text stayed text
    assert "&lt;script&gt;document.body.dataset.pwned" in dom
    # charts: a histogram bar per score bucket, a bar per problem family
    bars = re.findall(r'<rect class="bar" data-bucket="(\d)" data-count="(\d+)"[^>]*height="([\d.]+)"', dom)
    assert len(bars) == 10 and sum(int(c) for _, c, _ in bars) == len(REPLIES)
    assert any(float(h) > 0 for _, _, h in bars)
    # (each family with its codes, as `scriptkit rules` lists them)
    assert re.search(r'<svg id="chart-families".*?<rect class="bar" data-label="\w+ \(SK\dxx\)"', dom, re.S)


def test_drill_down_opens_the_macro(report: Path) -> None:
    dom = browser.run(report.as_uri() + "#drill=formal-notice", "--dump-dom").stdout
    opened = re.search(r'<details class="macro[^"]*" id="m-formal-notice"[^>]*>', dom)
    assert opened and " open" in opened.group(0) and 'data-drilled="1"' in opened.group(0)
    others = re.findall(r'<details class="macro[^"]*" id="m-(?!formal-notice)[^"]*"[^>]*>', dom)
    assert others and all(" open" not in tag for tag in others)
    # its text with the problem spans highlighted, and suggested rewrites
    section = dom[opened.start():dom.index("</details>", opened.start())]
    assert "<mark" in section and "Suggested:" in section


def test_histogram_bar_filters_the_list(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    scores = [float(s) for s in re.findall(r'data-score="([\d.]+)"', page)]
    bucket = min(9, int(max(scores) // 10))
    dom = browser.run(report.as_uri() + f"#bucket={bucket}", "--dump-dom").stdout
    tags = re.findall(r'<details class="macro[^"]*"[^>]*data-score="([\d.]+)"[^>]*>', dom)
    hidden = re.findall(r'<details class="macro[^"]*"[^>]*data-score="[\d.]+"[^>]*hidden[^>]*>', dom)
    expected_hidden = sum(1 for s in scores if min(9, int(s // 10)) != bucket)
    assert len(tags) == len(REPLIES) and len(hidden) == expected_hidden < len(REPLIES)
    assert "macro(s)" in dom  # the filter status line


def _png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGB/RGBA, non-interlaced PNG into rows of pixel bytes (stdlib only)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and color in (2, 6)
            channels = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = prev[i], prev[i - channels] if i >= channels else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line) if channels == 3 else bytes(x for j in range(0, stride, 4) for x in line[j:j + 3]))
        prev = line
    return width, height, rows


def test_screenshot_shows_the_charts(report: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    browser.run(report.as_uri(), f"--screenshot={shot}", "--window-size=1000,700", "--hide-scrollbars")
    assert shot.exists() and shot.stat().st_size > 10_000
    width, height, rows = _png_pixels(shot.read_bytes())
    assert (width, height) == (1000, 700)
    colours: dict[bytes, int] = {}
    for row in rows[::3]:
        for x in range(0, len(row), 9):
            colours[row[x:x + 3]] = colours.get(row[x:x + 3], 0) + 1
    assert len(colours) > 20  # not a blank page
    chart = {bytes.fromhex(c) for c in ("c62828", "f9a825", "2e7d32", "ef6c00", "d81b60", "3949ab")}
    assert len(chart & set(colours)) >= 2  # bars of the charts are painted
