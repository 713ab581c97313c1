"""Intercom documents no first-name attribute for the teammate: agent.first_name is exported as
{{teammate.name}}, the full name, and the export says so (SK503) unless the pack maps it."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from export_fixtures import LATE, PACK_YAML, write_pack

from scriptkit.cli import main
from scriptkit.exporting import export


def test_the_agents_first_name_as_the_full_name_is_named(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE}, PACK_YAML)  # (the email sign-off: agent.first_name)
    found = [d for d in export(pack, ["intercom"], tmp_path / "out", lint=False).diagnostics
             if d.code == "SK503" and "agent.first_name" in d.message]
    assert len(found) == 1 and "{{teammate.name}}" in found[0].message and "full name" in found[0].message
    assert "placeholders: {agent.first_name:" in (found[0].suggestion or "")
    assert Path(found[0].location.file).name == "pack.yaml"  # (at the sign-off that uses it)
    body = json.loads((tmp_path / "out/intercom/macros.json").read_text())["macros"][0]["body_text"]
    assert "{{teammate.name}}" in body
    # the other helpdesks have a first-name placeholder: nothing to say there
    other = export(pack, ["helpscout", "gorgias"], tmp_path / "o2", lint=False).diagnostics
    assert not [d for d in other if d.code == "SK503" and "agent.first_name" in d.message]


def test_a_mapped_first_name_is_not_named(tmp_path: Path) -> None:
    # (as an import of a macro with {{teammate.first_name}} writes it)
    mapped = "export:\n  intercom:\n    placeholders:\n      agent.first_name: teammate.first_name\n"
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE}, PACK_YAML + mapped)
    result = CliRunner().invoke(main, ["export", str(pack), "--to", "intercom", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0 and "agent.first_name" not in result.output
    body = json.loads((tmp_path / "out/intercom/macros.json").read_text())["macros"][0]["body_text"]
    assert "{{teammate.first_name}}" in body


def test_the_full_name_is_not_named(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE}, PACK_YAML.replace("agent.first_name", "agent.full_name"))
    found = export(pack, ["intercom"], tmp_path / "out", lint=False).diagnostics
    assert not [d for d in found if d.code == "SK503" and "agent." in d.message]


def test_freshdesk_says_the_same_of_its_full_name(tmp_path: Path) -> None:
    # (Freshdesk documents only {{ticket.agent.name}}: the same stand-in, said the same way)
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE}, PACK_YAML + "export:\n  freshdesk: {folder_id: 3}\n")
    found = [d for d in export(pack, ["freshdesk"], tmp_path / "out", lint=False).diagnostics
             if d.code == "SK503" and "agent.first_name" in d.message]
    assert len(found) == 1 and "{{ticket.agent.name}}" in found[0].message and "full name" in found[0].message
