"""The audit's HTML report for every reader: hidden direction controls shown rather than obeyed, the page
working with JavaScript off, on paper, on a narrow screen, and for keyboard and screen-reader users."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.text import DIRECTION_CONTROLS
from tests.browser import Page

WARM = ("Hi {{customer.first_name}}, I can see how worrying a missing parcel is, and I'm sorry. "
        "I've asked the courier to trace it and I'll email you by Friday.")
UNACKNOWLEDGED = "Hi {{customer.first_name}}, I've asked the courier to trace your parcel and I'll email you by Friday."
COLD = ("Dear Customer, We apologize for any inconvenience caused. Your request has been forwarded to the "
        "relevant department and will be processed in due course. Regards, Customer Service")


def _report(tmp_path: Path, rows: list[dict[str, str]]) -> str:
    library = tmp_path / "library.jsonl"
    library.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["audit", str(library), "--html", str(out)])
    assert result.exit_code in (0, 1), result.output
    return out.read_text(encoding="utf-8")


def test_direction_controls_are_shown_not_obeyed(tmp_path: Path) -> None:
    page = _report(tmp_path, [
        # (no acknowledgment: the short reply is quoted whole by SK105, controls and all)
        {"title": "\u202eRefund sent", "body": UNACKNOWLEDGED.replace("by Friday", "by \u202eFriday\u202c")},
        {"title": "Plain", "body": COLD},
    ])
    assert not any(ch in page for ch in DIRECTION_CONTROLS)  # none left to reorder the page
    assert "⟨U+202E⟩Refund sent" in page and "by ⟨U+202E⟩Friday⟨U+202C⟩" in page
    # (SK012's evidence is the character itself: it read as an empty quote)
    assert re.search(r"SK012.*?&ldquo;<bdi>⟨U\+202E⟩</bdi>&rdquo;", page)
    quotes = re.findall(r"&ldquo;(.{0,6})", page)
    assert quotes and all(q.startswith("<bdi>") for q in quotes)  # each quote isolated from its line
    bodies = re.findall(r'<div class="body"[^>]*>', page)
    assert len(bodies) == 2 and all('dir="auto"' in b for b in bodies)  # a right-to-left reply reads right


# (the page's own script taken out, as a browser with JavaScript off would run none of it; what is drawn is read
# through the DevTools protocol, from outside the page)
_MEASURE = """(function () {
  var drawn = function (el) { return el.getClientRects().length > 0; };
  return {
    drawn: [].slice.call(document.querySelectorAll('details.macro')).filter(drawn).map(function (m) { return m.id; })
      .join(' '),
    controls: ['search', 'show-all', 'expand'].filter(function (id) { return drawn(document.getElementById(id)); })
      .join(' '),
    opened: [].slice.call(document.querySelectorAll('details.macro[open]')).map(function (m) { return m.id; })
      .join(' ')};
})()"""


def _without_script(tmp_path: Path, page: str, fragment: str) -> dict[str, str]:
    bare = tmp_path / "bare.html"
    bare.write_text(re.sub(r"<script>.*?</script>", "", page, flags=re.S), encoding="utf-8")
    with Page(bare.as_uri() + fragment, width=1000, height=700) as opened:
        seen: dict[str, str] = opened.evaluate(_MEASURE)
    return seen


@pytest.mark.chromium
def test_without_javascript_the_bars_still_filter_and_script_only_controls_are_not_shown(tmp_path: Path) -> None:
    page = _report(tmp_path, [{"title": f"Warm {n}", "body": WARM.replace("Friday", f"day {n}")} for n in range(3)]
                   + [{"title": f"Cold {n}", "body": COLD.replace("course", f"course {n}")} for n in range(3)])
    assert "<noscript>" in page
    buckets = {m: int(s) for m, s in re.findall(r'<details class="macro" id="(m-[^"]+)"[^>]*data-bucket="(\d)"',
                                                page)}
    assert len(set(buckets.values())) >= 2
    every = _without_script(tmp_path, page, "")
    assert every["drawn"].split() == list(buckets) and every["controls"] == ""  # nothing that would do nothing
    chosen = max(buckets.values())
    shown = _without_script(tmp_path, page, f"#bucket={chosen}")
    assert shown["drawn"].split() == [m for m, b in buckets.items() if b == chosen]
    family = re.search(r'href="#family=(\w+)"', page)
    assert family
    with_family = [m for m, f in re.findall(r'<details class="macro" id="(m-[^"]+)"[^>]*data-families="([^"]*)"', page)
                   if family.group(1) in f.split()]
    assert _without_script(tmp_path, page, f"#family={family.group(1)}")["drawn"].split() == with_family
    # (a drill-down link from the duplicates table opens its macro)
    assert _without_script(tmp_path, page, "#drill=cold-1")["opened"] == "m-cold-1"


@pytest.mark.chromium
def test_with_javascript_the_controls_show(tmp_path: Path) -> None:
    from tests import browser

    _report(tmp_path, [{"title": "Warm", "body": WARM}, {"title": "Cold", "body": COLD}])
    dom = browser.run((tmp_path / "report.html").as_uri(), "--dump-dom").stdout
    controls = re.search(r'<div class="toolbar" id="controls"[^>]*>', dom)
    assert 'data-ready="1"' in dom and controls and "hidden" not in controls.group(0)


def _pdf_text(tmp_path: Path, page: Path) -> str:
    import shutil
    import subprocess

    from tests import browser
    from tests.conftest import require_external

    if shutil.which("pdftotext") is None:
        require_external("pdftotext is not installed (apt-get install poppler-utils)")
    pdf = tmp_path / f"{page.stem}.pdf"
    browser.run(page.as_uri(), f"--print-to-pdf={pdf}", "--no-pdf-header-footer", "--virtual-time-budget=3000")
    assert pdf.exists()
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.chromium
def test_printing_leaves_out_the_controls_and_prints_the_macros_as_shown(tmp_path: Path) -> None:
    page = _report(tmp_path, [{"title": "Warm", "body": WARM}, {"title": "Cold", "body": COLD}])
    printed = " ".join(_pdf_text(tmp_path, tmp_path / "report.html").split())
    # (closed on screen, closed on paper: every macro opened was 413 pages for a library of 489)
    assert "Warm" in printed and "Cold" in printed and "processed in due course" not in printed
    assert "Expand shown" not in printed and "Show all" not in printed
    bare = tmp_path / "bare.html"  # (with JavaScript off too)
    bare.write_text(re.sub(r"<script>.*?</script>", "", page, flags=re.S), encoding="utf-8")
    assert "processed in due course" not in " ".join(_pdf_text(tmp_path, bare).split())


@pytest.mark.chromium
def test_a_long_link_wraps_on_a_phone_screen(tmp_path: Path) -> None:
    link = "https://help.example.com/returns?ticket=" + "7f3a9c2e" * 12  # (no hyphen to break at)
    _report(tmp_path, [{"title": "Refund guide " + link, "body": WARM + " The steps are at " + link + " today."}])
    with Page((tmp_path / "report.html").as_uri(), width=390, height=800) as opened:
        opened.evaluate("document.querySelectorAll('details.macro').forEach(function (m) { m.open = true; })")
        wide, view = opened.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    assert wide <= view <= 390  # nothing runs off the side of the screen


def test_keyboard_and_screen_reader_cues(tmp_path: Path) -> None:
    page = _report(tmp_path, [{"title": "Warm", "body": WARM}, {"title": "Cold", "body": COLD}])
    assert re.search(r'details\.macro>summary::before\{content:"▸"', page)  # (display:flex hid the marker)
    assert re.search(r'<span id="filter-status"[^>]*aria-live="polite"', page)
    bars = re.findall(r'(<a [^>]*>)?<rect class="bar" data-bucket="\d" data-count="(\d+)"', page)
    assert len(bars) == 10 and all(bool(link) == (count != "0") for link, count in bars)  # no empty stops
    # a heading to jump to per macro, before its summary (inside it, a screen reader flattened it into the button)
    assert len(re.findall(r'<h3 class="macro-h[^"]*">[^\n]*?</h3><details class="macro"', page)) == 2
    marks = re.findall(r'<mark class="(\w+)"[^>]*>.*?</mark>(<sup class="sev">[^<]*</sup>)?', page)
    assert marks and all(sev and severity in sev for severity, sev in marks)  # (not the colour alone)
