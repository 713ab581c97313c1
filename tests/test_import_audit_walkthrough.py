"""What a support lead meets importing and auditing a library: empty exports, a library whose
copies share an amount by the dozen, an audit's findings that name other macros."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from scriptkit.audit import AuditReport, audit
from scriptkit.cli import main
from scriptkit.reporters.html import render_html

REPLY = ("Hi {{ticket.requester.first_name}},\n\nI'm sorry your parcel is late, I know you were counting on it. "
         "I've asked the courier to trace it today and I'll email you as soon as I hear back.\n\n"
         "Best,\n{{current_user.first_name}}")


def _zendesk(path: Path, bodies: dict[str, str]) -> Path:
    macros = [{"id": n, "title": title, "active": True, "actions": [{"field": "comment_value", "value": body}]}
              for n, (title, body) in enumerate(bodies.items(), start=1)]
    path.write_text(json.dumps({"macros": macros, "next_page": None, "count": len(macros)}, indent=1),
                    encoding="utf-8")
    return path


def test_a_near_duplicate_found_in_an_export_is_named_by_its_place_in_the_export(tmp_path: Path) -> None:
    """An export is audited through a temporary pack: SK004 pointed at a script file of that pack,
    deleted before the report was read, instead of at the other macro in the export."""
    export = _zendesk(tmp_path / "macros.json", {
        "Late parcel": REPLY, "Late parcel (old)": REPLY.replace("today", "this morning")})
    result = CliRunner().invoke(main, ["audit", str(export), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output[result.output.index("{"):])
    places = {m["id"]: m["location"] for m in report["macros"]}
    assert places["late-parcel"].startswith(f"{export}:5:") and places["late-parcel-old"].startswith(f"{export}:16:")
    [(ident, message)] = [(m["id"], d["message"]) for m in report["macros"] for d in m["diagnostics"]
                          if d["code"] == "SK004"]
    other = next(i for i in places if i != ident)
    assert message.endswith(f"the same as '{other}' ({places[other]})")
    assert "scriptkit-audit-" not in result.output


def _refund_copies(tmp_path: Path) -> Path:
    """Seventy copies of one reply giving seven refund times, ten copies each."""
    rows = [{"title": f"Refund {n}", "body": f"Your refund reaches your card within {3 + n % 7} days. "
                                             f"Thanks for your patience with order {n}."} for n in range(70)]
    library = tmp_path / "library.jsonl"
    library.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return library


def test_contradictions_in_text_name_a_few_macros_and_amounts(tmp_path: Path) -> None:
    """A templated library's copies share an amount by the dozen: the text report listed every macro
    for every amount on one line (hundreds of kilobytes for 20,000 macros)."""
    result = CliRunner().invoke(main, ["audit", str(_refund_copies(tmp_path))])
    assert result.exit_code == 0, result.output
    line = next(line for line in result.output.splitlines() if line.startswith("  refund:"))
    assert line.count(" days in ") == 4 and line.endswith("; and 3 other amount(s)")
    assert line.count(" and 5 more") == 4  # ten macros give each amount: five are named
    assert line.count("Refund ") == 20  # (each by its title, as the helpdesk shows it)


def test_the_html_report_says_how_many_more_macros_give_an_amount(tmp_path: Path) -> None:
    """The HTML report quotes four macros per amount: the other six read as if there were none."""
    refunds = next(c for c in audit(_refund_copies(tmp_path)).contradictions if c.topic == "refund")
    page = render_html(AuditReport("library.jsonl", "jsonl", [], [], [], [refunds]))
    assert page.count("and 6 more macro(s)") == 7


def test_an_export_of_no_macros_says_it_is_empty_without_from(tmp_path: Path) -> None:
    """Zendesk's list response with an empty 'macros' (and Gorgias's 'data') was 'unexpected shape:
    found an object. Expected ... {key: [objects]}', which is what the file is."""
    for name, export in [("zendesk.json", {"macros": [], "next_page": None, "previous_page": None, "count": 0}),
                         ("gorgias.json", {"data": [], "meta": {"next_cursor": None}, "object": "list",
                                           "uri": "/api/macros"})]:
        path = tmp_path / name
        path.write_text(json.dumps(export), encoding="utf-8")
        for command in (["import", str(path), "-o", str(tmp_path / "out")], ["audit", str(path)]):
            result = CliRunner().invoke(main, command)
            assert result.exit_code == 2, result.output
            assert "Traceback" not in result.output
            assert f"{path}:1:1: error: nothing to {command[0]}: the file holds no items" in result.output


