"""The command line as a shell pipeline and a C locale see it: `check | head -1` keeps check's exit code
(under `set -o pipefail` a failing check failed the job), and paths from the command line print as given."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import run_cli

_SCRIPT = """id: late-{n}
title: Late parcel {n}
channels: [email]
acknowledgment: "We apologize for any inconvenience caused."
warm_language: "Please be advised that your request has been escalated as per our policy."
solution: "Kindly refer to the FAQ. Unfortunately there is nothing we can do."
"""


def _scriptkit(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """``scriptkit ARGS`` in a process of its own, its output through pipes as a shell's."""
    return subprocess.Popen([sys.executable, "-c", "from scriptkit.cli import main; main()", *args],
                            env={**os.environ, **(env or {})}, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_a_report_cut_short_by_its_reader_keeps_the_runs_exit_code(make_pack) -> None:  # type: ignore[no-untyped-def]
    # (more findings than a pipe holds: the report's writes meet a reader that has gone)
    pack = make_pack({f"s{n}.yaml": _SCRIPT.format(n=n) for n in range(150)})
    run = _scriptkit("check", str(pack), "--grammar", "off")
    assert run.stdout is not None and run.stderr is not None
    first = run.stdout.readline()
    run.stdout.close()  # (as `| head -1` does)
    err = run.stderr.read().decode()
    assert run.wait(timeout=120) == 1, err
    assert first.strip()
    assert "Exception ignored" not in err and "Traceback" not in err and "BrokenPipe" not in err, err



_C_LOCALE = {"LANG": "C", "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}


def _finished(run: subprocess.Popen[bytes]) -> tuple[int, bytes, bytes]:
    out, err = run.communicate(timeout=120)
    return run.returncode, out, err


def test_a_folder_named_in_a_c_locale_is_made_and_named_as_typed(tmp_path: Path) -> None:
    # (a C locale reads the command line's 'café-ü' as undecodable bytes: the pack's name was written with them,
    # an "unexpected UnicodeEncodeError ... a bug in scriptkit")
    code, out, err = _finished(_scriptkit("init", str(tmp_path / "café-ü"), env=_C_LOCALE))
    assert code == 0, err
    assert "café-ü/".encode() in out and b"\\udc" not in out
    assert 'name: "Café Ü"' in (tmp_path / "café-ü" / "pack.yaml").read_text(encoding="utf-8")


def test_a_folder_written_to_in_a_c_locale_is_said_as_typed(tmp_path: Path) -> None:
    assert run_cli("init", str(tmp_path / "pack")).exit_code == 0
    target = tmp_path / "outcafé"
    code, _, err = _finished(_scriptkit("export", str(tmp_path / "pack"), "--to", "zendesk", "-o", str(target),
                                        "--grammar", "off", env=_C_LOCALE))
    assert code == 0, err
    assert target.is_dir()
    assert f"files to {target}".encode() in err and b"\\udc" not in err, err
