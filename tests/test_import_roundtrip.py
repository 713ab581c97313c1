"""Round trip: a helpdesk export, imported and exported again to the same helpdesk, gives the
same customer-facing text back, for every export target that has an importer."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from scriptkit import export, import_library
from scriptkit.importers import FORMATS
from scriptkit.importers.dialects import PlaceholderPiece
from scriptkit.loading import load_pack
from scriptkit.models import Script
from scriptkit.targets import available

FIX = Path(__file__).parent / "fixtures" / "imports"

CASES = [
    ("zendesk", "zendesk_macros.json", "zendesk/macros.json"),
    ("freshdesk", "freshdesk_canned.json", "freshdesk/canned_responses.json"),
    ("helpscout", "helpscout_saved_replies.json", "helpscout/saved_replies.json"),
    ("intercom", "intercom_macros.json", "intercom/macros.json"),
    ("gorgias", "gorgias_macros.json", "gorgias/macros.json"),
    ("front", "front_templates.json", "front/message_templates.json"),
    ("salesforce", "salesforce_quick_text.json", "salesforce/quick_text_update.json"),
]


def test_every_target_with_an_importer_is_covered() -> None:
    both = sorted(set(available()) & set(FORMATS) - {"csv", "json"})  # generic formats have no dialect
    assert both == sorted(c[0] for c in CASES)


@pytest.mark.parametrize(("fmt", "fixture", "bundle"), CASES)
def test_round_trip(tmp_path: Path, fmt: str, fixture: str, bundle: str) -> None:
    first = import_library(FIX / fixture, fmt)
    pack = first.write(tmp_path / "pack")
    export(pack, [fmt], tmp_path / "out", force=True, lint=False)
    again = import_library(tmp_path / "out" / bundle, fmt)
    # the export orders files by script id, so compare the replies as sets of (text, internal note?)
    assert sorted((m.text, m.raw.internal) for m in again.macros) == \
        sorted((m.text, m.raw.internal) for m in first.macros)
    assert len(again.macros) == len(first.macros)


def test_round_trip_keeps_fallbacks_where_the_helpdesk_has_them(tmp_path: Path) -> None:
    seen = 0
    for fmt, fixture, bundle in CASES[:4]:  # Liquid, Help Scout and Intercom write fallbacks
        first = import_library(FIX / fixture, fmt)
        export(first.write(tmp_path / fmt), [fmt], tmp_path / f"out-{fmt}", force=True, lint=False)
        again = import_library(tmp_path / f"out-{fmt}" / bundle, fmt)
        before = sorted((p.name, p.fallback or "") for m in first.macros for s in m.slots.values() for p in s
                        if isinstance(p, PlaceholderPiece))
        after = sorted((p.name, p.fallback or "") for m in again.macros for s in m.slots.values() for p in s
                       if isinstance(p, PlaceholderPiece))
        assert after == before
        seen += sum(1 for _, fallback in before if fallback)
    assert seen >= 3  # the fixtures do carry fallbacks


def test_a_gorgias_default_filter_comes_back_from_a_gorgias_round_trip(tmp_path: Path) -> None:
    """Gorgias documents no fallback, but a library that already writes ``|default("…")`` shows its
    Gorgias reads it: the import keeps the fallback and asks the Gorgias export to write it again."""
    source = tmp_path / "gorgias.json"
    source.write_text(json.dumps({"data": [{"id": 7, "name": "Late parcel", "actions": [
        {"name": "setResponseText", "type": "user", "arguments": {
            "body_text": "Hi {{ticket.customer.firstname|default(\"there\")}},\n\nI've chased the courier today.",
            "body_html": "<p>Hi {{ticket.customer.firstname|default(\"there\")}},</p>"
                         "<p>I've chased the courier today.</p>"}}]}]}), encoding="utf-8")
    first = import_library(source, "gorgias")
    pack = first.write(tmp_path / "pack")
    result = export(pack, ["gorgias"], tmp_path / "out", lint=False)
    # (no fallback lost; SK504 says only that |default fills in a missing name, not an empty one)
    assert [d.message for d in result.diagnostics if d.code == "SK504" and "not an empty one" not in d.message] == []
    (written,) = json.loads((tmp_path / "out" / "gorgias" / "macros.json").read_text(encoding="utf-8"))["macros"]
    arguments = written["actions"][0]["arguments"]
    assert arguments["body_text"].startswith('Hi {{ticket.customer.firstname|default("there")}},')
    assert arguments["body_html"].startswith('<p>Hi {{ticket.customer.firstname|default("there")}},</p>')
    again = import_library(tmp_path / "out" / "gorgias" / "macros.json", "gorgias")
    assert again.macros[0].text == first.macros[0].text == \
        "Hi {{customer.first_name}},\n\nI've chased the courier today."
    assert [(p.name, p.fallback) for p in again.macros[0].pieces if isinstance(p, PlaceholderPiece)] == \
        [("customer.first_name", "there")]
    # exported to a helpdesk with a fallback of its own, the fallback is there too
    export(pack, ["helpscout"], tmp_path / "hs", lint=False)
    assert "{%customer.firstName,fallback=there%}" in (tmp_path / "hs" / "helpscout" / "saved_replies.json").read_text()
    # a pack written by hand still hears that Gorgias documents no fallback
    plain = tmp_path / "plain"
    (plain / "scripts").mkdir(parents=True)
    (plain / "pack.yaml").write_text("name: Plain\nversion: 0.1.0\nchannels: {email: {greeting: '', signoff: ''}}\n")
    (plain / "scripts" / "late.yaml").write_text(
        "id: late\ntitle: Late\nchannels: [email]\nacknowledgment: Hi {{ customer.first_name | fallback('there') }}, "
        "sorry it's late.\nsolution: I've chased the courier today.\n")
    warned = export(plain, ["gorgias"], tmp_path / "plain-out", lint=False)
    assert [d.code for d in warned.diagnostics] == ["SK504"]
    assert "{{ticket.customer.firstname}}," in (tmp_path / "plain-out" / "gorgias" / "macros.json").read_text()


_VARIED = """\
id: parcel-late
title: "Orders::Parcel late"
channels: [email, chat]
acknowledgment:
  - "I'm so sorry your parcel hasn't arrived, {{ customer.first_name | fallback('there') }}."
  - "Waiting all week for a parcel is exhausting, and I'm sorry."
  - "I know you needed it by now, and I'm sorry it's late."
