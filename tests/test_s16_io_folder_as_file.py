"""A pack.yaml that is a folder (mkdir pack/pack.yaml) is said to be one, at its place, with what to write
instead (exit 2, no traceback, nothing written); so is a folder in scripts/ named like a script."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import scriptkit
from scriptkit.cli import main

SCRIPT = ("id: late\ntitle: Orders::Late\n"
          "acknowledgment: I can see how frustrating it is that your order is late.\n"
          "solution: I've sent a new one today, and it arrives by Friday.\n")
HINT = ("Delete this folder (move out anything in it) and write pack.yaml as a file of the pack's settings "
        "(at least name: shop).")


@pytest.fixture
def folder_pack(tmp_path: Path) -> Path:
    root = tmp_path / "shop"
    (root / "scripts").mkdir(parents=True)
    (root / "scripts" / "late.yaml").write_text(SCRIPT, encoding="utf-8")
    (root / "pack.yaml").mkdir()
    return root


@pytest.mark.parametrize("command", [["check"], ["render"], ["audit"], ["export", "--to", "zendesk", "--out", "OUT"]])
def test_a_pack_yaml_folder_is_named_with_a_hint(folder_pack: Path, tmp_path: Path, command: list[str]) -> None:
    args = [command[0], str(folder_pack), *(str(tmp_path / "out") if a == "OUT" else a for a in command[1:])]
    done = CliRunner().invoke(main, args, env={"NO_COLOR": "1"})
    assert done.exit_code == 2, done.output
    said = " ".join(done.output.split())
    assert f"{folder_pack / 'pack.yaml'}: error: pack.yaml is a folder, not a file. {HINT}" in said
    assert "Traceback" not in done.output and not (tmp_path / "out").exists()


def test_load_pack_raises_it_located(folder_pack: Path) -> None:
    with pytest.raises(scriptkit.PackError) as raised:
        scriptkit.load_pack(folder_pack)
    assert raised.value.message == "pack.yaml is a folder, not a file" and raised.value.hint == HINT
    assert raised.value.location is not None and raised.value.location.file == str(folder_pack / "pack.yaml")


def test_a_folder_named_like_a_script_is_said_to_be_one(make_pack: Any) -> None:
    root: Path = make_pack({"late.yaml": SCRIPT})
    (root / "scripts" / "refund.yaml").mkdir()
    with pytest.raises(scriptkit.PackError) as raised:
        scriptkit.load_pack(root)
    assert raised.value.message == "refund.yaml is a folder, not a file"
    assert raised.value.hint == "Rename the folder without .yaml, or move the script files in it up into scripts/."
