"""Zendesk, Freshdesk, Help Scout and Gorgias exports against the vendors' documented facts, each
fact written into the test (with where it is documented) so a fresh clone checks it too."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

SCRIPT = ("id: late\ntitle: Orders::Late\n"
          "acknowledgment: I can see how frustrating it is that your parcel is late.\n"
          "warm_language: Thanks for bearing with me while I sort it out.\n"
          "flexibility:\n  guidance: Check the tracking page before you reply.\n"
          "solution: I've sent a new one today, and it arrives by Friday.\n")

#: Help Scout's own parser of saved-reply variables (helpscout/hsds-react, MessageCard.utils.js)
HELPSCOUT_VARIABLE = re.compile(r"{%([^,%]+)(,fallback=([^%]*)?)?%}")


def run(*args: str) -> Any:
    return CliRunner().invoke(main, [*args, "--grammar", "off"] if args[0] == "check" else list(args),
                              env={"NO_COLOR": "1", "COLUMNS": "200"})


def script(n: int, title: str = "Orders::Late", export: str = "") -> str:
    text = SCRIPT.replace("id: late", f"id: late-{n}")
    return text.replace("title: Orders::Late", f"title: \"{title} {n}\"") + export


# ---------------------------------------------------------------- Zendesk restriction

# Zendesk, Create Macro: restriction `type` (required) "Group" or "User"; `id` a numeric id; `ids` numeric *group* ids.
@pytest.mark.parametrize("restriction", ["{type: Group}", "{type: User}", "{type: User, ids: [12, 13]}"])
def test_a_zendesk_restriction_without_anyone_to_restrict_to_is_refused(make_pack: Any, tmp_path: Path,
                                                                       restriction: str) -> None:
    root = make_pack({"late.yaml": SCRIPT + f"export:\n  zendesk:\n    restriction: {restriction}\n"})
    checked = run("check", str(root))
    assert checked.exit_code == 2, checked.output
    assert f"{root}/scripts/late.yaml:10:18: error: zendesk restriction" in checked.output
    assert "Traceback" not in checked.output
    exported = run("export", str(root), "--to", "zendesk", "--out", str(tmp_path / "out"))
    assert exported.exit_code == 2 and not (tmp_path / "out").exists()  # (as check: it was a finding, exit 1)
    assert f"{root}/scripts/late.yaml:10:18: error: zendesk restriction" in exported.output


@pytest.mark.parametrize(("restriction", "written"), [
    ("{type: Group, ids: [360011, 360012]}", {"type": "Group", "ids": [360011, 360012]}),
    ("{type: Group, id: 360011}", {"type": "Group", "id": 360011}),
    ("{type: User, id: 42}", {"type": "User", "id": 42}),
])
def test_a_documented_zendesk_restriction_is_written_as_given(make_pack: Any, tmp_path: Path, restriction: str,
                                                              written: dict[str, Any]) -> None:
    root = make_pack({"late.yaml": SCRIPT + f"export:\n  zendesk:\n    restriction: {restriction}\n"})
    assert run("check", str(root)).exit_code in (0, 1)
    exported = run("export", str(root), "--to", "zendesk", "--out", str(tmp_path / "out"))
    assert exported.exit_code == 0, exported.output
    macro = json.loads((tmp_path / "out/zendesk/macros/late.json").read_text(encoding="utf-8"))["macro"]
    assert macro["restriction"] == written


# ---------------------------------------------------------------- Freshdesk groups and folders

GROUPS_PACK = "name: Groups\nexport:\n  freshdesk:\n    folder_id: 8\n    visibility: groups\n"


def test_check_names_the_script_that_lacks_group_ids_at_its_own_block(make_pack: Any) -> None:
    # Freshdesk: group_ids is required when visibility is 2 (selected groups)
    root = make_pack({"a.yaml": script(1, export="export:\n  freshdesk:\n    group_ids: [4]\n"),
                      "b.yaml": script(2, export="export:\n  freshdesk:\n    folder_id: 9\n")}, GROUPS_PACK)
    checked = run("check", str(root))
    assert checked.exit_code == 2, checked.output
    assert f"{root}/scripts/b.yaml:10:5: error: freshdesk group_ids missing" in checked.output
    assert "a.yaml" not in checked.output  # it names its groups
    assert f"{root}/pack.yaml" not in checked.output  # the pack's visibility is not what is wrong


def test_group_ids_in_the_pack_cover_every_script(make_pack: Any, tmp_path: Path) -> None:
    root = make_pack({"a.yaml": script(1), "b.yaml": script(2, export="export:\n  freshdesk:\n    group_ids: [4]\n")},
                     GROUPS_PACK + "    group_ids: [5, 6]\n")
    exported = run("export", str(root), "--to", "freshdesk", "--out", str(tmp_path / "out"))
    assert exported.exit_code == 0, exported.output
    out = {p.stem: json.loads(p.read_text(encoding="utf-8"))
           for p in (tmp_path / "out/freshdesk/canned_responses").glob("*.json")}
    assert (out["late-1"]["visibility"], out["late-1"]["group_ids"], out["late-1"]["folder_id"]) == (2, [5, 6], 8)
    assert out["late-2"]["group_ids"] == [4]


# Freshdesk canned-response folders: name 3 to 240 characters, unique, not starting "Personal_" (reserved).
@pytest.mark.parametrize(("category", "why"), [
    ("IT", "3 to 240 characters, not 2"),
    ("Personal_Sam", "names starting 'Personal_'"),
])
def test_a_folder_name_freshdesk_refuses_is_named_and_not_listed(make_pack: Any, tmp_path: Path, category: str,
                                                                why: str) -> None:
    root = make_pack({"a.yaml": script(1, title=f"{category}::Printer"), "b.yaml": script(2, title="Billing::Card")})
    exported = run("export", str(root), "--to", "freshdesk", "--out", str(tmp_path / "out"))
    assert exported.exit_code == 0, exported.output
    assert f"'{category}' cannot be a Freshdesk folder name" in exported.output and why in exported.output
    # at the title, where the category is written
    assert re.search(r"scripts/a\.yaml\n  2:8 +warning +SK506 \[missing-setting\] '" + re.escape(category),
                     exported.output), exported.output
    folders = json.loads((tmp_path / "out/freshdesk/folders.json").read_text(encoding="utf-8"))
    assert folders == {"canned_response_folders": [{"name": "Billing"}]}
    response = json.loads((tmp_path / "out/freshdesk/canned_responses/late-1.json").read_text(encoding="utf-8"))
    assert response["visibility"] == 1 and "folder_id" not in response  # personal: valid without a folder


# ---------------------------------------------------------------- a pack with every feature

FULL_PACK = """\
name: Tidewater Outfitters
version: 0.3.0
locale: en-CA
constants:
  returns_days: 21
