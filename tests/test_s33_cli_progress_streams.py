"""Where the command line's words go: the spinner only on a terminal that can draw it, and never when turned off
(SCRIPTKIT_NO_PROGRESS); summaries on stderr and data on stdout, for import as for export; --statistics ends with
the summary the report ends with; a --diff names a file as it is named on disk, in a C locale too."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from scriptkit.cli import output
from tests.conftest import run_cli


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _stage_output(monkeypatch: pytest.MonkeyPatch, ticks: int = 0) -> str:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    monkeypatch.setattr(output, "_COMMAND_STARTED", 0.0)
    monkeypatch.setattr(output, "STAGE_LINE_AFTER", 10.0)
    monkeypatch.setattr(output, "STAGE_LINE_EVERY", 30.0)
    now = [0.0]
    asked: list[float] = []

    def pause(done: threading.Event, seconds: float) -> bool:
        asked.append(seconds)
        if len(asked) > ticks:
            return done.wait()
        now[0] += seconds
        return False

    with output.stages(clock=lambda: now[0], pause=pause) as tell:
        tell("Checking 3 scripts")
    return terminal.getvalue()


def test_a_dumb_terminal_gets_no_spinner(monkeypatch: pytest.MonkeyPatch) -> None:
    # (TERM=dumb cannot move its cursor: the spinner's redraws left a blank line behind)
    monkeypatch.setenv("TERM", "dumb")
    monkeypatch.delenv("SCRIPTKIT_NO_PROGRESS", raising=False)
    assert _stage_output(monkeypatch) == ""
    assert _stage_output(monkeypatch, ticks=1) == "scriptkit: Checking 3 scripts (10 s so far)\n"  # (as a log)


def test_a_terminal_still_gets_its_spinner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("SCRIPTKIT_NO_PROGRESS", raising=False)
    assert "Checking 3 scripts" in _stage_output(monkeypatch)


@pytest.mark.parametrize("term", ["xterm-256color", "dumb"])
def test_progress_turned_off_says_nothing(monkeypatch: pytest.MonkeyPatch, term: str) -> None:
    monkeypatch.setenv("TERM", term)
    monkeypatch.setenv("SCRIPTKIT_NO_PROGRESS", "1")
    assert _stage_output(monkeypatch) == ""
    assert _stage_output(monkeypatch, ticks=2) == ""


def test_progress_set_to_0_stays_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("SCRIPTKIT_NO_PROGRESS", "0")
    assert "Checking 3 scripts" in _stage_output(monkeypatch)


def test_import_says_its_summary_on_stderr_as_export_does(tmp_path: Path) -> None:
    library = tmp_path / "macros.csv"
    library.write_text("title,body\nLate parcel,\"Sorry your parcel is late, {{ticket.requester.first_name}}. "
                       "I have sent a new one today.\"\n", encoding="utf-8")
    result = run_cli("import", str(library), "--from", "csv", "--map", "title=title,body=body",
                     "-o", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "Imported 1 macro(s)" in result.stderr and "Next: scriptkit audit" in result.stderr


_LATE = ("id: late-{n}\ntitle: Late parcel {n}\nchannels: [email]\n"
         'acknowledgment: "We apologize for any inconvenience caused."\n'
         'warm_language: "Please be advised that your request has been escalated as per our policy."\n'
         'solution: "Kindly refer to the FAQ. Unfortunately there is nothing we can do."\n')


def test_statistics_end_with_the_reports_own_summary(make_pack) -> None:  # type: ignore[no-untyped-def]
    root = make_pack({f"s{n}.yaml": _LATE.format(n=n) for n in range(2)})
    report = run_cli("check", str(root), "--grammar", "off")
    stats = run_cli("check", str(root), "--grammar", "off", "--statistics")
    assert report.exit_code == stats.exit_code == 1
    summary = report.stdout.strip().splitlines()[-1]
    assert summary.startswith("Found ")
    assert stats.stdout.strip().splitlines()[-1] == summary


_BROKEN = ("id: broken\ntitle: Broken parcel\nchannels: [email]\n"
           'acknowledgment: "I can see how disappointing it is to find the parcel broken."\n'
           'warm_language: "Thank you for sending the photos."\n'
           'solution: "I have sent a new one today, and we will endeavour to assist you further."\n')


def test_a_diff_in_a_c_locale_names_the_file_as_on_disk(tmp_path: Path) -> None:
    root = tmp_path / "café"
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text("name: Café\n", encoding="utf-8")
    (root / "scripts" / "broken.yaml").write_text(_BROKEN, encoding="utf-8")
    env = {**os.environ, "LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}
    run = subprocess.run([sys.executable, "-c", "from scriptkit.cli import main; main()", "check", "café", "--diff",
                          "--grammar", "off"], cwd=tmp_path, env=env, capture_output=True, timeout=120, check=False)
    assert run.returncode == 1, run.stderr
    assert b"--- a/caf\xc3\xa9/scripts/broken.yaml\n" in run.stdout, run.stdout
