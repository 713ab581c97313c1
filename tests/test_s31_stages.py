"""A long run says which stage it is in, in a log too: a CI job's 20,000-script audit printed nothing
for minutes and looked hung. A short run prints nothing."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from scriptkit.cli import output
from tests.conftest import run_cli


def test_a_log_hears_the_stage_after_a_while_and_then_again(capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(output, "STAGE_LINE_AFTER", 0.05)
    monkeypatch.setattr(output, "STAGE_LINE_EVERY", 0.05)
    with output.stages() as tell:
        tell("Linting 20000 scripts")
        time.sleep(0.4)
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) >= 2
    assert all(re.fullmatch(r"scriptkit: Linting 20000 scripts \(\d+ s so far\)", line) for line in lines), lines
    time.sleep(0.15)  # (the teller has stopped with the block)
    assert capsys.readouterr().err == ""


def test_a_short_run_says_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    with output.stages() as tell:
        tell("Loading")
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("command", [["check"], ["audit"], ["export", "--to", "zendesk", "-o"]])
def test_the_long_commands_name_their_stages(command: list[str], tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(output, "STAGE_LINE_AFTER", 0.0)
    monkeypatch.setattr(output, "STAGE_LINE_EVERY", 0.0005)
    assert run_cli("init", str(tmp_path / "pack"), "--from", "starter").exit_code == 0  # (long enough to be seen)
    args = [command[0], str(tmp_path / "pack"), *command[1:]]
    if command[0] == "export":
        args.append(str(tmp_path / "out"))
    result = run_cli(*args, "--grammar", "off")
    assert result.exit_code in (0, 1), result.output
    said = set(re.findall(r"^scriptkit: (.*?) \(\d+ s so far\)$", result.stderr, re.M))
    wanted = {"check": r"Checking \d+ scripts", "audit": r"Linting \d+ scripts",
              "export": r"Checking and exporting \d+ scripts"}[command[0]]
    assert any(re.fullmatch(wanted, stage) for stage in said), said


def test_a_later_stage_is_timed_from_the_commands_start(capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # (a check's loading and its judging are two blocks: a 9 s load then a 9 s judgement printed nothing, and
    # a judgement after a 30 s load said "10 s so far")
    monkeypatch.setattr(output, "_COMMAND_STARTED", time.monotonic() - 40)
    monkeypatch.setattr(output, "STAGE_LINE_AFTER", 10.0)
    monkeypatch.setattr(output, "STAGE_LINE_EVERY", 0.1)
    with output.stages() as tell:
        tell("Checking 20000 scripts")
        time.sleep(0.35)
    lines = capsys.readouterr().err.splitlines()
    assert lines and lines[0] == "scriptkit: Checking 20000 scripts (40 s so far)", lines
