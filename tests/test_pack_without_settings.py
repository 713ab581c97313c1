"""A folder of scripts without pack.yaml is told what to write: `scriptkit init`, which its hint
offered, refuses a folder that is not empty."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit import load_pack
from scriptkit.cli import main
from scriptkit.errors import PackError

SCRIPT = ("id: late\ntitle: Late\nacknowledgment: I can see how frustrating this wait has been.\n"
          "solution: I've sent a new one today, and it arrives by Friday.\n")


def test_a_folder_of_scripts_without_settings_is_told_what_to_write(tmp_path: Path) -> None:
    root = tmp_path / "returns"
    (root / "scripts").mkdir(parents=True)
    (root / "scripts" / "late.yaml").write_text(SCRIPT, encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_pack(root)
    assert caught.value.hint == (f"Create {root / 'pack.yaml'} holding at least the pack's name (name: returns), "
                                 "or point at the pack's folder.")
    refused = CliRunner().invoke(main, ["init", str(root)])
    assert refused.exit_code == 2  # (what the old hint offered)
    (root / "pack.yaml").write_text("name: returns\n", encoding="utf-8")
    assert [s.id for s in load_pack(root).scripts] == ["late"]


def test_an_empty_folder_is_offered_init(tmp_path: Path) -> None:
    root = tmp_path / "new-pack"
    root.mkdir()
    with pytest.raises(PackError) as caught:
        load_pack(root)
    assert caught.value.hint == "Create one with `scriptkit init`, or point at the pack's folder."
    assert CliRunner().invoke(main, ["init", str(root)]).exit_code == 0
