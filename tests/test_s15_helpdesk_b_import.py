"""Front, Intercom, CSV, JSON lines and Markdown libraries written for these tests: awkward but legal
files import, check and export back; broken ones are refused at their place with nothing written."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from scriptkit import import_library, load_pack, render_pack
from scriptkit.cli import main
from scriptkit.importers.dialects import PlaceholderPiece


def _fallbacks(path: Path, fmt: str) -> list[tuple[str, str | None]]:
    (macro,) = import_library(path, fmt).macros
    return [(p.name, p.fallback) for slot in macro.slots.values() for p in slot if isinstance(p, PlaceholderPiece)]


def test_intercom_attribute_default_with_a_double_quote_keeps_its_fallback(tmp_path: Path) -> None:
    """GET /macros gives a default HTML-escaped in its attribute: one holding a double quote was read as
    fallback:"the "team"", which no placeholder parser reads, so the name became a blank."""
    export = tmp_path / "intercom.json"
    export.write_text(json.dumps({"type": "list", "data": [{
        "type": "macro", "id": "9", "name": "Quoted",
        "body": '<p>Hi <attribute key="user.first_name" default="the &quot;team&quot;"/>, and thanks, '
                '<attribute key="user.name" default=""/>.</p><p>I\'ve sent the refund today; it reaches you '
                "within five days.</p>"}]}), encoding="utf-8")
    assert _fallbacks(export, "intercom") == [("customer.first_name", 'the "team"'), ("customer.full_name", "")]


def test_catalogue_names_in_a_generic_sheet_are_placeholders(tmp_path: Path) -> None:
    """{{order.number}} is the catalogue's own spelling (scriptkit's CSV export writes it); no helpdesk's table
    names it, so a sheet's {{order.number}} became a blank 'order_number'."""
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("title,body\nLate,\"I've chased order {{order.number}} today, {{customer.first_name}}.\"\n",
                     encoding="utf-8")
    assert _fallbacks(sheet, "csv") == [("order.number", None), ("customer.first_name", None)]


def test_awkward_but_legal_csv_imports_checks_and_exports(tmp_path: Path) -> None:
    """A byte order mark, Windows line endings, a cell with line breaks in quotes, an HTML body, columns the
    import does not read, empty cells and non-ASCII text."""
    sheet = tmp_path / "library.csv"
    rows = [
        "id,title,body,tags,owner,last_used",
        '7,Orders::Late parcel,"Hi {{customer.first_name}},\r\n\r\nI\'m sorry the parcel to Malmö is late.'
        ' I\'ve chased the carrier and it arrives by Friday.\r\n\r\nThanks,\r\nSam",orders,,',
        '8,Billing::Refund,"<p>I know a double charge is worrying.</p><p>I\'ve refunded it today &amp; it shows'
        ' within five days.</p>",,sam@example.org,2025-01-02',
        "9,Empty,,,,",
    ]
    sheet.write_bytes(("\ufeff" + "\r\n".join(rows) + "\r\n").encode("utf-8"))
    runner = CliRunner()
    result = runner.invoke(main, ["import", str(sheet), "-o", str(tmp_path / "pack")])
    assert result.exit_code == 0, result.output
    assert "Imported 2 macro(s)" in result.stderr
    assert "library.csv:9:1: 9 'Empty': has no reply text; skipped" in result.stderr  # (line 9: after the breaks)
    texts = {m.title: m.text for m in render_pack(load_pack(tmp_path / "pack"))}
    assert texts["Orders::Late parcel"] == ("Hi {{customer.first_name}},\n\nI'm sorry the parcel to Malmö is late."
                                           " I've chased the carrier and it arrives by Friday.\n\nThanks,\nSam")
    assert texts["Billing::Refund"] == ("I know a double charge is worrying.\n\nI've refunded it today & it shows "
                                       "within five days.")
    exported = runner.invoke(main, ["export", str(tmp_path / "pack"), "--to", "front", "-o", str(tmp_path / "out")])
    assert exported.exit_code in (0, 1), exported.output
    body = json.loads((tmp_path / "out/front/message_templates/billing-refund.json").read_text())["body"]
    assert body == ("<p>I know a double charge is worrying.</p><p>I've refunded it today &amp; it shows within "
                    "five days.</p>")


def test_a_broken_front_export_is_located_and_writes_nothing(tmp_path: Path) -> None:
    export = tmp_path / "front.json"
    export.write_text('{"_results": [\n  {"id": "rsp_1", "name": "A", "body": "<p>Sorry, it ships today.</p>"},\n'
                      '  {"id": "rsp_2", "name": "B", "body": }\n]}', encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(export), "--from", "front", "-o", str(tmp_path / "pack")])
    assert result.exit_code == 2
    assert f"{export}:3:40: error:" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "pack").exists()


def test_a_jsonl_line_cut_short_is_located_and_writes_nothing(tmp_path: Path) -> None:
    lines = tmp_path / "library.jsonl"
    lines.write_text('{"title": "A", "body": "Sorry for the wait; it ships today."}\r\n{"title": "B", "body": "x',
                     encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(lines), "-o", str(tmp_path / "pack")])
    assert result.exit_code == 2
    assert f"{lines}:2:24: error: line 2: is not valid JSON" in result.output and "truncated" in result.output
    assert not (tmp_path / "pack").exists()


def test_a_markdown_heading_with_no_reply_is_named_and_a_title_heading_is_not(tmp_path: Path) -> None:
    """An empty section among its equals is a reply whose text is missing: it vanished without a word,
    where a CSV row without text is named as skipped. A heading over deeper ones (the file's title, a
    category) is no reply and is not named."""
    library = tmp_path / "library.md"
    library.write_bytes("\ufeff# Team replies\r\n\r\n## Billing\r\n\r\n### Double charge\r\n\r\nI can see you were "
                        "charged twice. I've refunded the second charge today.\r\n\r\n### Refund status\r\n\r\n"
                        "### Late parcel\r\n\r\nSorry it's late; I've chased the carrier and will write by Friday."
                        "\r\n".encode())
    result = CliRunner().invoke(main, ["import", str(library), "-o", str(tmp_path / "pack")])
    assert result.exit_code == 0, result.output
    assert "Imported 2 macro(s)" in result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped:")]
    assert skipped == [f"skipped: {library}:9:1: section 'Refund status': has no reply text under its heading; "
                       "skipped"]


def test_markdown_emphasis_and_links_reach_the_customer_as_words(tmp_path: Path) -> None:
    """'**twice**' was kept as typed and exported into a helpdesk's HTML body with its asterisks; a link is
    written as the pack writes one, '[our policy](https://...)', which the HTML exports write as a link."""
    library = tmp_path / "library.md"
    library.write_text("## Double charge\n\nI can see you were charged **twice**, and _I know_ that's worrying.\n\n"
                       "- I've refunded it today: see [our refund policy](https://example.org/refunds).\n"
                       "- Write to [help@example.org](mailto:help@example.org) with `order_number` 5 * 3.\n",
                       encoding="utf-8")
    (macro,) = import_library(library).macros
    assert macro.text == ("I can see you were charged twice, and I know that's worrying.\n\n"
                          "- I've refunded it today: see [our refund policy](https://example.org/refunds).\n"
                          "- Write to help@example.org with order_number 5 * 3.")
