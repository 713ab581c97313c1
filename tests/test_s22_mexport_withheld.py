"""A macro switched off, restricted or personal in one helpdesk, exported to another (SK510)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from export_fixtures import LATE, PACK_YAML, write_pack

from scriptkit.cli import main
from scriptkit.exporting import export


def _script(setting: str) -> str:
    return LATE.replace("tags: [orders, late delivery]", f"tags: [orders]\nexport:\n{setting}")


@pytest.mark.parametrize(("setting", "helpdesk", "state", "key_line"), [
    ("  zendesk:\n    active: false\n", "zendesk", "switched off", 9),
    ("  zendesk:\n    restriction: {type: Group, ids: [123]}\n", "zendesk", "group 123", 9),
    ("  zendesk:\n    restriction: {type: User, id: 456}\n", "zendesk", "user 456", 9),
    ("  freshdesk:\n    visibility: personal\n", "freshdesk", "personal", 9),
    ("  freshdesk:\n    visibility: groups\n    group_ids: [4, 5]\n    folder_id: 13\n", "freshdesk", "groups 4, 5", 9),
])
def test_a_withheld_macro_exported_elsewhere_is_named(tmp_path: Path, setting: str, helpdesk: str, state: str,
                                                      key_line: int) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": _script(setting)}, PACK_YAML)
    others = [t for t in ("front", "intercom", "helpscout", "gorgias", "zendesk", "freshdesk") if t != helpdesk]
    found = [d for d in export(pack, others, tmp_path / "out", lint=False).diagnostics if d.code == "SK510"]
    assert {d.extra["target"] for d in found} == set(others)
    for d in found:
        assert state in d.message and helpdesk in d.message and d.location.line == key_line
        assert f"{d.extra['target']}: {{skip: true}}" in (d.suggestion or "")
    # its own helpdesk keeps the state: nothing to warn of there
    kept = export(pack, [helpdesk], tmp_path / "own", lint=False).diagnostics
    assert not [d for d in kept if d.code == "SK510"]


def test_an_active_shared_macro_is_not_named(tmp_path: Path) -> None:
    setting = "  zendesk:\n    active: true\n  freshdesk:\n    visibility: all\n    folder_id: 3\n"
    pack = write_pack(tmp_path / "p", {"late.yaml": _script(setting)}, PACK_YAML)
    found = export(pack, ["front", "gorgias"], tmp_path / "out", lint=False).diagnostics
    assert not [d for d in found if d.code == "SK510"]


def test_the_pack_setting_counts_and_skip_silences_it_via_cli(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE}, PACK_YAML + "export:\n  zendesk: {active: false}\n")
    result = CliRunner().invoke(main, ["export", str(pack), "--to", "front", "-o", str(tmp_path / "out")])
    assert "SK510" in result.output and "switched off" in result.output and "Traceback" not in result.output
    skipped = write_pack(tmp_path / "q", {"late.yaml": _script("  front: {skip: true}\n")},
                         PACK_YAML + "export:\n  zendesk: {active: false}\n")
    result = CliRunner().invoke(main, ["export", str(skipped), "--to", "front", "-o", str(tmp_path / "out2")])
    assert "SK510" not in result.output


def test_rule_docs_print(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["rule", "SK510"])
    assert result.exit_code == 0 and "skip: true" in result.output and "restriction" in result.output
