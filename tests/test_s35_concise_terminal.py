"""Session 35: `check --format concise` of a pack that cannot be read, at a terminal, said each load error twice:
its SK000 line on standard output and the same error on stderr, both on the one screen. It is said once there;
piped, standard output still holds the SK000 lines for grep and editors, and stderr the errors."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

_SCRIPT = ("id: late-refund\ntitle: Refund\nacknowledgment: \"I can see the refund is late.\"\n"
           "solution: [\"I have sent it again today.\"\n")  # (a bracket never closed: the pack cannot be read)


_GOOD = ("id: lost-parcel\ntitle: Lost\nacknowledgment: \"I'm sorry the parcel is lost.\"\n"
         "solution: \"I have sent a new one today.\"\n")


def _pack(root: Path, pack_yaml: str = "name: Replies\n") -> Path:
    (root / "pack" / "scripts").mkdir(parents=True)
    (root / "pack" / "pack.yaml").write_text(pack_yaml, encoding="utf-8")
    (root / "pack" / "scripts" / "late.yaml").write_text(_SCRIPT, encoding="utf-8")
    (root / "pack" / "scripts" / "lost.yaml").write_text(_GOOD, encoding="utf-8")
    return root / "pack"


_COMMAND = [sys.executable, "-m", "scriptkit", "check", "--grammar", "off", "--format", "concise"]


@pytest.mark.timeout(120)
@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal")
@pytest.mark.parametrize(("pack_yaml", "where"), [
    ("name: Replies\n", "late.yaml:4:"),  # (one script unreadable, the other checked)
    ("name: Replies\nlocale: [en\n", "pack.yaml:2:"),  # (the whole pack unreadable)
])
def test_each_load_error_is_said_once_at_a_terminal(tmp_path: Path, pack_yaml: str, where: str) -> None:
    pack = _pack(tmp_path, pack_yaml)
    main, other = pty.openpty()
    with subprocess.Popen([*_COMMAND, str(pack)], stdin=subprocess.DEVNULL, stdout=other, stderr=other,
                          env={**os.environ, "NO_COLOR": "1", "COLUMNS": "400"}) as run:
        os.close(other)
        screen = b""
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # (the child has closed the terminal)
                break
            if not chunk:
                break
            screen += chunk
        assert run.wait() == 2
    os.close(main)
    said = [line for line in screen.decode().splitlines() if where in line]
    assert len(said) == 1, said
    assert "SK000" in said[0]


@pytest.mark.timeout(120)
def test_piped_standard_output_keeps_the_sk000_lines_and_stderr_the_errors(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    run = subprocess.run([*_COMMAND, str(pack)], capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"},
                         check=False)
    assert run.returncode == 2
    assert "late.yaml:4:" in run.stdout and "SK000" in run.stdout
    assert "late.yaml:4:" in run.stderr
