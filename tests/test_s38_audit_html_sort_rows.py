"""The HTML audit report of a library past ``--html-details``: the sort orders the rows too. It sorted only the
macros shown in full, and moved them below the rows' table: 'best first' on 5,000 macros showed the rows, worst
first as written, then the 1,000 worst in full, best of them first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.browser import Page
from tests.conftest import run_cli

BODIES = ["I'm sorry your parcel is late, I know you were counting on it. I've asked the courier to deliver it "
          "tomorrow and I'll email you by noon. Thanks for your patience!",
          "Sorry for the wait. Your parcel leaves the warehouse tomorrow.",
          "Your parcel leaves the warehouse tomorrow.",
          "Please be advised that your request has been noted.",
          "Per our policy this decision is final."]
TITLES = ["Kilo", "alpha", "Echo", "delta", "Bravo", "juliet", "Golf", "hotel", "India", "foxtrot"]

# (each macro shown, in the page's order, whether in full or as a row: its id, its title, its score)
SHOWN = ("[].slice.call(document.querySelectorAll('details.macro, tr.macro-row'))"
         ".filter(function(m){return m.getClientRects().length>0;})"
         ".map(function(m){return [m.id, (m.querySelector('summary .t bdi')||m.querySelector('bdi')).textContent,"
         " parseFloat(m.dataset.score)];})")


def _sorted(choice: str) -> str:
    return (f"(function(){{var s=document.getElementById('sort');s.value='{choice}';"
            f"s.dispatchEvent(new Event('change'));return {SHOWN};}})()")


@pytest.mark.chromium
def test_the_sort_orders_the_rows_too_and_best_first_starts_with_the_best_macro(tmp_path: Path) -> None:
    library = tmp_path / "macros.jsonl"
    library.write_text("".join(json.dumps({"id": f"r{i}", "title": title, "body": BODIES[i % len(BODIES)]}) + "\n"
                               for i, title in enumerate(TITLES)), encoding="utf-8")
    out = tmp_path / "report.html"
    result = run_cli("audit", str(library), "--grammar", "off", "--html", str(out),
                     "--html-details", "4")
    assert result.exit_code == 0, result.output
    with Page(out.as_uri(), width=1000, height=700) as page:
        worst = page.evaluate(SHOWN)
        assert len(worst) == 10 and len({s for _, _, s in worst}) >= 3
        full = [i for i, _, _ in worst[:4]]  # (the worst four, in full, above the rows as written)
        assert page.evaluate("document.querySelectorAll('details.macro').length") == 4

        best = page.evaluate(_sorted("best"))
        assert [s for _, _, s in best] == sorted((s for _, _, s in worst), reverse=True)
        assert best[0][2] == max(s for _, _, s in worst)  # (the library's best macro leads the page)

        by_title = page.evaluate(_sorted("title"))
        # (the macros in full first, then the rows, each part by title whatever its capitals)
        assert [i for i, _, _ in by_title[:4]] == [i for i, _, _ in sorted(worst[:4], key=lambda m: m[1].casefold())]
        assert [t for _, t, _ in by_title[4:]] == sorted((t for _, t, _ in worst[4:]), key=str.casefold)

        assert page.evaluate(_sorted("worst")) == worst  # (and back, as written)
        assert [i for i, _, _ in page.evaluate(_sorted("worst"))[:4]] == full
