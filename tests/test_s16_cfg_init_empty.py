"""``scriptkit init ""``: an empty path is said to be one (exit 2), nothing written.

It said ":1:1: error:  already exists and is not empty" (the empty path read as the working
folder, named as nothing); in an empty working folder it made that folder a pack.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main


@pytest.mark.parametrize("folder_holds_files", [True, False])
def test_init_of_an_empty_path_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         folder_holds_files: bool) -> None:
    monkeypatch.chdir(tmp_path)
    if folder_holds_files:
        (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    before = sorted(os.listdir(tmp_path))
    result = CliRunner().invoke(main, ["init", ""], env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert "error: the new pack's folder name is empty" in result.output
    assert ":1:1:" not in result.output and "already exists" not in result.output
    assert "scriptkit init my-pack" in result.output
    assert sorted(os.listdir(tmp_path)) == before  # nothing written
