"""Malformed exports: a located message naming the item, exit code 2, never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli as _run


def test_truncated_json_points_at_the_end(tmp_path: Path) -> None:
    bad = tmp_path / "macros.json"
    bad.write_text('{"macros": [\n  {"id": 1, "title": "A", "actions": [\n', encoding="utf-8")
    result = _run("import", str(bad), "--from", "zendesk", "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert f"{bad}:3:1: error: Zendesk export is not valid JSON" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("fmt", "data", "expected"), [
    ("zendesk", {"tickets": []}, "Zendesk export has an unexpected shape: found an object with keys tickets"),
    ("freshdesk", "just text", "Freshdesk export has an unexpected shape: found text"),
    ("front", 42, "Front export has an unexpected shape: found a number"),
])
def test_wrong_shape_of_document(tmp_path: Path, fmt: str, data: object, expected: str) -> None:
    bad = tmp_path / "export.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    result = _run("import", str(bad), "--from", fmt, "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert f"{bad}:1:1: error: {expected}" in result.output


def test_wrong_shapes_of_items_are_named_all_at_once(tmp_path: Path) -> None:
    bad = tmp_path / "macros.json"
    bad.write_text(json.dumps({"macros": [
        {"id": 1, "title": "Good one", "actions": [{"field": "comment_value", "value": "Thanks, I fixed it today."}]},
        {"id": 2, "title": "Number body", "actions": [{"field": "comment_value", "value": 7}]},
        {"id": 3, "title": "No actions list", "actions": "comment"},
        "not an object",
    ]}, indent=1), encoding="utf-8")
    result = _run("import", str(bad), "--from", "zendesk", "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "macro 2 'Number body': 'comment_value' should be text" in result.output
    assert "macro 3 'No actions list': 'actions' should be a list" in result.output
    assert "#4: each macro should be an object, found text" in result.output
    assert f"{bad}:" in result.output
    assert not (tmp_path / "out").exists()
    # --skip-bad imports the rest and still lists what was left out
    result = _run("import", str(bad), "--from", "zendesk", "--out", str(tmp_path / "out"), "--skip-bad")
    assert result.exit_code == 0
    assert "Imported 1 macro(s)" in result.output and "Number body" in result.output


def test_ten_megabyte_body_is_refused_by_name(tmp_path: Path) -> None:
    bad = tmp_path / "replies.json"
    huge = "<p>" + "I am sorry. " * 900_000 + "</p>"
    bad.write_text(json.dumps([{"id": 77, "name": "Huge reply", "text": huge}]), encoding="utf-8")
    assert bad.stat().st_size > 10_000_000
    result = _run("import", str(bad), "--from", "helpscout", "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert ("saved reply 77 'Huge reply': 'text' is 10,800,007 characters, more than scriptkit reads from one field "
            "(1,000,000)") in result.output


def test_non_utf8_csv_names_the_place(tmp_path: Path) -> None:
    bad = tmp_path / "replies.csv"
    bad.write_bytes("title,body\nCafé,Merci\n".encode("cp1252"))
    result = _run("import", str(bad), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert f"{bad}:2:4: error: CSV file is not valid UTF-8 (byte 0xe9 at offset 14)" in result.output
    assert "iconv" in result.output


def test_csv_missing_mapped_column(tmp_path: Path) -> None:
    data = tmp_path / "replies.csv"
    data.write_text("Name,Text\nA,Hello there\n", encoding="utf-8")
    result = _run("import", str(data), "--map", "title=Name,body=Reply", "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "CSV file has no column 'Reply'" in result.output and "Its columns: Name, Text" in result.output


def test_a_json_files_names_are_its_fields_and_a_helpdesks_macros_are_named_as_such(tmp_path: Path) -> None:
    # said of a JSON export: "library: cannot tell which column holds the reply text", jargon for a lead
    plain = tmp_path / "replies.json"
    plain.write_text('[{"name": "Refund", "txt": "Sorry for the wait."}]', encoding="utf-8")
    result = _run("import", str(plain), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert f"{plain}:1:1: error: JSON file: cannot tell which field holds the reply text. " \
           "Name it with --map body=FIELD (fields: name, txt)." in result.output, result.output
    macros = tmp_path / "macros.json"
    macros.write_text('{"macros": [{"title": "Refund", "actions": []}]}', encoding="utf-8")
    result = _run("audit", str(macros))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "look like a helpdesk's macros" in result.output and "--from zendesk" in result.output, result.output


def test_bad_map_option(tmp_path: Path) -> None:
    data = tmp_path / "replies.csv"
    data.write_text("Name,Text\nA,Hello there\n", encoding="utf-8")
    result = _run("import", str(data), "--map", "heading=Name", "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "--map field 'heading' is not known" in result.output


def test_jsonl_bad_line_is_located(tmp_path: Path) -> None:
    data = tmp_path / "replies.jsonl"
    data.write_text('{"title": "A", "body": "Fine, I have sorted it."}\n{"title": "B", "body": \n[1, 2]\n',
                    encoding="utf-8")
    result = _run("import", str(data), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert f"{data}:2:" in result.output and "line 2: is not valid JSON" in result.output
    assert "line 3: should be a JSON object, found a list" in result.output


def test_missing_file_and_unknown_suffix(tmp_path: Path) -> None:
    result = _run("import", str(tmp_path / "nope.json"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2 and "no such file" in result.output
    odd = tmp_path / "export.bin"
    odd.write_text("x", encoding="utf-8")
    result = _run("import", str(odd), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2 and "cannot tell the format of export.bin" in result.output


def test_existing_output_is_not_overwritten(tmp_path: Path) -> None:
    data = tmp_path / "replies.jsonl"
    data.write_text('{"title": "A", "body": "I have sorted it today."}\n', encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    result = _run("import", str(data), "--out", str(out))
    assert result.exit_code == 2 and "already exists and is not empty" in result.output
    assert (out / "keep.txt").read_text() == "mine"


def test_audit_reports_malformed_input_the_same_way(tmp_path: Path) -> None:
    bad = tmp_path / "macros.json"
    bad.write_text('{"macros": [', encoding="utf-8")
    result = _run("audit", str(bad), "--from", "zendesk")
    assert result.exit_code == 2 and f"{bad}:1:13: error: Zendesk export is not valid JSON" in result.output


def test_html_soup_imports_as_clean_text(tmp_path: Path) -> None:
    soup = ("<div><p>Hi {{recipient.first_name}},<p>We <b>fixed <i>it</b></i> today</span></td>"
            "<table><tr><td>cell</table><script>steal()</script><p>Thanks &amp; bye<br><br><br>")
    data = tmp_path / "front.json"
    data.write_text(json.dumps([{"id": "rsp_9", "name": "Soup", "body": soup}]), encoding="utf-8")
    out = tmp_path / "out"
    result = _run("import", str(data), "--from", "front", "--out", str(out))
    assert result.exit_code == 0, result.output
    script = (out / "scripts" / "soup.yaml").read_text(encoding="utf-8")
    assert "<" not in script.split("\nacknowledgment:")[1] and "steal" not in script
    from scriptkit import load_pack, render_pack

    (message,) = render_pack(load_pack(out))
    assert message.text == "Hi {{customer.first_name}},\n\nWe fixed it today\n\ncell\n\nThanks & bye"


def test_helpscout_list_export_explains_what_to_fetch(tmp_path: Path) -> None:
    data = tmp_path / "replies.json"
    data.write_text(json.dumps([{"id": 5, "name": "Listed", "preview": "Hi there, thanks for..."}]), encoding="utf-8")
    result = _run("import", str(data), "--from", "helpscout", "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "saved reply 5 'Listed': has no 'text' or 'chatText' (a list export holds only 'preview'" in result.output


def test_csv_quote_left_open_does_not_swallow_the_next_rows(tmp_path: Path) -> None:
    # row 2 opens a quote it never closes: read leniently, the next row became part of its
    # reply and one macro silently disappeared
    data = tmp_path / "replies.csv"
    data.write_text(
        'Name,Text\n'
        'Late parcel,"I\'m sorry your parcel is late. I\'ve asked the courier to trace it today."\n'
        'Refund,"I can see the refund is taking a while. I\'ve sent it today.\n'
        'Broken item,"I\'m so sorry it arrived broken. I\'ve sent a replacement today."\n'
        'Thanks,"Thank you for the kind words! I\'ve shared them with the team today."\n', encoding="utf-8")
    out = tmp_path / "out"
    result = _run("import", str(data), "--out", str(out))
    assert result.exit_code == 2, result.output
    assert f"{data}:3:1: error: row 2: the quoted cell that starts on line 3 ends on line 4" in result.output
    assert '""' in result.output  # how to write a quote inside a cell
    assert not out.exists()
    # --skip-bad leaves out only the broken lines, and says so
    result = _run("import", str(data), "--out", str(out), "--skip-bad")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (out / "scripts").iterdir()) == ["late-parcel.yaml", "thanks.yaml"]
    assert "left out 1 unreadable item(s)" in result.output


def test_csv_quote_never_closed_is_located(tmp_path: Path) -> None:
    data = tmp_path / "replies.csv"
    data.write_text('Name,Text\nA,"I have sorted it today.\nB,Thanks for waiting.\n', encoding="utf-8")
    result = _run("import", str(data), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output
    assert f"{data}:2:1: error: row 1: the quoted cell that starts on line 2 is never closed" in result.output


def test_force_replaces_only_a_pack_and_never_the_folder_you_are_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                                    ) -> None:
    data = tmp_path / "replies.jsonl"
    data.write_text('{"title": "A", "body": "I have sorted it today."}\n', encoding="utf-8")
    # a folder of other things: --force must not delete them
    notes = tmp_path / "notes"
    (notes / "sub").mkdir(parents=True)
    (notes / "keep.txt").write_text("mine", encoding="utf-8")
    for out in (notes, notes / "sub" / ".."):
        result = _run("import", str(data), "--out", str(out), "--force")
        assert result.exit_code == 2, result.output
        assert "is not a pack" in result.output
        assert (notes / "keep.txt").read_text(encoding="utf-8") == "mine" and (notes / "sub").is_dir()
    # a pack from an earlier import is replaced, however the path is written
    pack = tmp_path / "pack"
    assert _run("import", str(data), "--out", str(pack)).exit_code == 0
    result = _run("import", str(data), "--out", str(pack / "scripts" / ".."), "--force")
    assert result.exit_code == 0, result.output
    assert (pack / "scripts" / "a.yaml").is_file()
    # but not while you are inside it
    monkeypatch.chdir(pack / "scripts")
    for out in (".", ".."):
        result = _run("import", str(data), "--out", out, "--force")
        assert result.exit_code == 2, result.output
        assert "the folder you are in" in result.output
    assert (pack / "scripts" / "a.yaml").is_file()


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("lib.yaml", "- title: A\n  body: [one, two]\n", "item 1 'A': 'body' should be text but is a list"),
    ("lib.yaml", "- title: A\n  body: !!binary aGVsbG8=\n", "item 1 'A': 'body' should be text but is binary data"),
    ("lib.yaml", "- title: A\n  body: !shout hello\n", "'body' should be text but is a value tagged !shout"),
    ("lib.jsonl", '{"title": "A", "body": "I sent it today."}\ntrue\n', "line 2: should be a JSON object, found true"),
])
def test_a_value_of_the_wrong_kind_is_named_in_plain_words(tmp_path: Path, name: str, data: str,
                                                           expected: str) -> None:
    # (not Python's names for it: "is a CommentedSeq", "found a dict" for a {title: text} library)
    source = tmp_path / name
    source.write_text(data, encoding="utf-8")
    result = _run("import", str(source), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output
    assert expected in result.output
    assert f"{source}:" in result.output


def test_audit_top_must_not_be_negative(tmp_path: Path) -> None:
    # --top -5 listed every macro but the last five, under "Worst -5 macros"
    data = tmp_path / "replies.jsonl"
    data.write_text('{"title": "A", "body": "I have sorted it today."}\n', encoding="utf-8")
    result = _run("audit", str(data), "--top", "-5")
    assert result.exit_code == 2 and "Invalid value for '--top'" in result.output


def test_audit_html_never_replaces_the_library_it_reads(tmp_path: Path) -> None:
    data = tmp_path / "replies.jsonl"
    data.write_text('{"title": "A", "body": "I have sorted it today."}\n', encoding="utf-8")
    result = _run("audit", str(data), "--html", str(data))
    assert result.exit_code == 2 and "is the file being audited" in result.output
    assert data.read_text(encoding="utf-8").startswith('{"title": "A"')


def test_a_utf16_export_with_its_byte_order_mark_is_read(tmp_path: Path) -> None:
    # Excel's "Unicode Text" and some helpdesks save UTF-16: its mark says so, there is nothing to guess
    data = tmp_path / "replies.csv"
    data.write_bytes("Name\tText\r\nCafé late\tI'm sorry it's late. I've sent a new one today.\r\n".encode("utf-16"))
    out = tmp_path / "out"
    result = _run("import", str(data), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "title: Café late" in (out / "scripts" / "cafe-late.yaml").read_text(encoding="utf-8")


def test_a_where_that_matches_nothing_says_so(tmp_path: Path) -> None:
    # it said "no item holds reply text", which sent people looking at the bodies
    data = tmp_path / "replies.csv"
    data.write_text("Name,Text,Direction\nLate,I have sent a new one today.,out\n", encoding="utf-8")
    for command in (["import", str(data), "--out", str(tmp_path / "out")], ["audit", str(data), "--grammar", "off"]):
        result = _run(*command, "--where", "Direction=Out")
        assert result.exit_code == 2, result.output
        assert f"nothing to {command[0]}: no item has Direction=Out" in result.output
        assert "exact" in result.output
    result = _run("audit", str(data), "--where", "Direction=out", "--grammar", "off")
    assert result.exit_code == 0, result.output


def test_force_through_a_symlink_replaces_the_pack_it_names(tmp_path: Path) -> None:
    data = tmp_path / "replies.jsonl"
    data.write_text('{"title": "A", "body": "I have sorted it today."}\n', encoding="utf-8")
    pack, link = tmp_path / "pack", tmp_path / "current"
    assert _run("import", str(data), "--out", str(pack)).exit_code == 0
    link.symlink_to(pack, target_is_directory=True)
    data.write_text('{"title": "B", "body": "I have sorted it today."}\n', encoding="utf-8")
    result = _run("import", str(data), "--out", str(link), "--force")
    assert result.exit_code == 0, result.output  # was: "Cannot call rmtree on a symbolic link"
    assert link.is_symlink() and sorted(p.name for p in (pack / "scripts").iterdir()) == ["b.yaml"]


def test_audit_html_through_a_symlink_writes_the_file_it_names(tmp_path: Path) -> None:
    data = tmp_path / "replies.jsonl"
    data.write_text('{"title": "A", "body": "I have sorted it today."}\n', encoding="utf-8")
    (tmp_path / "site").mkdir()
    report, link = tmp_path / "site" / "audit.html", tmp_path / "latest.html"
    report.write_text("old", encoding="utf-8")
    link.symlink_to(report)
    result = _run("audit", str(data), "--html", str(link), "--grammar", "off")
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and report.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest.html", "replies.jsonl", "site"]


def test_library_write_with_force_replaces_only_a_pack_or_an_empty_folder(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # the Python API is as safe as the CLI: force=True never deletes a folder that is not a pack
    from scriptkit import import_library
    from scriptkit.errors import ConfigError

    data = tmp_path / "replies.jsonl"
    data.write_text('{"title": "A", "body": "I have sorted it today."}\n', encoding="utf-8")
    library = import_library(data)
    notes = tmp_path / "notes"
    (notes / "sub").mkdir(parents=True)
    (notes / "keep.txt").write_text("mine", encoding="utf-8")
    single = tmp_path / "report.txt"
    single.write_text("mine too", encoding="utf-8")
    for out in (notes, notes / "sub" / "..", single):
        with pytest.raises(ConfigError, match="not a pack") as caught:
            library.write(out, force=True)
        assert "nothing was changed" in str(caught.value.hint)
    assert (notes / "keep.txt").read_text(encoding="utf-8") == "mine" and (notes / "sub").is_dir()
    assert single.read_text(encoding="utf-8") == "mine too"
    # an empty folder and an earlier pack are replaced; a link to a pack replaces the pack it names
    (tmp_path / "empty").mkdir()
    assert (library.write(tmp_path / "empty", force=True) / "scripts" / "a.yaml").is_file()
    pack = library.write(tmp_path / "pack")
    link = tmp_path / "current"
    link.symlink_to(pack, target_is_directory=True)
    library.write(link, force=True)
    assert link.is_symlink() and (pack / "scripts" / "a.yaml").is_file()
    # never the folder the program runs in
    monkeypatch.chdir(pack / "scripts")
    with pytest.raises(ConfigError, match="the folder you are in"):
        library.write(Path(".."), force=True)
    assert (pack / "scripts" / "a.yaml").is_file()


_REPLY = "Thanks for your patience, I have sent the replacement today."


@pytest.mark.parametrize(("fmt", "export", "key", "says"), [
    ("zendesk", {"macros": [{"id": 1, "title": "Late", "actions": [{"field": "comment_value", "value": _REPLY}]}],
                 "next_page": "https://acme.zendesk.com/api/v2/macros.json?page=2", "count": 140},
     "next_page", "page=2"),
    ("zendesk", {"macros": [{"id": 1, "title": "Late", "actions": [{"field": "comment_value", "value": _REPLY}]}],
                 "meta": {"has_more": True, "after_cursor": "xyz"}, "links": {"next": "https://a/b?page[after]=xyz"}},
     "has_more", "page[after]=xyz"),
    ("helpscout", {"_embedded": {"saved-replies": [{"id": 1, "name": "Late", "text": _REPLY}]},
                   "_links": {"next": {"href": "https://api.helpscout.net/v2/mailboxes/1/saved-replies?page=2"}},
                   "page": {"size": 1, "totalElements": 3, "totalPages": 3, "number": 1}},
     "next", "saved-replies?page=2"),
    ("gorgias", {"data": [{"id": 1, "name": "Late", "actions": [
        {"name": "setResponseText", "arguments": {"body_text": _REPLY}}]}], "meta": {"next_cursor": "abc123"}},
     "next_cursor", "abc123"),
    ("front", {"_pagination": {"next": "https://api2.frontapp.com/message_templates?page_token=t2"},
               "_results": [{"id": "rsp_1", "name": "Late", "body": _REPLY}]},
     "next", "page_token=t2"),
    ("intercom", {"type": "list", "data": [{"type": "macro", "id": "1", "name": "Late", "body_text": _REPLY}],
                  "pages": {"type": "pages", "next": {"starting_after": "WzE3MT"}}},
     "next", "WzE3MT"),
    ("json", {"totalSize": 3, "done": False, "nextRecordsUrl": "/services/data/v60.0/query/01g-2000",
              "records": [{"Name": "Late", "Message": _REPLY}]},
     "nextRecordsUrl", "/services/data/v60.0/query/01g-2000"),
])
def test_one_page_of_a_paginated_export_is_not_taken_for_the_whole_library(
        tmp_path: Path, fmt: str, export: dict[str, object], key: str, says: str) -> None:
    page = tmp_path / "page1.json"
    page.write_text(json.dumps(export, indent=1), encoding="utf-8")
    line = next(n for n, text in enumerate(page.read_text().splitlines(), 1) if f'"{key}"' in text)
    extra = ["--map", "title=Name,body=Message"] if fmt == "json" else []
    result = _run("import", str(page), "--from", fmt, *extra, "--out", str(tmp_path / "out"))
    assert result.exit_code == 2, result.output
    assert f"{page}:{line}:" in result.output
    assert "later pages" in result.output and says in result.output
    assert not (tmp_path / "out").exists()
    # --skip-bad imports this page and still says the rest is missing
    result = _run("import", str(page), "--from", fmt, *extra, "--out", str(tmp_path / "out"), "--skip-bad")
    assert result.exit_code == 0, result.output
    assert "Imported 1 macro(s)" in result.output and "later pages" in result.output


def test_the_last_page_of_an_export_is_a_whole_library(tmp_path: Path) -> None:
    page = tmp_path / "macros.json"
    page.write_text(json.dumps({"macros": [{"id": 1, "title": "Late", "actions": [
        {"field": "comment_value", "value": _REPLY}]}], "next_page": None, "meta": {"has_more": False},
        "pages": {"type": "pages", "next": None}, "_pagination": {"next": None}}), encoding="utf-8")
    result = _run("import", str(page), "--from", "zendesk", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "later pages" not in result.output


def test_a_json_error_reads_as_a_sentence(tmp_path: Path) -> None:
    bad = tmp_path / "macros.json"
    bad.write_text('{"macros": [{"id": 1, "title": "Cut he', encoding="utf-8")
    result = _run("import", str(bad), "--from", "zendesk", "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert f"{bad}:1:32: error: Zendesk export is not valid JSON: a text value starts here and is never closed" \
        in result.output


@pytest.mark.parametrize(("fmt", "text"), [
    ("zendesk", '{"macros": [], "next_page": null, "count": 0}'),
    ("freshdesk", "[]"),
    ("json", "[]"),
])
def test_an_empty_export_says_it_holds_nothing(tmp_path: Path, fmt: str, text: str) -> None:
    empty = tmp_path / "export.json"
    empty.write_text(text, encoding="utf-8")
    for command in (["import", str(empty), "--from", fmt, "--out", str(tmp_path / "out")],
                    ["audit", str(empty), "--from", fmt]):
        result = _run(*command)
        assert result.exit_code == 2
        assert f"{empty}:1:1: error: nothing to {command[0]}: the file holds no items" in result.output


_SAMPLES: dict[str, object] = {
    "zendesk": {"macros": [{"id": 1, "title": "Late", "actions": [{"field": "comment_value", "value": _REPLY}]}]},
    "freshdesk": [{"id": 2, "title": "Late", "content_html": f"<p>{_REPLY}</p>", "folder_id": 4, "visibility": 0}],
    "helpscout": [{"id": 3, "name": "Late", "text": _REPLY, "chatText": ""}],
    "gorgias": {"data": [{"id": 4, "name": "Late", "actions": [
        {"name": "setResponseText", "type": "user", "arguments": {"body_text": _REPLY}}]}]},
    "intercom": {"type": "list", "data": [{"type": "macro", "id": "5", "name": "Late", "body_text": _REPLY}]},
    "front": {"_results": [{"id": "rsp_6", "name": "Late", "body": f"<p>{_REPLY}</p>"}]},
}


@pytest.mark.parametrize(("actual", "chosen"), [
    ("freshdesk", "zendesk"), ("zendesk", "freshdesk"), ("gorgias", "intercom"), ("intercom", "gorgias"),
    ("helpscout", "front"), ("front", "helpscout"), ("freshdesk", "helpscout"),
])
def test_the_wrong_helpdesk_chosen_names_the_right_one(tmp_path: Path, actual: str, chosen: str) -> None:
    export = tmp_path / "export.json"
    export.write_text(json.dumps(_SAMPLES[actual]), encoding="utf-8")
    result = _run("import", str(export), "--from", chosen, "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert f"--from {actual}" in result.output, result.output
    assert _run("import", str(export), "--from", actual, "--out", str(tmp_path / "out")).exit_code == 0


def test_a_zendesk_body_too_long_is_named_by_its_action(tmp_path: Path) -> None:
    bad = tmp_path / "macros.json"
    bad.write_text(json.dumps({"macros": [{"id": 9, "title": "Long", "actions": [
        {"field": "comment_value_html", "value": "<p>" + "x" * 40_001 + "</p>"}]}]}), encoding="utf-8")
    result = _run("import", str(bad), "--from", "zendesk", "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    # (its text, once read: the markup is not counted)
    assert "macro 9 'Long': its text is 40,001 characters once its HTML is read; the limit is 40,000" in result.output


def test_a_csv_mixing_utf8_and_windows_1252_is_not_sent_to_iconv(tmp_path: Path) -> None:
    """Converting the whole file from Windows-1252 would garble its UTF-8 lines ('CafÃ©')."""
    bad = tmp_path / "replies.csv"
    bad.write_bytes("title,body\nCafé,Merci\n".encode() + "Thé,Merci\n".encode("cp1252"))
    result = _run("import", str(bad), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert f"{bad}:3:3: error: CSV file is not valid UTF-8 (byte 0xe9 at offset 25)" in result.output
    assert "mixes" in result.output and "iconv" not in result.output


@pytest.mark.parametrize("html", ['<p><img src="https://x/size-chart.png" alt="size chart"></p>', "<p>&nbsp;</p><br>"])
def test_an_html_reply_with_no_text_is_skipped_by_name(tmp_path: Path, html: str) -> None:
    """A reply that is only an image (or empty markup) has nothing a script can hold: it is named
    as skipped, and the other macros import into a pack that loads (it made an empty script)."""
    export = tmp_path / "macros.json"
    export.write_text(json.dumps({"macros": [
        {"id": 1, "title": "Size chart", "actions": [{"field": "comment_value_html", "value": html}]},
        {"id": 2, "title": "Ok", "actions": [{"field": "comment_value", "value": _REPLY}]}]}), encoding="utf-8")
    result = _run("import", str(export), "--from", "zendesk", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "Imported 1 macro(s)" in result.output
    assert f"skipped: {export}:1:" in result.output and "macro 1 'Size chart'" in result.output
    from scriptkit import load_pack

    assert [s.title for s in load_pack(tmp_path / "out").scripts] == ["Ok"]


@pytest.mark.parametrize("fmt", [None, "zendesk", "csv"])
def test_a_zipped_export_says_to_unzip_it_and_names_the_files_inside(tmp_path: Path, fmt: str | None) -> None:
    import zipfile

    archive = tmp_path / "helpdesk-export.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("export/macros.json", '{"macros": []}')
        z.writestr("export/users.json", "[]")
    args = ["import", str(archive), "--out", str(tmp_path / "out")] + (["--from", fmt] if fmt else [])
    result = _run(*args)
    assert result.exit_code == 2
    assert f"{archive}:1:1: error: helpdesk-export.zip is a zip archive" in result.output
    assert "export/macros.json, export/users.json" in result.output
    assert "UTF-8" not in result.output  # not read as text with a bad byte
    assert not (tmp_path / "out").exists()


def test_a_title_that_is_not_text_is_named_as_such(tmp_path: Path) -> None:
    bad = tmp_path / "macros.json"
    bad.write_text(json.dumps({"macros": [
        {"id": 1, "title": 404, "actions": [{"field": "comment_value", "value": "Sorry, I fixed the page today."}]},
    ]}), encoding="utf-8")
    result = _run("import", str(bad), "--from", "zendesk", "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "macro 1: 'title' should be text but is a number" in result.output
    assert "has no 'title'" not in result.output


def test_a_csv_header_naming_the_reply_column_twice_is_refused_not_half_read(tmp_path: Path) -> None:
    """csv.DictReader keeps the last of two same-named columns: the first one's text was dropped unsaid."""
    sheet = tmp_path / "replies.csv"
    sheet.write_text("title,body,notes,body\nLate parcel,I'm sorry it's late.,,I've chased the courier today.\n",
                     encoding="utf-8")
    result = _run("import", str(sheet), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert f"{sheet}:1:18: error: CSV file names the column 'body' twice (columns 2 and 4)" in result.output
    assert not (tmp_path / "out").exists()
    # a repeated column that is not read loses nothing: the import goes on
    sheet.write_text("title,body,owner,owner\nLate parcel,I've chased the courier today.,a,b\n", encoding="utf-8")
    assert _run("import", str(sheet), "--out", str(tmp_path / "out")).exit_code == 0


def test_an_item_that_is_not_an_object_is_located_where_it_stands(tmp_path: Path) -> None:
    bad = tmp_path / "macros.json"
    bad.write_text('{"count": 3, "macros": [\n  {"id": 1, "title": "Fine", "actions": [{"field": "comment_value", '
                   '"value": "I fixed it today."}]},\n  "Late parcel",\n    42\n]}', encoding="utf-8")
    result = _run("import", str(bad), "--from", "zendesk", "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert f"{bad}:3:3: error: #2: each macro should be an object, found text" in result.output
    assert f"{bad}:4:5: error: #3: each macro should be an object, found a number" in result.output


def test_freshdesk_group_ids_that_are_not_a_list_are_named_not_a_crash(tmp_path: Path) -> None:
    export = tmp_path / "canned.json"
    export.write_text(json.dumps([{"id": 4, "title": "Groups", "content_html": "<p>I've fixed it today.</p>",
                                   "visibility": 2, "group_ids": 5}]), encoding="utf-8")
    result = _run("import", str(export), "--from", "freshdesk", "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "canned response 4 'Groups': 'group_ids' should be a list of group ids, not a number" in result.output
    assert "bug in scriptkit" not in result.output


@pytest.mark.parametrize(("command", "option"), [("import", "--where"), ("audit", "--where"), ("import", "--map")])
def test_column_options_on_a_helpdesk_export_are_refused_not_ignored(tmp_path: Path, command: str, option: str) -> None:
    # before, --where active=false with --from zendesk read and judged every macro, silently
    export = tmp_path / "macros.json"
    export.write_text(json.dumps({"macros": [{"id": 1, "title": "Refund", "active": False, "actions": [
        {"field": "comment_value", "value": "Thanks for waiting, I've refunded you today."}]}]}), encoding="utf-8")
    value = "active=false" if option == "--where" else "body=text"
    out = ["--out", str(tmp_path / "out")] if command == "import" else []
    result = _run(command, str(export), "--from", "zendesk", option, value, *out)
    assert result.exit_code == 2, result.output
    assert f"{option} " in result.output and "a Zendesk export has fixed fields" in result.output
    assert f"Leave out {option}." in result.output
    assert not (tmp_path / "out").exists()
