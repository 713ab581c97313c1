"""Session 15 import fixes: devices and pipes refused by name, bad items skipped one by one."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scriptkit.cli import main


def _run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def _limit_memory() -> None:  # (a link to /dev/zero read to its end took all the machine's memory)
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(), reason="needs /dev/zero and FIFOs")
@pytest.mark.parametrize("command", ["import", "audit"])
@pytest.mark.parametrize("kind", ["device", "pipe"])
def test_a_device_or_a_pipe_is_refused_at_its_first_line(tmp_path: Path, command: str, kind: str) -> None:
    export = tmp_path / "macros.json"
    if kind == "device":
        export.symlink_to("/dev/zero")
    else:
        os.mkfifo(export)
    args = [command, str(export)] + (["-o", str(tmp_path / "out")] if command == "import" else [])
    done = subprocess.run([str(Path(sys.executable).parent / "scriptkit"), *args], capture_output=True, text=True,
                          timeout=60, preexec_fn=_limit_memory, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert f"{export}:1:1: error: this is a device, a pipe or a socket" in done.stderr + done.stdout
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()
