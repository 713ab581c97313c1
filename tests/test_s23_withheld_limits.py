"""SK510 for a Front template limited to some inboxes and an Intercom macro visible to some teams only:
exported to a helpdesk without that limit, each became a reply every agent could insert, without a word."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from export_fixtures import LATE, PACK_YAML, write_pack

from scriptkit import ConfigError, import_library
from scriptkit.cli import main
from scriptkit.exporting import export

HELPDESKS = ("zendesk", "freshdesk", "helpscout", "gorgias", "front", "intercom", "salesforce")
REPLY = "I'm sorry the parcel was late. I've refunded your shipping in full; it reaches your card in 3-5 days."
FRONT = {"_results": [
    {"_links": {"self": "https://acme.api.frontapp.com/message_templates/rsp_1",
                "related": {"owner": "https://acme.api.frontapp.com/teams/tim_1", "parent_folder": None}},
     "id": "rsp_1", "name": "VIP refund", "subject": "Your refund", "body": f"<p>{REPLY}</p>", "attachments": [],
     "is_available_for_all_inboxes": False, "inbox_ids": ["inb_5", "inb_7"]},
    {"_links": {"self": "https://acme.api.frontapp.com/message_templates/rsp_2", "related": {}},
     "id": "rsp_2", "name": "Everyone", "subject": None, "body": f"<p>{REPLY}</p>", "attachments": [],
     "is_available_for_all_inboxes": True, "inbox_ids": None}]}
INTERCOM = {"type": "list", "data": [
    {"type": "macro", "id": "123", "name": "VIP refund", "body_text": REPLY, "visible_to": "specific_teams",
     "visible_to_team_ids": ["814", "815"], "available_on": ["inbox"]},
    {"type": "macro", "id": "124", "name": "Everyone", "body_text": REPLY, "visible_to": "everyone",
     "visible_to_team_ids": [], "available_on": ["inbox"]}]}


def _imported(tmp_path: Path, data: object, helpdesk: str) -> Path:
    file = tmp_path / f"{helpdesk}.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    return import_library(file, helpdesk).write(tmp_path / "pack")


def _withheld(pack: Path, targets: list[str], out: Path) -> dict[str, list[str]]:
    """Each target's SK510 findings, as 'line:script: message | hint'."""
    found: dict[str, list[str]] = {}
    for d in export(pack, targets, out, lint=False).diagnostics:
        if d.code == "SK510":
            where = f"{d.location.line}:{Path(d.location.file).stem}"
            found.setdefault(str(d.extra["target"]), []).append(f"{where}: {d.message} | {d.suggestion}")
    return found


def _hint(target: str) -> str:
    """SK510's hint: a helpdesk with a switch of its own (Zendesk's active, Salesforce's insertable) names it."""
    switch = {"zendesk": "active", "salesforce": "insertable"}.get(target)
    own = f"switch it off there with export: {{{target}: {{{switch}: false}}}}, " if switch else ""
    return (f"Leave it out with export: {{{target}: {{skip: true}}}} in the script, {own}or remove that setting if it "
            "should be in use everywhere.")


def _line(pack: Path, script: str, text: str) -> int:
    lines = (pack / "scripts" / f"{script}.yaml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


def test_a_front_template_limited_to_some_inboxes_is_named_elsewhere(tmp_path: Path) -> None:
    pack = _imported(tmp_path, FRONT, "front")
    others = [t for t in HELPDESKS if t != "front"]
    found = _withheld(pack, others, tmp_path / "out")
    line = _line(pack, "vip-refund", "inbox_ids:")
    assert found == {t: [f"{line}:vip-refund: in front this is limited to inboxes inb_5, inb_7 (inbox_ids); the {t} "
                         "export does not carry that, so every agent there can insert it as a reply like any other | "
                         f"{_hint(t)}"] for t in others}
    # Front keeps the inboxes (its import writes them back): nothing to warn of there
    assert _withheld(pack, ["front"], tmp_path / "own") == {}


def test_an_intercom_macro_visible_to_some_teams_is_kept_and_named_elsewhere(tmp_path: Path) -> None:
    pack = _imported(tmp_path, INTERCOM, "intercom")
    script = (pack / "scripts" / "vip-refund.yaml").read_text(encoding="utf-8")
    assert "visible_to: specific_teams" in script and "- '814'" in script and "- '815'" in script
    assert "visible_to" not in (pack / "scripts" / "everyone.yaml").read_text(encoding="utf-8")
    others = [t for t in HELPDESKS if t != "intercom"]
    found = _withheld(pack, others, tmp_path / "out")
    line = _line(pack, "vip-refund", "visible_to:")
    assert found == {t: [f"{line}:vip-refund: in intercom this is visible to teams 814, 815 only (visible_to: "
                         f"specific_teams); the {t} export does not carry that, so every agent there can insert it "
                         f"as a reply like any other | {_hint(t)}"] for t in others}
    # Intercom's own export takes the settings back, and its page says who may use the macro
    assert _withheld(pack, ["intercom"], tmp_path / "own") == {}
    page = (tmp_path / "own/intercom/macros/vip-refund.html").read_text(encoding="utf-8")
    assert "teams 814, 815 only" in page
    assert "teams" not in (tmp_path / "own/intercom/macros/everyone.html").read_text(encoding="utf-8")


def test_the_import_says_what_it_kept(tmp_path: Path) -> None:
    file = tmp_path / "intercom.json"
    file.write_text(json.dumps(INTERCOM), encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(file), "-o", str(tmp_path / "pack")])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "vip-refund: visible only to team(s) 814, 815 in Intercom: kept as its intercom setting" in said


