"""A path that is not a file has no line or column: an error about it names the path alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli


def test_a_missing_pack_is_named_without_a_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("check", "my-pak")
    assert result.exit_code == 2
    assert result.output.startswith("my-pak: error: no such pack"), result.output


def test_init_over_a_full_folder_names_it_without_a_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_cli("init", "my-pack").exit_code == 0
    result = run_cli("init", "my-pack")
    assert result.exit_code == 2
    assert result.output.startswith("my-pack: error: my-pack already exists"), result.output


def test_a_file_keeps_its_line_and_column(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_cli("init", "my-pack").exit_code == 0
    (tmp_path / "my-pack" / "pack.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    result = run_cli("check", "my-pack")
    assert result.exit_code == 2
    assert "my-pack/pack.yaml:1:" in result.output, result.output
