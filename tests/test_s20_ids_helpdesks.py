"""A Freshdesk canned response, a Help Scout saved reply and a Front message template keep their helpdesk id through
import and export, as Zendesk and Gorgias macros do: the id becomes the script's ``id`` setting and the exported
file's ``id``, so the docs' loop updates each one (PUT, or PATCH for Front) instead of posting a copy; two scripts
holding one id are refused (SK506)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from scriptkit import ConfigError, export, import_library, load_pack
from tests.conftest import run_cli

SCHEMAS = Path(__file__).resolve().parent.parent / "scriptkit" / "targets" / "schemas"

LATE = "<p>Hi {name},</p><p>I'm sorry your parcel is late: I've sent a new one by express post this morning.</p>"
REFUND = "<p>Hi {name},</p><p>I'm sorry you were charged twice; the refund reaches your card within 5 days.</p>"

#: each helpdesk: its export's items (written from the fields its API reference lists), the file its export
#: writes per item, and the id each item has
SOURCES: dict[str, tuple[object, str, list[object]]] = {
    "freshdesk": ([
        {"id": 43000012, "title": "Parcel late", "content_html": LATE.format(name="{{ticket.requester.firstname}}"),
         "folder_id": 12, "visibility": 0},
        {"id": 43000019, "title": "Double charge",
         "content_html": REFUND.format(name="{{ticket.requester.firstname}}"), "visibility": 1},
    ], "canned_responses", [43000012, 43000019]),
    "helpscout": ([
        {"id": 715, "name": "Parcel late", "text": LATE.format(name="{%customer.firstName,fallback=there%}")},
        {"id": 716, "name": "Double charge", "text": REFUND.format(name="{%customer.firstName,fallback=there%}")},
    ], "saved_replies", [715, 716]),
    "front": ({"_results": [
        {"id": "rsp_3kq1", "name": "Parcel late", "subject": None, "body": LATE.format(name="{{recipient.first_name}}"),
         "attachments": [], "is_available_for_all_inboxes": True, "inbox_ids": None},
        {"id": "rsp_3kq9", "name": "Double charge", "subject": "Your refund",
         "body": REFUND.format(name="{{recipient.first_name}}"), "attachments": [],
         "is_available_for_all_inboxes": True, "inbox_ids": None},
    ]}, "message_templates", ["rsp_3kq1", "rsp_3kq9"]),
}


def _source(tmp_path: Path, helpdesk: str) -> Path:
    path = tmp_path / f"{helpdesk}-export.json"
    path.write_text(json.dumps(SOURCES[helpdesk][0], indent=1), encoding="utf-8")
    return path


def _records(out: Path, helpdesk: str) -> dict[str, dict[str, Any]]:
    folder = out / helpdesk / SOURCES[helpdesk][1]
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("helpdesk", sorted(SOURCES))
def test_an_imported_id_is_written_back_and_read_again(tmp_path: Path, helpdesk: str) -> None:
    source = _source(tmp_path, helpdesk)
    assert run_cli("import", str(source), "--from", helpdesk, "-o", str(tmp_path / "v2")).exit_code == 0
    first, second = SOURCES[helpdesk][2]
    pack = load_pack(tmp_path / "v2")
    assert pack.script("parcel-late").export[helpdesk]["id"] == first
    assert pack.script("double-charge").export[helpdesk]["id"] == second
    result = run_cli("export", str(tmp_path / "v2"), "--to", helpdesk, "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    records = _records(tmp_path / "out", helpdesk)
    assert (records["parcel-late"]["id"], records["double-charge"]["id"]) == (first, second)
    # what the docs' loop sends to the address that names the id: the body without it, a valid body
    create = json.loads((SCHEMAS / f"{helpdesk}.schema.json").read_text(encoding="utf-8"))
    for record in records.values():
        jsonschema.Draft202012Validator(create).validate({k: v for k, v in record.items() if k != "id"})
    # the exported files read back (the helpdesk's own export gives the same ids): each keeps its id
    bundle = tmp_path / "out" / helpdesk / f"{SOURCES[helpdesk][1]}.json"
    again = import_library(bundle, helpdesk)
    assert sorted((m.title, m.raw.settings.get("id")) for m in again.macros) == \
        sorted([("Double charge", second), ("Parcel late", first)])


@pytest.mark.timeout(60)
@pytest.mark.parametrize("helpdesk", sorted(SOURCES))
def test_two_scripts_holding_one_id_are_refused_at_the_second(tmp_path: Path, helpdesk: str) -> None:
    run_cli("import", str(_source(tmp_path, helpdesk)), "--from", helpdesk, "-o", str(tmp_path / "v2"))
    first, given = SOURCES[helpdesk][2]
    # (the scripts in their order: double-charge, then parcel-late, the copy that holds double-charge's id)
    copy = tmp_path / "v2" / "scripts" / "parcel-late.yaml"
    text = copy.read_text(encoding="utf-8")
    copy.write_text(text.replace(f"id: {first}", f"id: {given}"), encoding="utf-8")
    line = next(n for n, row in enumerate(copy.read_text(encoding="utf-8").splitlines(), 1)
                if row.strip() == f"id: {given}")
    with pytest.raises(ConfigError) as refused:  # (bad input, exit code 2, as check says)
        export(tmp_path / "v2", [helpdesk], tmp_path / "out", lint=False)
    error = refused.value
    assert error.message == f"{helpdesk} id {given} is also given to 'double-charge'" and error.location
    assert (error.location.file, error.location.line) == (str(copy), line)
    assert not (tmp_path / "out").exists()
    checked = run_cli("check", str(tmp_path / "v2"))
    assert checked.exit_code == 2 and f"{copy}:{line}:" in checked.output, checked.output
    # forced too (bad input, as check says: a forced export wrote the copy without its id, a new macro)
    with pytest.raises(ConfigError):
        export(tmp_path / "v2", [helpdesk], tmp_path / "forced", lint=False, force=True)
    assert not (tmp_path / "forced").exists()


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("helpdesk", "value"), [("front", "123"), ("front", "'rsp 3kq1'"), ("front", "''"),
                                                 ("freshdesk", "rsp_3kq1"), ("helpscout", "0"),
                                                 ("helpscout", "1.5")])
def test_an_id_the_helpdesk_cannot_have_is_refused_at_its_line(tmp_path: Path, helpdesk: str, value: str) -> None:
    (tmp_path / "p" / "scripts").mkdir(parents=True)
    (tmp_path / "p" / "pack.yaml").write_text("name: Ids\nversion: 0.1.0\n", encoding="utf-8")
    script = tmp_path / "p" / "scripts" / "parcel-late.yaml"
    script.write_text("id: parcel-late\ntitle: Parcel late\nacknowledgment: \"I'm sorry your parcel is late.\"\n"
                      "solution: \"I've sent a new one by express post this morning.\"\n"
                      f"export:\n  {helpdesk}:\n    id: {value}\n", encoding="utf-8")
    result = run_cli("check", str(tmp_path / "p"))
    assert result.exit_code == 2, result.output
    assert re.search(rf"{re.escape(str(script))}:7:9: error: {helpdesk} setting 'id' must be ", result.output)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("helpdesk", sorted(SOURCES))
def test_an_id_in_pack_yaml_is_refused(tmp_path: Path, helpdesk: str) -> None:
    (tmp_path / "p" / "scripts").mkdir(parents=True)
    ident = "rsp_1" if helpdesk == "front" else "77"
    (tmp_path / "p" / "pack.yaml").write_text(f"name: Ids\nversion: 0.1.0\nexport:\n  {helpdesk}:\n    id: {ident}\n",
                                              encoding="utf-8")
    (tmp_path / "p" / "scripts" / "a.yaml").write_text(
        "id: a\ntitle: Parcel late\nacknowledgment: \"I'm sorry your parcel is late.\"\n"
        "solution: \"I've sent a new one by express post this morning.\"\n", encoding="utf-8")
    result = run_cli("export", str(tmp_path / "p"), "--to", helpdesk, "-o", str(tmp_path / "out"))
    assert result.exit_code != 0 and "gives every script the id of one macro" in result.output, result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.timeout(60)
def test_a_chat_only_saved_reply_keeps_its_id(tmp_path: Path) -> None:
    source = tmp_path / "saved.json"
    source.write_text(json.dumps([{"id": 901, "name": "Courier", "text": "",
                                   "chatText": "I'm sorry for the wait! The courier comes within 3 days."}]),
                      encoding="utf-8")
    run_cli("import", str(source), "--from", "helpscout", "-o", str(tmp_path / "v2"))
    export(tmp_path / "v2", ["helpscout"], tmp_path / "out", lint=False)
    (record,) = _records(tmp_path / "out", "helpscout").values()
    assert (record["id"], record["text"]) == (901, "")
