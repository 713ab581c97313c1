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


def test_a_control_character_in_a_name_is_refused(tmp_path: Path) -> None:
    # `init --name $'a\x07b'` wrote a pack every `check` then refused; a folder name with a line
    # break split the "Next:" line printed to paste
    for args, shown in ((["--name", "a\x07b", str(tmp_path / "p")], "'a\\x07b'"),
                        ([str(tmp_path / "p\n6")], "6' holds a control character, U+000A")):
        result = run_cli("init", *args)
        assert result.exit_code == 2, result.output
        assert shown in result.output
        assert "\x07" not in result.output
    assert list(tmp_path.iterdir()) == []
    csv = tmp_path / "macros.csv"
    csv.write_text("title,body\nRefund,I've sent your refund today.\n", encoding="utf-8")
    result = run_cli("import", str(csv), "-o", str(tmp_path / "out"), "--name", "\x1b[2J")
    assert result.exit_code == 2, result.output
    assert "'\\x1b[2J' holds a control character, U+001B: a pack's name" in result.output
    assert not (tmp_path / "out").exists()


def test_a_name_of_visible_text_is_kept(tmp_path: Path) -> None:
    root = tmp_path / "p"
    assert run_cli("init", "--name", "Café: orders (EU)", str(root)).exit_code == 0
    assert "Café: orders (EU)" in (root / "pack.yaml").read_text(encoding="utf-8")
    assert run_cli("check", str(root)).exit_code == 0