warm_language: "Thank you for bearing with us."
solution:
  - "I've chased the courier, and it will reach you by [[delivery date]]."
  - |-
    I've sent a new parcel by express post today.

    It will reach you by [[delivery date]].
"""


@pytest.mark.parametrize(("fmt", "bundle"), [("zendesk", "zendesk/macros.json"), ("gorgias", "gorgias/macros.json"),
                                             ("helpscout", "helpscout/saved_replies.json")])
def test_variants_exported_each_as_a_macro_come_back_as_one_script(tmp_path: Path, fmt: str, bundle: str) -> None:
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text("name: Varied\nversion: 0.1.0\nchannels: {email: {greeting: '', signoff: ''}, "
                                    f"chat: {{greeting: '', signoff: ''}}}}\nexport: {{{fmt}: {{variants: each}}}}\n")
    (pack / "scripts" / "parcel-late.yaml").write_text(_VARIED.replace("[[delivery date]]", "{{ blank.delivery_date }}")
                                                       + "flexibility:\n  blanks:\n    - name: delivery_date\n"
                                                       "      prompt: The day the courier gives\n")
    export(pack, [fmt], tmp_path / "out", lint=False)
    again = import_library(tmp_path / "out" / bundle, fmt)
    titles = sorted(m.title for m in again.macros)
    # (the chat one is merged back: Gorgias's external_id marks it as scriptkit's, the others' title and all else
    # it says; every title's '::' restored, Help Scout's from the " / " its export writes)
    assert titles == ["Orders::Parcel late"]
    again.write(tmp_path / "back")
    # Gorgias's external_id names the script; the others' export names each script's file by its id
    script = load_pack(tmp_path / "back").script("parcel-late")
    texts = [_options(script, slot) for slot in ("acknowledgment", "solution")]
    assert len(texts[0]) == 3 and "Waiting all week" in texts[0][1] and "needed it by now" in texts[0][2]
    assert "{{ customer.first_name" in texts[0][0]
    assert len(texts[1]) == 2 and "I've sent a new parcel by express post today.\n\nIt will" in texts[1][1]
    # exported again the same way, the files are the same but for the import's notes
    export(tmp_path / "back", [fmt], tmp_path / "out2", lint=False, force=True)
    first = json.loads((tmp_path / "out" / bundle).read_text())
    second = json.loads((tmp_path / "out2" / bundle).read_text())
    assert _replies(first) == _replies(second)


def _options(script: Script, slot: str) -> list[str]:
    value = getattr(script, slot)
    return list(value) if isinstance(value, list) else [value]


def _replies(bundle: object) -> list[str]:
    text = json.dumps(bundle)
    return sorted(re.findall(r'"(?:value|body_text|chatText)": "((?:[^"\\]|\\.)*)"', text))


def test_blanks_come_back_as_blanks(tmp_path: Path) -> None:
    source = tmp_path / "zd.json"
    source.write_text(json.dumps({"macros": [{"id": 1, "title": "Refund amount", "actions": [
        {"field": "comment_value", "value": "I've refunded [AMOUNT] today, {{ticket.requester.first_name}}."}]}]}),
        encoding="utf-8")
    first = import_library(source, "zendesk")
    export(first.write(tmp_path / "pack"), ["zendesk"], tmp_path / "out", force=True, lint=False)
    again = import_library(tmp_path / "out" / "zendesk" / "macros.json", "zendesk")
    assert first.macros[0].text == "I've refunded [[amount]] today, {{customer.first_name}}."
    assert again.macros[0].text == first.macros[0].text


TITLES = ["Billing::Refund", "Billing::Refunds::Double charge", "Café::Rückerstattung ✓", "Billing:Refund: one colon",
          "No category at all"]


def _zendesk_titles(path: Path) -> list[str]:
    return [m["title"] for m in json.loads(path.read_text(encoding="utf-8"))["macros"]]


def _zendesk_export(tmp_path: Path, titles: list[str]) -> Path:
    source = tmp_path / "zd.json"
    source.write_text(json.dumps({"macros": [
        {"id": n, "title": title, "actions": [{"field": "comment_value", "value": f"I've sorted it today ({n})."}]}
        for n, title in enumerate(titles, start=1)]}), encoding="utf-8")
    return source


def test_zendesk_titles_keep_their_categories(tmp_path: Path) -> None:
    source = _zendesk_export(tmp_path, TITLES)
    first = import_library(source, "zendesk")
    assert [m.title for m in first.macros] == TITLES
    export(first.write(tmp_path / "pack"), ["zendesk"], tmp_path / "out", force=True, lint=False)
    bundle = tmp_path / "out" / "zendesk" / "macros.json"
    assert sorted(_zendesk_titles(bundle)) == sorted(TITLES)
    again = import_library(bundle, "zendesk")
    assert sorted(m.title for m in again.macros) == sorted(TITLES)


def test_untidy_zendesk_categories_are_tidied_once(tmp_path: Path) -> None:
    # Zendesk splits titles on "::"; spaces around it and empty categories are tidied on export,
    # and the tidied title then comes back unchanged
    untidy = {"Billing :: Refund": "Billing::Refund", "::Refund lead": "Refund lead", "A::::B": "A::B",
              "Orders::Late::": "Orders::Late"}
    first = import_library(_zendesk_export(tmp_path, list(untidy)), "zendesk")
    assert [m.title for m in first.macros] == list(untidy)  # the pack keeps what the export said
    export(first.write(tmp_path / "pack"), ["zendesk"], tmp_path / "out", force=True, lint=False)
    tidied = _zendesk_titles(tmp_path / "out" / "zendesk" / "macros.json")
    assert sorted(tidied) == sorted(untidy.values())
    second = import_library(tmp_path / "out" / "zendesk" / "macros.json", "zendesk")
    export(second.write(tmp_path / "pack2"), ["zendesk"], tmp_path / "out2", force=True, lint=False)
    assert sorted(_zendesk_titles(tmp_path / "out2" / "zendesk" / "macros.json")) == sorted(tidied)


_OWN = [
    ("zendesk", {"macros": [{"id": 1, "title": "Signed", "actions": [{"field": "comment_value", "value":
        "I've sent the replacement today, and it arrives within 3 days.\n\n{{dc.signature_billing}}"}]}]},
     "{{dc.signature_billing}}", "zendesk/macros.json"),
    ("freshdesk", [{"id": 1, "title": "Signed", "content_html":
        "<p>I've sent the replacement for {{ticket.custom_field.cf_order_number}} today.</p>"}],
     "{{ticket.custom_field.cf_order_number}}", "freshdesk/canned_responses.json"),
    ("front", {"_results": [{"id": "rsp_1", "name": "Signed", "body":
        "<p>I've sent the replacement to {{account.name}} today, and it arrives within 3 days.</p>"}]},
     "{{account.name}}", "front/message_templates.json"),
    ("helpscout", [{"id": 1, "name": "Signed", "text":
        "I've sent the replacement today; {%mailbox.fromName,fallback=we%} will write within 3 days."}],
     "{%mailbox.fromName,fallback=we%}", "helpscout/saved_replies.json"),
    ("intercom", {"type": "list", "data": [{"type": "macro", "id": "1", "name": "Signed", "body_text":
        "I've sent the replacement to {{company.name|fallback:\"your team\"}} today."}]},
     "{{company.name|fallback:\"your team\"}}", "intercom/macros.json"),
    ("gorgias", {"data": [{"id": 1, "name": "Signed", "actions": [{"name": "setResponseText", "arguments": {
        "body_text": "I've sent the replacement for {{ticket.customer.integrations.shopify.last_order}} today."}}]}]},
     "{{ticket.customer.integrations.shopify.last_order}}", "gorgias/macros.json"),
]


@pytest.mark.parametrize(("fmt", "source", "spelling", "bundle"), _OWN)
def test_a_helpdesk_placeholder_outside_the_catalogue_comes_back_as_it_was(
        tmp_path: Path, fmt: str, source: object, spelling: str, bundle: str) -> None:
    """Zendesk's dynamic content, custom fields and the like are the helpdesk's own placeholders:
    they stay placeholders (declared in pack.yaml, mapped back for that helpdesk), not blanks the
    agent must fill in, and another helpdesk is told to map them."""
    file = tmp_path / "export.json"
    file.write_text(json.dumps(source), encoding="utf-8")
    first = import_library(file, fmt)
    (macro,) = first.macros
    assert macro.blanks == {}
    pack = first.write(tmp_path / "pack")
    export(pack, [fmt], tmp_path / "out", force=True, lint=False)
    assert json.dumps(spelling)[1:-1] in (tmp_path / "out" / bundle).read_text(encoding="utf-8")
    again = import_library(tmp_path / "out" / bundle, fmt)
    placeholders = [[(p.name, p.fallback) for p in m.pieces if isinstance(p, PlaceholderPiece)]
                    for m in (macro, again.macros[0])]
    assert placeholders[0] == placeholders[1] and placeholders[0]
    other = "salesforce"
    result = export(pack, [other], tmp_path / "elsewhere", force=True, lint=False)
    (unmapped,) = [d for d in result.diagnostics if d.code == "SK503"]
    assert f"{fmt}." in unmapped.message and f"placeholders: {{{placeholders[0][0][0]}:" in (unmapped.suggestion or "")


def test_a_title_holding_a_placeholder_is_imported_and_named(tmp_path: Path) -> None:
    """Zendesk titles may be dynamic content ('{{dc.late_title}}'); a script's title is used as
    written and may not hold '{{', so the braces go, the pack loads, and the note says so."""
    source = tmp_path / "zd.json"
    source.write_text(json.dumps({"macros": [
        {"id": 1, "title": "{{dc.late_title}}", "raw_title": "{{dc.late_title}}", "actions": [
            {"field": "comment_value", "value": "I've sent the replacement today, and it arrives within 3 days."}]},
        {"id": 2, "title": "Refund {% if x %}VIP{% endif %}", "actions": [
            {"field": "comment_value", "value": "I've refunded you today, and it shows within 3 days."}]}]}),
        encoding="utf-8")
    first = import_library(source, "zendesk")
    assert [m.title for m in first.macros] == ["dc.late_title", "Refund if x VIP endif"]
    assert any("{{dc.late_title}}" in note for note in first.macros[0].notes)
    export(first.write(tmp_path / "pack"), ["zendesk"], tmp_path / "out", force=True, lint=False)
    assert "dc.late_title" in (tmp_path / "out" / "zendesk" / "macros.json").read_text(encoding="utf-8")


def test_a_zendesk_export_gives_back_its_blank_prompts_and_guidance(tmp_path: Path) -> None:
    """scriptkit writes a blank's prompt into the macro's description ("Replace [[new date]]: ...");
    read back, it was one more line of guidance and the blank got a made-up prompt."""
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text("name: Late\nversion: 0.1.0\nchannels: {email: {greeting: '', signoff: ''}}\n")
    (pack / "scripts" / "late.yaml").write_text(
        "id: late\ntitle: Late\nchannels: [email]\nacknowledgment: I'm sorry the parcel is late.\n"
        "flexibility:\n  guidance: Check the tracking page first.\n  blanks:\n    - name: new_date\n"
        "      prompt: The day the carrier gives\n"
        "solution: I've chased the carrier, and it arrives by {{ blank.new_date }}.\n")
    export(pack, ["zendesk"], tmp_path / "out", lint=False)
    description = json.loads((tmp_path / "out/zendesk/macros.json").read_text())["macros"][0]["description"]
    assert description == "Guidance: Check the tracking page first.\nReplace [[new date]]: The day the carrier gives"
    again = import_library(tmp_path / "out/zendesk/macros.json", "zendesk")
    again.write(tmp_path / "back")
    script = load_pack(tmp_path / "back").script("late")
    assert script.flexibility is not None
    assert script.flexibility.guidance == "Check the tracking page first."
    assert [(b.name, b.prompt) for b in script.flexibility.blanks] == [("new_date", "The day the carrier gives")]
    # a 'Replace [[x]]' line about a blank the reply does not hold stays guidance, word for word
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"macros": [{"id": 1, "title": "Odd", "description": "Replace [[coupon]]: a code",
                                             "actions": [{"field": "comment_value", "value": "I'm sorry, done."}]}]}))
    (odd,) = import_library(other, "zendesk").macros
    assert odd.raw.guidance == "Replace [[coupon]]: a code"


def test_a_zendesk_macro_comes_back_with_its_own_tags_and_guidance(tmp_path: Path) -> None:
    """Exported back, an internal-note macro added the tag 'internal-note' to every ticket it was used
    on (the import had put it among the script's tags), and a description came back headed 'Guidance:'."""
    source = tmp_path / "zd.json"
    source.write_text(json.dumps({"macros": [{"id": 5, "title": "Escalate", "description": "Use for VIPs only.",
                                              "actions": [
        {"field": "comment_value", "value": "Escalated to tier 2 today; they reply within 4 hours."},
        {"field": "comment_mode_is_public", "value": "false"}, {"field": "current_tags", "value": "vip tier2"}]}]}))
    first = import_library(source, "zendesk")
    export(first.write(tmp_path / "pack"), ["zendesk"], tmp_path / "out", lint=False)
    (macro,) = json.loads((tmp_path / "out/zendesk/macros.json").read_text())["macros"]
    assert {"field": "current_tags", "value": "vip tier2"} in macro["actions"]
    assert {"field": "comment_mode_is_public", "value": "false"} in macro["actions"]
    (again,) = import_library(tmp_path / "out/zendesk/macros.json", "zendesk").macros
    assert again.raw.guidance == first.macros[0].raw.guidance == "Use for VIPs only."
    assert again.raw.internal and sorted(again.raw.tags) == ["tier2", "vip"]


def test_help_scouts_chat_version_is_an_alternative_only_when_it_says_something_else(tmp_path: Path) -> None:
    """scriptkit's Help Scout export writes the reply as chatText too; read back, that copy became an
    alternative 'Chat version' repeating the reply, in every script."""
    source = tmp_path / "hs.json"
    source.write_text(json.dumps([
        {"id": 1, "name": "Same", "text": "<p>I'm sorry you're locked out.</p><p>I've sent a reset link today.</p>",
         "chatText": "I'm sorry you're locked out.\n\nI've sent a reset link today."},
        {"id": 2, "name": "Own chat", "text": "<p>I'm sorry you're locked out.</p><p>I've sent a reset link today.</p>",
         "chatText": "Sorry! Reset link sent."}]))
    same, own = import_library(source, "helpscout").macros
    assert same.alternatives == []
    assert [label for label, _ in own.alternatives] == ["Chat version"]
    export(import_library(source, "helpscout").write(tmp_path / "pack"), ["helpscout"], tmp_path / "out", lint=False)
    again = import_library(tmp_path / "out/helpscout/saved_replies.json", "helpscout").macros
    assert [m.alternatives for m in again if m.title == "Same"] == [[]]


def test_a_macro_titled_as_a_variant_that_leaves_a_slot_empty_stays_a_script_of_its_own(tmp_path: Path) -> None:
    source = tmp_path / "zd.json"
    body = "I'm so sorry your parcel is late.\n\nI've chased the courier today, and I'll write by Friday."
    source.write_text(json.dumps({"macros": [
        {"id": 1, "title": "Late", "actions": [{"field": "comment_value", "value": body}]},
        {"id": 2, "title": "Late (variant 2)", "actions": [{"field": "comment_value", "value": body.split("\n\n")[0]}]},
        {"id": 3, "title": "Late (variant 3)", "actions": [{"field": "comment_value", "value": body.replace(
            "I've chased the courier today", "I've sent a new parcel today")}]}]}))
    library = import_library(source, "zendesk")
    assert [m.title for m in library.macros] == ["Late", "Late (variant 2)"]
    assert any("does not line up" in n for n in library.macros[1].notes)
    library.write(tmp_path / "pack")
    script = load_pack(tmp_path / "pack").script("late")
    assert script.solution == ["I've chased the courier today, and I'll write by Friday.",
                               "I've sent a new parcel today, and I'll write by Friday."]


def test_a_gorgias_round_trip_keeps_each_macros_external_id(tmp_path: Path) -> None:
    """Gorgias's external_id is how a later export is matched to the macro it updates: read back, the
    script keeps the id it names, so exporting again does not write the macro under a new id."""
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text("name: Ids\nversion: 0.1.0\nchannels: {email: {greeting: '', signoff: ''}}\n")
    (pack / "scripts" / "late.yaml").write_text(
        "id: parcel-late\ntitle: Orders::Parcel is late\nchannels: [email]\n"
        "acknowledgment: I'm sorry your parcel is late.\nsolution: I've chased the courier today.\n")
    export(pack, ["gorgias"], tmp_path / "out", lint=False)
    again = import_library(tmp_path / "out" / "gorgias" / "macros.json", "gorgias")
    assert [m.id for m in again.macros] == ["parcel-late"]
    export(again.write(tmp_path / "again"), ["gorgias"], tmp_path / "out2", lint=False)
    (written,) = json.loads((tmp_path / "out2" / "gorgias" / "macros.json").read_text(encoding="utf-8"))["macros"]
    assert written["external_id"] == "scriptkit:parcel-late"
    # an id another tool gave the macro is no script id: the title names the script as before
    other = tmp_path / "other.json"
    other.write_text(json.dumps([{"id": 3, "name": "Refund sent", "external_id": "shopify:991", "actions": [
        {"name": "setResponseText", "arguments": {"body_text": "I've sent your refund today."}}]}]))
    assert [m.id for m in import_library(other, "gorgias").macros] == ["refund-sent"]


@pytest.mark.parametrize(("fmt", "bundle", "item", "spelled"), [
    # another name for a field the target spells otherwise: the assignee, not the agent applying the macro
    ("zendesk", "zendesk/macros.json", {"id": 1, "title": "Assigned", "actions": [
        {"field": "comment_value", "value": "Hi, I'm {{ticket.assignee.first_name}}. I've fixed it today."}]},
     ["{{ticket.assignee.first_name}}"]),
    # fields the Freshdesk export has no spelling of its own for: they became [[fill-in]] markers
    ("freshdesk", "freshdesk/canned_responses.json", {"id": 2, "title": "Names", "content_html":
        "<p>Dear {{ticket.requester.firstname}} {{ticket.requester.lastname}}, {{ticket.agent.firstname}} of "
        "{{helpdesk_name}} has fixed it today.</p>"},
     ["{{ticket.requester.lastname}}", "{{ticket.agent.firstname}}", "{{helpdesk_name}}"]),
    ("gorgias", "gorgias/macros.json", {"id": 3, "name": "Mail", "actions": [{"name": "setResponseText", "arguments": {
        "body_text": "Hi {{ticket.customer.lastname}}, I've sent it to {{ticket.customer.email}} today."}}]},
     ["{{ticket.customer.lastname}}", "{{ticket.customer.email}}"]),
    ("front", "front/message_templates.json", {"id": "rsp_4", "name": "Conv", "body":
        "<p>Hi, conversation {{conversation.id}} ({{conversation.subject}}) is fixed today.</p>"},
     ["{{conversation.id}}", "{{conversation.subject}}"]),
])
def test_a_helpdesk_field_comes_back_spelled_as_it_was_on_the_same_helpdesk(
        tmp_path: Path, fmt: str, bundle: str, item: dict[str, object], spelled: list[str]) -> None:
    source = tmp_path / "export.json"
    source.write_text(json.dumps([item]), encoding="utf-8")
    library = import_library(source, fmt)
    export(library.write(tmp_path / "pack"), [fmt], tmp_path / "out", lint=False)
    written = (tmp_path / "out" / bundle).read_text(encoding="utf-8")
    for field in spelled:
        assert json.dumps(field)[1:-1] in written
    assert "[[" not in written  # no field became a fill-in marker
    # exported to another helpdesk, the pack's canonical placeholders are what they were
    export(tmp_path / "pack", ["helpscout"], tmp_path / "hs", lint=False)
    assert "{%" in (tmp_path / "hs" / "helpscout" / "saved_replies.json").read_text(encoding="utf-8")


def test_a_gorgias_external_id_of_another_kind_comes_back_unchanged(tmp_path: Path) -> None:
    """An id another integration gave the macro, or the one scriptkit gave a script's chat macro, was replaced
    by scriptkit:<script id> on the way back: the integration lost its macro, a sync made a new one."""
    source = tmp_path / "gorgias.json"
    source.write_text(json.dumps([
        {"id": 3, "name": "Refund sent", "external_id": "shopify:991", "actions": [
            {"name": "setResponseText", "arguments": {"body_text": "I've sent your refund today."}}]},
        {"id": 4, "name": "Parcel late (chat)", "external_id": "scriptkit:parcel-late:chat", "actions": [
            {"name": "setResponseText", "arguments": {"body_text": "Sorry it's late! I've chased it today."}}]},
    ]), encoding="utf-8")
    export(import_library(source, "gorgias").write(tmp_path / "pack"), ["gorgias"], tmp_path / "out", lint=False)
    written = json.loads((tmp_path / "out" / "gorgias" / "macros.json").read_text(encoding="utf-8"))["macros"]
    assert sorted(m["external_id"] for m in written) == ["scriptkit:parcel-late:chat", "shopify:991"]


def test_a_scripts_own_placeholder_mapping_adds_to_the_packs(tmp_path: Path) -> None:
    """A script's export: {zendesk: {placeholders: ...}} replaced the pack's whole mapping: an import that
    keeps an alias in the script and a Zendesk field in pack.yaml lost the field to a [[fill-in]]."""
    source = tmp_path / "zendesk.json"
    source.write_text(json.dumps([{"id": 1, "title": "Mixed", "actions": [{"field": "comment_value", "value":
                      "{{dc.greeting}} I'm {{ticket.assignee.first_name}}. I've fixed it today."}]}]), encoding="utf-8")
    export(import_library(source, "zendesk").write(tmp_path / "pack"), ["zendesk"], tmp_path / "out", lint=False)
    written = (tmp_path / "out" / "zendesk" / "macros.json").read_text(encoding="utf-8")
    assert "{{dc.greeting}} I'm {{ticket.assignee.first_name}}." in written


def test_variant_macros_of_a_csv_merge_without_settings_for_a_helpdesk_that_is_not_one(tmp_path: Path) -> None:
    """The merge set variants: each under export: {generic: ...}, which every export warned is no target."""
    sheet = tmp_path / "library.csv"
    sheet.write_text('title,body\nParcel late,"I\'m sorry it\'s late.\n\nI\'ve chased the courier today."\n'
                     'Parcel late (variant 2),"Waiting is hard, and I\'m sorry.\n\nI\'ve chased the courier today."\n',
                     encoding="utf-8")
    (macro,) = import_library(sheet).macros
    assert macro.variants and "variants" not in macro.raw.settings
    result = export(import_library(sheet).write(tmp_path / "pack"), ["zendesk"], tmp_path / "out", lint=False)
    assert [d.message for d in result.diagnostics if d.code == "SK506"] == []


@pytest.mark.parametrize("description", ["Use when a parcel is late.\nCheck the tracking first.",
                                         "Check the tracking first."])
def test_a_zendesk_description_of_guidance_alone_comes_back_as_written(tmp_path: Path, description: str) -> None:
    """A description of several lines came back headed 'Guidance: ', which the agents had never written."""
    source = tmp_path / "macros.json"
    source.write_text(json.dumps({"macros": [{"id": 7, "title": "Late parcel", "description": description, "actions": [
        {"field": "comment_value", "value": "I'm sorry it's late. I've sent a new one, and it arrives Friday."}]}]}),
        encoding="utf-8")
    export(import_library(source, "zendesk").write(tmp_path / "pack"), ["zendesk"], tmp_path / "out", lint=False)
    [macro] = json.loads((tmp_path / "out/zendesk/macros.json").read_text(encoding="utf-8"))["macros"]
    assert macro["description"] == description
