"""A Front template owned by a team (its owner link ``.../teams/tim_x``) lives in that team's workspace: the import
keeps the team as the ``team_id`` setting and says so in the template's notes, and the export writes it under
``front/teams/<team>/`` for ``POST /teams/{team_id}/message_templates``, not among the templates posted to the
default workspace. It was imported shared with no note, and exported for the token's oldest workspace."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from export_fixtures import write_pack

from tests.conftest import run_cli

API = "https://acme.api.frontapp.com"


def _template(ident: str, owner: Any, name: str) -> dict[str, Any]:
    return {"_links": {"self": f"{API}/message_templates/{ident}", "related": {"owner": owner, "parent_folder": None}},
            "id": ident, "name": name, "subject": None, "attachments": [], "inbox_ids": ["inb_5"],
            "is_available_for_all_inboxes": False,
            "body": "<p>Hi {{recipient.first_name}}, I'm sorry for the wait. I've sent your refund today.</p>"}


def _import(tmp_path: Path, *templates: dict[str, Any]) -> str:
    source = tmp_path / "front.json"
    source.write_text(json.dumps({"_results": list(templates)}, indent=1), encoding="utf-8")
    result = run_cli("import", str(source), "-o", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def _bundles(out: Path) -> dict[str, Any]:
    return {f.relative_to(out).as_posix(): json.loads(f.read_text(encoding="utf-8"))
            for f in sorted(out.rglob("message_templates.json"))}


def test_a_teams_template_is_said_kept_and_exported_to_its_team(tmp_path: Path) -> None:
    said = _import(tmp_path, _template("rsp_1", f"{API}/teams/tim_x", "Refund sent"),
                   _template("rsp_2", None, "Everyone's refund"))
    assert ("refund-sent: a shared template of team tim_x's workspace in Front: kept as its front setting team_id, "
            "so the export writes it under front/teams/tim_x/ for POST /teams/tim_x/message_templates") in said
    script = (tmp_path / "pack" / "scripts" / "refund-sent.yaml").read_text(encoding="utf-8")
    assert script.startswith(f"# Imported by `scriptkit import` from front.json ({tmp_path / 'front.json'}:")
    assert "# Note: a shared template of team tim_x's workspace in Front" in script
    assert "team_id: tim_x" in script and "inb_5" in script  # (a team's template keeps its inboxes)
    exported = run_cli("export", str(tmp_path / "pack"), "--to", "front", "-o", str(tmp_path / "out"), "--force")
    assert exported.exit_code == 0, exported.output
    assert "front: 2 message templates (1 of a team's workspace, under front/teams/)" in exported.output
    front = tmp_path / "out" / "front"
    team = json.loads((front / "teams/tim_x/message_templates/refund-sent.json").read_text(encoding="utf-8"))
    assert team == {"body": "<p>Hi {{recipient.first_name}}, I'm sorry for the wait. I've sent your refund "
                            "today.</p>", "id": "rsp_1", "inbox_ids": ["inb_5"], "name": "Refund sent"}
    assert [p.name for p in (front / "message_templates").iterdir()] == ["everyone-s-refund.json"]
    assert "POST /teams/<team>/message_templates" in (front / "README.md").read_text(encoding="utf-8")
    # read back from the export folder (the team's bundle's folder names the team) and exported again: the same
    again = run_cli("import", str(tmp_path / "out"), "-o", str(tmp_path / "back"))
    assert again.exit_code == 0, again.output
    run_cli("export", str(tmp_path / "back"), "--to", "front", "-o", str(tmp_path / "again"), "--force")
    assert _bundles(tmp_path / "again") == _bundles(tmp_path / "out")


@pytest.mark.parametrize("link", [f"{API}/teams/", f"{API}/teams/rsp_9"])
def test_a_team_link_that_names_no_team_is_said(tmp_path: Path, link: str) -> None:
    said = _import(tmp_path, _template("rsp_1", link, "Refund sent"))
    assert f"refund-sent: its owner in Front ({link!r}) names no team Front takes: imported as a shared template" \
        in said
    assert "team_id:" not in (tmp_path / "pack" / "scripts" / "refund-sent.yaml").read_text(encoding="utf-8")


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


@pytest.mark.parametrize(("settings", "said"), [
    ("    team_id: tea_4", "late.yaml:8:14: error: front setting 'team_id' must be a team's id such as tim_s47, not "
                          "'tea_4'"),
    ("    team_id: tim_1\n    teammate_id: tea_4", "late.yaml:8:14: error: front setting 'team_id' does not apply to a "
                                                   "private template (teammate_id tea_4)"),
])
def test_a_wrong_team_id_is_refused_at_its_line_by_check_and_export_forced_or_not(
        tmp_path: Path, settings: str, said: str) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": SCRIPT.format(settings=settings)})
    checked = run_cli("check", str(pack), "--grammar", "off")
    assert checked.exit_code == 2, checked.output
    assert said in " ".join(checked.output.split())
    # (bad input: a forced export left the template, or its team_id, out)
    exported = run_cli("export", str(pack), "--to", "front", "--out", str(tmp_path / "out"), "--force")
    assert exported.exit_code == 2 and said in " ".join(exported.output.split()), exported.output
    assert not (tmp_path / "out").exists()
