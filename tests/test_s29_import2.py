"""Imports that write a pack every command can read, and read back what scriptkit's own export encoded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit import load_pack, render_script
from scriptkit.audit import audit
from scriptkit.importers import import_library

OLD_CODE = "sorry the old emails showed {!Contact.FirstName} instead of your name. I fixed the template today."


def _gorgias(tmp_path: Path, macros: list[dict[str, object]]) -> Path:
    path = tmp_path / "macros.json"
    path.write_text(json.dumps(macros), encoding="utf-8")
    return path


def _text_macro(name: str, text: str, **more: object) -> dict[str, object]:
    return {"id": 1, "name": name, **more, "actions": [{
        "name": "setResponseText", "title": "Response text", "type": "user",
        "arguments": {"body_text": text, "body_html": f"<p>{text}</p>"}}]}


def test_another_helpdesks_spelling_as_text_is_written_as_text(tmp_path: Path) -> None:
    source = _gorgias(tmp_path, [_text_macro("Migrated", "Hi {{ticket.customer.firstname}}, " + OLD_CODE)])
    root = import_library(source).write(tmp_path / "pack")
    pack = load_pack(root)  # (refused before: "'{!Contact.FirstName}' is Salesforce's spelling")
    written = (root / "scripts" / "migrated.yaml").read_text(encoding="utf-8")
    assert "{% raw %}{!Contact.FirstName}{% endraw %}" in written
    assert "showed {!Contact.FirstName} instead" in render_script(pack, "migrated").text


def test_audit_of_a_zendesk_export_with_such_text_reads(tmp_path: Path) -> None:
    path = tmp_path / "z.json"
    path.write_text(json.dumps({"macros": [{"id": 5, "title": "Migrated", "active": True, "actions": [
        {"field": "comment_value_html", "value": "<p>Hi {{ticket.requester.first_name}}, " + OLD_CODE + "</p>"}]}]}),
        encoding="utf-8")
    report = audit(path, grammar="off")
    assert report is not None


def test_audit_tells_an_unreadable_import_in_the_users_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # (a writer that leaves a spelling the loader refuses: the error must point into the export, not the
    # audit's temporary pack)
    from scriptkit.errors import PackError
    from scriptkit.importers import writer

    monkeypatch.setattr(writer, "escape_jinja", lambda text: text)
    source = _gorgias(tmp_path, [_text_macro("Fine", "Thanks for waiting, I fixed it today."),
                                 _text_macro("Migrated", "Hi, " + OLD_CODE)])
    with pytest.raises(PackError) as raised:
        audit(source, grammar="off")
    location = raised.value.location
    assert location is not None and location.file == str(source)
    assert json.loads(source.read_text())[1]["actions"][0]["arguments"]["body_text"]  # (the file, unchanged)
    line = source.read_text().splitlines()[location.line - 1]
    assert line[location.col - 1:].startswith("{!Contact.FirstName}")
    assert "'Migrated'" in str(raised.value) and "scriptkit-audit" not in str(raised.value)


def test_a_link_on_an_email_address_reads_alike_in_html_and_plain_text() -> None:
    from scriptkit.importers.html import rich_or_plain

    notes: list[str] = []
    rich_or_plain('<p>If anything else comes up, <a href="mailto:help@example.com">email us</a> or reply here.</p>',
                  "If anything else comes up, email us (help@example.com) or reply here.",
                  "body_html", "body_text", notes, "gorgias")
    assert notes == []
    rich_or_plain("<p>Write to help@example.com or reply.</p>", "Write to us or reply.", "body_html", "body_text",
                  notes, "gorgias")
    assert len(notes) == 1  # (a real difference is still told)


def test_markdown_bodies_drop_underscore_bold_as_asterisk_bold(tmp_path: Path) -> None:
    path = tmp_path / "replies.csv"
    path.write_text('title,body\nLate,"Your order is **late**, and it ships __today__ with snake_case kept."\n',
                    encoding="utf-8")
    (macro,) = import_library(path, "csv", bodies="markdown").macros
    assert macro.raw.body == "Your order is late, and it ships today with snake_case kept."


def _front_template(ident: str, owner: str | None) -> dict[str, object]:
    api = "https://acme.api.frontapp.com"
    return {"_links": {"self": f"{api}/message_templates/{ident}",
                       "related": {"owner": f"{api}/{owner}" if owner else None, "parent_folder": None}},
            "id": ident, "name": "Lost parcel", "subject": None,
            "body": "<p>I'm so sorry your parcel is lost. I've sent a new one by express today.</p>",
            "attachments": [], "is_available_for_all_inboxes": True, "inbox_ids": None}


def _clash_notes(tmp_path: Path, owners: list[str | None]) -> list[str]:
    path = tmp_path / "front.json"
    results = [_front_template(f"rsp_{i}", owner) for i, owner in enumerate(owners)]
    path.write_text(json.dumps({"_pagination": {"next": None}, "_results": results}), encoding="utf-8")
    return [note for macro in import_library(path, "front").macros for note in macro.notes if "SK507" in note]


def test_two_front_teams_may_have_templates_of_one_name(tmp_path: Path) -> None:
    assert _clash_notes(tmp_path, ["teams/tim_a", "teams/tim_b"]) == []  # (as the export's SK507 judges them)
    assert len(_clash_notes(tmp_path, ["teams/tim_a", None])) == 2  # (a shared one may land in team a's workspace)
    assert len(_clash_notes(tmp_path, ["teams/tim_a", "teammates/tea_4"])) == 2  # (its owner may be in team a)
    assert _clash_notes(tmp_path, ["teammates/tea_3", "teammates/tea_4"]) == []
