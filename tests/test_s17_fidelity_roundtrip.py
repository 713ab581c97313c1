"""What the customer sees survives import and export: a link keeps its address (a placeholder, a relative path,
tel:) and comes back as a link in the HTML exports, a numbered list written as Zendesk's editor writes it
(<li><p>) keeps each step on its number, and lists come back as lists."""

from __future__ import annotations

import json
from pathlib import Path

from scriptkit import export, import_library, load_pack

LOCKED = ("<p>Hi {{ticket.requester.first_name}},</p><p>I'm sorry you're locked out. I've unlocked your account "
          "today: reset your password from <a href=\"{{ticket.brand.host_mapping}}/hc/en-us/articles/77\">this "
          "guide</a>, or <a href=\"/hc/en-us/requests/new\">send us a request</a>, or call "
          "<a href=\"tel:+15550100\">the support line</a>.</p>")
STEPS = ("<p>Hi {{ticket.requester.first_name}},</p><p>I'm sorry the card screen is confusing. Here is what to do "
         "today:</p><ol><li><p>Open <strong>Account</strong></p></li><li><p>Pick Payments, then Cards</p></li>"
         "<li><p>Press Delete and wait a minute</p></li></ol><ul><li><p>Keep the receipt</p></li></ul>"
         "<p>Reply here and I'll help.</p>")
LATE = ("<p>Hi {{ticket.requester.first_name}},</p><p>I'm sorry your parcel is late. You can <a "
        "href=\"https://example.com/where\">follow it here</a>; it arrives within 4 days.</p><ul><li>Look in "
        "your junk folder</li><li>Or <a href=\"mailto:care@example.com\">write to us</a></li></ul>")


def _zendesk(tmp_path: Path, html: str) -> Path:
    source = tmp_path / "zendesk.json"
    source.write_text(json.dumps({"macros": [{"id": 1, "title": "Reply", "actions": [
        {"field": "comment_value_html", "value": html}]}]}), encoding="utf-8")
    return source


def _zendesk_body(out: Path) -> str:
    macro = json.loads((out / "zendesk" / "macros.json").read_text(encoding="utf-8"))["macros"][0]
    return str(next(a["value"] for a in macro["actions"] if a["field"] == "comment_value_html"))


def test_every_link_address_is_kept_and_exported_back_as_a_link(tmp_path: Path) -> None:
    library = import_library(_zendesk(tmp_path, LOCKED), "zendesk")
    text = library.macros[0].text
    assert "[the support line](tel:+15550100)" in text
    assert "[send us a request](/hc/en-us/requests/new)" in text
    assert "[this guide](" in text and "/hc/en-us/articles/77)" in text
    # the relative address is kept, and the note says where it leads
    assert any("/hc/en-us/requests/new" in note and "relative" in note for note in library.macros[0].notes)
    pack = library.write(tmp_path / "pack")
    script = (pack / "scripts" / "reply.yaml").read_text(encoding="utf-8")
    assert "[this guide]({{ zendesk.ticket_brand_host_mapping }}/hc/en-us/articles/77)" in script
    export(pack, ["zendesk"], tmp_path / "out", lint=False)
    body = _zendesk_body(tmp_path / "out")
    assert '<a href="{{ticket.brand.host_mapping}}/hc/en-us/articles/77">this guide</a>' in body
    assert '<a href="/hc/en-us/requests/new">send us a request</a>' in body
    assert '<a href="tel:+15550100">the support line</a>' in body


