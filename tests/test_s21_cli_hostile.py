"""Hostile command lines: a report written where the pack reads scripts, control characters in
names, a too deeply nested email, an interrupted --fix."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli


def _pack(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    assert run_cli("init", "--name", "Orders", str(root)).exit_code == 0
    return root


def test_a_report_is_not_written_into_the_scripts_folder(tmp_path: Path) -> None:
    # `check oo -o oo/scripts/new.yaml` wrote the report as a script: the pack no longer loaded
    root = _pack(tmp_path)
    for option, name in (("-o", "new.yaml"), ("--write-baseline", "sub/accepted.YML")):
        target = root / "scripts" / name
        result = run_cli("check", str(root), option, str(target))
        assert result.exit_code == 2, result.output
        assert f"{target}:1:1: error: {option} {target} is in the pack's scripts folder" in result.output
        assert not target.exists()
    assert run_cli("check", str(root)).exit_code == 0  # (the pack still loads)


def test_a_report_beside_the_scripts_folder_is_written(tmp_path: Path) -> None:
    root = _pack(tmp_path)
    for target in (root / "report.yaml", root / "scripts" / "report.json"):
        assert run_cli("check", str(root), "--format", "json", "-o", str(target)).exit_code == 0
        assert target.is_file()
