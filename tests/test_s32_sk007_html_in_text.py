"""SK007 names HTML written in a slot's plain text: a slot's text is sent as text, so "clear your cache &amp; cookies"
reached the customer as "&amp;" (the Zendesk export escaped it again, '&amp;amp;'), and '<b>', '&nbsp;' or
'<a href="...">' as code; check and audit said nothing."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.linting import lint_pack, lint_text
from scriptkit.loading import load_pack

SCRIPT = """id: cache
title: Basket emptied
channels: [email]
acknowledgment: "I'm sorry your basket emptied&nbsp;overnight, that&#8217;s annoying."
flexibility:
  guidance: Offer to rebuild the basket by hand.
solution: |
  Please clear your cache &amp; cookies, then sign in again.
  Print the <b>return label</b> and read our <a href="https://example.com/returns">returns page</a>.<br>
  I'll check back tomorrow.</p>
  <div class="note">Your order stays saved.
"""


def _found(pack: Path) -> list[tuple[int, int, str, bool]]:
    found = lint_pack(load_pack(pack), grammar="off").diagnostics
    return [(d.location.line, d.location.col, d.text, d.fix is not None) for d in found if d.code == "SK007"]


def test_html_in_a_slot_is_reported_at_the_code_and_fixed_where_its_meaning_is_plain(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"cache.yaml": SCRIPT})
    assert _found(pack) == [
        (4, 47, "&nbsp;", True), (4, 68, "&#8217;", True),
        (8, 27, "&amp;", True),
        (9, 13, "<b>return label</b>", True),
        # (a fix never makes a link: the suggestion writes it out)
        (9, 46, '<a href="https://example.com/returns">returns page</a>', False),
        (9, 101, "<br>", True),
        (10, 28, "</p>", False),  # (the writer's to mend: a paragraph's end, or a stray tag)
        (11, 3, '<div class="note">', False)]
    link = next(d for d in lint_pack(load_pack(pack), grammar="off").diagnostics if d.text.startswith("<a "))
    assert "[returns page](https://example.com/returns)" in (link.suggestion or "")
    fixed = CliRunner().invoke(main, ["check", str(pack), "--fix", "--grammar", "off", "--select", "SK007"])
    assert fixed.exit_code == 1, fixed.output  # (the paragraph tags are left)
    text = (pack / "scripts" / "cache.yaml").read_text(encoding="utf-8")
    assert "emptied overnight, that\u2019s annoying." in text
    assert "clear your cache & cookies, then" in text
    assert ('Print the return label and read our <a href="https://example.com/returns">returns page</a>.\n'
            "  I'll check back tomorrow.</p>") in text


def test_the_message_says_what_the_customer_reads() -> None:
    found = [d for d in lint_text("I'm sorry. Please clear your cache &amp; cookies, then sign in again.",
                                  grammar="off").diagnostics if d.code == "SK007"]
    assert [(d.text, d.location.col) for d in found] == [("&amp;", 36)]
    assert "&amp;" in found[0].message and "'&'" in found[0].suggestion


def test_prose_and_code_are_left_alone(make_pack) -> None:  # type: ignore[no-untyped-def]
    """A lone '&' or '<' is prose, a key or a fill-in named in angle brackets is text, and code in backticks is
    meant as written."""
    script = SCRIPT.split("solution: |")[0].replace("emptied&nbsp;overnight, that&#8217;s", "emptied, that's") + (
        "solution: |\n"
        "  Our Q&A page says 5 < 6 and R&D; AT&T customers press the <b> key, then <Enter>.\n"
        "  Wrap it in <p> tags, or type `&amp;` and `<br>` in the editor; ask <reporter> for the file.\n")
    pack = make_pack({"cache.yaml": script})
    assert _found(pack) == []


def test_audit_of_an_export_reports_it(tmp_path: Path) -> None:
    """An export's plain text with an entity beside a bare '&' (not HTML-escaped text, where every '&' would be one,
    as a tweet's is: those are read as the characters since 1612dab) is read as written: the audit says what the
    customer sees."""
    source = tmp_path / "macros.jsonl"
    source.write_text('{"id": "cache", "title": "Basket emptied", "body": "Hi there,\\n\\nSorry the basket '
                      'emptied. Please clear your cache &amp; cookies, then sign in again. Our Q&A page has more.'
                      '\\n\\nThanks, Sam"}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["audit", str(source), "--from", "jsonl"])
    assert result.exit_code == 0, result.output
    assert "SK007 text-artifact" in result.output, result.output


def test_a_paragraphs_tags_are_each_reported_and_a_loose_pair_is_left_to_the_writer(make_pack) -> None:  # type: ignore[no-untyped-def]
    """'<p>...</p>' around a sentence is two tags to mend; '<b> key, then </b>' may be prose naming them: no fix."""
    script = SCRIPT.split("solution: |")[0] + (
        "solution: |\n  <p>Read the <i>new</i> guide.</p> Press <b> twice, then </b> once.\n")
    pack = make_pack({"cache.yaml": script})
    assert [(text, fix) for line, _, text, fix in _found(pack) if line == 8] == [
        ("<p>", False), ("<i>new</i>", True), ("</p>", False), ("<b> twice, then </b>", False)]
