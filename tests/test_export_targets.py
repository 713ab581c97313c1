"""Each target's payload: valid against a JSON Schema written from the helpdesk's documented
fields, placeholders spelled the helpdesk's way, literal text escaped, notes kept out of bodies."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from export_fixtures import BRACES, LATE, html_text, message, schema, tree, write_pack
from hypothesis import given, settings
from hypothesis import strategies as st
from referencing import Registry, Resource

from scriptkit.exporting import export
from scriptkit.loading import load_pack
from scriptkit.message import Text
from scriptkit.rendering import render_pack
from scriptkit.targets import Rendered, available, freshdesk, get, helpscout, intercom, salesforce, zendesk

HELPDESKS = ("freshdesk", "front", "gorgias", "helpscout", "intercom", "salesforce", "zendesk")
RECORDS = {"freshdesk": "canned_responses", "front": "message_templates", "gorgias": "macros",
           "helpscout": "saved_replies", "intercom": "macros", "salesforce": "quick_text", "zendesk": "macros"}


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("export")
    pack = write_pack(root / "pack", {"late.yaml": LATE})
    export(pack, ["all"], root / "out", lint=False)
    return root / "out"


def records(out: Path, target: str) -> dict[str, Any]:
    if target == "intercom":  # pasted by hand: the JSON list mirrors the API's read-back macro objects
        listed = json.loads((out / "intercom/macros.json").read_text(encoding="utf-8"))["macros"]
        return {("parcel-late", "parcel-late-chat")[i]: m for i, m in enumerate(listed)}
    folder = out / target / RECORDS[target]
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))}


def test_every_builtin_target_is_registered_through_entry_points() -> None:
    assert set(available()) >= {*HELPDESKS, "csv", "json", "playbook"}
    for name in available():
        assert get(name).name == name


@pytest.mark.parametrize("target", HELPDESKS)
def test_payload_matches_documented_schema(out: Path, target: str) -> None:
    found = records(out, target)
    assert len(found) == 2  # email and chat; phone is for the playbook
    validator = jsonschema.Draft202012Validator(schema(target))
    for record in found.values():
        validator.validate(record)


@pytest.mark.parametrize("target", HELPDESKS)
def test_schema_rejects_a_broken_payload(out: Path, target: str) -> None:
    """The schemas are not vacuous: dropping the reply body or adding a stray field fails."""
    record = next(iter(records(out, target).values()))
    stray = dict(record, unexpected_field=1)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(stray, schema(target))


def test_zendesk_macro_shape(out: Path) -> None:
    macro = records(out, "zendesk")["parcel-late"]["macro"]
    assert macro["title"] == "Orders::Delivery::Parcel is late"
    actions = {a["field"]: a["value"] for a in macro["actions"]}
    assert actions["comment_mode_is_public"] == "true"
    assert actions["current_tags"] == "orders late_delivery"  # (the tags in the order written)
    body = actions["comment_value_html"]
    assert body.startswith("<p>Hi {% if ticket.requester.first_name and ticket.requester.first_name != blank %}"
                           "{{ticket.requester.first_name}}{% else %}there{% endif %},</p>")
    assert "<mark>[[new date]]</mark>" in body
    assert "<p>Kind regards,<br>{{current_user.first_name}}</p>" in body
    # agent guidance goes to the description, never into the customer's reply
    assert "Check the carrier" in macro["description"] and "Check the carrier" not in body
    assert "Refund instead" in macro["description"] and "refund you" not in body
    assert "Replace [[new date]]: The new delivery date from the carrier" in macro["description"]
    chat = records(out, "zendesk")["parcel-late-chat"]["macro"]
    assert chat["title"] == "Orders::Delivery::Parcel is late (chat)"


def test_zendesk_settings_status_restriction_private(tmp_path: Path) -> None:
    pack_yaml = (Path(write_pack(tmp_path / "p0", {})).joinpath("pack.yaml").read_text()
                 + "export:\n  zendesk:\n    status: pending\n    restriction: {type: Group, ids: [42]}\n")
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE.replace(
        "channels: [email, chat, phone]", "channels: [email]\nexport:\n  zendesk: {public: false, tags: [vip]}")},
        pack_yaml)
    export(pack, ["zendesk"], tmp_path / "out", lint=False)
    macro = json.loads((tmp_path / "out/zendesk/macros/parcel-late.json").read_text())["macro"]
    jsonschema.validate({"macro": macro}, schema("zendesk"))
    actions = {a["field"]: a["value"] for a in macro["actions"]}
    assert actions["status"] == "pending" and actions["comment_mode_is_public"] == "false"
    assert actions["current_tags"] == "orders late_delivery vip"
    assert macro["restriction"] == {"type": "Group", "ids": [42]}
    bundle = json.loads((tmp_path / "out/zendesk/macros.json").read_text())
    assert bundle == {"macros": [macro]}


def test_freshdesk_folders_and_bulk_shape(tmp_path: Path) -> None:
    pack_yaml = write_pack(tmp_path / "p0", {}).joinpath("pack.yaml").read_text() + \
        "export:\n  freshdesk:\n    folders: {'Orders / Delivery': 7}\n"
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE, "braces.yaml": BRACES}, pack_yaml)
    result = export(pack, ["freshdesk"], tmp_path / "out", lint=False, force=True)
    bulk = json.loads((tmp_path / "out/freshdesk/canned_responses.json").read_text())
    root = schema("freshdesk")
    registry = Registry().with_resource(root["$id"], Resource.from_contents(root))
    bulk_schema = {"$ref": root["$id"] + "#/$defs/create_multiple"}
    jsonschema.Draft202012Validator(bulk_schema, registry=registry).validate(bulk)
    by_title = {r["title"]: r for r in bulk["canned_responses"]}
    assert by_title["Orders / Delivery / Parcel is late"]["folder_id"] == 7
    assert by_title["Orders / Delivery / Parcel is late"]["visibility"] == 0
    account = by_title["Account / Template <tags> & {braces}"]
    assert account["visibility"] == 1 and "folder_id" not in account
    folders = json.loads((tmp_path / "out/freshdesk/folders.json").read_text())
    assert folders == {"canned_response_folders": [{"name": "Account"}]}
    assert [d.code for d in result.diagnostics if d.script_id == "code-help"].count("SK506") == 1


def test_freshdesk_bulk_splits_at_500(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE})
    (msg, *_) = render_pack(load_pack(pack), ["email"])
    target = get("freshdesk")
    payload = target.render(msg)
    files = target.files([Rendered(msg, dict(payload, title=f"Late {i:03d}"), f"late-{i:03d}") for i in range(501)])
    first = json.loads(files["freshdesk/canned_responses.json"])["canned_responses"]
    second = json.loads(files["freshdesk/canned_responses-002.json"])["canned_responses"]
    assert (len(first), len(second)) == (500, 1)
    assert second[0]["title"] == "Late 500" and len([f for f in files if "/canned_responses/" in f]) == 501


def test_helpscout_text_chat_text_and_placeholder_form(out: Path) -> None:
    reply = records(out, "helpscout")["parcel-late"]
    assert reply["text"].startswith("<p>Hi {%customer.firstName,fallback=there%},</p>")
    assert reply["chatText"].startswith("Hi {%customer.firstName,fallback=there%},\n\n")
    assert "<" not in reply["chatText"]
    assert "{%user.firstName%}" in reply["chatText"]
    assert helpscout.placeholder("customer.first_name", "there") == "{%customer.firstName,fallback=there%}"
    m = helpscout.PATTERN.fullmatch(helpscout.placeholder("customer.first_name", "my friend"))
    assert m is not None and (m.group(1), m.group(3)) == ("customer.firstName", "my friend")


def test_intercom_paste_files_and_readme(out: Path) -> None:
    readme = (out / "intercom/README.md").read_text()
    assert "read-only" in readme and "GET /macros" in readme
    page = (out / "intercom/macros/parcel-late.html").read_text()
    assert '{{user.first_name|fallback:"there"}}' in page
    text = (out / "intercom/macros/parcel-late.txt").read_text()
    assert text.startswith('Hi {{user.first_name|fallback:"there"}},\n\n')
    assert intercom.placeholder("customer.first_name", 'the "team"') == "{{user.first_name|fallback:'the \"team\"'}}"


def test_gorgias_actions(out: Path) -> None:
    macro = records(out, "gorgias")["parcel-late"]
    names = [a["name"] for a in macro["actions"]]
    assert names == ["setResponseText", "addTags"]
    assert macro["actions"][1]["arguments"] == {"tags": "orders, late delivery"}
    assert macro["external_id"] == "scriptkit:parcel-late" and macro["language"] == "en"
    assert "{{ticket.customer.firstname}}" in macro["actions"][0]["arguments"]["body_text"]


def test_salesforce_quick_text(out: Path) -> None:
    rec = records(out, "salesforce")["parcel-late"]
    assert rec["Message"].startswith("Hi {!Contact.FirstName},\n\n")
    assert rec["Category"] == "Orders" and rec["Channel"] == "Email"
    assert records(out, "salesforce")["parcel-late-chat"]["Channel"] == "Chat"
    bundle = json.loads((out / "salesforce/quick_text.json").read_text())
    assert bundle["records"][0]["attributes"] == {"type": "QuickText"}
    assert salesforce.placeholder("ticket.id") == "{!Case.CaseNumber}"


def test_phone_goes_only_to_agent_facing_targets(out: Path) -> None:
    files = tree(out)
    assert not any("phone" in name for name in files if name.startswith(HELPDESKS))
    playbook = files["playbook/playbook.md"].decode()
    assert "**Phone**" in playbook and "Thanks for calling Harbour Books" in playbook


def test_html_escaping_and_liquid_raw_in_bodies(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"braces.yaml": BRACES})
    result = export(pack, ["zendesk", "freshdesk", "helpscout", "front"], tmp_path / "out", lint=False, force=True)
    body = json.loads((tmp_path / "out/zendesk/macros/code-help.json").read_text())["macro"]["actions"][0]["value"]
    assert "&lt;b&gt;HELLO&lt;/b&gt; &amp; the code" in body
    assert "{% raw %}{{{% endraw %}code}}" in body and "{% raw %}{{% endraw %}% braces %}" in body
    assert "<mark>[[order number]]</mark>" in body  # Zendesk has no order number placeholder
    codes = {(d.code, d.extra["target"]) for d in result.diagnostics}
    assert ("SK503", "zendesk") in codes  # order.number: exported as a blank, with a warning
    assert ("SK505", "front") in codes and ("SK505", "helpscout") in codes  # '{{' / '{%' cannot be escaped there
    assert ("SK505", "zendesk") not in codes and ("SK505", "freshdesk") not in codes


def test_placeholder_writers_for_importers() -> None:
    assert zendesk.placeholder("customer.first_name") == "{{ticket.requester.first_name}}"
    assert freshdesk.placeholder("customer.first_name") == "{{ticket.requester.firstname}}"
    assert zendesk.placeholder("customer.first_name", "you & me", as_html=True).endswith(
        "{% else %}you &amp; me{% endif %}")


# ---------------------------------------------------------------- property: HTML targets keep text as text

# what the pack's text means as Markdown, not as itself: a list item ('- 0' is a <ul>), a link, and (above,
# with the backslash left out) an escape ('\\[' is a '[')
_MARKDOWN = re.compile(r"(?m)^\s*(?:[-*+]|\d+[.)])\s|\]\(")

HTML_BODY = {"front": ("body", None), "helpscout": ("text", "chatText"), "intercom": ("body", "body_text")}


@pytest.mark.parametrize("target", sorted(HTML_BODY))
@settings(max_examples=120, deadline=None)
@given(text=st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="{%!\\"), min_size=1,
                    max_size=50).filter(lambda s: s.strip() == s and s != "" and not _MARKDOWN.search(s)))
def test_literal_text_survives_html_and_plain_bodies(target: str, text: str) -> None:
    msg = message(Text(text, "solution"))
    html_key, plain_key = HTML_BODY[target]
    payload = get(target).render(msg)
    assert html_text(payload[html_key]) == text
    if plain_key:
        assert payload[plain_key] == text
    assert not get(target).check(msg)


def test_gorgias_default_filter_spells_each_fallback_it_can_and_names_the_one_it_cannot() -> None:
    from dataclasses import replace

    from scriptkit.message import Placeholder

    target = get("gorgias")
    quoted = replace(message(Text("Hi ", "acknowledgment"), Placeholder("customer.first_name", "acknowledgment",
                                                                        'the "team"')),
                     meta={"tags": (), "export": {"default_filter": True}})
    payload = target.render(quoted)
    assert payload["actions"][0]["arguments"]["body_text"] == "Hi {{ticket.customer.firstname|default('the \"team\"')}}"
    # (written, so no fallback lost: SK504 says only that |default fills in a missing name, not an empty one)
    assert [p.message for p in target.check(quoted) if "not an empty one" not in p.message] == []
    both = replace(quoted, segments=(Placeholder("customer.first_name", "acknowledgment", "it's \"us\""),))
    (dropped,) = target.check(both)
    assert dropped.code == "SK504" and "cannot spell this fallback" in dropped.message
    assert target.render(both)["actions"][0]["arguments"]["body_text"] == "{{ticket.customer.firstname}}"
    wrong = replace(quoted, meta={"tags": (), "export": {"default_filter": "yes"}})
    assert sorted(p.code for p in target.check(wrong)) == ["SK504", "SK512"]  # (invalid-setting: it was SK506)


def _copyable(docs: str) -> list[str]:
    """What a reader copies from an export check's docs: each code block line and each inline span
    holding template syntax or a setting (anything with a brace)."""
    blocks = re.findall(r"```[^\n]*\n(.*?)```", docs, re.DOTALL)
    lines = [line.strip() for block in blocks for line in block.splitlines() if line.strip()]
    prose = re.sub(r"```.*?```", "", docs, flags=re.DOTALL)
    return lines + [span for span in re.findall(r"`([^`\n]+)`", prose) if "{" in span]


def test_export_check_docs_never_wrap_inside_a_placeholder_or_setting() -> None:
    # `scriptkit rule SK503` wraps to the terminal: a wrap inside `{{ blank.order_number }}` or a
    # mapping leaves a reader copying half a placeholder into pack.yaml
    from click.testing import CliRunner

    from scriptkit.cli import main
    from scriptkit.targets.checks import export_checks

    runner = CliRunner()
    checks = export_checks()
    assert any("{{" in line for check in checks for line in _copyable(check.docs))
    for width in range(60, 121):
        for check in checks:
            shown = runner.invoke(main, ["rule", check.code], env={"COLUMNS": str(width), "NO_COLOR": "1"})
            assert shown.exit_code == 0, shown.output
            lines = [line.strip() for line in shown.output.splitlines()]
            cut = [text for text in _copyable(check.docs) if not any(text in line for line in lines)]
            assert not cut, (check.code, width, cut)
