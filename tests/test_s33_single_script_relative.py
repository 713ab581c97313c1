"""`scriptkit check pack/scripts/x.yaml` said a slip in pack.yaml at its absolute path
('/home/me/pack/pack.yaml:2:1'), while every other location is written as it was given: now relative too."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

SCRIPT = ("id: parcel-late\ntitle: \"Orders::Parcel late\"\nchannels: [email]\n"
          "acknowledgment: \"I can see how annoying it is that your parcel is late.\"\n"
          "solution: \"I'll call the courier today and email you by 5pm.\"\n")


def a_pack_with_a_slip(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text("name: Parcels\ncolour: blue\n", encoding="utf-8")
    (root / "scripts" / "late.yaml").write_text(SCRIPT, encoding="utf-8")
    return root


@pytest.mark.parametrize(("cwd", "given", "said"), [
    (".", "pack/scripts/late.yaml", "pack/pack.yaml"),
    ("pack/scripts", "late.yaml", "../pack.yaml"),
    (".", "pack", "pack/pack.yaml"),  # (as the folder was always told)
])
def test_a_slip_in_pack_yaml_is_told_at_the_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           cwd: str, given: str, said: str) -> None:
    a_pack_with_a_slip(tmp_path)
    monkeypatch.chdir(tmp_path / cwd)
    result = CliRunner().invoke(main, ["check", given], env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert result.exit_code == 2, result.output
    assert f"\n{said}:2:1: error: unknown key 'colour'" in f"\n{result.output}", result.output
    assert str(tmp_path) not in result.output


def test_an_absolute_script_path_keeps_the_pack_absolute(tmp_path: Path) -> None:
    root = a_pack_with_a_slip(tmp_path)
    result = CliRunner().invoke(main, ["check", str(root / "scripts" / "late.yaml")], env={"NO_COLOR": "1"})
    assert f"{root / 'pack.yaml'}:2:1: error: unknown key 'colour'" in result.output
