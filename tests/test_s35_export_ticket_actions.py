"""What a macro does to the ticket in one helpdesk (status, priority, tags, subject), exported to another: carried
where the other has the same action, else named (SK511), never dropped silently."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from export_fixtures import write_pack

from scriptkit.cli import main
from scriptkit.exporting import export

PACK = "name: Ticket actions\nversion: 1.0.0\nchannels:\n  email:\n    greeting: ''\n    signoff: ''\n"


def _script(block: str, tags: str = "[refund, billing_done]") -> str:
    return ("id: refund-sent\ntitle: Refund sent\nchannels: [email]\n"
            f"tags: {tags}\n"
            "acknowledgment: I'm sorry you were charged twice.\n"
            "solution: The second payment is on its way back to your card.\n"
            f"export:\n{block}")


ZENDESK = ("  zendesk:\n    status: solved\n    replace_tags: true\n    actions:\n"
           "      - {field: priority, value: high}\n      - {field: group_id, value: '77'}\n"
           "      - {field: subject, value: Your refund}\n")


def test_zendesk_actions_to_front_keep_the_subject_and_name_the_rest(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"refund.yaml": _script(ZENDESK)}, PACK)
    result = export(pack, ["front"], tmp_path / "out", lint=False)
    found = [d for d in result.diagnostics if d.code == "SK511"]
    assert len(found) == 1  # (one a script)
    said = found[0].message
    for lost in ("status to solved", "replaces the ticket's tags with 'refund billing_done'", "priority to high",
                 "group_id to '77'"):
        assert lost in said
    assert "subject" not in said  # (a Front template has one)
    assert found[0].location is not None and found[0].location.line == 9  # (at status:, the first lost)
    assert "rule or automation in front" in (found[0].suggestion or "")
    written = json.loads(next((tmp_path / "out" / "front").rglob("refund-sent.json")).read_text(encoding="utf-8"))
    assert written["subject"] == "Your refund"


def test_zendesk_actions_to_gorgias_are_its_own_where_they_mean_the_same(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"refund.yaml": _script(ZENDESK)}, PACK)
    result = export(pack, ["gorgias"], tmp_path / "out", lint=False)
    macro = json.loads(next((tmp_path / "out" / "gorgias").rglob("refund-sent.json")).read_text(encoding="utf-8"))
    actions = {a["name"]: a["arguments"] for a in macro["actions"]}
    assert actions["setStatus"] == {"status": "closed"}
    assert actions["setPriority"] == {"priority": "high"}
    assert actions["setSubject"] == {"subject": "Your refund"}
    [sk511] = [d for d in result.diagnostics if d.code == "SK511"]
    # set_tags replaces the tags, addTags adds them: said, not passed off as the same
    assert "replaces the ticket's tags" in sk511.message and "addTags adds them" in sk511.message
    assert "group_id" in sk511.message and "status" not in sk511.message and "priority" not in sk511.message


def test_front_subject_and_gorgias_actions_reach_zendesk(tmp_path: Path) -> None:
    block = ("  front:\n    subject: About your order\n  gorgias:\n    status: closed\n    actions:\n"
             "      - {name: removeTags, title: Remove tags, type: user, arguments: {tags: 'vip, urgent'}}\n")
    pack = write_pack(tmp_path / "p", {"refund.yaml": _script(block, "[]")}, PACK)
    result = export(pack, ["zendesk"], tmp_path / "out", lint=False)
    macro = json.loads(next((tmp_path / "out" / "zendesk").rglob("refund-sent.json")).read_text(encoding="utf-8"))
    actions = {a["field"]: a["value"] for a in macro.get("macro", macro)["actions"]}
    assert actions["subject"] == "About your order"
    assert actions["status"] == "solved" and actions["remove_tags"] == "vip urgent"
    assert not [d for d in result.diagnostics if d.code == "SK511"]


def test_exported_back_to_its_own_helpdesk_nothing_is_named(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"refund.yaml": _script(ZENDESK)}, PACK)
    found = export(pack, ["zendesk", "json"], tmp_path / "out", lint=False).diagnostics
    assert not [d for d in found if d.code == "SK511"]


def test_the_rule_is_documented_and_the_cli_names_it(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"refund.yaml": _script(ZENDESK)}, PACK)
    result = CliRunner().invoke(main, ["export", str(pack), "--to", "intercom", "-o", str(tmp_path / "out")])
    assert "SK511" in result.output and "Traceback" not in result.output
    doc = CliRunner().invoke(main, ["rule", "SK511"])
    assert doc.exit_code == 0 and "rule or automation" in doc.output


def test_a_pack_wide_block_does_not_make_every_tagged_script_a_macro_that_adds_tags(tmp_path: Path) -> None:
    # (the pack's own tags, which its Zendesk export adds, are no macro's action where no script came from one)
    pack_yaml = PACK + "export:\n  zendesk:\n    placeholders:\n      order.number: ticket.external_id\n"
    script = _script("  front: {}\n").replace("export:\n  front: {}\n", "")
    pack = write_pack(tmp_path / "p", {"refund.yaml": script}, pack_yaml)
    found = export(pack, ["front"], tmp_path / "out", lint=False).diagnostics
    assert not [d for d in found if d.code == "SK511"]
    imported = write_pack(tmp_path / "q", {"refund.yaml": _script("  zendesk:\n    id: 12\n")}, pack_yaml)
    [sk511] = [d for d in export(imported, ["front"], tmp_path / "out2", lint=False).diagnostics if d.code == "SK511"]
    assert "adds the tags 'refund billing_done'" in sk511.message and sk511.location.line == 4
