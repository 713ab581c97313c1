"""`scriptkit review -` at a terminal: one line on stderr says to paste the reply and end it with
Ctrl-D (it waited without a word, as if hung); piped input gets no such line."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

REPLY = "Thanks for waiting, Sam. I've sent the refund today, and it reaches you by Friday.\n"
COMMAND = [sys.executable, "-c", "from scriptkit.cli import main; main()", "review", "-", "--format", "json"]


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is POSIX")
def test_at_a_terminal_it_says_how_to_end_the_reply() -> None:
    import pty

    terminal, stdin = pty.openpty()  # (a real terminal device: isatty() is true for it)
    try:
        proc = subprocess.Popen(COMMAND, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env={**os.environ, "NO_COLOR": "1"})
        os.close(stdin)
        os.write(terminal, REPLY.encode() + b"\x04")  # the reply, then Ctrl-D on a line of its own
        out, err = proc.communicate(timeout=60)
    finally:
        os.close(terminal)
    assert err.decode().splitlines()[0] == "Paste the reply, then press Ctrl-D on a line of its own."
    assert proc.returncode in (0, 1) and json.loads(out)["sentences"][0]["text"].startswith("Thanks for waiting")


def test_piped_input_gets_no_such_line() -> None:
    proc = subprocess.run(COMMAND, input=REPLY.encode(), capture_output=True, timeout=60,
                          env={**os.environ, "NO_COLOR": "1"})
    assert proc.returncode in (0, 1) and b"Paste the reply" not in proc.stderr
    assert json.loads(proc.stdout)["sentences"]