channels:
  email:
    greeting: "Bonjour {{ customer.first_name | fallback('à vous') }},"
    signoff: |
      Merci & à bientôt,
      {{ agent.first_name | fallback('L’équipe') }}
  chat:
    greeting: "Hi {{ customer.first_name | fallback('') }}!"
export:
  zendesk: {status: pending, tags: [scriptkit], restriction: {type: Group, ids: [360011]}}
  freshdesk: {folders: {Orders: 77, Internal: 78}, visibility: groups, group_ids: [5, 9]}
  gorgias: {status: closed, intent: shipping/status}
"""

FULL_SCRIPT = """\
id: late-parcel
title: "Orders::Late parcel <urgent> & co"
channels: [email, chat]
tags: [orders, "late delivery", Été]
acknowledgment:
  - "I know waiting for tracking updates is frustrating, {{ customer.full_name | fallback('friend') }}."
  - "Waiting a week longer than promised is exhausting."
warm_language: "I'm sorry, truly. Ticket #{{ ticket.id }} is mine now."
flexibility:
  guidance: Check the carrier first.
  blanks:
    - name: new_date
      prompt: The new date from the carrier
  alternatives:
    - label: Refund
      text: "I can refund you within {{ returns_days }} days."
  conditions:
    - when: marked delivered
      text: Ask the neighbours first.
