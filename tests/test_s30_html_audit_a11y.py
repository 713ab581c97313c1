"""The audit's HTML for a screen reader and low vision: each chart has a name, its bars' links are not hidden
inside an image and each says what it lists; the filter box has a label; the grey badge's text is readable."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from scriptkit.cli import main


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("s30-a11y")
    library = root / "library.jsonl"
    rows = [{"title": "Late parcel", "body": "Hi {{customer.first_name}}, I'm sorry the parcel is late. "
                                             "I've asked the courier to trace it and will email you by Friday."},
            {"title": "Formal", "body": "Dear Customer, We apologize for any inconvenience caused. Regards"},
            {"title": "Only a note", "body": "Hallo, wir melden uns morgen bei Ihnen. Viele Grüße"}]
    library.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = root / "report.html"
    result = CliRunner().invoke(main, ["audit", str(library), "--html", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_each_chart_is_named_and_its_links_are_not_hidden_in_an_image(page: str) -> None:
    charts = re.findall(r"<svg [^>]*>.*?</svg>", page, re.S)
    assert len(charts) == 3
    for chart in charts:
        tag = chart[:chart.index(">") + 1]
        assert re.search(r'aria-label="[^"]+"', tag), tag
        if "<a " in chart:  # (role=img hides what is inside it: its links with it)
            assert 'role="group"' in tag and 'role="img"' not in tag, tag
    scores = next(c for c in charts if 'id="chart-scores"' in c)
    links = re.findall(r'<a href="#bucket=(\d)" aria-label="([^"]+)">', scores)
    counts = [int(c) for c in re.findall(r'data-count="(\d+)"', scores)]
    assert len(counts) == 10 and len(links) == sum(1 for n in counts if n)  # (an empty bar is no link)
    assert [label for _, label in links] == [
        f"Score {b * 10}-{b * 10 + 9 + (b == 9)}: {n} macro(s)" for b, n in enumerate(counts) if n]
    families = next(c for c in charts if 'id="chart-families"' in c)
    assert re.search(r'<a href="#family=\w+" aria-label="\w+ \(SK\dxx\): \d+ problem\(s\)">', families)


def test_the_filter_box_has_a_label(page: str) -> None:
    box = re.search(r'<input type="search" id="(\w+)"', page)
    assert box and re.search(rf'<label for="{box.group(1)}"[^>]*>[^<]+</label>', page)


def _luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def test_the_not_judged_badge_is_readable(page: str) -> None:
    assert 'class="score s-none"' in page
    background = re.search(r"\.s-none\{background:(#[0-9a-f]{6})\}", page)
    assert background, "the .s-none badge's colour"
    assert (1.05) / (_luminance(background.group(1)) + 0.05) >= 4.5  # (white text on it, WCAG AA)
