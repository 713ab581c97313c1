"""Each importer reads its own fixture (written for these tests) into a pack load_pack accepts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit import import_library, load_pack, render_pack
from scriptkit.importers import Library
from scriptkit.importers.dialects import PlaceholderPiece

FIX = Path(__file__).parent / "fixtures" / "imports"


def _texts(library: Library) -> dict[str, str]:
    return {m.title: m.text for m in library.macros}


def _roundtrip_pack(library: Library, tmp_path: Path) -> dict[str, str]:
    """Write the pack, load it back and render: the customer text must not change on the way."""
    pack = load_pack(library.write(tmp_path / "pack"))
    rendered = {m.script_id: m.text for m in render_pack(pack)}
    for macro in library.macros:
        assert rendered[macro.id] == macro.text
    return rendered


def test_zendesk_html_pairs_tags_and_skips(tmp_path: Path) -> None:
    lib = import_library(FIX / "zendesk_macros.json", "zendesk")
    texts = _texts(lib)
    assert list(texts) == ["Orders::Late parcel", "Billing::Refund window", "Internal: escalate"]
    late = texts["Orders::Late parcel"]
    assert late.startswith("Hi {{customer.first_name}},\n\nI can see your parcel is running late")
    assert "order #{{ticket.id}}" in late and late.endswith("{{agent.first_name}}")
    # the Liquid "value or fallback" idiom becomes a placeholder with its fallback
    first = lib.macros[0]
    fallbacks = [p for slot in first.slots.values() for p in slot if getattr(p, "name", "") == "customer.first_name"]
    assert fallbacks[0].fallback == "there"  # type: ignore[union-attr]
    assert first.raw.tags == ["orders", "late_parcel"]
    assert texts["Billing::Refund window"].startswith("Thanks for asking, {{customer.full_name}}.")
    assert [s.item for s in lib.skipped] == ["macro 9003 'Set to pending'"]
    assert lib.macros[2].raw.internal and any("internal note" in n for n in lib.macros[2].notes)
    _roundtrip_pack(lib, tmp_path)
    script = (tmp_path / "pack" / "scripts" / "orders-late-parcel.yaml").read_text()
    assert "tags: [orders, late_parcel]" in script
    assert "guidance: Use when the tracking page has not moved for three days." in script
    assert '{{ customer.first_name | fallback("there") }}' in script


def test_freshdesk_html_and_raw_escapes(tmp_path: Path) -> None:
    lib = import_library(FIX / "freshdesk_canned.json", "freshdesk")
    texts = _texts(lib)
    reset = texts["Password reset link"]
    assert reset.startswith("Hello {{customer.first_name}},\n\nI'm sorry the reset link did not reach you — that")
    assert "{{customer.email}}" in reset and reset.endswith("{{agent.full_name}}, {{brand.name}}")
    # {% raw %} blocks are literal text, and stay literal through the pack
    assert texts["Escaped braces"] == "Type {{name}} in the template field, then press Save."
    rendered = _roundtrip_pack(lib, tmp_path)
    assert rendered["escaped-braces"] == "Type {{name}} in the template field, then press Save."


def test_helpscout_fallback_and_chat_version(tmp_path: Path) -> None:
    lib = import_library(FIX / "helpscout_saved_replies.json", "helpscout")
    first, chat_only = lib.macros
    assert first.text.startswith("Hi {{customer.first_name}},\n\nI know a wrong address is worrying")
    assert "order {{ticket.id}}" in first.text
    assert first.alternatives and first.alternatives[0][0] == "Chat version"
    assert chat_only.text == "Hi there! I'm {{agent.first_name}} and I'll look into this with you now."
    _roundtrip_pack(lib, tmp_path)
    script = (tmp_path / "pack" / "scripts" / "shipping-address-change.yaml").read_text()
    assert "label: Chat version" in script


def test_intercom_body_text_and_attribute_html(tmp_path: Path) -> None:
    lib = import_library(FIX / "intercom_macros.json", "intercom")
    declined, html_only = lib.macros
    assert declined.text.splitlines()[0] == "Hi {{customer.first_name}},"
    # a custom attribute of Intercom's is kept as the pack's own placeholder, with its default
    assert html_only.text.startswith("Hello {{customer.full_name}},\n\nYour plan renews on "
                                     "{{intercom.user_custom_attributes_renewal_date}}.")
    (own,) = [p for p in html_only.pieces if isinstance(p, PlaceholderPiece) and p.field]
    assert (own.field, own.fallback) == ("user.custom_attributes.renewal_date", "your renewal date")
    _roundtrip_pack(lib, tmp_path)


def test_gorgias_prefers_body_html_and_names_a_different_body_text(tmp_path: Path) -> None:
    lib = import_library(FIX / "gorgias_macros.json", "gorgias")
    (macro,) = lib.macros
    # the HTML keeps what the plain text can lose (a link's address); a body_text that says more is named
    assert macro.text == "Hi {{customer.first_name}},\n\nSwapping sizes is easy."
    assert any("'body_text') say different things" in n for n in macro.notes)
    assert macro.raw.tags == ["exchange", "sizing"]
    assert [s.item for s in lib.skipped] == ["macro 802 'Close only'"]
    _roundtrip_pack(lib, tmp_path)


def test_front_templates(tmp_path: Path) -> None:
    lib = import_library(FIX / "front_templates.json", "front")
    (macro,) = lib.macros
    assert macro.title == "Subscription paused"
    assert macro.text.startswith("Hi {{customer.first_name}},\n\nI understand money is tight")
    assert macro.text.endswith("{{agent.first_name}}")
    _roundtrip_pack(lib, tmp_path)


def test_csv_with_mapping_and_where(tmp_path: Path) -> None:
    lib = import_library(FIX / "library.csv", "csv", mapping={"title": "Name", "body": "Text", "tags": "Labels"},
                         where={"Direction": "out"})
    assert [m.title for m in lib.macros] == ["Delayed reply", "Voucher"]
    delayed, voucher = lib.macros
    assert delayed.text.startswith("Hi [[customer_name]],\n\nSorry for the slow reply.")
    assert voucher.text == "Hello [[name]], your voucher code is [[code]] and it is valid for 14 days."
    assert voucher.raw.tags == ["billing", "promo"]
    assert delayed.raw.location.line == 2 and voucher.raw.location.line == 6
    _roundtrip_pack(lib, tmp_path)


def test_jsonl_with_mapping(tmp_path: Path) -> None:
    lib = import_library(FIX / "library.jsonl", "jsonl", mapping={"title": "heading"})
    assert [m.raw.key for m in lib.macros] == ["k1", "k2", "k3"]
    assert lib.macros[0].text.startswith("Welcome back, [[author]]!")
    assert lib.macros[0].blanks["author"].original == "{{ author }}"
    _roundtrip_pack(lib, tmp_path)


def test_markdown_quotes_become_replies_and_notes_guidance(tmp_path: Path) -> None:
    lib = import_library(FIX / "library.md", "markdown")
    assert [m.title for m in lib.macros] == ["Broken item on arrival", "Thanks for the kind words — Short",
                                             "Thanks for the kind words — Longer"]
    broken = lib.macros[0]
    assert broken.text.startswith("Hi [[customer_name]],\n\nI'm so sorry it arrived broken")
    assert broken.raw.guidance.startswith("Use when: the customer sends a photo")
    assert [m.raw.location.line for m in lib.macros] == [7, 18, 21]
    assert lib.macros[2].text == ("Thank you so much for taking the time to tell us.\n"
                                  "The whole team will see your message today.")
    # a section without a quoted reply, in a file that quotes them, is notes: skipped by name
    assert [(s.item, s.skipped) for s in lib.skipped] == [("section 'Notes on tone'", True)]
    _roundtrip_pack(lib, tmp_path)


def test_markdown_dash_headings(tmp_path: Path) -> None:
    lib = import_library(FIX / "library-dashes.md")
    assert [m.title for m in lib.macros] == ["NOT A BUG", "LOST PASSWORD"]
    assert [m.raw.location.line for m in lib.macros] == [4, 8]
    assert lib.macros[1].text.startswith("I've reset your password.")
    _roundtrip_pack(lib, tmp_path)


def test_javascript_arrays_are_read_not_run(tmp_path: Path) -> None:
    lib = import_library(FIX / "library.js", "js")
    assert [m.title for m in lib.macros] == ["Opening", "Closing"]
    assert lib.macros[0].text == "Dear [[first_name]],\n\nthank you for your message."
    _roundtrip_pack(lib, tmp_path)


def test_yaml_list_under_a_key(tmp_path: Path) -> None:
    lib = import_library(FIX / "library.yaml")  # format guessed from the suffix
    assert lib.format == "yaml"
    checking, duplicate = lib.macros
    assert checking.text.startswith("Hi @[[author]]!")
    assert "#[[insert_issue_number]]" in duplicate.text
    assert checking.raw.location.line == 2
    _roundtrip_pack(lib, tmp_path)


def test_script_ids_are_slugged_and_unique(tmp_path: Path) -> None:
    data = tmp_path / "dupes.jsonl"
    data.write_text('{"title": "Refund: Status!", "body": "One."}\n{"title": "Refund status", "body": "Two."}\n'
                    '{"title": "Возврат", "body": "Three."}\n', encoding="utf-8")
    lib = import_library(data, "jsonl")
    assert [m.id for m in lib.macros] == ["refund-status", "refund-status-2", "macro"]


def test_slots_follow_reading_order_and_comment_states_the_guess(tmp_path: Path) -> None:
    data = tmp_path / "one.jsonl"
    body = ("Hi {{customer.first_name}},\\n\\nI can see how stressful a double charge is, and I understand why you "
            "are worried.\\n\\nI've refunded the second charge today and you'll see it within 3 business days.")
    data.write_text('{"title": "Double charge", "body": "' + body + '"}\n', encoding="utf-8")
    lib = import_library(data, "jsonl")
    macro = lib.macros[0]
    assert [s for s in ("acknowledgment", "warm_language", "solution") if macro.slots[s]] == \
        ["acknowledgment", "solution"]
    assert any(g.slot == "acknowledgment" for g in macro.guesses)
    pack = lib.write(tmp_path / "pack")
    script = (pack / "scripts" / "double-charge.yaml").read_text()
    assert "# Slots guessed sentence by sentence" in script
    assert "#   other 0.90" in script  # the greeting: no practice, kept in its place
    loaded = load_pack(pack)
    assert loaded.scripts[0].solution.startswith("I've refunded the second charge today")  # type: ignore[union-attr]


@pytest.mark.parametrize("text", ["{{", "{%", "{#", "{", "a {{{ b", "{{ '{' }}", "}} {{%"])
def test_literal_braces_survive_the_pack(tmp_path: Path, text: str) -> None:
    data = tmp_path / "braces.jsonl"
    data.write_text(json.dumps({"title": "Braces", "body": f"Type {text} exactly. Then save."}) + "\n",
                    encoding="utf-8")
    lib = import_library(data, "jsonl")
    assert text in lib.macros[0].text
    pack = load_pack(lib.write(tmp_path / "pack"))
    (message,) = render_pack(pack)
    assert message.text == lib.macros[0].text


def test_imported_macro_as_message() -> None:
    lib = import_library(FIX / "zendesk_macros.json", "zendesk")
    macro = lib.macros[0]
    message = macro.message()
    assert message.text == macro.text
    assert {s.slot for s in message.segments} <= {"acknowledgment", "warm_language", "solution", "layout"}


def test_invisible_characters_are_removed_and_noted(tmp_path: Path) -> None:
    data = tmp_path / "odd.jsonl"
    body = "I\u200b have\ue000 fixed\x07 it today.\r\nThanks!\ufeff"
    data.write_text(json.dumps({"title": "Odd", "body": body}) + "\n", encoding="utf-8")
    lib = import_library(data, "jsonl")
    macro = lib.macros[0]
    assert macro.text == "I\u200b have fixed it today.\nThanks!"
    assert any("removed 3 invisible control character(s)" in note for note in macro.notes)
    (message,) = render_pack(load_pack(lib.write(tmp_path / "pack")))
    assert message.text == macro.text


def test_longest_allowed_body_still_loads(tmp_path: Path) -> None:
    data = tmp_path / "long.jsonl"
    body = "\n\n".join(["I have checked your order and it ships today. {{ '{' }} " * 40] * 16)[:40_000]
    data.write_text(json.dumps({"title": "Long", "body": body}) + "\n", encoding="utf-8")
    lib = import_library(data, "jsonl")
    (message,) = render_pack(load_pack(lib.write(tmp_path / "pack")))
    assert message.text == lib.macros[0].text


def test_csv_semicolons_and_unusual_line_separators(tmp_path: Path) -> None:
    data = tmp_path / "replies.csv"
    data.write_text('title;body\nFirst;"Hi, thanks; I fixed it\u2028today, really."\nSecond;"Done, sent."\n',
                    encoding="utf-8")
    lib = import_library(data)
    assert [(m.title, m.text) for m in lib.macros] == [("First", "Hi, thanks; I fixed it\u2028today, really."),
                                                      ("Second", "Done, sent.")]


def test_control_characters_in_titles_guidance_and_tags(tmp_path: Path) -> None:
    data = tmp_path / "odd.jsonl"
    row = {"title": "Bad\ue001 title\nhere", "body": "I fixed it today.", "notes": "Use\x00 when {{ needed }}",
           "tags": "a\ue002b, c"}
    data.write_text(json.dumps(row) + "\n", encoding="utf-8")
    lib = import_library(data, "jsonl", mapping={"guidance": "notes"})
    pack = load_pack(lib.write(tmp_path / "pack"))
    script = pack.scripts[0]
    assert (script.title, script.tags) == ("Bad title here", ["ab", "c"])
    assert script.flexibility is not None and script.flexibility.guidance is not None
    (message,) = render_pack(pack)
    assert message.notes[0].text == "Use when {{ needed }}"


@pytest.mark.parametrize(("fmt", "export"), [
    ("front", {"_results": [{"id": "rsp_9", "name": "Thanks", "body": "Thanks {{recipient.name}} &amp; team!\n"
                             "We&#39;ll write again &mdash; soon."}]}),
    ("helpscout", [{"id": 9, "name": "Thanks", "text": "Thanks {%customer.fullName%} &amp; team!\n"
                    "We&#39;ll write again &mdash; soon.", "chatText": "Tom &amp; Jerry, plain chat"}]),
])
def test_an_html_field_without_tags_is_still_html_escaped(tmp_path: Path, fmt: str, export: object) -> None:
    """Front's body and Help Scout's text are HTML even when they hold no tag: '&amp;' is an '&'
    the customer sees (kept as '&amp;', it was escaped again on export and shown as '&amp;')."""
    file = tmp_path / "export.json"
    file.write_text(json.dumps(export), encoding="utf-8")
    (macro,) = import_library(file, fmt).macros
    assert macro.text == "Thanks {{customer.full_name}} & team!\nWe'll write again — soon."
    if fmt == "helpscout":  # the chat version is plain text: nothing in it is an entity
        assert "Tom &amp; Jerry" in "".join(getattr(p, "text", "") for p in macro.alternatives[0][1])


_SORRY = "I'm sorry the parcel is late. I have sent a new one today; it arrives within 3 days."


def _exported(library: Library, tmp_path: Path, target: str, bundle: str) -> list[dict[str, object]]:
    from scriptkit import export

    pack = library.write(tmp_path / "pack")
    export(pack, [target], tmp_path / "out", force=True, lint=False)
    items = json.loads((tmp_path / "out" / target / bundle).read_text(encoding="utf-8"))
    return next(iter(items.values())) if isinstance(items, dict) else items  # type: ignore[no-any-return]


def test_zendesk_settings_the_pack_keeps_and_content_it_cannot_hold(tmp_path: Path) -> None:
    """An inactive or group-only macro comes back inactive and group-only; its attachments and
    inline images, which a pack cannot hold, are named instead of dropped without a word."""
    file = tmp_path / "macros.json"
    file.write_text(json.dumps({"macros": [
        {"id": 7, "title": "Late parcel", "active": False, "restriction": {"type": "Group", "id": 12, "ids": [12]},
         "attachments": [9001, 9002], "actions": [{"field": "comment_value_html", "value":
             f"<p>{_SORRY}</p><p><img src=\"https://acme.zendesk.com/attachments/token/t/?name=label.png\" "
             "alt=\"return label\"></p>"}]},
        {"id": 8, "title": "Open to all", "active": True, "restriction": None,
         "actions": [{"field": "comment_value", "value": _SORRY}]},
    ]}), encoding="utf-8")
    late, everyone = import_library(file, "zendesk").macros
    notes = " | ".join(late.notes)
    assert "inactive" in notes and "group 12" in notes
    assert "2 attachment(s)" in notes and "9001" in notes
    assert "inline image" in notes and "return label" in notes
    assert everyone.notes == []
    from click.testing import CliRunner

    from scriptkit.cli import main

    shown = CliRunner().invoke(main, ["import", str(file), "--from", "zendesk", "--out", str(tmp_path / "cli")])
    assert shown.exit_code == 0, shown.output
    assert "late-parcel: 2 attachment(s) in Zendesk (9001, 9002) are not in the pack" in shown.output
    assert "late-parcel: 1 inline image(s) (return label) are not in the pack" in shown.output
    exported = {m["title"]: m for m in _exported(import_library(file, "zendesk"), tmp_path, "zendesk", "macros.json")}
    assert exported["Late parcel"]["active"] is False
    assert exported["Late parcel"]["restriction"] == {"type": "Group", "ids": [12]}
    assert exported["Open to all"]["active"] is True and "restriction" not in exported["Open to all"]


def test_freshdesk_front_gorgias_intercom_settings_and_content_it_cannot_hold(tmp_path: Path) -> None:
    freshdesk = tmp_path / "canned.json"
    freshdesk.write_text(json.dumps([
        {"id": 1, "title": "VIP late parcel", "folder_id": 40, "visibility": 2, "group_ids": [11, 12],
         "content_html": f"<p>{_SORRY}</p>",
         "attachments": [{"id": 77, "name": "returns-label.pdf", "content_type": "application/pdf"}]},
    ]), encoding="utf-8")
    (macro,) = import_library(freshdesk, "freshdesk").macros
    assert any("returns-label.pdf" in n for n in macro.notes)
    (response,) = _exported(import_library(freshdesk, "freshdesk"), tmp_path / "fd", "freshdesk",
                            "canned_responses.json")
    assert (response["visibility"], response["folder_id"], response["group_ids"]) == (2, 40, [11, 12])

    front = tmp_path / "front.json"
    front.write_text(json.dumps({"_results": [
        {"id": "rsp_1", "name": "Late parcel", "subject": "Your parcel", "body": f"<p>{_SORRY}</p>",
         "inbox_ids": ["inb_3"], "attachments": [{"id": "fil_1", "filename": "guide.pdf"}]}]}), encoding="utf-8")
    (macro,) = import_library(front, "front").macros
    assert any("guide.pdf" in n for n in macro.notes)
    (template,) = _exported(import_library(front, "front"), tmp_path / "fr", "front", "message_templates.json")
    assert (template["subject"], template["inbox_ids"]) == ("Your parcel", ["inb_3"])

    gorgias = tmp_path / "gorgias.json"
    gorgias.write_text(json.dumps({"data": [
        {"id": 5, "name": "Old label", "archived_datetime": "2024-01-01T00:00:00", "actions": [
            {"name": "addAttachments", "arguments": {"attachments": [{"name": "label.pdf", "url": "https://x/l"}]}},
            {"name": "setResponseText", "arguments": {"body_text": _SORRY}}]}]}), encoding="utf-8")
    notes = " | ".join(import_library(gorgias, "gorgias").macros[0].notes)
    assert "archived" in notes and "label.pdf" in notes

    intercom = tmp_path / "intercom.json"
    intercom.write_text(json.dumps({"type": "list", "data": [
        {"type": "macro", "id": "3", "name": "Team only", "body_text": _SORRY, "visible_to": "specific_teams",
         "visible_to_team_ids": ["55"]}]}), encoding="utf-8")
    assert any("team(s) 55" in n for n in import_library(intercom, "intercom").macros[0].notes)


def test_an_id_given_twice_is_named_on_both_macros(tmp_path: Path) -> None:
    """Two items with one id (pages joined with an overlap, a hand-edited export) are both kept, and
    each says where the other is, so merging them is a choice, not an accident."""
    file = tmp_path / "canned.json"
    file.write_text(json.dumps([
        {"id": 5003, "title": "Personal", "content_html": f"<p>{_SORRY}</p>"},
        {"id": 5004, "title": "Other", "content_html": f"<p>{_SORRY}</p>"},
        {"id": 5003, "title": "Personal (copy)", "content_html": f"<p>{_SORRY}</p>"},
    ], indent=1), encoding="utf-8")
    first, other, copy = import_library(file, "freshdesk").macros
    assert any("id 5003" in n and "'Personal (copy)'" in n and f"{file}:" in n for n in first.about)
    assert any("id 5003" in n and "'Personal'" in n for n in copy.about)
    assert other.about == []


def test_items_sharing_a_title_are_each_located_at_their_own(tmp_path: Path) -> None:
    # the second 'Refund' was placed at the first one's title (the search began at the file's start
    # for every item, which also made a large export slow to read)
    export = tmp_path / "macros.json"
    export.write_text(
        '{"macros": [\n'
        '  {"id": 1, "title": "Refund", "actions": [{"field": "comment_value", "value": "I\'ve refunded you."}]},\n'
        '  {"id": 2, "title": "Refund", "actions": [{"field": "comment_value", "value": "I\'ve sent it today."}]},\n'
        '  {"id": 3, "title": "Late", "actions": [{"field": "comment_value", "value": "Refund is on its way."}]}\n'
        ']}\n', encoding="utf-8")
    library = import_library(export, "zendesk")
    assert [(m.raw.location.line, m.raw.location.col) for m in library.macros] == [(2, 23), (3, 23), (4, 23)]


def test_the_status_a_macro_sets_comes_back_when_exported_to_its_helpdesk(tmp_path: Path) -> None:
    """A macro that sets the ticket to pending (or closes it) did so again only by hand: the import
    dropped the status action, so the same export posted macros that left tickets open."""
    zendesk = tmp_path / "macros.json"
    zendesk.write_text(json.dumps({"macros": [
        {"id": 1, "title": "Waiting on courier", "actions": [
            {"field": "comment_value", "value": _SORRY}, {"field": "status", "value": "pending"}]},
        {"id": 2, "title": "Odd status", "actions": [
            {"field": "comment_value", "value": _SORRY}, {"field": "status", "value": "closed"}]}]}), encoding="utf-8")
    library = import_library(zendesk, "zendesk")
    assert any("sets the ticket status 'closed'" in n for n in library.macros[1].notes)
    exported = {m["title"]: m for m in _exported(library, tmp_path / "z", "zendesk", "macros.json")}
    assert {"field": "status", "value": "pending"} in exported["Waiting on courier"]["actions"]
    assert all(a["field"] != "status" for a in exported["Odd status"]["actions"])
    gorgias = tmp_path / "gorgias.json"
    gorgias.write_text(json.dumps({"data": [{"id": 3, "name": "Thanks, closing", "intent": "other/thanks", "actions": [
        {"name": "setResponseText", "type": "user", "arguments": {"body_text": _SORRY}},
        {"name": "setStatus", "type": "user", "arguments": {"status": "closed"}}]}]}), encoding="utf-8")
    (macro,) = _exported(import_library(gorgias, "gorgias"), tmp_path / "g", "gorgias", "macros.json")
    assert macro["intent"] == "other/thanks"
    assert {"name": "setStatus", "title": "Set status", "type": "user", "arguments": {"status": "closed"}} \
        in macro["actions"]


def test_a_csv_guidance_column_is_the_scripts_guidance(tmp_path: Path) -> None:
    """scriptkit's own CSV export (and many a team sheet) names the agent notes 'guidance': they were dropped."""
    sheet = tmp_path / "scripts.csv"
    sheet.write_text("script_id,name,text,guidance\nparcel-late,Parcel late,\"I'm sorry it's late. I've chased the "
                     "courier today.\",Check the tracking page before you reply.\n", encoding="utf-8")
    library = import_library(sheet)
    (macro,) = library.macros
    assert macro.raw.guidance == "Check the tracking page before you reply."
    assert macro.raw.key == "parcel-late"


