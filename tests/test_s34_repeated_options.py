"""A single-value option given twice (`--format sarif --format github`, `-o a.sarif -o b.sarif`) silently kept the
last one: the job uploaded a SARIF file that was never written. It is refused, naming the option."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

SCRIPT = """id: hello
title: Hello
acknowledgment: "I'm sorry the parcel is late."
solution: "I've sent a new one today; it arrives by Friday."
"""


@pytest.mark.parametrize("twice", [["--format", "sarif", "--format", "github"], ["--format=json", "--format", "json"],
                                   ["-o", "a.sarif", "-o", "b.sarif"], ["-oa.sarif", "--output=b.sarif"]])
def test_check_refuses_a_repeated_option(make_pack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                         twice: list[str]) -> None:
    pack = make_pack({"hello.yaml": SCRIPT})
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", str(pack), "--grammar", "off", *twice])
    assert result.exit_code == 2, result.output
    name = "--format" if "format" in twice[0] else "--output"
    assert f"{name} was given twice" in result.stderr and "run the command once per" in result.stderr, result.stderr
    assert not (tmp_path / "a.sarif").exists() and not (tmp_path / "b.sarif").exists()


@pytest.mark.parametrize("command", [["review", "reply.txt", "--format", "json", "--format", "sarif"],
                                     ["audit", "reply.txt", "--format", "json", "--format", "text"],
                                     ["export", "pack", "--out", "a", "--out", "b"]])
def test_other_commands_refuse_it_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 2 and "was given twice" in result.stderr, result.output


def test_repeatable_options_stay_repeatable(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"hello.yaml": SCRIPT})
    result = CliRunner().invoke(main, ["check", str(pack), "--grammar", "off", "--select", "SK201",
                                       "--select", "SK203", "--channel", "email", "--channel", "chat"])
    assert result.exit_code == 0, result.output