def test_one_object_with_an_empty_list_is_still_an_unexpected_shape(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text('{"title": "Refund", "tags": []}', encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2 and "unexpected shape: found an object" in result.output


def test_an_empty_file_is_called_empty_not_truncated(tmp_path: Path) -> None:
    cases = {"macros.json": ("", [], "JSON file is empty"),
             "zendesk.json": ("\n", ["--from", "zendesk"], "Zendesk export is empty"),
             "replies.yaml": ("# exported replies\n\n", [], "YAML file is empty (it holds comments only)")}
    for name, (text, options, said) in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        result = CliRunner().invoke(main, ["import", str(path), *options, "-o", str(tmp_path / "out")])
        assert result.exit_code == 2, result.output
        assert f"{path}:1:1: error: {said}. Nothing was saved in it" in result.output
        assert "truncated" not in result.output


def test_the_helpdesk_a_file_looks_like_is_named_with_its_article(tmp_path: Path) -> None:
    path = tmp_path / "intercom.json"
    path.write_text(json.dumps({"type": "list", "data": [
        {"type": "macro", "id": "7", "name": "Late parcel", "body": "<p>Sorry, it is on its way.</p>",
         "body_text": "Sorry, it is on its way.", "visible_to": "everyone"}]}), encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path), "--from", "zendesk", "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "This looks like an Intercom export: pass --from intercom." in result.output


def test_excels_sep_line_names_the_delimiter(tmp_path: Path) -> None:
    """'sep=;' on the first line (Excel writes it, and teams add it so Excel opens the file in columns)
    was read as the header: 'cannot tell which column holds the reply text (columns: sep=, )'."""
    path = tmp_path / "macros.csv"
    path.write_bytes(b"sep=;\r\nTitle;Body\r\nLate parcel;\"Sorry, it ships today; I'll send the number.\"\r\n"
                     b"Bad row;one;two\r\n")
    result = CliRunner().invoke(main, ["import", str(path), "-o", str(tmp_path / "out"), "--skip-bad"])
    assert result.exit_code == 0, result.output
    assert f"{path}:4:1: row 2: has 3 cells; the header names 2" in result.output
    script = (tmp_path / "out" / "scripts" / "late-parcel.yaml").read_text(encoding="utf-8")
    assert "Sorry, it ships today; I'll send the number." in script
    twice = tmp_path / "twice.csv"
    twice.write_text("sep=,\nTitle,Body,Body\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(twice), "-o", str(tmp_path / "out2")])
    assert result.exit_code == 2 and f"{twice}:2:12: error: CSV file names the column 'Body' twice" in result.output


def test_a_windows_1252_csv_says_how_to_save_it_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "team macros.csv"
    path.write_bytes(b"Title,Body\r\nLate,We\x92re sorry.\r\n")
    result = CliRunner().invoke(main, ["import", str(path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert f"{path}:2:8: error: CSV file is not valid UTF-8" in result.output
    assert "Excel: Save As, 'CSV UTF-8'" in result.output
    assert f"iconv -f WINDOWS-1252 -t UTF-8 '{path}' > '{tmp_path / 'team macros-utf8.csv'}'" in result.output


def test_a_numbered_html_list_keeps_its_numbers(tmp_path: Path) -> None:
    """'<ol>' steps became '- ' bullets, so a reply's 'as in step 2' pointed at nothing."""
    export = tmp_path / "macros.json"
    export.write_text(json.dumps({"macros": [{"id": 1, "title": "Reset", "actions": [{
        "field": "comment_value_html",
        "value": "<p>Sorry you're locked out. Here is how to get back in:</p><ol><li>Open the reset page</li>"
                 "<li>Enter your email</li></ol><ol start=\"3\"><li>Sign in</li></ol><ul><li>No fee</li></ul>"
                 "<p>If step 2 sends nothing, reply here.</p>"}]}]}), encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(export), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    script = (tmp_path / "out" / "scripts" / "reset.yaml").read_text(encoding="utf-8")
    # (the bullet list right after the steps is a line of their paragraph, as scriptkit's own HTML export writes a
    # paragraph whose bullets interrupt its steps; '<ol>..</ol><ol start="3">' stays two: one list holds both)
    assert "1. Open the reset page\n  2. Enter your email\n\n  3. Sign in\n  - No fee" in script


def test_an_audited_packs_own_problems_are_listed_not_dropped(make_pack) -> None:  # type: ignore[no-untyped-def]
    """pack.yaml's findings (an unused constant, a greeting's placeholder without a fallback) belong to
    no macro: check reported them, the audit left them out of every output."""
    pack = make_pack({"late.yaml": "id: late\ntitle: Late\nacknowledgment: \"I'm sorry your parcel is late.\"\n"
                                   "solution: \"I've asked the courier to trace it today, {{ hours }}.\"\n"},
                     pack_yaml="name: Team\nconstants:\n  hours: \"9 to 5\"\n  unused_line: \"spare\"\n")
    result = CliRunner().invoke(main, ["audit", str(pack)])
    assert result.exit_code == 0, result.output
    assert "Problems of the pack as a whole: 1" in result.output
    assert f"{pack / 'pack.yaml'}:4:3 SK002 unused-constant: constant 'unused_line' is not used" in result.output
    data = json.loads(CliRunner().invoke(main, ["audit", str(pack), "--format", "json"]).output)
    assert data["summary"]["pack_problems"] == 1
    assert [(p["code"], p["location"]) for p in data["pack_problems"]] == [("SK002", f"{pack / 'pack.yaml'}:4:3")]
    page = render_html(audit(pack))
    assert '<section id="pack-problems">' in page and "unused_line" in page


def test_salesforce_quick_text_reads_from_a_query_or_data_loader(tmp_path: Path) -> None:
    """What the guide says of Salesforce: Name, Message and Category, and merge fields mapped."""
    body = "Hi {!Contact.FirstName},\n\nSorry for the double charge; I refunded it today.\n\nThanks,\n{!User.FirstName}"
    query = tmp_path / "quicktext.json"
    query.write_text(json.dumps({"totalSize": 1, "done": True, "records": [
        {"attributes": {"type": "QuickText", "url": "/services/data/v60.0/sobjects/QuickText/0Q1"},
         "Id": "0Q1", "Name": "Double charge", "Message": body, "Category": "Billing", "Channel": "Email"}]}),
        encoding="utf-8")
    loader = tmp_path / "quicktext.csv"
    loader.write_text(f'Id,Name,Message,Category\n0Q1,Double charge,"{body}",Billing\n', encoding="utf-8")
    for n, export in enumerate((query, loader)):
        out = tmp_path / f"out{n}"
        result = CliRunner().invoke(main, ["import", str(export), "-o", str(out)])
        assert result.exit_code == 0, result.output
        script = (out / "scripts" / "double-charge.yaml").read_text(encoding="utf-8")
        assert "title: Double charge" in script and "tags: [Billing]" in script
        assert "Hi {{ customer.first_name }},\n" in script and "Thanks,\n  {{ agent.first_name }}" in script


def _markdown_library(tmp_path: Path) -> list[Path]:
    """A team library kept as one Markdown file per topic, as many are; one title is in both."""
    billing = tmp_path / "billing.md"
    billing.write_text("## Double charge\n\nSorry about the double charge. I've refunded it today.\n\n"
                       "## Shared title\n\nThanks for waiting. Your invoice is attached.\n", encoding="utf-8")
    shipping = tmp_path / "shipping.md"
    shipping.write_text("## Late parcel\n\nSorry it is late. I've asked the courier to trace it today.\n\n"
                        "## Shared title\n\nThanks for waiting. Your parcel ships tomorrow.\n", encoding="utf-8")
    return [billing, shipping]


def test_several_files_import_into_one_pack(tmp_path: Path) -> None:
    """One pack from a library kept in several files: each file made a pack of its own, which no
    single check, audit or export could see whole."""
    files = _markdown_library(tmp_path)
    out = tmp_path / "pack"
    result = CliRunner().invoke(main, ["import", *map(str, files), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"Imported 4 macro(s) from {files[0]} and 1 more file(s) into {out}/." in result.output
    assert "  billing.md 2, shipping.md 2" in result.output
    scripts = sorted(p.name for p in (out / "scripts").iterdir())
    assert scripts == ["double-charge.yaml", "late-parcel.yaml", "shared-title-2.yaml", "shared-title.yaml"]
    late = (out / "scripts" / "late-parcel.yaml").read_text(encoding="utf-8")
    assert late.startswith(f"# Imported by `scriptkit import` from shipping.md ({files[1]}:1:1,")
    shared = (out / "scripts" / "shared-title-2.yaml").read_text(encoding="utf-8")
    assert f"another item has the title 'Shared title' too (section 2 'Shared title' at {files[0]}:5:1)" in shared
    assert "description: 4 macro(s) imported from 2 files (markdown)." in (out / "pack.yaml").read_text("utf-8")


def test_several_files_audit_as_one_library(tmp_path: Path) -> None:
    files = _markdown_library(tmp_path)
    result = CliRunner().invoke(main, ["audit", *map(str, files), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["source"] == f"{files[0]} and 1 more file(s)" and report["summary"]["macros"] == 4
    assert {m["location"].rsplit(":", 2)[0] for m in report["macros"]} == {str(f) for f in files}


def test_a_file_named_twice_or_a_folder_among_files_is_refused(tmp_path: Path) -> None:
    files = _markdown_library(tmp_path)
    twice = CliRunner().invoke(main, ["import", str(files[0]), f"{tmp_path}/./billing.md",
                                      "-o", str(tmp_path / "out")])
    assert twice.exit_code == 2 and f"is given twice (as {files[0]} too)" in twice.output
    folder = CliRunner().invoke(main, ["audit", str(files[0]), str(tmp_path)])
    assert folder.exit_code == 2 and f"{tmp_path} is a folder" in folder.output
    assert "Traceback" not in twice.output + folder.output


def test_an_unreadable_file_among_several_is_named_where_it_is(tmp_path: Path) -> None:
    files = _markdown_library(tmp_path)
    broken = tmp_path / "macros.json"
    broken.write_text('{"macros": [{"title": "Cut', encoding="utf-8")
    result = CliRunner().invoke(main, ["audit", *map(str, files), str(broken)])
    assert result.exit_code == 2 and f"{broken}:1:" in result.output and "not valid JSON" in result.output


def test_a_folder_of_exports_says_how_to_read_its_files(tmp_path: Path) -> None:
    """'audit macros/' said 'has no pack.yaml. Create one with scriptkit init', and 'import macros/'
    gave click's 'is a directory': neither said that naming the files reads them as one library."""
    _markdown_library(tmp_path)
    (tmp_path / "README.md").write_text("# Our macros\n\nOne file per topic.\n", encoding="utf-8")
    audited = CliRunner().invoke(main, ["audit", str(tmp_path)])
    assert audited.exit_code == 2, audited.output
    assert f"{tmp_path}: error: {tmp_path} is a folder, not a pack; it holds 2 export file(s): billing.md, " \
           f"shipping.md. Name the export files, to audit them as one library: scriptkit audit {tmp_path}/*.md" \
           in audited.output
    imported = CliRunner().invoke(main, ["import", str(tmp_path), "-o", str(tmp_path / "out")])
    assert imported.exit_code == 2 and f"scriptkit import {tmp_path}/*.md -o PACK" in imported.output
    bare = tmp_path / "bare"
    bare.mkdir()
    result = CliRunner().invoke(main, ["import", str(bare), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2 and "it holds no file scriptkit reads. Pass the export file itself." in result.output
    assert "Traceback" not in audited.output + imported.output + result.output


def test_a_sheet_whose_headers_hold_the_usual_names_gets_a_map_to_paste(tmp_path: Path) -> None:
    """'Macro label' and 'Text of macro' are not read without asking (a 'Text length' column holds 'text' too),
    but the hint said only '--map body=COLUMN'; a column named but for its case was 'no column' alone. (A sheet's
    own names, 'Macro name' and 'Macro text', are read: test_s37_csv_spreadsheets.)"""
    sheet = tmp_path / "macros.csv"
    sheet.write_text('Macro label,Text of macro,Category\nLate,"Sorry, it ships today.",Shipping\n', encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["import", str(sheet), "-o", str(out)])
    assert result.exit_code == 2
    assert "Name it with --map 'title=Macro label,body=Text of macro' (columns: Macro label, Text of macro, " \
           "Category)" in result.output
    result = CliRunner().invoke(main, ["import", str(sheet), "-o", str(out), "--map", "body=Text Of Macro"])
    assert result.exit_code == 2 and "has no column 'Text Of Macro'. Did you mean 'Text of macro'?" in result.output
    pasted = "title=Macro label,body=Text of macro"
    result = CliRunner().invoke(main, ["import", str(sheet), "-o", str(out), "--map", pasted])
    assert result.exit_code == 0, result.output
    assert "title: Shipping::Late" in (out / "scripts" / "shipping-late.yaml").read_text(encoding="utf-8")


def test_the_most_common_problems_name_the_phrases_behind_them(tmp_path: Path) -> None:
    """'SK201 corporate-phrase: 185 macro(s), 459 time(s)' said which rule, not which words: the guide's
    first step (one substitution per stock phrase) needed the phrases, found by opening macros one by one."""
    rows = [{"title": f"Order {n}", "body": f"Please be advised that order {n} ships on Friday. I'll send the "
                                            f"tracking number today."} for n in range(3)]
    rows += [{"title": "Refund", "body": "Please be advised that I refunded it today. Kindly check your card."},
             {"title": "Card", "body": "Kindly check your card today. I've sent the new one by post."}]
    library = tmp_path / "library.jsonl"
    library.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    report = audit(library)
    corporate = next(c for c in report.common if c.code == "SK201")
    assert corporate.phrases[:2] == [("Please be advised that", 4), ("Kindly", 2)]
    assert all(title not in dict(c.phrases) for c in report.common for title in ("Order 0", "Refund", "Card"))
    result = CliRunner().invoke(main, ["audit", str(library)])
    assert "time(s): “Please be advised that” 4, “Kindly” 2" in result.output
    data = json.loads(CliRunner().invoke(main, ["audit", str(library), "--format", "json"]).output)
    sk201 = next(c for c in data["common_problems"] if c["code"] == "SK201")
    assert sk201["phrases"][0] == {"text": "Please be advised that", "count": 4}
    assert "&ldquo;<bdi>Please be advised that</bdi>&rdquo; 4" in render_html(report)


def test_excels_unicode_text_and_a_tsv_are_read_as_sheets(tmp_path: Path) -> None:
    """Excel's "Unicode Text" saves a tab-separated .txt in UTF-16: 'cannot tell the format of macros.txt',
    with no place, though the guide says UTF-16 is read."""
    sheet = "Title\tBody\r\nLate\tSorry it\u2019s late; it ships today and I'll send the number.\r\n"
    unicode_text = tmp_path / "macros.txt"
    unicode_text.write_bytes(sheet.encode("utf-16"))
    tsv = tmp_path / "macros.tsv"
    tsv.write_text(sheet, encoding="utf-8")
    for n, export in enumerate((unicode_text, tsv)):
        result = CliRunner().invoke(main, ["import", str(export), "-o", str(tmp_path / f"out{n}")])
        assert result.exit_code == 0, result.output
        assert "it ships today" in (tmp_path / f"out{n}" / "scripts" / "late.yaml").read_text(encoding="utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_text("Late: sorry, it ships today.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(notes), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2 and f"{notes}:1:1: error: cannot tell the format of notes.txt" in result.output


def test_each_audited_macro_carries_the_id_its_helpdesk_gave_it(tmp_path: Path) -> None:
    """A helpdesk's API export is one line of JSON: 'macros.json:1:3342774' finds nothing, and a
    dashboard fed with --format json could not link a macro back to the helpdesk."""
    export = tmp_path / "macros.json"
    export.write_text(json.dumps({"macros": [
        {"id": 360001, "title": "Late parcel", "actions": [{"field": "comment_value", "value": REPLY}]},
        {"title": "No id", "actions": [{"field": "comment_value", "value": "Thanks! I've sent it today."}]}]}),
        encoding="utf-8")
    data = json.loads(CliRunner().invoke(main, ["audit", str(export), "--format", "json"]).stdout)
    assert {m["title"]: m["export_id"] for m in data["macros"]} == {"Late parcel": "360001", "No id": None}
    text = CliRunner().invoke(main, ["audit", str(export)]).output
    assert f"Late parcel  (id 360001, {export}:1:" in text
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("id,title,body\nA-7,Late,\"Sorry, it ships today.\"\n,Other,\"Thanks, sent today.\"\n",
                     encoding="utf-8")
    rows = json.loads(CliRunner().invoke(main, ["audit", str(sheet), "--format", "json"]).output)["macros"]
    assert {m["title"]: m["export_id"] for m in rows} == {"Late": "A-7", "Other": None}
    assert "id 360001" in render_html(audit(export))


def test_a_jsonl_export_cut_short_says_it_may_be_truncated(tmp_path: Path) -> None:
    cut = tmp_path / "macros.jsonl"
    cut.write_text('{"title": "Late", "body": "Sorry, it ships today."}\n{"title": "Refund", "body": "I refun',
                   encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(cut), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert f"{cut}:2:29: error: line 2: is not valid JSON: a text value starts here and is never closed; it is the " \
           "last line and stops short: the file may be truncated (export it again)." in result.output
    typo = tmp_path / "typo.jsonl"
    typo.write_text('{"title": oops, "body": "x"}\n{"title": "Late", "body": "Sorry, it ships today."}\n',
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(typo), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2 and "truncated" not in result.output


def test_a_spreadsheet_is_told_to_be_saved_as_csv_not_unpacked(tmp_path: Path) -> None:
    """A workbook is a zip of XML parts: 'a zip archive ... Unpack it, then import the export file inside
    it' sent a lead who saved the sheet as .xlsx to unzip it, which gives no export."""
    import zipfile

    book = tmp_path / "macros.xlsx"
    with zipfile.ZipFile(book, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    old = tmp_path / "macros.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    for sheet, kind in ((book, "an Excel workbook"), (old, "an Excel 97-2003 workbook")):
        for options in ([], ["--from", "csv"]):
            result = CliRunner().invoke(main, ["import", str(sheet), *options, "-o", str(tmp_path / "out")])
            assert result.exit_code == 2, result.output
            assert f"{sheet}:1:1: error: {sheet.name} is {kind}, not a CSV or export file. Save the sheet as CSV " \
                   "(Excel: File > Save As > 'CSV UTF-8 (Comma delimited)'" in result.output
            assert "Unpack" not in result.output and "UTF-8 (byte" not in result.output


def test_the_html_report_links_fifty_members_of_a_big_duplicate_group(tmp_path: Path) -> None:
    """A templated library is one near-duplicate group of thousands: the report linked every member in
    one table cell (20,000 links for 20,000 macros)."""
    rows = [{"title": f"Order {n}", "body": f"Thanks for waiting. Order {n} ships today and I'll email you the "
                                            f"tracking number by Friday."} for n in range(60)]
    library = tmp_path / "library.jsonl"
    library.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    report = audit(library)
    [group] = report.duplicates
    assert len(group.members) == 60
    section = render_html(report).split('<section id="duplicates">')[1].split("</section>")[0]
    assert section.count('href="#drill=') == 50 and "and 10 more (all in --format json)" in section
