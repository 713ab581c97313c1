"""A long run says which stage it is in, in a log too: a CI job's 20,000-script audit printed nothing
for minutes and looked hung. A short run prints nothing.

The teller's clock and its pauses are given to it here (``output.stages(clock=..., pause=...)``): no sleep of the
test's own decides what is said."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from scriptkit.cli import audit, check, export, output
from tests.conftest import run_cli


def _ticks(count: int, now: list[float]) -> tuple[Callable[[threading.Event, float], bool], list[float]]:
    """A teller's pause that lets ``count`` waits pass at once (each moving ``now`` on by what it waited), then
    waits for the block to end; and the list of the waits it was asked for."""
    asked: list[float] = []

    def pause(done: threading.Event, seconds: float) -> bool:
        asked.append(seconds)
        if len(asked) > count:
            return done.wait()
        now[0] += seconds
        return False

    return pause, asked


def test_a_log_hears_the_stage_after_a_while_and_then_again(capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(output, "STAGE_LINE_AFTER", 10.0)
    monkeypatch.setattr(output, "STAGE_LINE_EVERY", 30.0)
    now = [0.0]
    monkeypatch.setattr(output, "_COMMAND_STARTED", 0.0)
    pause, asked = _ticks(3, now)
    with output.stages(clock=lambda: now[0], pause=pause) as tell:
        tell("Linting 20000 scripts")
    assert capsys.readouterr().err.splitlines() == [f"scriptkit: Linting 20000 scripts ({s} s so far)"
                                                    for s in (10, 40, 70)]
    assert asked == [10.0, 30.0, 30.0, 30.0]  # (then the block ended: the teller stopped with it)
    assert capsys.readouterr().err == ""


def test_a_stage_named_later_is_the_one_told(capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(output, "_COMMAND_STARTED", 0.0)
    now = [12.0]
    told = threading.Event()
    asked: list[float] = []

    def pause(done: threading.Event, seconds: float) -> bool:  # (one tick, once the second stage is named)
        asked.append(seconds)
        if len(asked) > 1:
            return done.wait()
        told.wait()
        return False

    with output.stages(clock=lambda: now[0], pause=pause) as tell:
        tell("Loading pack")
        tell("Checking 3 scripts")
        told.set()
    assert capsys.readouterr().err == "scriptkit: Checking 3 scripts (12 s so far)\n"


def test_a_short_run_says_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    now = [0.0]
    pause, asked = _ticks(0, now)  # (the block ends before the first line is due)
    with output.stages(clock=lambda: now[0], pause=pause) as tell:
        tell("Loading")
    assert capsys.readouterr().err == ""
    assert len(asked) <= 1


@pytest.mark.parametrize("command", [["check"], ["audit"], ["export", "--to", "zendesk", "-o"], ["review"]])
def test_the_long_commands_name_their_stages(command: list[str], tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # (review too: a 1 MB transcript is judged for a minute, and said nothing meanwhile)
    named: list[str] = []
    real = output.stages

    @contextmanager
    def recorded() -> Iterator[Callable[[str], None]]:  # (each stage the command names, as the teller hears it)
        with real() as tell:
            yield lambda label: (named.append(label), tell(label))[1]

    module = {"check": check, "audit": audit, "export": export, "review": check}[command[0]]
    monkeypatch.setattr(module, "stages", recorded)
    if command[0] == "review":
        (tmp_path / "chat.txt").write_text("Customer: My order is late.\nAgent: Sorry about that, I have sent "
                                           "a new one today.\n", encoding="utf-8")
        args = ["review", str(tmp_path / "chat.txt")]
    else:
        assert run_cli("init", str(tmp_path / "pack"), "--from", "starter").exit_code == 0
        args = [command[0], str(tmp_path / "pack"), *command[1:]]
    if command[0] == "export":
        args.append(str(tmp_path / "out"))
    result = run_cli(*args, "--grammar", "off")
    assert result.exit_code in (0, 1), result.output
    wanted = {"check": r"Checking \d+ scripts", "audit": r"Linting \d+ scripts",
              "export": r"Checking and exporting \d+ scripts", "review": r"Reviewing .*chat\.txt"}[command[0]]
    assert any(re.fullmatch(wanted, stage) for stage in named), named


def test_a_later_stage_is_timed_from_the_commands_start(capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # (a check's loading and its judging are two blocks: a 9 s load then a 9 s judgement printed nothing, and
    # a judgement after a 30 s load said "10 s so far")
    monkeypatch.setattr(output, "_COMMAND_STARTED", 0.0)
    monkeypatch.setattr(output, "STAGE_LINE_AFTER", 10.0)
    monkeypatch.setattr(output, "STAGE_LINE_EVERY", 30.0)
    now = [40.0]
    pause, asked = _ticks(1, now)
    with output.stages(clock=lambda: now[0], pause=pause) as tell:
        tell("Checking 20000 scripts")
    assert asked[0] == 1.0  # (a stage that starts late waits a second at least)
    assert capsys.readouterr().err.splitlines() == ["scriptkit: Checking 20000 scripts (41 s so far)"]