def test_macros_sharing_a_title_are_both_imported_and_each_names_the_other(tmp_path: Path) -> None:
    """A helpdesk may hold two macros of one title; the export refuses that (SK507): say so at import."""
    export = tmp_path / "macros.json"
    export.write_text(json.dumps({"macros": [
        {"id": 11, "title": "Refund", "actions": [{"field": "comment_value", "value": "I've refunded it today."}]},
        {"id": 12, "title": "Refund", "actions": [{"field": "comment_value", "value": "I've sent the refund."}]},
        {"id": 13, "title": "Late", "actions": [{"field": "comment_value", "value": "I've chased it today."}]},
    ]}, indent=1), encoding="utf-8")
    first, second, third = import_library(export, "zendesk").macros
    assert [m.id for m in (first, second)] == ["refund", "refund-2"]
    assert any("12 'Refund'" in note and "SK507" in note for note in first.about)
    assert any("11 'Refund'" in note and "SK507" in note for note in second.about)
    assert not any("SK507" in note for note in third.about)


def test_a_freshdesk_reply_for_groups_that_names_none_says_it_comes_back_personal(tmp_path: Path) -> None:
    export = tmp_path / "canned.json"
    export.write_text(json.dumps([{"id": 4, "title": "Groups", "content_html": "<p>I've fixed it today.</p>",
                                   "visibility": 2}]), encoding="utf-8")
    (macro,) = import_library(export, "freshdesk").macros
    assert macro.raw.settings.get("visibility") == "personal"  # (as the note says; unset, a folder made it shared)
    assert any("selected groups" in note and "names none" in note for note in macro.about)


def test_the_pack_name_from_a_folder_name_has_single_spaces(tmp_path: Path) -> None:
    export = tmp_path / "macros.json"
    export.write_text(json.dumps([{"id": 1, "title": "Late", "actions": [
        {"field": "comment_value", "value": "I've chased the courier today."}]}]), encoding="utf-8")
    pack = import_library(export, "zendesk").write(tmp_path / "acme__support-_macros")
    assert load_pack(pack).meta.name == "Acme Support Macros"