@pytest.mark.parametrize(("setting", "state"), [
    ("  front:\n    inbox_ids: 7\n", "in front this is limited to inbox 7 (inbox_ids)"),
    ("  front:\n    inbox_ids: [inb_1]\n", "in front this is limited to inbox inb_1 (inbox_ids)"),
    ("  intercom:\n    visible_to: specific_teams\n    visible_to_team_ids: ['9']\n",
     "in intercom this is visible to team 9 only (visible_to: specific_teams)"),
])
def test_written_by_hand_too_at_the_setting(tmp_path: Path, setting: str, state: str) -> None:
    script = LATE.replace("tags: [orders, late delivery]", f"tags: [orders]\nexport:\n{setting}")
    pack = write_pack(tmp_path / "p", {"late.yaml": script}, PACK_YAML)
    found = _withheld(pack, ["zendesk", "gorgias"], tmp_path / "out")
    assert [f.split(";")[0] for f in found["zendesk"]] == [f"9:late: {state}"]
    assert set(found) == {"zendesk", "gorgias"}


@pytest.mark.parametrize("setting", [
    "  front:\n    inbox_ids: null\n",
    "  intercom:\n    visible_to: everyone\n",
])
def test_a_template_for_everyone_is_not_named(tmp_path: Path, setting: str) -> None:
    script = LATE.replace("tags: [orders, late delivery]", f"tags: [orders]\nexport:\n{setting}")
    pack = write_pack(tmp_path / "p", {"late.yaml": script}, PACK_YAML)
    assert _withheld(pack, ["zendesk", "front", "intercom"], tmp_path / "out") == {}


def test_the_pack_setting_counts_and_the_scripts_own_team_ids_are_read_with_it(tmp_path: Path) -> None:
    # (visible_to in pack.yaml, the teams in the script: the merged settings name the teams)
    script = LATE.replace("tags: [orders, late delivery]",
                          "tags: [orders]\nexport:\n  intercom:\n    visible_to_team_ids: ['7', '8']\n")
    pack = write_pack(tmp_path / "p", {"late.yaml": script},
                      PACK_YAML + "export:\n  intercom:\n    visible_to: specific_teams\n")
    found = _withheld(pack, ["front"], tmp_path / "out")
    assert [f.split(";")[0] for f in found["front"]] == \
        ["18:pack: in intercom this is visible to teams 7, 8 only (visible_to: specific_teams)"]


@pytest.mark.parametrize(("setting", "message"), [
    ("visible_to: some_teams", "intercom setting 'visible_to' must be everyone or specific_teams, not 'some_teams'"),
    ("visible_to: specific_teams", "intercom setting 'visible_to_team_ids' missing: the macro is for specific teams "
                                   "(visible_to: specific_teams) but names none"),
    ("{visible_to: specific_teams, visible_to_team_ids: []}",
     "intercom setting 'visible_to_team_ids' missing: the macro is for specific teams (visible_to: specific_teams) "
     "but names none"),
    ("{visible_to: specific_teams, visible_to_team_ids: [1.5]}",
     "intercom setting 'visible_to_team_ids' must be a team id or a list of them, not the number 1.5"),
])
def test_a_wrong_visibility_is_refused_by_the_intercom_export(tmp_path: Path, setting: str, message: str) -> None:
    script = LATE.replace("tags: [orders, late delivery]", f"tags: [orders]\nexport:\n  intercom: {setting}\n"
                          if setting.startswith("{") else f"tags: [orders]\nexport:\n  intercom:\n    {setting}\n")
    pack = write_pack(tmp_path / "p", {"late.yaml": script}, PACK_YAML)
    with pytest.raises(ConfigError) as refused:  # (bad input, as check says: it was an SK506 finding)
        export(pack, ["intercom"], tmp_path / "out", lint=False)
    assert refused.value.message == message


def test_rule_docs_list_the_new_limits() -> None:
    shown = " ".join(CliRunner().invoke(main, ["rule", "SK510"]).output.split())
    assert "inbox_ids" in shown and "visible_to: specific_teams" in shown
