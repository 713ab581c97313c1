"""The audit's and the Intercom pages' HTML on a phone, and the language of the text they show: the common problems'
table keeps each rule name whole and its quotes on screen at 390 px, an Intercom page with a long token does not
scroll sideways, a macro in another language is marked with it (WCAG 3.1.2), and a right-to-left excerpt quoted
inside a finding's sentence is isolated from it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from export_fixtures import LATE, write_pack

from scriptkit.cli import main
from scriptkit.exporting import export
from tests.browser import Page

COLD = ("Dear Customer, We apologize for any inconvenience caused. Your request has been forwarded to the "
        "relevant department and will be processed in due course. Regards, Customer Service")
HEBREW = ("שלום {{customer.first_name}}, אני מצטער מאוד שחויבת פעמיים, אני מבין עד כמה זה מתסכל. "
          "ביצעתי החזר של הסכום הכפול והוא יופיע בחשבונך תוך 5 עד 7 ימי עסקים.")
# (starts with its placeholder: read by its first letter, the quote and the body ran left to right)
ARABIC = "{{customer.first_name}}، شكراً لتواصلك معنا. طلبك في الطريق وسيصل خلال 3 أيام. مع التحية"

# (each cell of the common problems' table: its column, its width, how many lines its text takes, its right edge)
_MEASURE = """(() => {
  var cells = [];
  [].slice.call(document.querySelectorAll('#common tr')).forEach(function (tr) {
    [].slice.call(tr.querySelectorAll('td')).forEach(function (td, i) {
      var range = document.createRange(); range.selectNodeContents(td);
      var lines = {};
      [].slice.call(range.getClientRects()).forEach(function (r) { if (r.width) lines[Math.round(r.top)] = 1; });
      var box = td.getBoundingClientRect();
      cells.push([i, td.textContent, Object.keys(lines).length, Math.round(box.right)]);
    });
  });
  return {cells: cells, wide: document.documentElement.scrollWidth, view: document.documentElement.clientWidth};
})()"""


def _audit(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    library = tmp_path / "library.jsonl"
    library.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["audit", str(library), "--html", str(out)])
    assert result.exit_code in (0, 1), result.output
    return out


def _on_a_phone(page: Path, measure: str) -> dict[str, object]:
    """What ``measure`` (an expression, read through the DevTools protocol) finds of ``page`` shown 390 px wide."""
    with Page(page.as_uri(), width=390, height=800) as opened:
        seen: dict[str, object] = opened.evaluate(measure)
    return seen


@pytest.mark.chromium
def test_common_problems_keep_rule_names_whole_and_quotes_on_a_phone(tmp_path: Path) -> None:
    page = _audit(tmp_path, [{"title": f"Formal notice {n}", "body": COLD} for n in range(3)])
    seen = _on_a_phone(page, _MEASURE)
    cells = seen["cells"]
    assert isinstance(cells, list)
    names = [c for c in cells if c[0] == 1]
    assert any(c[1] == "missing-acknowledgment" for c in names)  # (the longest name the library gives)
    for _, name, lines, right in names:
        assert lines == 1, f"{name} broken over {lines} lines"  # ("no-flexi/bilit/y" was 3)
        assert right <= 390, name
    quotes = [c for c in cells if c[0] == 5 and c[1]]
    assert quotes and all(right <= 390 for _, _, _, right in quotes)  # (on screen, not in the table's scroll)
    assert seen["wide"] == seen["view"] <= 390  # no page-level sideways scroll


def test_a_macro_in_another_language_is_marked_with_it(tmp_path: Path) -> None:
    page = _audit(tmp_path, [{"title": "חיוב::החזר כפול", "body": HEBREW},
                             {"title": "شحن::تأخير الطلب", "body": ARABIC},
                             {"title": "Formal notice", "body": COLD}]).read_text(encoding="utf-8")
    assert '<html lang="en">' in page  # (the page's own words)
    bodies = re.findall(r'<div class="body"([^>]*)>', page)
    assert sorted(bodies) == sorted([' lang="he" dir="rtl"', ' lang="ar" dir="rtl"', ' dir="auto"'])
    assert re.search(r'<bdi lang="ar" dir="rtl">شحن::تأخير الطلب</bdi>', page)  # (its title)
    assert re.search(r'<bdi lang="he" dir="rtl">חיוב::החזר כפול</bdi>', page)
    assert "<bdi>Formal notice</bdi>" in page  # (English, as the page: nothing to say)
    # (a quote of the macro's text in its problem lines too)
    assert re.search(r'SK006 other-language[^<]*</span>[^<]*&ldquo;<bdi lang="ar" dir="rtl">', page)


def test_a_right_to_left_excerpt_in_a_findings_sentence_is_isolated(tmp_path: Path) -> None:
    page = _audit(tmp_path, [{"title": "شحن::تأخير الطلب", "body": ARABIC},
                             {"title": "Formal notice", "body": COLD}]).read_text(encoding="utf-8")
    # (SK001's "the reply reads '، شكراً ...'": its comma stood on the wrong side of the Arabic)
    line = re.search(r"<li><span class=\"code\">SK001 placeholder-without-fallback.*?</li>", page)
    assert line, page
    assert re.search(r'reads &#x27;<bdi lang="ar" dir="rtl">، شكراً لتواصلك معنا.</bdi>&#x27;', line.group(0))
    assert "customer&#x27;s first name" in line.group(0)  # (an apostrophe is no quote)
    # (an English excerpt needs no isolating and gets none)
    assert "&#x27;<bdi" not in page.split("Formal notice", 1)[1].split("</details>", 1)[0]


ARABIC_SCRIPT = LATE.replace("id: parcel-late", "id: late-ar").replace(
    "I can see how frustrating the wait for a parcel that hasn't come has been.",
    "أفهم تماماً مدى الإزعاج الذي سببه تأخر طردك.").replace(
    "Waiting all day for a delivery that never shows up is exhausting.", "الانتظار طوال اليوم أمر متعب حقاً.").replace(
    "I'm really sorry, and thank you for your patience.", "أنا آسف جداً، وشكراً لصبرك.").replace(
    "I've chased the carrier, and your parcel will arrive by {{ blank.new_date }}.",
    "لقد تواصلت مع شركة الشحن، وسيصل طردك بحلول {{ blank.new_date }}.").replace(
    "I'll check on it myself that day and email you an update.", "سأتابع الأمر بنفسي وأرسل لك تحديثاً.")
TOKEN = "AAAA" * 40
LONG = LATE.replace("id: parcel-late", "id: late-token").replace(
    "email you an update.", f"email you an update. Your reference is {TOKEN} and the page is "
                            f"https://support.example.com/hc/en-us/articles/{'refund-for-a-duplicate-charge-' * 4}.")


@pytest.fixture(scope="module")
def intercom(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("intercom-phone")
    pack = write_pack(root / "p", {"late.yaml": LATE, "ar.yaml": ARABIC_SCRIPT, "long.yaml": LONG})
    export(pack, ["intercom"], root / "out", lint=False, force=True)
    return root / "out" / "intercom" / "macros"


def test_an_intercom_page_marks_a_reply_in_another_language(intercom: Path) -> None:
    arabic = (intercom / "late-ar.html").read_text(encoding="utf-8")
    assert '<html lang="en-GB">' in arabic  # (the pack's, for the page's own words and its English title)
    assert '<div class="reply" lang="ar">' in arabic
    english = (intercom / "parcel-late.html").read_text(encoding="utf-8")
    assert '<div class="reply">' in english


@pytest.mark.chromium
def test_an_intercom_page_with_a_long_token_fits_a_phone(intercom: Path) -> None:
    seen = _on_a_phone(intercom / "late-token.html", (
        "({wide: document.documentElement.scrollWidth, view: document.documentElement.clientWidth, "
        f"shown: document.body.textContent.indexOf('{TOKEN}') >= 0}})"))
    assert seen["shown"] is True
    assert seen["wide"] == seen["view"] <= 390  # (1509 px wide: it scrolled sideways)