solution: |
  Your parcel arrives by {{ blank.new_date }} (sent by {{ brand.name }}).

  I'll email {{ customer.email }} the moment it moves.
export:
  zendesk: {active: false}
  freshdesk: {group_ids: [12]}
  gorgias: {language: fr, default_filter: true}
"""

NOTE_SCRIPT = """\
id: vip-note
title: "Internal::VIP check"
channels: [email]
acknowledgment: "VIP customer: check the fraud flag before any refund."
solution: "Escalate to Tier 2 within 1 hour."
export:
  zendesk: {public: false, status: hold, restriction: {type: User, id: 42}}
"""


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("full")
    (root / "pack/scripts").mkdir(parents=True)
    (root / "pack/pack.yaml").write_text(FULL_PACK, encoding="utf-8")
    (root / "pack/scripts/late.yaml").write_text(FULL_SCRIPT, encoding="utf-8")
    (root / "pack/scripts/note.yaml").write_text(NOTE_SCRIPT, encoding="utf-8")
    for target in ("zendesk", "freshdesk", "helpscout", "gorgias"):
        done = run("export", str(root / "pack"), "--to", target, "--force", "--out", str(root / target))
        assert done.exit_code == 0, done.output
    return root


def records(full: Path, target: str, folder: str) -> dict[str, dict[str, Any]]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (full / target / target / folder).glob("*.json")}


def test_zendesk_macros_use_the_documented_actions_and_spellings(full: Path) -> None:
    macros = {k: v["macro"] for k, v in records(full, "zendesk", "macros").items()}
    late, note = macros["late-parcel"], macros["vip-note"]
    actions = {a["field"]: a["value"] for a in late["actions"]}
    # the reply is rich text (comment_value_html); public reply vs internal note is comment_mode_is_public
    assert set(actions) == {"comment_value_html", "comment_mode_is_public", "status", "current_tags"}
    body = actions["comment_value_html"]
    for spelled in ("{{ticket.requester.first_name}}", "{{ticket.requester.name}}", "{{ticket.id}}",
                    "{{ticket.brand.name}}", "{{ticket.requester.email}}", "{{current_user.first_name}}"):
        assert spelled in body
    # Zendesk documents no fallback operator: a Liquid condition that also catches an empty value
    assert ("{% if ticket.requester.first_name and ticket.requester.first_name != blank %}"
            "{{ticket.requester.first_name}}{% else %}à vous{% endif %}") in body
    assert "Merci &amp; à bientôt" in body and "<mark>[[new date]]</mark>" in body
    # tags are space-delimited (current_tags adds them), so a tag holds no space
    assert actions["current_tags"] == "orders late_delivery été scriptkit"
    assert actions["status"] in ("open", "pending", "hold", "solved")  # macros take neither new nor closed
    assert late["active"] is False and late["restriction"] == {"type": "Group", "ids": [360011]}
    assert late["title"] == "Orders::Late parcel <urgent> & co"  # '::' makes Zendesk's categories
    assert "Replace [[new date]]: The new date from the carrier" in late["description"]
    note_actions = {a["field"]: a["value"] for a in note["actions"]}
    assert note_actions["comment_mode_is_public"] == "false" and note_actions["status"] == "hold"
    assert note["restriction"] == {"type": "User", "id": 42}


def test_freshdesk_responses_use_the_documented_fields(full: Path) -> None:
    out = records(full, "freshdesk", "canned_responses")
    late, note = out["late-parcel"], out["vip-note"]
    assert set(late) == {"title", "content_html", "folder_id", "visibility", "group_ids"}
    assert (late["visibility"], late["folder_id"], late["group_ids"]) == (2, 77, [12])  # 2: selected groups
    assert (note["visibility"], note["folder_id"], note["group_ids"]) == (2, 78, [5, 9])
    assert all(3 <= len(r["title"]) <= 240 for r in out.values())
    body = late["content_html"]
    for spelled in ("{{ticket.requester.firstname}}", "{{ticket.requester.name}}", "{{ticket.id}}",
                    "{{ticket.portal_name}}", "{{ticket.requester.email}}", "{{ticket.agent.name}}"):
        assert spelled in body
    # Freshdesk's Liquid (2.4) has no `default` filter: the fallback is a condition
    assert "default" not in body and ("{% if ticket.requester.firstname and ticket.requester.firstname != blank %}"
                                      "{{ticket.requester.firstname}}{% else %}à vous{% endif %}") in body


def test_helpscout_replies_use_its_own_variable_syntax(full: Path) -> None:
    out = records(full, "helpscout", "saved_replies")
    late = out["late-parcel"]
    assert set(late) == {"name", "text", "chatText"}  # the only fields of a saved reply
    assert "<p>" in late["text"] and "<" not in late["chatText"]  # text is HTML, chatText plain
    for body in (late["text"], late["chatText"]):
        found = {m[1]: m[3] for m in HELPSCOUT_VARIABLE.finditer(body)}
        # every {% in the body is one variable Help Scout's parser reads, fallback included
        assert body.count("{%") == len(HELPSCOUT_VARIABLE.findall(body))
        assert found["customer.firstName"] == "à vous" and found["customer.fullName"] == "friend"
        assert {"conversation.number", "mailbox.name", "customer.email", "user.firstName"} <= set(found)
    chat = out["late-parcel-chat"]["text"]
    assert "{%customer.firstName,fallback=%}" in chat  # an empty fallback: documented as writing nothing


def test_gorgias_macros_use_the_documented_actions(full: Path) -> None:
    out = records(full, "gorgias", "macros")
    late = out["late-parcel"]
    assert set(late) == {"name", "actions", "external_id", "intent", "language"}
    assert (late["external_id"], late["language"], late["intent"]) == ("scriptkit:late-parcel", "fr", "shipping/status")
    assert out["vip-note"]["language"] == "en"  # ISO 639-1 of the pack's locale, en-CA
    by_name = {a["name"]: a for a in late["actions"]}
    assert all(a["type"] == "user" for a in late["actions"])
    text = by_name["setResponseText"]["arguments"]
    assert set(text) == {"body_html", "body_text"}  # both, as Gorgias takes them
    assert "<p>" in text["body_html"] and "<" not in text["body_text"]
    assert "{{ticket.customer.firstname|default(\"à vous\")}}" in text["body_text"]
    assert "{{ticket.id}}" in text["body_text"] and "{{current_user.firstname" in text["body_text"]
    assert by_name["addTags"]["arguments"] == {"tags": "orders, late delivery, Été"}  # comma-separated text
    assert by_name["setStatus"]["arguments"] == {"status": "closed"}


def test_a_tag_gorgias_would_split_at_its_comma_is_named(make_pack: Any, tmp_path: Path) -> None:
    # Gorgias addTags: `tags` is one comma-separated string ("question, order-status")
    root = make_pack({"late.yaml": SCRIPT + 'tags: [orders, "returns, refunds"]\n'})
    exported = run("export", str(root), "--to", "gorgias", "--out", str(tmp_path / "out"))
    assert exported.exit_code == 0, exported.output
    assert "gorgias reads the tag 'returns, refunds' as 2 tags" in exported.output
    clean = make_pack({"late.yaml": SCRIPT + "tags: [orders, returns]\n"})
    assert "SK506" not in run("export", str(clean), "--to", "gorgias", "--out", str(tmp_path / "out2")).output


def test_check_names_every_script_without_group_ids_each_at_its_own_place(make_pack: Any) -> None:
    root = make_pack({"a.yaml": script(1), "b.yaml": script(2, export="export:\n  freshdesk:\n    group_ids: [4]\n"),
                      "c.yaml": script(3), "d.yaml": script(4, export="export:\n  freshdesk:\n    folder_id: 9\n")},
                     GROUPS_PACK)
    checked = run("check", str(root))
    assert checked.exit_code == 2, checked.output
    for where in ("a.yaml:1:5", "c.yaml:1:5", "d.yaml:10:5"):
        assert f"{root}/scripts/{where}: error: freshdesk group_ids missing" in checked.output
    assert "b.yaml" not in checked.output and f"{root}/pack.yaml" not in checked.output
