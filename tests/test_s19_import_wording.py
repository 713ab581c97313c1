"""import_library's errors speak in the caller's words: a Python caller passed ``fmt=``, ``mapping=`` and
``where=``, and reads those names; ``scriptkit import`` was given ``--from``, ``--map`` and ``--where``, and reads
the flags. Each message is written in those words where it is made (scriptkit.importers.Wording), as an export's
are (scriptkit.exporting.Wording)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import scriptkit
from scriptkit.cli import main
from scriptkit.importers import API_WORDING, import_libraries, import_library

#: name -> (file name, its text, the Python call's keywords, the command line's options,
#: what the Python caller reads, what the command line's user reads)
Case = tuple[str, str, dict[str, Any], list[str], str, str]


def _json(data: Any) -> str:
    return json.dumps(data)


CASES: dict[str, Case] = {
    "no format from the name": (
        "replies.txt", "Sorry about that.\n", {}, [],
        "Pass fmt, one of: 'zendesk', 'freshdesk'", "Pass --from one of: zendesk, freshdesk"),
    "another helpdesk's export": (
        "macros.json", _json({"type": "list", "data": [
            {"type": "macro", "id": "7", "name": "Late parcel", "body": "<p>Sorry, it is on its way.</p>",
             "body_text": "Sorry, it is on its way."}]}), {"fmt": "zendesk"}, ["--from", "zendesk"],
        "This looks like an Intercom export: pass fmt='intercom'.",
        "This looks like an Intercom export: pass --from intercom."),
    "a Quick Text export read as a helpdesk's": (
        "quick.json", _json({"totalSize": 1, "done": True, "records": [
            {"attributes": {"type": "QuickText"}, "Id": "0QT1", "Name": "Refund", "Message": "Refunded."}]}),
        {"fmt": "zendesk"}, ["--from", "zendesk"],
        "leave out fmt, or pass fmt='salesforce'.", "leave out --from, or pass --from salesforce."),
    "one saved reply on its own": (
        "reply.json", _json({"id": 12, "name": "Late parcel", "chatText": "Hi, it is on its way.",
                             "text": "<p>Hi, it is on its way.</p>"}), {}, [],
        "not a list: pass fmt='helpscout'.", "not a list: pass --from helpscout."),
    "an unexpected shape": (
        "export.json", _json({"tickets": []}), {"fmt": "zendesk"}, ["--from", "zendesk"],
        "Is fmt right?", "Is --from right?"),
    "JSON in a CSV file": (
        "macros.csv", _json([{"title": "Late", "body": "Sorry."}]), {}, [],
        "leave out fmt (a .json name is read as JSON), or pass fmt='json', or the helpdesk whose export it is "
        "(fmt='zendesk', ...)",
        "leave out --from (a .json name is read as JSON), or pass --from json, or the helpdesk whose export it "
        "is (--from zendesk, ...)"),
    "columns that do not say which is the reply": (
        "macros.csv", "Macro label,Text of macro,Category\nLate,\"Sorry, it ships today.\",Shipping\n", {}, [],
        "Name it with mapping={'title': 'Macro label', 'body': 'Text of macro'}",
        "Name it with --map 'title=Macro label,body=Text of macro'"),
    "no column at all for the reply": (
        "macros.jsonl", _json({"name": "Late", "txt": "Sorry."}) + "\n", {}, [],
        "Name it with mapping={'body': 'FIELD'}", "Name it with --map body=FIELD"),
    "macros with their reply in actions": (
        "macros.yaml", "- title: Late\n  actions: [{field: comment_value, value: Sorry.}]\n", {}, [],
        "Read it with fmt='zendesk' or fmt='gorgias'", "Read it with --from zendesk or --from gorgias"),
    "a column mapping for a helpdesk's export": (
        "macros.json", _json({"macros": [{"id": 1, "title": "Late", "actions": [
            {"field": "comment_value", "value": "Sorry."}]}]}),
        {"fmt": "zendesk", "mapping": {"title": "name"}}, ["--from", "zendesk", "--map", "title=name"],
        "mapping renames the columns of a CSV", "--map renames the columns of a CSV"),
    "not scriptkit's own export": (
        "pack.json", _json({"scripts": []}), {"fmt": "scriptkit"}, ["--from", "scriptkit"],
        "or choose another fmt.", "or choose another --from."),
}


def _write(tmp_path: Path, name: str) -> Path:
    file_name, text, *_ = CASES[name]
    path = tmp_path / file_name
    path.write_text(text, encoding="utf-8")
    return path


def _said(error: scriptkit.ScriptkitError) -> str:
    return " ".join(f"{error.message}. {error.hint or ''}".split())


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", sorted(CASES))
def test_a_python_caller_reads_the_keyword_it_passed_and_the_command_line_its_flags(tmp_path: Path,
                                                                                     name: str) -> None:
    path = _write(tmp_path, name)
    _, _, keywords, options, python, command_line = CASES[name]
    with pytest.raises(scriptkit.ScriptkitError) as raised:
        import_library(path, **keywords)
    said = _said(raised.value)
    assert python in said, said
    assert "--" not in said, said
    done = CliRunner().invoke(main, ["import", str(path), *options, "-o", str(tmp_path / "out")],
                              env={"NO_COLOR": "1", "COLUMNS": "1000"})
    said = " ".join(done.output.split())
    assert done.exit_code == 2, done.output
    assert command_line in said, said
    assert "Traceback" not in said and not (tmp_path / "out").exists()


def _unreadable(tmp_path: Path) -> Path:
    path = tmp_path / "macros.json"
    path.write_text(_json([{"title": "Late", "body": "Sorry, it ships today."}, {"title": "Bad", "body": ["x"]}]),
                    encoding="utf-8")
    return path


def test_an_unreadable_item_tells_a_python_caller_what_it_holds(tmp_path: Path) -> None:
    """The hint was '--skip-bad', a flag a caller of import_library has no way to pass."""
    library = import_library(_unreadable(tmp_path))
    with pytest.raises(scriptkit.ImportFormatError) as raised:
        library.raise_if_unreadable()
    assert raised.value.hint is not None and "--skip-bad" not in raised.value.hint
    assert "Library.problems" in raised.value.hint and "Library.macros" in raised.value.hint
    done = CliRunner().invoke(main, ["import", str(_unreadable(tmp_path)), "-o", str(tmp_path / "out")])
    assert done.exit_code == 2 and "Fix the item, or pass --skip-bad to import the rest." in done.output


def test_no_row_with_the_value_names_where_in_the_callers_words(tmp_path: Path) -> None:
    path = tmp_path / "macros.csv"
    path.write_text("title,body,inbound\nLate,\"Sorry, it ships today.\",True\n", encoding="utf-8")
    library = import_libraries([path], where={"inbound": "False"}, wording=API_WORDING)
    with pytest.raises(scriptkit.ImportFormatError) as raised:
        library.raise_if_empty("import", {"inbound": "False"})
    assert raised.value.hint == "where matches the whole value of the column, exactly (case too)."
    done = CliRunner().invoke(main, ["import", str(path), "--where", "inbound=False", "-o", str(tmp_path / "out")])
    assert done.exit_code == 2 and "--where matches the whole value of the column" in done.output


def test_the_wording_is_checked_like_any_argument(tmp_path: Path) -> None:
    path = tmp_path / "macros.csv"
    path.write_text("title,body\nLate,Sorry.\n", encoding="utf-8")
    wrong: Callable[..., Any] = import_library
    with pytest.raises(scriptkit.ConfigError, match="wording"):
        wrong(path, wording="cli")
