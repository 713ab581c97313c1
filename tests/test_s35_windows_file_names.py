"""Session 35: a script file whose name Windows cannot hold ('scripts/con.yaml', 'what?.yaml') is refused at the file,
whatever its id: a pack is a repository cloned on every system, and the clone fails on Windows at that file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli

_REPLY = ("title: Refund\nacknowledgment: \"I can see the refund is late.\"\n"
          "solution: \"I have sent it again today.\"\n")


def _pack(root: Path, files: dict[str, str]) -> Path:
    (root / "pack" / "scripts").mkdir(parents=True)
    (root / "pack" / "pack.yaml").write_text("name: Replies\n", encoding="utf-8")
    for name, text in files.items():
        (root / "pack" / "scripts" / name).write_text(text, encoding="utf-8")
    return root / "pack"


@pytest.mark.parametrize("name", ["con.yaml", "AUX.yml", "nul.old.yaml", "com1.yaml", "what?.yaml", "a:b.yaml",
                                  "late|soon.yaml"])
def test_a_file_name_windows_cannot_hold_is_refused_at_the_file(tmp_path: Path, name: str) -> None:
    pack = _pack(tmp_path, {name: f"id: late-refund\n{_REPLY}"})
    result = run_cli("check", str(pack), "--grammar", "off", "--format", "concise")
    assert result.exit_code == 2, result.output
    told = [line for line in result.output.splitlines() if "Windows" in line]
    assert told and all(line.startswith(f"{pack}/scripts/{name}:1:1: error") and "Rename it" in line
                        for line in told), told
    assert "Traceback" not in result.output


def test_a_file_named_as_its_refused_id_is_told_once(tmp_path: Path) -> None:
    pack = _pack(tmp_path, {"con.yaml": f"id: con\n{_REPLY}"})
    result = run_cli("check", str(pack), "--grammar", "off", "--format", "concise")
    assert result.exit_code == 2
    assert [line for line in result.output.splitlines() if "Windows" in line] == [
        line for line in result.output.splitlines() if line.startswith(f"{pack}/scripts/con.yaml:1:5:")]


def test_a_name_that_only_begins_like_a_device_is_read(tmp_path: Path) -> None:
    pack = _pack(tmp_path, {"console.yaml": f"id: console\n{_REPLY}", "auxiliary-refund.yaml":
                            f"id: auxiliary-refund\n{_REPLY}"})
    result = run_cli("check", str(pack), "--grammar", "off", "--format", "concise")
    assert "Windows" not in result.output, result.output
