"""Importing Front templates reads their owners as SK507 and the export do: two teammates' private templates
of one title are no clash (each is in its own teammate's picker), and an owner link that names no teammate is
said, not read as a teammate called "teammates" or silently shared."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result
from ruamel.yaml import YAML

from scriptkit.cli import main

API = "https://acme.api.frontapp.com"
CLASH = "asks for distinct titles (SK507)"


def _template(ident: str, owner: Any, name: str = "Refund on its way") -> dict[str, Any]:
    return {"_links": {"self": f"{API}/message_templates/{ident}", "related": {"owner": owner}},
            "id": ident, "name": name, "subject": None, "attachments": [], "inbox_ids": None,
            "body": "<p>Hi {{recipient.first_name}}, I'm sorry for the wait. I've sent your refund today.</p>"}


def _import(tmp_path: Path, *templates: dict[str, Any]) -> Result:
    tmp_path.mkdir(parents=True, exist_ok=True)
    source = tmp_path / "front.json"
    source.write_text(json.dumps({"_results": list(templates)}), encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(tmp_path / "pack")], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return result


def test_two_teammates_private_templates_of_one_title_are_no_clash(tmp_path: Path) -> None:
    result = _import(tmp_path, _template("rsp_1", f"{API}/teammates/tea_4"),
                     _template("rsp_2", f"{API}/teammates/tea_9"))
    assert CLASH not in result.stderr
    exported = CliRunner().invoke(main, ["export", str(tmp_path / "pack"), "--to", "front", "-o",
                                         str(tmp_path / "out"), "--grammar", "off"])
    assert "SK507" not in exported.output  # (the export agrees: the note would have been a false alarm)


def test_a_shared_template_and_a_private_one_of_one_title_still_clash(tmp_path: Path) -> None:
    result = _import(tmp_path, _template("rsp_1", f"{API}/teammates/tea_4"), _template("rsp_2", f"{API}/teams/tim_1"),
                     _template("rsp_3", f"{API}/teammates/tea_9", "Another title"))
    assert result.stderr.count(CLASH) == 2
    one_teammate = _import(tmp_path / "again", _template("rsp_1", f"{API}/teammates/tea_4"),
                           _template("rsp_2", f"{API}/teammates/TEA_4".replace("TEA", "tea")))
    assert one_teammate.stderr.count(CLASH) == 2


def test_an_owner_link_that_names_no_teammate_is_said_and_the_template_shared(tmp_path: Path) -> None:
    result = _import(tmp_path, _template("rsp_1", f"{API}/teammates/", "Cut link"), _template("rsp_2", 42, "Odd owner"))
    scripts = tmp_path / "pack" / "scripts"
    for name in ("cut-link", "odd-owner"):
        script = YAML(typ="safe").load(scripts / f"{name}.yaml")
        assert "teammate_id" not in (script.get("export") or {}).get("front", {})
    assert f"cut-link: its owner link in Front ('{API}/teammates/') names no teammate" in result.stderr
    assert "odd-owner: its owner link in Front ('42') names no teammate" in result.stderr


def test_a_teams_template_stays_shared_and_its_team_is_said(tmp_path: Path) -> None:
    result = _import(tmp_path, _template("rsp_1", f"{API}/teams/tim_1"))
    assert "owner link" not in result.stderr and "teammate_id" not in result.stderr
    assert "refund-on-its-way: a shared template of team tim_1's workspace in Front: kept as its front setting " \
           "team_id" in result.stderr


def test_an_owner_link_with_a_query_names_its_teammate(tmp_path: Path) -> None:
    _import(tmp_path, _template("rsp_1", f"{API}/teammates/tea_a?x=1"),
            _template("rsp_2", f"{API}/teammates/tea_b#top", "B"))
    scripts = tmp_path / "pack" / "scripts"
    owners = [YAML(typ="safe").load(scripts / f"{name}.yaml")["export"]["front"]["teammate_id"]
              for name in ("refund-on-its-way", "b")]
    assert owners == ["tea_a", "tea_b"]


def test_an_owner_that_is_no_link_is_said(tmp_path: Path) -> None:
    result = _import(tmp_path, _template("rsp_1", "alt:email:jo@example.com"))
    assert "its owner link in Front ('alt:email:jo@example.com') names no teammate" in result.stderr
