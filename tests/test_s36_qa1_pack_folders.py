"""What a folder of packs (or several pack folders) is told to run keeps the worst exit code, and export and audit of
a folder of packs are told which packs it holds and how to run each, as check is."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scriptkit.cli import main

CLEAN = ("id: calm\ntitle: Calm\nacknowledgment: I'm sorry the reset link stopped working; that is frustrating.\n"
         "warm_language: Thanks for telling us so quickly.\n"
         "flexibility:\n  guidance: Offer a phone call if the customer prefers.\n"
         "solution: I've sent you a new link just now, and it works for the next 24 hours.\n")
COLD = ("id: cold\ntitle: Cold\nacknowledgment: We have received your request.\n"
        "solution: Please be advised that links expire after one hour. Kindly request a new link.\n")


def _run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args), env={"NO_COLOR": "1", "COLUMNS": "400"})
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def _pack(where: Path, script: str | None = CLEAN, pack_yaml: str = "name: P\n") -> Path:
    (where / "scripts").mkdir(parents=True)
    (where / "pack.yaml").write_text(pack_yaml, encoding="utf-8")
    if script is not None:
        (where / "scripts" / "one.yaml").write_text(script, encoding="utf-8")
    return where


@pytest.fixture
def packs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """packs/a cannot be read (exit 2), packs/b fails (exit 1), packs/c is clean (exit 0): a loop that ends with
    the last pack's code passes."""
    for variable in ("GITHUB_WORKSPACE", "CI_PROJECT_DIR"):
        monkeypatch.delenv(variable, raising=False)
    _pack(tmp_path / "packs" / "a", pack_yaml="name: [unclosed\n")
    _pack(tmp_path / "packs" / "b", COLD)
    _pack(tmp_path / "packs" / "c")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _suggested_loop(said: str) -> str:
    loops = [cmd for cmd in re.findall(r"`([^`]+)`", said) if "for " in cmd]
    assert len(loops) == 1, said
    return loops[0]


@pytest.mark.parametrize("args", [["check", "packs"], ["check", "packs/a", "packs/b", "packs/c"]])
def test_check_of_several_packs_exits_with_the_worst_code(packs: Path, args: list[str]) -> None:
    # (checked in one run now, s37: the loop it was told before is no longer needed)
    assert _run(*args, "--grammar", "off").exit_code == 2
    assert _run("check", "packs/b", "packs/c", "--grammar", "off").exit_code == 1  # (a clean pack after a failing one)


@pytest.mark.parametrize("command", ["export", "audit"])
def test_export_and_audit_of_a_folder_of_packs_are_told_which_packs_it_holds(packs: Path, command: str) -> None:
    result = _run(command, "packs", *(["-o", "out"] if command == "export" else []))
    assert result.exit_code == 2
    said = result.output
    assert "Create packs/pack.yaml" not in said and "(name: packs)" not in said, said
    assert "packs holds 3 packs (packs/a, packs/b, packs/c)" in said, said
    assert f"{command} reads one pack folder at a time" in said
    assert f"scriptkit {command} packs/a" in said
    assert f'scriptkit {command} "$d"' in _suggested_loop(said)
    assert not (packs / "out").exists()
