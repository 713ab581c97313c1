"""The Salesforce and Intercom exports write back the id an import keeps (``export: {<helpdesk>: {id}}``), as the
Freshdesk, Help Scout and Front exports do: a Quick Text with an Id is an update (``PATCH /composite/sobjects``,
its own collection, since Salesforce refuses an Id on create), an Intercom macro is named by its id where the
admin pastes it; an id in pack.yaml's block, or one that is no id, is refused as it is for the others."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import scriptkit
from scriptkit import export, load_pack
from tests.conftest import run_cli

_REPLY = "I'm so sorry for the trouble. I've issued your refund today, and it reaches you within 5 business days."


def _quick_text_csv(tmp_path: Path) -> Path:
    path = tmp_path / "quicktext.csv"
    path.write_text("Id,Name,Message,Category,Channel,FolderId,IsInsertable\n"
                    f'0QT000000000001,Refund issued,"Hi {{!Contact.FirstName}}, {_REPLY}",Billing,Email,'
                    "00l000000000AAA,true\n"
                    f'0QT000000000002,Chat hello,"Thanks! {_REPLY}",,Email;Chat,,true\n'
                    f',Brand new,"Hello! {_REPLY}",,Email,,true\n', encoding="utf-8")
    return path


def _quick_text_json(tmp_path: Path) -> Path:
    path = tmp_path / "qt.json"
    path.write_text(json.dumps({"totalSize": 1, "done": True, "records": [
        {"attributes": {"type": "QuickText", "url": "/services/data/v60.0/sobjects/QuickText/0QT000000000009"},
         "Id": "0QT000000000009", "Name": "Refund issued", "Message": _REPLY, "Category": "Billing",
         "Channel": "Email", "IsInsertable": True}]}, indent=1), encoding="utf-8")
    return path


def _intercom(tmp_path: Path) -> Path:
    path = tmp_path / "macros.json"
    path.write_text(json.dumps({"type": "list", "data": [
        {"type": "macro", "id": "123", "name": "Refund issued", "body": f"<p>{_REPLY}</p>", "body_text": _REPLY},
        {"type": "macro", "id": "m_2", "name": "Chat hello", "body": f"<p>Thanks! {_REPLY}</p>",
         "body_text": f"Thanks! {_REPLY}"}]}, indent=1), encoding="utf-8")
    return path


def _json(path: Path) -> dict[str, object]:
    found: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return found


def _import_export(source: Path, tmp_path: Path, target: str) -> Path:
    ran = run_cli("import", str(source), "-o", str(tmp_path / "pack"))
    assert ran.exit_code == 0, ran.output
    ran = run_cli("export", str(tmp_path / "pack"), "--to", target, "--out", str(tmp_path / "out"))
    assert ran.exit_code == 0, ran.output
    return tmp_path / "out" / target


@pytest.mark.timeout(60)
def test_a_quick_text_with_an_id_is_an_update_and_a_new_one_a_create(tmp_path: Path) -> None:
    out = _import_export(_quick_text_csv(tmp_path), tmp_path, "salesforce")
    # (Salesforce refuses an Id on create: the new record alone is in the POST collection)
    created = _json(out / "quick_text.json")
    assert created["records"] == [{"attributes": {"type": "QuickText"}, "Name": "Brand new", "Channel": "Email",
                                   "Message": f"Hello! {_REPLY}"}]
    updated = _json(out / "quick_text_update.json")
    assert updated["allOrNone"] is False
    records = updated["records"]
    assert isinstance(records, list)
    assert {r["Name"]: (r["Id"], r["attributes"], r["Channel"]) for r in records} == {
        "Refund issued": ("0QT000000000001", {"type": "QuickText"}, "Email"),
        # (a record merged across channels carries the script's own id)
        "Chat hello": ("0QT000000000002", {"type": "QuickText"}, "Email;Chat")}
    # each record's own file names the Quick Text it updates; a new one's has no Id
    assert _json(out / "quick_text" / "refund-issued.json")["Id"] == "0QT000000000001"
    assert "Id" not in _json(out / "quick_text" / "brand-new.json")
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "PATCH /services/data/vXX.X/composite/sobjects" in readme and "QuickText/{Id}" in readme
    # exported back and imported again, each keeps its id
    again = scriptkit.import_library([out / "quick_text.json", out / "quick_text_update.json"])
    assert {m.raw.title: m.raw.settings.get("id") for m in again.macros} == {
        "Brand new": None, "Refund issued": "0QT000000000001", "Chat hello": "0QT000000000002"}
    report = scriptkit.audit_library(tmp_path / "pack", grammar="off")
    assert {m.id: m.export_id for m in report.macros} == {
        "refund-issued": "0QT000000000001", "chat-hello": "0QT000000000002", "brand-new": None}


@pytest.mark.timeout(60)
def test_a_quick_text_query_keeps_its_id_through_export(tmp_path: Path) -> None:
    out = _import_export(_quick_text_json(tmp_path), tmp_path, "salesforce")
    assert not (out / "quick_text.json").exists()  # (nothing to create: no empty collection Salesforce refuses)
    records = _json(out / "quick_text_update.json")["records"]
    assert isinstance(records, list) and [r["Id"] for r in records] == ["0QT000000000009"]
    report = scriptkit.audit_library(tmp_path / "pack", grammar="off")
    assert [(m.export_id, m.export_ids) for m in report.macros] == [
        ("0QT000000000009", {"salesforce": "0QT000000000009"})]


@pytest.mark.timeout(60)
def test_a_channel_with_its_own_quick_text_keeps_it(make_pack: object, tmp_path: Path) -> None:
    # (chat's own Quick Text, given under variant_ids, is not merged into email's, which would leave it stale)
    assert callable(make_pack)
    pack = make_pack({"late.yaml": "id: late\ntitle: Late\nchannels: [email, chat]\nacknowledgment: Sorry.\n"
                                   f"solution: {_REPLY}\nexport:\n  salesforce:\n    id: 0QT0000000000AA\n"
                                   "    variant_ids: {chat: 0QT0000000000BB}\n"})
    export(load_pack(pack), "salesforce", tmp_path / "out")
    records = _json(tmp_path / "out/salesforce/quick_text_update.json")["records"]
    assert isinstance(records, list)
    assert sorted((r["Id"], r["Channel"]) for r in records) == [("0QT0000000000AA", "Email"),
                                                                ("0QT0000000000BB", "Chat")]


@pytest.mark.timeout(60)
def test_intercom_macros_keep_their_ids(tmp_path: Path) -> None:
    out = _import_export(_intercom(tmp_path), tmp_path, "intercom")
    macros = _json(out / "macros.json")["macros"]
    assert isinstance(macros, list)
    assert {m["name"]: m["id"] for m in macros} == {"Refund issued": "123", "Chat hello": "m_2"}
    assert all(set(m) == {"id", "name", "body", "body_text"} for m in macros)
    page = " ".join((out / "macros" / "refund-issued.html").read_text(encoding="utf-8").split())
    assert "paste it into macro 123 in Settings > Inbox > Macros, in place of its text" in page
    again = scriptkit.import_library(out / "macros.json")
    assert {m.raw.title: m.raw.settings.get("id") for m in again.macros} == {"Refund issued": "123",
                                                                             "Chat hello": "m_2"}
    report = scriptkit.audit_library(tmp_path / "pack", grammar="off")
    assert {m.id: m.export_id for m in report.macros} == {"refund-issued": "123", "chat-hello": "m_2"}


@pytest.mark.timeout(60)
def test_a_new_intercom_macro_has_no_id(make_pack: object, tmp_path: Path) -> None:
    assert callable(make_pack)
    pack = make_pack({"late.yaml": f"id: late\ntitle: Late\nacknowledgment: Sorry.\nsolution: {_REPLY}\n"})
    export(load_pack(pack), "intercom", tmp_path / "out")
    assert [set(m) for m in _json(tmp_path / "out/intercom/macros.json")["macros"]] == [  # type: ignore[union-attr]
        {"name", "body", "body_text"}]
    page = " ".join((tmp_path / "out/intercom/macros/late.html").read_text(encoding="utf-8").split())
    assert "paste it into Settings > Inbox > Macros." in page


@pytest.mark.timeout(60)
@pytest.mark.parametrize("target", ["salesforce", "intercom"])
def test_a_pack_wide_or_wrong_id_is_refused(make_pack: object, tmp_path: Path, target: str) -> None:
    assert callable(make_pack)
    script = f"id: late\ntitle: Late\nacknowledgment: Sorry.\nsolution: {_REPLY}\n"
    pack = make_pack({"late.yaml": script}, pack_yaml=f"name: P\nexport:\n  {target}:\n    id: abc1\n")
    ran = run_cli("check", str(pack), "--grammar", "off")
    assert ran.exit_code == 2 and f"{target} setting 'id' in pack.yaml" in ran.output, ran.output
    ran = run_cli("export", str(pack), "--to", target, "--out", str(tmp_path / "out"))
    assert ran.exit_code == 2 and not (tmp_path / "out").exists(), ran.output  # (refused as check does: bad input)
    pack = make_pack({"late.yaml": script + f"export:\n  {target}:\n    id: 'not an id'\n"}, pack_yaml="name: P\n")
    ran = run_cli("check", str(pack), "--grammar", "off")
    assert ran.exit_code == 2 and f"{target} setting 'id' must be" in ran.output, ran.output
    assert "rsp_16yc" not in ran.output  # (Front's example is no Salesforce or Intercom id)
