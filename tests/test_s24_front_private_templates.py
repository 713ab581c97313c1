"""A teammate's private Front template stays private on the way back: the import keeps its owner as the
``teammate_id`` setting, and the export writes it in ``front/teammates/<teammate>/`` as a body of
``POST /teammates/{teammate_id}/message_templates`` (CreatePrivateMessageTemplate), never among the shared
templates of ``front/message_templates/``, which every teammate sees. It was imported with a note and exported
back shared."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from export_fixtures import write_pack

from scriptkit.cli import main
from scriptkit.errors import ConfigError
from scriptkit.exporting import export

API = "https://acme.api.frontapp.com"
LIBRARY: dict[str, Any] = {"_pagination": {"next": None}, "_results": [
    {"_links": {"self": f"{API}/message_templates/rsp_1a",
                "related": {"owner": f"{API}/teams/tim_9", "parent_folder": None}},
     "id": "rsp_1a", "name": "Lost parcel", "subject": "Your parcel",
     "body": "<p>Hi {{recipient.first_name}},</p><p>I'm so sorry your parcel has gone missing. I've sent a "
             "replacement by express today.</p>",
     "attachments": [], "is_available_for_all_inboxes": False, "inbox_ids": ["inb_5"]},
    {"_links": {"self": f"{API}/message_templates/rsp_1d",
                "related": {"owner": f"{API}/teammates/tea_4",
                            "parent_folder": f"{API}/message_template_folders/rsf_8"}},
     "id": "rsp_1d", "name": "My ticket reference", "subject": None,
     "body": "<p>Hi {{recipient.first_name}}, your ticket number is {{conversation.ticket_id}}. I'll update you "
             "on it by tomorrow.</p>", "attachments": [], "is_available_for_all_inboxes": True, "inbox_ids": None}]}

SCRIPT = """\
id: late
title: Parcel late
channels: [email]
acknowledgment: I know a late parcel is a worry, and I'm sorry it hasn't reached you.
solution: I've asked the courier to deliver it tomorrow, and I'll email you the new tracking link today.
export:
  front:
{settings}
"""


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), env={"NO_COLOR": "1"})


def _json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _pack(tmp_path: Path, settings: str) -> Path:
    return write_pack(tmp_path / "p", {"late.yaml": SCRIPT.format(settings=settings)})


def _import_and_export(tmp_path: Path) -> tuple[Result, Path]:
    source = tmp_path / "front.json"
    source.write_text(json.dumps(LIBRARY, indent=1), encoding="utf-8")
    imported = _run("import", str(source), "-o", str(tmp_path / "pack"))
    assert imported.exit_code == 0, imported.output
    exported = _run("export", str(tmp_path / "pack"), "--to", "front", "-o", str(tmp_path / "out"), "--force")
    assert exported.exit_code == 0, exported.output
    return imported, tmp_path / "out" / "front"


def test_a_private_template_comes_back_to_its_teammate_not_shared(tmp_path: Path) -> None:
    imported, front = _import_and_export(tmp_path)
    script = (tmp_path / "pack" / "scripts" / "my-ticket-reference.yaml").read_text(encoding="utf-8")
    assert "teammate_id: tea_4" in script and "folder_id: rsf_8" in script
    assert "my-ticket-reference: a private template of teammate tea_4 in Front: kept" in imported.stderr
    assert "exported back as a shared template" not in imported.stderr
    # the team's template is in its team's folder and bundle alone (no template is for the default workspace)
    assert not (front / "message_templates").exists()
    team = front / "teams" / "tim_9"
    assert sorted(p.name for p in (team / "message_templates").iterdir()) == ["lost-parcel.json"]
    assert [t["name"] for t in _json(team / "message_templates.json")["message_templates"]] == ["Lost parcel"]
    mine = front / "teammates" / "tea_4"
    private = _json(mine / "message_templates" / "my-ticket-reference.json")
    assert private["name"] == "My ticket reference" and private["folder_id"] == "rsf_8" and private["id"] == "rsp_1d"
    assert "{{conversation.ticket_id}}" in private["body"] and "teammate_id" not in private
    assert _json(mine / "message_templates.json") == {"message_templates": [private]}
    readme = (front / "README.md").read_text(encoding="utf-8")
    assert "POST /teammates/<teammate>/message_templates" in readme


def test_scriptkits_own_teammate_bundle_imports_private_again(tmp_path: Path) -> None:
    """The bodies of the teammate's bundle name no owner (Front's create body has none): its folder does."""
    _, front = _import_and_export(tmp_path)
    again = _run("import", str(front / "teammates" / "tea_4" / "message_templates.json"), "-o", str(tmp_path / "p2"))
    assert again.exit_code == 0, again.output
    script = (tmp_path / "p2" / "scripts" / "my-ticket-reference.yaml").read_text(encoding="utf-8")
    assert "teammate_id: tea_4" in script
    shared = _run("import", str(front / "teams" / "tim_9" / "message_templates.json"), "-o", str(tmp_path / "p3"))
    assert shared.exit_code == 0, shared.output
    script = (tmp_path / "p3" / "scripts" / "lost-parcel.yaml").read_text(encoding="utf-8")
    assert "teammate_id" not in script and "team_id: tim_9" in script


def test_a_team_template_in_a_folder_named_teammates_stays_shared(tmp_path: Path) -> None:
    """Only a body that names no owner takes its owner from the folder: Front's own link says it is the team's."""
    folder = tmp_path / "teammates" / "tea_9"
    folder.mkdir(parents=True)
    (folder / "message_templates.json").write_text(json.dumps({"_results": LIBRARY["_results"][:1]}),
                                                   encoding="utf-8")
    result = _run("import", str(folder / "message_templates.json"), "-o", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    assert "teammate_id" not in (tmp_path / "pack" / "scripts" / "lost-parcel.yaml").read_text(encoding="utf-8")


def test_a_private_templates_inboxes_are_named_not_kept(tmp_path: Path) -> None:
    """Front's private templates take no inboxes (CreatePrivateMessageTemplate has no inbox_ids): kept, the
    export would be refused; dropped unsaid, they were lost."""
    source = tmp_path / "front.json"
    source.write_text(json.dumps({"_results": [{**LIBRARY["_results"][1], "inbox_ids": ["inb_2"]}]}), encoding="utf-8")
    result = _run("import", str(source), "-o", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    script = (tmp_path / "pack" / "scripts" / "my-ticket-reference.yaml").read_text(encoding="utf-8")
    assert "teammate_id: tea_4" in script and "inb_2" not in script.split("\nexport:")[1]
    assert "my-ticket-reference: its inboxes in Front (inb_2) are not kept: a private template has none" \
        in result.stderr
    checked = _run("check", str(tmp_path / "pack"), "--grammar", "off")
    assert "SK506" not in checked.output


@pytest.mark.parametrize(("value", "folder"), [
    ("tea_6r55a", "tea_6r55a"), ("Jo.Ng@Example.com", "jo.ng@example.com"),
    ("alt:email:jo@example.com", "jo@example.com"),
])
def test_a_writer_names_the_teammate_by_id_or_email(tmp_path: Path, value: str, folder: str) -> None:
    pack = _pack(tmp_path, f"    teammate_id: '{value}'\n    subject: Your parcel")
    result = export(pack, ["front"], tmp_path / "out", lint=False)
    assert result.counts["front"] == 1
    front = tmp_path / "out" / "front"
    assert not (front / "message_templates").exists()
    assert _json(front / "teammates" / folder / "message_templates" / "late.json")["subject"] == "Your parcel"


@pytest.mark.parametrize(("value", "shown"), [
    ("rsp_12", "'rsp_12'"), ("42", "the number 42"), ("''", "a blank id"), ("[tea_1]", "a list"),
    ("tea_1/../x", "'tea_1/../x'"), ("jo@", "'jo@'"), ("'.hidden@example.com'", "'.hidden@example.com'"),
])
def test_a_malformed_teammate_id_is_refused_at_its_line(tmp_path: Path, value: str, shown: str) -> None:
    pack = _pack(tmp_path, f"    teammate_id: {value}")
    checked = _run("check", str(pack), "--grammar", "off")
    assert checked.exit_code == 2, checked.output
    text = " ".join(checked.output.split())
    assert "late.yaml:8:18: error: front setting 'teammate_id' must be a teammate's id such as tea_6r55a or " \
           "their email address, not " + shown in text
    assert "Traceback" not in checked.output
    # export refuses it as check does, forced too (a forced export left the template out)
    for force in (False, True):
        with pytest.raises(ConfigError):
            export(pack, ["front"], tmp_path / "out", lint=False, force=force)
        assert not (tmp_path / "out").exists()


def test_inbox_ids_beside_a_teammate_is_refused(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "    teammate_id: tea_4\n    inbox_ids: [inb_1]")
    checked = _run("check", str(pack), "--grammar", "off")
    assert checked.exit_code == 2, checked.output
    assert ("late.yaml:9:16: error: front setting 'inbox_ids' does not apply to a private template (teammate_id "
            "tea_4): Front's private templates take no inboxes") in " ".join(checked.output.split())
    with pytest.raises(ConfigError):  # (as check, forced too: a forced export left the inbox_ids out)
        export(pack, ["front"], tmp_path / "out", lint=False, force=True)
    assert not (tmp_path / "out").exists()


def test_a_pack_wide_teammate_and_a_scripts_null_one(tmp_path: Path) -> None:
    """pack.yaml's teammate_id makes every template that teammate's; a script's ``teammate_id:`` (null) shares
    its own."""
    pack = write_pack(tmp_path / "p", {
        "late.yaml": SCRIPT.format(settings="    subject: Late"),
        "shared.yaml": SCRIPT.replace("id: late", "id: shared").replace("Parcel late", "Parcel shared")
        .format(settings="    teammate_id:")})
    (pack / "pack.yaml").write_text((pack / "pack.yaml").read_text(encoding="utf-8")
                                    + "export:\n  front:\n    teammate_id: tea_7\n", encoding="utf-8")
    export(pack, ["front"], tmp_path / "out", lint=False)
    front = tmp_path / "out" / "front"
    assert sorted(p.name for p in (front / "teammates" / "tea_7" / "message_templates").iterdir()) == ["late.json"]
    assert sorted(p.name for p in (front / "message_templates").iterdir()) == ["shared.json"]
