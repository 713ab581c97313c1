"""Exported HTML for right-to-left packs, the playbook's landmarks, wrapping and print breaks, and the
playbook's Markdown showing an escaped entity as the customer reads it. Layout is checked in headless
Chromium: the exported page as written, what the browser computed read through the DevTools protocol."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from export_fixtures import PACK_YAML, write_pack
from markdown_it import MarkdownIt

from scriptkit.exporting import export
from scriptkit.targets.base import text_direction
from tests.browser import Page

HELPDESKS = ["zendesk", "freshdesk", "helpscout", "gorgias", "front"]

RTL_PACK = """\
name: "دعم المكتبة"
version: 1.0.0
locale: ar
channels:
  email:
    greeting: "مرحباً {{ customer.first_name | fallback('صديقنا') }}،"
"""

RTL_SCRIPT = """\
id: late-book
title: "طلبات::تأخر الكتاب"
emotion: worried
channels: [email]
acknowledgment: "أعلم أن انتظار الكتاب مزعج، وأنا آسف."
warm_language: "شكراً لصبرك."
solution: "شحنت الكتاب اليوم، وسيصل خلال 3 أيام."
flexibility:
  guidance: "راجع رقم التتبع أولاً."
"""

LONG = "https://books.example/track/" + "a1b2c3d4" * 30

ENGLISH_SCRIPT = f"""\
id: long-link
title: "Orders::Tracking"
scenario: The customer asks where to track a parcel.
emotion: confused
channels: [email, chat]
acknowledgment: "I can see the tracking page has been confusing."
warm_language: "Thanks for asking, Tom &amp; Jerry's fans get it too."
solution: "Your tracking page is {LONG} and it updates daily."
flexibility:
  guidance: "Check the parcel was sent."
"""


def _export(root: Path, pack_yaml: str, scripts: dict[str, str], targets: list[str]) -> Path:
    pack = write_pack(root / "pack", scripts, pack_yaml)
    export(pack, targets, root / "out", lint=False, force=True)
    return root / "out"


@pytest.fixture(scope="module")
def rtl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _export(tmp_path_factory.mktemp("rtl"), RTL_PACK, {"late.yaml": RTL_SCRIPT},
                   [*HELPDESKS, "intercom", "playbook"])


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _export(tmp_path_factory.mktemp("en"), PACK_YAML, {"link.yaml": ENGLISH_SCRIPT},
                   [*HELPDESKS, "intercom", "playbook"])


@pytest.mark.parametrize(("locale", "direction"), [
    ("ar", "rtl"), ("he-IL", "rtl"), ("fa_IR", "rtl"), ("ur", "rtl"), ("az-Arab", "rtl"), ("yi", "rtl"),
    ("en-GB", None), ("az-Latn", None), ("fr", None), ("", None), (None, None)])
def test_text_direction_of_locales(locale: str | None, direction: str | None) -> None:
    assert text_direction(locale) == direction


def _bodies(out: Path) -> dict[str, str]:
    """Each helpdesk's HTML body of the one script."""
    zd = json.loads((out / "zendesk/macros.json").read_text("utf-8"))["macros"][0]
    fd = json.loads((out / "freshdesk/canned_responses.json").read_text("utf-8"))
    hs = json.loads((out / "helpscout/saved_replies.json").read_text("utf-8"))
    gg = json.loads((out / "gorgias/macros.json").read_text("utf-8"))
    fr = json.loads((out / "front/message_templates.json").read_text("utf-8"))
    text = json.dumps([zd, fd, hs, gg, fr], ensure_ascii=False)
    return {"zendesk": next(a["value"] for a in zd["actions"] if a["field"] == "comment_value_html"),
            "all": text}


def test_rtl_pack_helpdesk_bodies_say_rtl(rtl: Path) -> None:
    bodies = _bodies(rtl)
    assert bodies["zendesk"].startswith('<p dir="rtl">مرحباً')
    assert "<p>" not in bodies["zendesk"]
    # (every helpdesk's HTML body: its paragraphs, each as the zendesk one)
    assert json.loads(json.dumps(bodies["all"])).count('<p dir=\\"rtl\\">') >= 5 * 4
    assert '<p dir=\\"auto\\">' not in bodies["all"]


