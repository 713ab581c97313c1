"""Import fidelity found by a support lead's review: a null field read as absent, an Intercom list response
without bodies named once with its fix, settings that come back as they were, and Liquid read in linear time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit import export, import_library, load_pack
from scriptkit.importers.dialects import parse_body


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_null_comment_value_html_beside_the_text_is_no_html(tmp_path: Path) -> None:
    source = _write(tmp_path / "zendesk.json", {"macros": [{"id": 7, "title": "Exchange", "actions": [
        {"field": "comment_value", "value": "I've booked the exchange today; the new size reaches you in 4 days."},
        {"field": "comment_value_html", "value": None}]}]})
    library = import_library(source, "zendesk")
    assert library.problems == []
    assert [m.title for m in library.macros] == ["Exchange"]
    assert "booked the exchange" in library.macros[0].raw.body


def _intercom(count: int) -> dict[str, object]:
    return {"type": "list", "data": [
        {"type": "macro", "id": str(n), "name": f"Reply {n}", "body": None, "body_text": None,
         "visible_to": "everyone"} for n in range(count)]}


def test_an_intercom_list_without_bodies_is_one_error_that_names_the_fix(tmp_path: Path) -> None:
    library = import_library(_write(tmp_path / "intercom.json", _intercom(32)), "intercom")
    assert len(library.problems) == 1
    message = str(library.problems[0])
    assert "32 macros" in message and "GET /macros/{id}" in message and "'Reply 0'" in message
    assert str(library.problems[0].location).startswith(str(tmp_path / "intercom.json"))


def test_one_intercom_macro_without_a_body_says_how_to_fetch_it(tmp_path: Path) -> None:
    data = _intercom(1)
    data["data"].append({"type": "macro", "id": "9", "name": "Kept", "body": "<p>I've refunded it today.</p>"})  # type: ignore[attr-defined]
    library = import_library(_write(tmp_path / "intercom.json", data), "intercom")
    assert [m.title for m in library.macros] == ["Kept"]
    assert len(library.problems) == 1 and "GET /macros/{id}" in library.problems[0].message


def test_a_zendesk_description_comes_back_as_it_was(tmp_path: Path) -> None:
    source = _write(tmp_path / "zendesk.json", {"macros": [{
        "id": 2, "title": "Billing::Refund", "description": "Use when the refund shows as paid in the ledger",
        "actions": [{"field": "comment_value", "value": "I've refunded the double charge today; it is back "
                                                         "on your card within 5 days."}]}]})
    pack = import_library(source, "zendesk").write(tmp_path / "pack")
    export(pack, ["zendesk"], tmp_path / "out", lint=False)
    macro = json.loads((tmp_path / "out/zendesk/macros.json").read_text(encoding="utf-8"))["macros"][0]
    assert macro["description"] == "Use when the refund shows as paid in the ledger"


def test_a_gorgias_macro_without_a_language_is_exported_without_one(tmp_path: Path) -> None:
    source = _write(tmp_path / "gorgias.json", [{"id": 5, "name": "Closing", "language": None, "actions": [
        {"name": "setResponseText", "type": "user", "arguments": {
            "body_html": "<p>Merci, I'll close the ticket now.</p>",
            "body_text": "Merci, I'll close the ticket now."}}]}])
    library = import_library(source, "gorgias")
    assert any("null" in note for note in library.macros[0].notes)
    pack = library.write(tmp_path / "pack")
    assert load_pack(pack).scripts[0].export["gorgias"] == {"id": 5, "language": None}
    export(pack, ["gorgias"], tmp_path / "out", lint=False)
    macro = json.loads((tmp_path / "out/gorgias/macros.json").read_text(encoding="utf-8"))["macros"][0]
    assert macro["language"] is None


@pytest.mark.timeout(60)
@pytest.mark.parametrize("body", [
    "{% raw %}" * 12000,  # openings with no closing tag: each looked for the end from itself
    "{% if ready %}x" * 8000,  # blocks with no end: each looked for its end tag
    "Hi {%" + "x" * 50000,  # a '{%' with no '%}': its word was split at every point
])
def test_liquid_is_read_in_linear_time(body: str) -> None:
    pieces = parse_body(body, "zendesk", "Zendesk")
    assert pieces


def test_liquid_blocks_and_raw_text_read_as_before() -> None:
    pieces = parse_body("A {% raw %}{{ x }}{% endraw %} B {% if a %}{% if b %}1{% endif %}{% endif %} C "
                        "{% raw %} D", "zendesk", "Zendesk")
    texts = [getattr(p, "text", None) or getattr(p, "original", "") for p in pieces]
    assert "{{ x }}" in "".join(texts)
    assert "{% if a %}{% if b %}1{% endif %}{% endif %}" in texts
    assert "{% raw %}" in texts


def _quick_text(tmp_path: Path) -> Path:
    return _write(tmp_path / "quick_text.json", {"totalSize": 2, "done": True, "records": [
        {"attributes": {"type": "QuickText"}, "Id": "0Q1", "Name": "Parcel late",
         "Message": "Hi {!Contact.FirstName}, I'm sorry the parcel is late. I've chased the courier today; it "
                    "reaches you within 2 days.", "Category": "Shipping", "Channel": "Email;Chat"},
        {"attributes": {"type": "QuickText"}, "Id": "0Q2", "Name": "Case number",
         "Message": "Your case {!Case.CaseNumber} is open. I'll update you by Friday.", "Channel": "Messaging"}]})


def test_a_quick_text_for_email_and_chat_is_one_script_and_one_record_again(tmp_path: Path) -> None:
    library = import_library(_quick_text(tmp_path))
    late = next(m for m in library.macros if m.title == "Parcel late")
    assert not any("add 'chat'" in note for note in late.notes)
    pack = library.write(tmp_path / "pack")
    assert {s.title: list(s.channels) for s in load_pack(pack).scripts} == \
        {"Parcel late": ["email", "chat"], "Case number": ["sms"]}
    export(pack, ["salesforce"], tmp_path / "out", lint=False)
    records = json.loads((tmp_path / "out/salesforce/quick_text_update.json").read_text(encoding="utf-8"))["records"]
    assert sorted((r["Name"], r["Channel"]) for r in records) == [("Case number", "Messaging"),
                                                                  ("Parcel late", "Email;Chat")]
