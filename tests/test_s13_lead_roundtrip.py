"""A support lead's library, as each helpdesk exports it, imported and exported back to that
helpdesk: what the export held besides the reply's text is kept where a pack can hold it, and
named where it cannot (a macro's other actions, an internal note, a folder, a private template)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from scriptkit.cli import main


def _write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    return path


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _round_trip(tmp_path: Path, export: Path, target: str, bundle: str) -> tuple[Result, Any]:
    """``scriptkit import`` (no --from), then ``scriptkit export --to target``: the import's result
    and the exported bundle."""
    imported = _run("import", str(export), "-o", str(tmp_path / "pack"))
    assert imported.exit_code == 0, imported.output
    exported = _run("export", str(tmp_path / "pack"), "--to", target, "-o", str(tmp_path / "out"), "--force")
    assert exported.exit_code == 0, exported.output
    return imported, json.loads((tmp_path / "out" / target / bundle).read_text(encoding="utf-8"))


FRESHDESK = [
    {"id": 80003, "title": "Invoice copy", "folder_id": 14, "visibility": 2, "group_ids": [501, 502],
     "content_html": "<p>Hello {{ticket.requester.firstname}},</p><p>Here is a copy of your invoice. You can "
                     "download every invoice from <b>Account &gt; Billing</b> too.</p><p>{{ticket.agent.name}}</p>",
     "attachments": [{"id": 7001, "name": "invoice.pdf", "content_type": "application/pdf", "size": 4021}]},
    {"id": 80004, "title": "My sign-off", "folder_id": None, "visibility": 1,
     "content_html": "<p>Thanks again for your patience, and have a good day!</p><p>Lena</p>"},
]
HELPSCOUT = {"_embedded": {"saved-replies": [
    {"id": 501, "name": "Trial started", "text": "<p>Hi {%customer.firstName,fallback=there%},</p><p>Your 14-day "
     "trial is live, and I've added sample projects so you can look around today.</p><p>{%user.firstName%}</p>",
     "chatText": "Hi {%customer.firstName,fallback=there%}! Your 14-day trial is live."},
    {"id": 502, "name": "Card declined", "text": "<p>Hi {%customer.firstName,fallback=%},</p><p>I'm sorry your card "
     "was declined. Update it under Settings and I'll retry the payment straight away.</p>"}]},
    "page": {"size": 50, "totalElements": 2, "totalPages": 1, "number": 1}}
INTERCOM = {"type": "list", "data": [
    {"type": "macro", "id": "1002", "name": "Refund started",
     "body": "<p>Hi <attribute key=\"user.first_name\" default=\"there\"/>, I've started your refund now.</p>",
     "body_text": "Hi {{user.first_name|fallback:\"there\"}}, I've started your refund now. It shows on your card "
                  "within 5 business days.", "visible_to": "specific_teams", "visible_to_team_ids": ["814"],
     "available_on": ["inbox"]}],
    "pages": {"type": "pages", "next": None, "page": 1, "per_page": 50, "total_pages": 1}}
FRONT_LINK = "https://acme.api.frontapp.com"
FRONT = {"_pagination": {"next": None}, "_results": [
    {"_links": {"self": f"{FRONT_LINK}/message_templates/rsp_1a",
                "related": {"owner": f"{FRONT_LINK}/teams/tim_9",
                            "parent_folder": f"{FRONT_LINK}/message_template_folders/rsf_77"}},
     "id": "rsp_1a", "name": "Lost parcel", "subject": "Your parcel",
     "body": "<p>Hi {{recipient.first_name}},</p><p>I'm so sorry your parcel has gone missing. I've sent a "
             "replacement by express today.</p><p><img src=\"https://acme.example/fil_9\" alt=\"card.png\"></p>"
             "<p>If you have a moment, tell us how we did: {{survey}}</p>",
     "attachments": [{"id": "fil_9", "filename": "card.png", "content_type": "image/png", "size": 2231,
                      "metadata": {"is_inline": True}}],
     "is_available_for_all_inboxes": False, "inbox_ids": ["inb_5"]},
    {"_links": {"self": f"{FRONT_LINK}/message_templates/rsp_1d",
                "related": {"owner": f"{FRONT_LINK}/teammates/tea_4", "parent_folder": None}},
     "id": "rsp_1d", "name": "Ticket reference", "subject": None,
     "body": "<p>Hi {{recipient.first_name}}, your ticket number is {{conversation.ticket_id}}. I'll update you "
             "on it by tomorrow.</p>", "attachments": [], "is_available_for_all_inboxes": True, "inbox_ids": None}]}


@pytest.mark.parametrize(("data", "named", "script", "kept"), [
    (FRESHDESK, "a Freshdesk canned responses export", "invoice-copy", "folder_id: 14"),
    (HELPSCOUT, "a Help Scout saved replies export", "trial-started", "Chat version"),
    (INTERCOM, "an Intercom macros export", "refund-started", "channels: [chat]"),
    (FRONT, "a Front message templates export", "lost-parcel", "folder_id: rsf_77"),
])
def test_a_helpdesk_export_is_read_as_that_helpdesk_without_from(
        tmp_path: Path, data: Any, named: str, script: str, kept: str) -> None:
    """Only Zendesk's and Gorgias's shapes were recognised: a Freshdesk, Intercom or Front export
    was read as generic JSON, its folders, visibility, subjects and inboxes dropped without a word
    (and an Intercom export judged as email), and a Help Scout one was 'unexpected shape'."""
    export = _write(tmp_path / "export.json", data)
    result = _run("import", str(export), "-o", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    assert f"{export}:1:1: note: read as {named} (from its shape)" in result.stderr
    assert kept in (tmp_path / "pack" / "scripts" / f"{script}.yaml").read_text(encoding="utf-8")


def test_a_sheet_that_only_shares_a_field_with_a_helpdesk_is_still_generic(tmp_path: Path) -> None:
    export = _write(tmp_path / "replies.json", [{"title": "Late parcel", "content_html": "<p>I've chased it.</p>"},
                                                {"name": "Refund", "body": "I've refunded it today."}])
    result = _run("import", str(export), "-o", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    assert "read as" not in result.stderr


def test_zendesk_actions_a_pack_cannot_hold_are_named_for_each_macro(tmp_path: Path) -> None:
    """A macro that also set the priority, the group or a custom field, or replaced the ticket's
    tags, came back without it and nothing said so."""
    export = _write(tmp_path / "macros.json", {"macros": [
        {"id": 360012, "title": "Shipping::Customs hold", "active": True, "actions": [
            {"field": "comment_value", "value": "Hello {{ticket.requester.first_name}},\n\nYour order is clearing "
                                                "customs. I'll send the tracking link once it is released."},
            {"field": "set_tags", "value": "customs international"},
            {"field": "priority", "value": "high"},
            {"field": "group_id", "value": "2040"},
            {"field": "custom_fields_360009998877", "value": "needs_info"},
            {"field": "status", "value": "pending"}]}], "next_page": None, "count": 1})
    imported, bundle = _round_trip(tmp_path, export, "zendesk", "macros.json")
    assert ("shipping-customs-hold: its other action(s) in Zendesk (priority 'high', group_id '2040', "
            "custom_fields_360009998877 'needs_info') are not in the pack") in imported.stderr
    assert "replaces the ticket's tags with 'customs international' in Zendesk (set_tags)" in imported.stderr
    script = (tmp_path / "pack" / "scripts" / "shipping-customs-hold.yaml").read_text(encoding="utf-8")
    assert "# Note: its other action(s) in Zendesk (priority 'high'" in script
    [macro] = bundle["macros"]
    actions = {a["field"]: a["value"] for a in macro["actions"]}
    # (the other actions, and set_tags, are carried: the 'actions' and 'replace_tags' settings)
    assert actions["status"] == "pending" and actions["set_tags"] == "customs international"
    assert actions["priority"] == "high" and actions["group_id"] == "2040" and "current_tags" not in actions
    # (written back as the plain text it was: the 'plain_text' setting)
    assert actions["comment_value"].startswith("Hello {{ticket.requester.first_name}},\n\nYour order is clearing")
    assert "comment_value_html" not in actions


def test_a_gorgias_internal_note_is_the_scripts_guidance_and_other_actions_are_named(tmp_path: Path) -> None:
    """addInternalNote's text (a note for the agents) was dropped, and so was every action besides
    the reply, tags and status, without a word; a French macro was exported back as English."""
    export = _write(tmp_path / "gorgias.json", {"data": [
        {"id": 4403, "external_id": None, "name": "Return window closed", "intent": "return/request",
         "language": "fr", "actions": [
             {"name": "setResponseText", "title": "Response text", "type": "user", "arguments": {
                 "body_text": "Bonjour {{ticket.customer.firstname}},\n\nVotre commande a plus de 14 jours : je "
                              "vous propose un avoir.", "body_html": ""}},
             {"name": "addInternalNote", "title": "Add internal note", "type": "user", "arguments": {
                 "body_text": "", "body_html": "<p>Check with a lead before any credit over $100.</p>"}},
             {"name": "setPriority", "title": "Set priority", "type": "user", "arguments": {"priority": "high"}},
             {"name": "setStatus", "title": "Set status", "type": "user", "arguments": {"status": "closed"}}]}],
        "meta": {"next_cursor": None}})
    imported, bundle = _round_trip(tmp_path, export, "gorgias", "macros.json")
    script = (tmp_path / "pack" / "scripts" / "return-window-closed.yaml").read_text(encoding="utf-8")
    assert "guidance: Check with a lead before any credit over $100." in script
    assert "its other action(s) in Gorgias (setPriority 'high') are not in the pack" in imported.stderr
    assert "its language in Gorgias is 'fr'" in imported.stderr
    [macro] = bundle["macros"]
    assert macro["intent"] == "return/request"
    assert {a["name"]: a["arguments"] for a in macro["actions"]}["setStatus"] == {"status": "closed"}


def test_a_front_templates_folder_and_survey_come_back(tmp_path: Path) -> None:
    """Front gives a template's folder as a link (_links.related.parent_folder): it was dropped, and
    the export target's folder_id never set. {{survey}}, Front's satisfaction link, came back as a
    [[survey]] fill-in; an inline image was named twice (as an attachment too)."""
    export = _write(tmp_path / "front.json", FRONT)
    # ("Lost parcel" is team tim_9's: its workspace's folder of the export holds it)
    imported, bundle = _round_trip(tmp_path, export, "front", "teams/tim_9/message_templates.json")
    by_name = {t["name"]: t for t in bundle["message_templates"]} if isinstance(bundle, dict) else \
        {t["name"]: t for t in bundle}
    lost = by_name["Lost parcel"]
    assert lost["folder_id"] == "rsf_77" and lost["inbox_ids"] == ["inb_5"] and lost["subject"] == "Your parcel"
    assert "tell us how we did: {{survey}}</p>" in lost["body"]
    assert "lost-parcel: 1 inline image(s) (card.png)" in imported.stderr
    assert "attachment(s) in Front" not in imported.stderr
    assert "ticket-reference: a private template of teammate tea_4 in Front" in imported.stderr
    assert "Ticket reference" not in by_name  # (a teammate's private template: not among the shared ones)
    mine = json.loads((tmp_path / "out/front/teammates/tea_4/message_templates.json").read_text(encoding="utf-8"))
    assert [t["name"] for t in mine["message_templates"]] == ["Ticket reference"]
    assert "{{conversation.ticket_id}}" in mine["message_templates"][0]["body"]


def test_a_salesforce_quick_text_export_keeps_its_merge_fields_category_and_folder(tmp_path: Path) -> None:
    """A Quick Text's own merge fields ({!Asset.Name}, a custom {!Case.Callback_Time__c}) became
    [[asset name]] fill-ins on the way back, and its Category and FolderId were lost."""
    def record(ident: str, name: str, message: str, **more: Any) -> dict[str, Any]:
        return {"attributes": {"type": "QuickText", "url": f"/services/data/v59.0/sobjects/QuickText/{ident}"},
                "Id": ident, "Name": name, "Message": message, "Channel": "Email", "IsInsertable": True, **more}
    export = _write(tmp_path / "quicktext.json", {"totalSize": 2, "done": True, "records": [
        record("0QT1", "Warranty covered", "Hi {!Contact.FirstName},\n\nYour {!Asset.Name} is under warranty "
               "until {!Asset.UsageEndDate}, so I've booked a free repair for Tuesday.\n\n{!User.FirstName}",
               Category="Warranty", FolderId="00l5e000000AbCdAAK"),
        record("0QT2", "Callback booked", "Hi {!Contact.FirstName},\n\nI've booked a call back for "
               "{!Case.Callback_Time__c}. Reply here if you need another time.", Category="General",
               IsInsertable=False, Channel="Email;Chat")]})
    imported, bundle = _round_trip(tmp_path, export, "salesforce", "quick_text_update.json")
    by_name = {r["Name"]: r for r in bundle["records"]}
    covered = by_name["Warranty covered"]
    assert covered["Message"] == ("Hi {!Contact.FirstName},\n\nYour {!Asset.Name} is under warranty until "
                                  "{!Asset.UsageEndDate}, so I've booked a free repair for Tuesday.\n\n"
                                  "{!User.FirstName}")
    assert covered["Category"] == "Warranty" and covered["FolderId"] == "00l5e000000AbCdAAK"
    assert "{!Case.Callback_Time__c}" in by_name["Callback booked"]["Message"]
    assert "{!Asset.Name} -> {{ salesforce.Asset_Name }}" in imported.stderr
    assert f"{export}:1:1: note: read as a Salesforce Quick Text export (from its shape)" in imported.stderr
    assert "callback-booked: not included in its channels in Salesforce (IsInsertable false)" in imported.stderr
    assert "callback-booked: its Channel in Salesforce is 'Email;Chat'" in imported.stderr
    checked = _run("check", str(tmp_path / "pack"), "--fail-on", "error")
    assert checked.exit_code == 0, checked.output


def test_a_table_in_a_reply_keeps_its_rows_and_cells_apart(tmp_path: Path) -> None:
    """A price table's cells ran together ('Express (1-2 days) $12.99', the header 'Country Return
    cost' as one phrase), each row a paragraph of its own, and nothing said the table was gone."""
    export = _write(tmp_path / "canned.json", [
        {"id": 80012, "title": "Shipping rates", "folder_id": 12, "visibility": 0,
         "content_html": "<p>Hi {{ticket.requester.firstname}},</p><p>Thanks for asking! Our rates are:</p>"
                         "<table border=\"1\"><tbody><tr><th>Service</th><th>Price</th></tr>"
                         "<tr><td>Standard (3-5 days)</td><td>$4.99</td></tr>"
                         "<tr><td>Express (1-2 days)</td><td>$12.99</td></tr></tbody></table>"
                         "<p>Cheers,<br>{{ticket.agent.name}}</p>"}])
    imported, bundle = _round_trip(tmp_path, export, "freshdesk", "canned_responses.json")
    script = (tmp_path / "pack" / "scripts" / "shipping-rates.yaml").read_text(encoding="utf-8")
    assert "  Service | Price\n  Standard (3-5 days) | $4.99\n  Express (1-2 days) | $12.99\n" in script
    assert "shipping-rates: its table(s) (3 row(s)) are lines of text, each cell apart by ' | '" in imported.stderr
    [response] = bundle if isinstance(bundle, list) else bundle["canned_responses"]
    assert "<p>Service | Price<br>Standard (3-5 days) | $4.99<br>Express (1-2 days) | $12.99</p>" \
        in response["content_html"]