def test_a_gorgias_placeholder_address_becomes_a_placeholder(tmp_path: Path) -> None:
    source = tmp_path / "gorgias.json"
    field = "ticket.customer.integrations.shopify.orders[0].fulfillments[0].tracking_url"
    source.write_text(json.dumps([{"id": 3, "name": "Where is it", "language": "en", "actions": [
        {"name": "setResponseText", "type": "user", "arguments": {
            "body_html": f"<div>I know the wait is hard. It ships within 2 days. Follow it "
                         f"<a href=\"{{{{{field}}}}}\">on this page</a>.</div>",
            "body_text": "I know the wait is hard. It ships within 2 days. Follow it on this page."}}]}]),
        encoding="utf-8")
    library = import_library(source, "gorgias")
    macro = library.macros[0]
    assert not any("say different things" in note for note in macro.notes)
    pack = library.write(tmp_path / "pack")
    assert "[on this page]({{ gorgias." in (pack / "scripts" / "where-is-it.yaml").read_text(encoding="utf-8")
    export(pack, ["gorgias"], tmp_path / "out", lint=False)
    arguments = json.loads((tmp_path / "out/gorgias/macros.json").read_text(encoding="utf-8"))["macros"][0][
        "actions"][0]["arguments"]
    assert f'<a href="{{{{{field}}}}}">on this page</a>' in arguments["body_html"]
    assert f"on this page ({{{{{field}}}}})" in arguments["body_text"]


def test_steps_written_as_paragraphs_in_list_items_keep_their_numbers(tmp_path: Path) -> None:
    library = import_library(_zendesk(tmp_path, STEPS), "zendesk")
    # (the bullet list right after the steps is a line of their paragraph: scriptkit's own HTML export writes such a
    # paragraph as these lists side by side, and reads it back as written)
    assert "1. Open Account\n2. Pick Payments, then Cards\n3. Press Delete and wait a minute\n- Keep the receipt" \
        in library.macros[0].text
    pack = library.write(tmp_path / "pack")
    export(pack, ["zendesk"], tmp_path / "out", lint=False)
    body = _zendesk_body(tmp_path / "out")
    assert "<ol><li>Open Account</li><li>Pick Payments, then Cards</li><li>Press Delete and wait a minute</li></ol>" \
        "<ul><li>Keep the receipt</li></ul>" in body
    assert "<p>1.</p>" not in body


def test_the_html_exports_give_back_links_and_lists_and_plain_text_stays_readable(tmp_path: Path) -> None:
    pack = import_library(_zendesk(tmp_path, LATE), "zendesk").write(tmp_path / "pack")
    assert load_pack(pack).scripts
    export(pack, ["zendesk", "helpscout", "front", "gorgias", "salesforce"], tmp_path / "out", lint=False)
    link = '<a href="https://example.com/where">follow it here</a>'
    items = '<ul><li>Look in your junk folder</li><li>Or <a href="mailto:care@example.com">write to us</a></li></ul>'
    htmls = [_zendesk_body(tmp_path / "out")]
    for folder, key in (("helpscout/saved_replies", "text"), ("front/message_templates", "body")):
        record = next((tmp_path / "out" / folder).glob("*.json"))
        htmls.append(json.loads(record.read_text(encoding="utf-8"))[key])
    for html in htmls:
        assert link in html and items in html and "(https://" not in html
    gorgias = json.loads((tmp_path / "out/gorgias/macros.json").read_text(encoding="utf-8"))["macros"][0]
    plain = gorgias["actions"][0]["arguments"]["body_text"]
    assert "follow it here (https://example.com/where)" in plain
    assert "- Look in your junk folder\n- Or write to us (care@example.com)" in plain
    assert link in gorgias["actions"][0]["arguments"]["body_html"]
    quick = json.loads((tmp_path / "out/salesforce/quick_text.json").read_text(encoding="utf-8"))["records"][0]
    assert "follow it here (https://example.com/where)" in quick["Message"] and "[" not in quick["Message"]


def test_a_relative_address_inside_the_link_text_is_still_kept() -> None:
    from scriptkit.importers.html import html_to_text

    text = html_to_text('<p>Go <a href="/">home/page</a>, call <a href="tel:+15550100">+15550100</a> or see '
                        '<a href="https://example.com/faq">https://example.com/faq</a>.</p>')
    assert text == "Go [home/page](/), call +15550100 or see https://example.com/faq."