def test_english_pack_helpdesk_bodies_keep_plain_paragraphs(english: Path) -> None:
    # (no sanitiser of theirs documents dir: a pack with no right-to-left locale sends what it sent before)
    assert ' dir=' not in _bodies(english)["all"]


def test_rtl_intercom_page_and_playbook_say_rtl(rtl: Path) -> None:
    page = (rtl / "intercom/macros/late-book.html").read_text("utf-8")
    assert '<html lang="ar" dir="rtl">' in page and '<p dir="rtl">مرحباً' in page
    book = (rtl / "playbook/playbook.html").read_text("utf-8")
    assert '<html lang="ar" dir="rtl">' in book
    # the page's own English words are marked English for a screen reader reading Arabic
    assert '<h2 id="contents-title" lang="en">Contents</h2>' in book
    assert re.search(r'<strong lang="en" dir="ltr">Customer feels:</strong>', book)
    assert '<h4 lang="en">Email</h4>' in book and '<span lang="en">agent playbook</span>' in book
    assert '<strong lang="en" dir="ltr">Guidance:</strong>' in book


def test_english_playbook_and_page_let_each_reply_paragraph_find_its_direction(english: Path) -> None:
    book = (english / "playbook/playbook.html").read_text("utf-8")
    assert '<html lang="en-GB">' in book and ' lang="en"' not in book
    assert '<blockquote><p dir="auto">Hi ' in book
    page = (english / "intercom/macros/long-link.html").read_text("utf-8")
    assert '<p dir="auto">Hi ' in page and "<html lang=\"en-GB\">" in page


def test_playbook_has_a_main_landmark(english: Path) -> None:
    book = (english / "playbook/playbook.html").read_text("utf-8")
    assert book.count("<main>") == 1 and book.index("<main>") < book.index("<h1>")
    assert book.index("</main>") > book.rindex("</section>")


def test_playbook_markdown_shows_the_entity_the_customer_reads(english: Path) -> None:
    md = (english / "playbook/playbook.md").read_text("utf-8")
    shown = MarkdownIt("commonmark").render(md)
    # the customer reads '&amp;' as typed (the HTML bodies escape it): so does a Markdown viewer
    assert "Tom &amp;amp; Jerry" in shown
    html_body = (english / "playbook/playbook.html").read_text("utf-8")
    assert "Tom &amp;amp; Jerry" in html_body
    # a lone '&' needs no escape and gets none
    assert "\\&amp;" in md and "\\& " not in md


# ---------------------------------------------------------------- in headless Chromium

# (read from outside the page, through the DevTools protocol: its policy runs no script but its own)
PROBE = """(() => {
const out = {};
const para = document.querySelector("blockquote p");
out.paragraph = getComputedStyle(para).direction;
out.page = getComputedStyle(document.body).direction;
out.label = (document.querySelector("article strong") || {}).lang || "";
const quotes = [...document.querySelectorAll("blockquote")];
out.overflow = quotes.some(q => q.scrollWidth > q.clientWidth + 1) || document.documentElement.scrollWidth > innerWidth;
out.breakAfter = getComputedStyle(document.querySelector("h3")).breakAfter;
out.breakInside = getComputedStyle(quotes[0]).breakInside;
out.main = document.querySelectorAll("main").length;
return out;
})()"""


def _probe(page: Path, width: int = 1280) -> dict[str, object]:
    with Page(page.as_uri(), width=width) as opened:
        probed: dict[str, object] = opened.evaluate(PROBE)
    return probed


@pytest.mark.chromium
def test_rtl_playbook_in_chromium(rtl: Path) -> None:
    seen = _probe(rtl / "playbook/playbook.html")
    assert seen["page"] == "rtl" and seen["paragraph"] == "rtl" and seen["label"] == "en"


@pytest.mark.chromium
def test_rtl_intercom_page_in_chromium(rtl: Path) -> None:
    with Page((rtl / "intercom/macros/late-book.html").as_uri()) as page:
        assert page.evaluate("getComputedStyle(document.querySelector('.reply p')).direction") == "rtl"


@pytest.mark.chromium
def test_playbook_long_address_wraps_and_print_keeps_replies_whole(english: Path) -> None:
    seen = _probe(english / "playbook/playbook.html", width=420)
    assert seen["overflow"] is False and seen["main"] == 1
    assert seen["breakAfter"] == "avoid" and seen["breakInside"] == "avoid"
    assert seen["paragraph"] == "ltr"