def test_a_data_loader_csv_of_quick_text_is_read_as_salesforce(tmp_path: Path) -> None:
    """Data Loader writes the API names in capitals: the sheet is Salesforce's all the same."""
    sheet = tmp_path / "extract.csv"
    sheet.write_text("ID,NAME,MESSAGE,CATEGORY,CHANNEL,FOLDERID,ISINSERTABLE\n"
                     "0QT1,Warranty covered,\"Hi {!Contact.FirstName}, your {!Asset.Name} is covered, so I've "
                     "booked a free repair for Tuesday.\",Warranty,Email,00l5e000000AbCd,false\n", encoding="utf-8")
    imported, bundle = _round_trip(tmp_path, sheet, "salesforce", "quick_text_update.json")
    [record] = bundle["records"]
    assert record["Message"] == ("Hi {!Contact.FirstName}, your {!Asset.Name} is covered, so I've booked a free "
                                 "repair for Tuesday.")
    assert record["Category"] == "Warranty" and record["FolderId"] == "00l5e000000AbCd"
    assert "not included in its channels in Salesforce (IsInsertable false)" in imported.stderr


def test_an_empty_gorgias_internal_note_adds_no_guidance(tmp_path: Path) -> None:
    export = _write(tmp_path / "gorgias.json", {"data": [{"id": 1, "name": "Refunded", "actions": [
        {"name": "setResponseText", "type": "user", "arguments": {"body_text": "I've refunded it today.",
                                                                  "body_html": ""}},
        {"name": "addInternalNote", "type": "user", "arguments": {"body_text": "", "body_html": "<p> </p>"}}]}]})
    result = _run("import", str(export), "-o", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    script = (tmp_path / "pack" / "scripts" / "refunded.yaml").read_text(encoding="utf-8")
    assert "guidance" not in script and "internal note" not in result.stderr


def test_a_hand_made_sheet_with_message_and_channel_columns_keeps_its_placeholders(tmp_path: Path) -> None:
    """'message' and 'channel' are common column names: only Salesforce's own columns make a sheet
    Quick Text (whose {!...} merge fields would leave {{...}} as raw braces for the customer)."""
    sheet = tmp_path / "replies.csv"
    sheet.write_text("title,message,channel\nLate parcel,\"Hi {{ticket.requester.first_name}}, I'm sorry the parcel "
                     "is late. I've sent a new one today.\",chat\n", encoding="utf-8")
    result = _run("import", str(sheet), "-o", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    assert "Salesforce" not in result.output
    script = (tmp_path / "pack" / "scripts" / "late-parcel.yaml").read_text(encoding="utf-8")
    assert "{{ customer.first_name" in script and "{{ '{' }}" not in script, script


def test_a_table_used_for_layout_adds_no_cell_marks_and_no_note(tmp_path: Path) -> None:
    """An HTML reply laid out in a table (a logo cell beside the text) kept a lone '|' line that the
    customer would get, and a one-cell table was reported as a table of text."""
    text = ("<p>Hi there,</p><p>I'm so sorry your parcel is late, I know how frustrating that is.</p>"
            "<p>I've upgraded it to express today, so it arrives tomorrow.</p>")
    export = _write(tmp_path / "layout.json", {"macros": [
        {"id": 1, "title": "Framed", "actions": [{"field": "comment_value_html",
                                                  "value": f"<table width='100%'><tr><td>{text}</td></tr></table>"}]},
        {"id": 2, "title": "Logo", "actions": [{"field": "comment_value_html", "value":
                                                f"<table><tr><td><img src='logo.png' alt=''></td><td>{text}</td>"
                                                "</tr></table>"}]}]})
    result = _run("import", str(export), "-o", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    assert "its table(s)" not in result.output
    for name in ("framed", "logo"):
        script = (tmp_path / "pack" / "scripts" / f"{name}.yaml").read_text(encoding="utf-8")
        assert "|\n" not in script.replace(": |", "").replace(": |-", "") and " | " not in script, script


@pytest.mark.parametrize(("target", "bundle", "helpdesk", "channel"), [
    ("front", "front/message_templates.json", "Front", "email"),
    ("intercom", "intercom/macros.json", "Intercom", "chat"),
])
def test_scriptkits_own_export_is_read_back_as_its_helpdesk(tmp_path: Path, target: str, bundle: str,
                                                           helpdesk: str, channel: str) -> None:
    """Read as generic JSON, a Front export's sign-off {{user.first_name}} became the customer's name
    and an Intercom export's chat replies became email ones."""
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text("name: Own\nchannels:\n  email:\n    signoff: \"Best,\\n{{ agent.first_name }}\"\n",
                                    encoding="utf-8")
    (pack / "scripts" / "late.yaml").write_text(
        "id: late\ntitle: Late\nchannels: [email]\n"
        "acknowledgment: I'm so sorry your parcel is late, I know you were counting on it.\n"
        "solution: I've upgraded it to express today, so it reaches you by Wednesday.\n", encoding="utf-8")
    exported = _run("export", str(pack), "--to", target, "-o", str(tmp_path / "out"), "--force")
    assert exported.exit_code == 0, exported.output
    result = _run("import", str(tmp_path / "out" / bundle), "-o", str(tmp_path / "back"))
    assert result.exit_code == 0, result.output
    assert f"read as a {helpdesk}" in result.output or f"read as an {helpdesk}" in result.output, result.output
    texts = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "back" / "scripts").glob("*.yaml"))
    assert f"channels: [{channel}]" in texts and "{{agent." in texts, texts
