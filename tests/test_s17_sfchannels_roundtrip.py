"""A Salesforce Quick Text whose Channel holds several values ('Email;Chat') keeps each of them through
import -> export -> import, whether or not its record has an Id: the export writes it back (as an update,
in quick_text_update.json), and a Data Loader sheet may leave the column empty. The channels are read from
the record itself."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from scriptkit import export, import_library, load_pack

_TEXT = ("Hi {!Contact.FirstName}, I'm sorry the refund took so long. I've sent it again today and you "
         "will see it within 3 working days.")


def _json_source(tmp_path: Path, ident: str | None) -> Path:
    record: dict[str, object] = {"attributes": {"type": "QuickText"}, "Name": "Refund resent",
                                 "Category": "Billing", "Channel": "Email;Chat", "Message": _TEXT}
    if ident is not None:
        record["Id"] = ident
    path = tmp_path / "source.json"
    path.write_text(json.dumps({"totalSize": 1, "done": True, "records": [record]}), encoding="utf-8")
    return path


def _csv_source(tmp_path: Path, ident: str | None) -> Path:
    head, row = "Name,Message,Channel,FolderId,IsInsertable", f'Refund resent,"{_TEXT}",Email;Chat,00l7,true'
    if ident is not None:
        head, row = "Id," + head, f"{ident}," + row
    path = tmp_path / "source.csv"
    path.write_text(f"{head}\n{row}\n", encoding="utf-8")
    return path


def _channels(pack: Path) -> dict[str, list[str]]:
    return {s.title: list(s.channels) for s in load_pack(pack).scripts}


def _body(pack: Path) -> str:
    """The script file without its first line, which names the file it was imported from."""
    (script,) = sorted((pack / "scripts").glob("*.yaml"))
    return script.read_text(encoding="utf-8").split("\n", 1)[1]


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("make", "ident"), [(_json_source, "0QT9"), (_json_source, None), (_json_source, ""),
                                             (_csv_source, "0QT9"), (_csv_source, ""), (_csv_source, None)],
                         ids=["json-id", "json-no-id", "json-empty-id", "csv-id", "csv-empty-id", "csv-no-id-column"])
def test_email_and_chat_survive_import_export_import(tmp_path: Path, make: Callable[[Path, str | None], Path],
                                                     ident: str | None) -> None:
    first = import_library(make(tmp_path, ident)).write(tmp_path / "p1")
    assert _channels(first) == {"Refund resent": ["email", "chat"]}
    export(first, ["salesforce"], tmp_path / "e1", lint=False)
    exported = tmp_path / ("e1/salesforce/quick_text_update.json" if ident else "e1/salesforce/quick_text.json")
    records = json.loads(exported.read_text(encoding="utf-8"))["records"]
    assert [(r["Name"], r["Channel"]) for r in records] == [("Refund resent", "Email;Chat")]
    assert [r.get("Id") for r in records] == [ident or None]  # (kept, so a re-send updates the Quick Text)
    second = import_library(exported).write(tmp_path / "p2")
    assert _channels(second) == {"Refund resent": ["email", "chat"]}
    assert _body(second) == _body(first)
    assert "add 'chat'" not in _body(second)


@pytest.mark.timeout(60)
def test_a_data_loader_row_without_id_is_for_both_channels_and_an_unknown_value_is_still_asked(tmp_path: Path) -> None:
    source = tmp_path / "source.csv"
    source.write_text(f'Id,Name,Message,Channel,FolderId\n,Refund resent,"{_TEXT}",Email;Chat,00l7\n'
                      f',Refund faxed,"{_TEXT}",Email;Fax,00l7\n', encoding="utf-8")
    both, fax = import_library(source).macros
    assert (both.raw.channel, both.raw.more_channels) == ("email", ["chat"])
    assert any("the script is for email and chat" in note for note in both.notes)
    assert not any("add 'chat'" in note for note in both.notes)
    assert (fax.raw.channel, fax.raw.more_channels) == ("email", [])  # (Fax is no scriptkit channel: asked by hand)
    assert any("add 'Fax' under its channels" in note for note in fax.notes)


def test_a_channel_the_salesforce_export_cannot_write_is_named_in_the_note(tmp_path: Path) -> None:
    sheet = tmp_path / "dl.csv"
    sheet.write_text("Name,DeveloperName,Message,Channel\nCard,Card,\"I'm sorry your card was declined. I've "
                     "unblocked it now.\",Email;Chat;Phone\n", encoding="utf-8")
    notes = " ".join(import_library(sheet, fmt="salesforce").macros[0].raw.notes)
    assert "Channel 'Email;Chat' (phone left out" in notes and "'Email;Chat;Phone'" in notes
