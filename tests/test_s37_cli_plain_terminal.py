"""A terminal with NO_COLOR set (or TERM=dumb) gets plain progress: no spinner, no cursor codes."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPTKIT = [sys.executable, "-m", "scriptkit"]


def _run_at_a_terminal(args: list[str], env: dict[str, str], cwd: Path) -> bytes:
    """What ``scriptkit args`` writes to a pseudo-terminal (stdout and stderr both)."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(SCRIPTKIT + args, stdin=follower, stdout=follower, stderr=follower, env=env, cwd=cwd)
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # (the terminal closed: the command has ended)
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=120)
    os.close(leader)
    return out


@pytest.mark.parametrize("setting", [{"NO_COLOR": "1", "TERM": "xterm-256color"}, {"TERM": "dumb"}])
def test_a_plain_terminal_gets_no_escape_codes(tmp_path: Path, setting: dict[str, str]) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "SCRIPTKIT_NO_PROGRESS", "TERM")}
    env.update(setting, COLUMNS="100")
    subprocess.run([*SCRIPTKIT, "init", "my-pack"], cwd=tmp_path, env=env, check=True, capture_output=True)
    out = _run_at_a_terminal(["check", "my-pack"], env, tmp_path)
    assert b"All clear" in out or b"problem" in out, out
    assert b"\x1b" not in out, out
