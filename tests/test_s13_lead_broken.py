"""Broken library files a lead meets: a sheet whose header and rows use different delimiters, a
sheet saved without its header, a JSON export read as CSV, an export from another helpdesk than
--from names. Each is refused at its place (file:line:col) with what to do, exit 2, no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main


def _refused(path: Path, *more: str) -> str:
    for command in ("import", "audit"):
        args = [command, str(path), *more] + (["-o", str(path.parent / "pack")] if command == "import" else [])
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output and "bug in scriptkit" not in result.output
        assert not (path.parent / "pack").exists()
    return result.stderr


def test_a_header_split_by_another_delimiter_than_the_rows_is_named_at_the_first_row(tmp_path: Path) -> None:
    """'title;body;tags' over comma rows: every row was one cell, and the import said only 'nothing to
    import: no item holds reply text' at 1:1."""
    sheet = tmp_path / "macros.csv"
    sheet.write_text("title;body;tags\nLate parcel,\"Hi, I'm sorry it's late. I've chased the courier today.\","
                     "shipping\nRefund,\"I've refunded it today.\",billing\n", encoding="utf-8")
    said = _refused(sheet)
    assert said.startswith(f"{sheet}:2:1: error: CSV file's header is split by ';' but its first row by ',': "
                           "each row would be one cell. Write the header with ',' as the rows are")


def test_a_tab_separated_header_over_semicolon_rows(tmp_path: Path) -> None:
    sheet = tmp_path / "macros.csv"
    sheet.write_text("name\tmessage\nLate parcel;I've chased the courier today.\n", encoding="utf-8")
    assert "header is split by a tab but its first row by ';'" in _refused(sheet)


def test_a_sheet_saved_without_its_header_is_told_to_add_one(tmp_path: Path) -> None:
    """The first reply was taken for the column names: 'cannot tell which column holds the reply
    text', listing a reply's sentences as columns."""
    sheet = tmp_path / "macros.csv"
    sheet.write_text("Late parcel,\"Hi there, I'm sorry it's late. I've chased the courier today.\",shipping\n"
                     "Refund,\"I've refunded it today, and you'll see it within 5 days.\",billing\n",
                     encoding="utf-8")
    said = _refused(sheet)
    assert said.startswith(f"{sheet}:1:1: error: CSV file's first line ('Hi there, I'm sorry it's late. ")
    assert "reads as a reply, not as a header naming the columns. Add a first line that names them, such as " \
           "title,body,tags" in said


def test_a_header_of_usual_names_is_still_a_header(tmp_path: Path) -> None:
    sheet = tmp_path / "macros.csv"
    sheet.write_text("Macro label,Text of macro\nLate parcel,I've chased the courier today.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(sheet), "-o", str(tmp_path / "pack")])
    assert result.exit_code == 2 and "--map" in result.stderr and "reads as a reply" not in result.stderr


@pytest.mark.parametrize("data", [{"macros": [{"id": 1, "title": "A", "actions": []}]},
                                  [{"title": "Late", "body": "I've chased it."}]])
def test_a_json_export_read_as_csv_is_named_json(tmp_path: Path, data: object) -> None:
    """--from csv on a JSON export said 'cannot tell which column holds the reply text (columns: {)'."""
    export = tmp_path / "macros.json"
    export.write_text("\n  " + json.dumps(data, indent=1), encoding="utf-8")
    said = _refused(export, "--from", "csv")
    assert said.startswith(f"{export}:2:3: error: CSV file holds JSON, not comma-separated rows. Read it as JSON")


def test_a_salesforce_export_read_as_a_helpdesks_says_how_to_read_it(tmp_path: Path) -> None:
    """A Quick Text export given --from zendesk got 'Is --from right?' and no more."""
    export = tmp_path / "quicktext.json"
    export.write_text(json.dumps({"totalSize": 1, "done": True, "records": [
        {"attributes": {"type": "QuickText"}, "Id": "0QT1", "Name": "Refund", "Message": "I've refunded it."}]}),
        encoding="utf-8")
    said = _refused(export, "--from", "zendesk")
    assert said.startswith(f"{export}:1:1: error: Zendesk export has an unexpected shape")
    assert "This looks like a Salesforce Quick Text export: leave out --from, or pass --from salesforce." in said


def test_one_windows_1252_letter_before_utf8_text_is_not_told_to_convert_the_file(tmp_path: Path) -> None:
    """A title pasted from a Windows-1252 sheet early in an export whose replies are UTF-8 was told to
    run iconv over the whole file, which would garble every UTF-8 letter after it ('dÃ©solÃ©e')."""
    export = tmp_path / "canned.json"
    text = json.dumps([{"id": 1, "title": "Commande retard\u00e9e", "folder_id": 3, "visibility": 0,
                        "content_html": "<p>Je suis d\u00e9sol\u00e9e, votre colis part aujourd'hui.</p>"}],
                      ensure_ascii=False)
    head, _, tail = text.partition("retard\u00e9e")
    export.write_bytes(head.encode() + "retard\u00e9e".encode("cp1252") + tail.encode())
    said = _refused(export)
    line, col = 1, len(head) + len("retard") + 1
    assert said.startswith(f"{export}:{line}:{col}: error: JSON file is not valid UTF-8 (byte 0xe9")
    assert "The file mixes encodings: the text after this point is UTF-8" in said and "iconv" not in said


def test_a_json_export_read_as_markdown_is_named_json(tmp_path: Path) -> None:
    """It was 'no replies found in the Markdown file. Put each reply under its own heading'."""
    export = tmp_path / "macros.json"
    export.write_text(json.dumps({"macros": [{"id": 1, "title": "A", "actions": []}]}), encoding="utf-8")
    said = _refused(export, "--from", "markdown")
    assert said.startswith(f"{export}:1:1: error: Markdown file holds JSON, not replies under headings. "
                           "Read it as JSON")
