"""The audit's HTML in headless Chromium: clicking a chart's bar filters the macro list, brings the list on
screen (it is screens below the charts) and marks the bar that is on."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from tests.browser import Page

pytestmark = pytest.mark.chromium

WARM = ("Hi {{customer.first_name}}, I can see how worrying a missing parcel is, and I'm sorry. "
        "I've asked the courier to trace it and I'll email you by Friday.")
COLD = ("Dear Customer, We apologize for any inconvenience caused. Your request has been forwarded to the "
        "relevant department and will be processed in due course. Regards, Customer Service")

# (a click on a bar, run through the DevTools protocol; read once the page's own handler of the hash change has run)
_CLICK = """new Promise(function (done) {
  addEventListener('hashchange', function () { setTimeout(done, 0); }, {once: true});
  document.querySelector('a[href="HREF"]').dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}));
}).then(function () {
  return {dom: document.documentElement.outerHTML, scrolled: Math.round(window.scrollY),
          top: Math.round(document.getElementById('macros').getBoundingClientRect().top)};
})"""


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("s30-audit")
    library = root / "library.jsonl"
    rows = [{"title": f"Warm {n}", "body": WARM.replace("Friday", f"day {n}")} for n in range(20)]
    rows += [{"title": f"Cold {n}", "body": COLD.replace("due course", f"due course {n}")} for n in range(20)]
    library.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = root / "report.html"
    result = CliRunner().invoke(main, ["audit", str(library), "--html", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _click(report: Path, href: str) -> dict[str, Any]:
    with Page(report.as_uri(), width=1000, height=700) as page:
        seen: dict[str, Any] = page.evaluate(_CLICK.replace("HREF", href))
    return seen


def _link(dom: str, href: str) -> str:
    found = re.search(rf'<a [^>]*href="{re.escape(href)}"[^>]*>', dom)
    assert found, href
    return found.group(0)


@pytest.mark.parametrize("kind", ["bucket", "family"])
def test_clicking_a_bar_shows_the_list_and_marks_the_bar(report: Path, kind: str) -> None:
    page = report.read_text(encoding="utf-8")
    hrefs = [h for h in re.findall(r'<a [^>]*href="(#[a-z]+=[^"]+)"', page) if h.startswith(f"#{kind}=")]
    counts = [int(c) for c in re.findall(r'data-bucket="\d" data-count="(\d+)"', page)]
    href = f"#bucket={counts.index(max(counts))}" if kind == "bucket" else hrefs[0]
    seen = _click(report, href)
    dom = seen["dom"]
    assert 'data-ready="1"' in dom
    assert re.search(r'id="filter-status"[^>]*>[^<]+: \d+ macro\(s\)<', dom)  # (the status line)
    assert seen["scrolled"] > 300 and abs(seen["top"]) < 50  # the list at the top of the screen
    assert 'aria-current="true"' in _link(dom, href)
    assert all('aria-current' not in _link(dom, h) for h in hrefs if h != href)
