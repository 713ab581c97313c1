"""The audit's HTML report after a support lead's review: the macros sort worst, best or by title (worst first
with JavaScript off), a rule's row lists the macros with that rule's problems, tables stay inside a phone's
screen, each macro's heading is outside its summary, tables have captions, and paper shows what the screen does."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from tests.browser import Page

WARM = ("Hi {{customer.first_name}}, I can see how worrying a missing parcel is, and I'm sorry. "
        "I've asked the courier to trace it and I'll email you by Friday.")
COLD = ("Dear Customer, We apologize for any inconvenience caused. Your request has been forwarded to the "
        "relevant department and will be processed in due course. Regards, Customer Service")
FLAT = "Hi {{customer.first_name}}, your parcel has been traced and it will reach you on Friday. Thanks, Sam"

ROWS = [{"title": "Beta cold", "body": COLD}, {"title": "alpha warm", "body": WARM},
        {"title": "Gamma flat", "body": FLAT}, {"title": "Delta cold", "body": COLD.replace("course", "time")}]


def _report(tmp_path: Path, rows: list[dict[str, str]]) -> str:
    library = tmp_path / "library.jsonl"
    library.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["audit", str(library), "--grammar", "off", "--html", str(out)])
    assert result.exit_code in (0, 1), result.output
    return out.read_text(encoding="utf-8")


def _order(tmp_path: Path, page: str, steps: str = "", fragment: str = "", *, scripted: bool = True,
           also: str = "") -> list[str]:
    """The ids of the macros shown, in order, once ``steps`` (statements, run through the DevTools protocol after
    the page's own script, or with JavaScript off: the page without it) have run; ``also``: an expression whose
    value is added last."""
    if not scripted:
        page = re.sub(r"<script>.*?</script>", "", page, flags=re.S)
    probe = tmp_path / "probe.html"
    probe.write_text(page, encoding="utf-8")
    with Page(probe.as_uri() + fragment, width=1000, height=700) as opened:
        seen: list[str] = opened.evaluate(
            f"(function(){{{steps}return [].slice.call(document.querySelectorAll('details.macro'))"
            ".filter(function(m){return m.getClientRects().length>0;}).map(function(m){return m.id;})"
            + (f".concat([String({also})])" if also else "") + ";})()")
    return seen


def _sorted_by(choice: str) -> str:
    return f"var s=document.getElementById('sort');s.value='{choice}';s.dispatchEvent(new Event('change'));"


@pytest.mark.chromium
def test_the_macros_sort_worst_best_or_by_title_and_stay_worst_first_without_javascript(tmp_path: Path) -> None:
    page = _report(tmp_path, ROWS)
    worst = re.findall(r'<details class="macro" id="(m-[^"]+)"', page)
    scores = dict(re.findall(r'<details class="macro" id="(m-[^"]+)" data-score="([\d.]+)"', page))
    assert len(set(scores.values())) >= 3
    assert re.search(r'<select id="sort"[^>]*>.*?value="worst".*?value="best".*?value="title"', page, re.S)
    by_title = sorted(worst, key=lambda i: re.search(rf'id="{i}".*?<span class="t"[^>]*><bdi>([^<]*)', page,
                                                     re.S).group(1).casefold())  # type: ignore[union-attr]
    assert _order(tmp_path, page, _sorted_by("title")) == by_title
    best = _order(tmp_path, page, _sorted_by("best"))
    assert [float(scores[i]) for i in best] == sorted((float(s) for s in scores.values()), reverse=True)
    assert _order(tmp_path, page, _sorted_by("title") + _sorted_by("worst")) == worst
    # (JavaScript off: no sorting control drawn, the list as written, worst first)
    bare = _order(tmp_path, page, scripted=False, also="document.getElementById('sort').getClientRects().length")
    assert bare == [*worst, "0"]


@pytest.mark.chromium
def test_a_common_problem_and_its_work_order_step_list_the_macros_with_that_rule(tmp_path: Path) -> None:
    page = _report(tmp_path, ROWS)
    codes = {m: set(c.split()) for m, c in re.findall(r'<details class="macro" id="(m-[^"]+)"[^>]*data-codes="([^"]*)"',
                                                        page)}
    common = re.search(r'<section id="common">.*?</section>', page, re.S)
    assert common and "#common" not in re.sub(r'<section id="common">', "", common.group(0))
    rules = re.findall(r'<td class=code><a href="#rule=(SK\d+)">', common.group(0))
    partial = next(code for code in rules if 0 < sum(code in c for c in codes.values()) < len(codes))
    order = re.search(r'<nav class="toolbar" id="order">.*?</nav>', page, re.S)
    assert order and f'href="#rule={partial}"' in order.group(0) and 'href="#common"' not in order.group(0)
    with_rule = [m for m, c in codes.items() if partial in c]
    assert _order(tmp_path, page, fragment=f"#rule={partial}") == with_rule
    assert _order(tmp_path, page, fragment=f"#rule={partial}", scripted=False) == with_rule


@pytest.mark.chromium
def test_tables_fit_a_390_pixel_screen(tmp_path: Path) -> None:
    long_quote = "Unfortunately " + "we-are-unable-to-process-" * 6 + "today."
    _report(tmp_path, [*ROWS, *({"title": f"Long {n}", "body": f"{long_quote} {COLD}"} for n in range(3))])
    with Page((tmp_path / "report.html").as_uri(), width=390, height=800) as opened:
        wide, view = opened.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    assert view <= 390 and wide <= view


def test_headings_sit_outside_the_summaries_and_tables_have_captions(tmp_path: Path) -> None:
    page = _report(tmp_path, ROWS)
    summaries = re.findall(r"<summary>.*?</summary>", page, re.S)
    assert len(summaries) == len(ROWS) and not any(re.search(r"<h\d|role=\"heading\"", s) for s in summaries)
    headed = re.findall(r'<h3 class="macro-h[^"]*"[^>]*><bdi>([^<]*)</bdi>[^\n]*?</h3><details class="macro"', page)
    assert sorted(headed) == sorted(r["title"] for r in ROWS)  # (one heading per macro, just before it)
    tables = re.findall(r"<table[^>]*>(.{0,60})", page)
    assert tables and all(t.startswith("<caption") for t in tables)


def _pdf(tmp_path: Path, page: Path, fragment: str = "") -> tuple[int, str]:
    from tests import browser
    from tests.conftest import require_external

    if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        require_external("pdftotext is not installed (apt-get install poppler-utils)")
    pdf = tmp_path / f"{page.stem}.pdf"
    browser.run(page.as_uri() + fragment, f"--print-to-pdf={pdf}", "--no-pdf-header-footer",
                "--virtual-time-budget=3000")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = re.search(r"Pages:\s+(\d+)", info)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert pages
    return int(pages.group(1)), " ".join(text.split())


@pytest.mark.chromium
def test_printing_prints_what_is_shown_closed_macros_stay_closed(tmp_path: Path) -> None:
    filler = " ".join(f"Step {n}: check the label on box {n} and tell us what it says." for n in range(40))
    _report(tmp_path, [*ROWS, *({"title": f"Long steps {n}", "body": f"{WARM} {filler}"} for n in range(8))])
    page = tmp_path / "report.html"
    pages, printed = _pdf(tmp_path, page)
    assert "Long steps 3" in printed and "Beta cold" in printed  # every title is listed
    assert "check the label on box 17" not in printed and "processed in due course" not in printed
    assert pages <= 5  # (every macro opened: a page or more per two macros)
    # (a macro opened on screen is open on paper: here by a drill-down link)
    opened_pages, opened = _pdf(tmp_path, page, "#drill=long-steps-3")
    assert "check the label on box 17" in opened and "processed in due course" not in opened
    assert opened_pages > pages
