"""The command line as a writer types it: several script files where check takes one pack
('scriptkit check scripts/*.yaml', as the shell expands it) are refused with the folder to give."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

SCRIPTKIT = Path(sys.executable).parent / "scriptkit"  # the console script of the running venv
LESSON = textwrap.dedent("""\
    id: {id}
    title: "Lessons::{id}"
    channels: [email]
    acknowledgment: I can see how frustrating it is that your lesson moved, when your week was planned around it.
    warm_language: Thanks for bearing with us.
    flexibility:
      guidance: Offer the Saturday class first, it has the most room.
    solution: I've booked the Saturday lesson for you, and you'll get the confirmation today.
    """)


CANCELLED = textwrap.dedent("""\
    id: cancelled
    title: "Lessons::Cancelled by the pool"
    channels: [chat]
    acknowledgment: I know how annoying it is to get ready for a lesson that then doesn't happen.
    warm_language: I'm so sorry we let you down.
    flexibility:
      guidance: Check the family's make-up lessons first.
    solution: I've booked you a free make-up lesson this Saturday, and I'll email you the time today.
    """)


def scriptkit(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The installed command in a child process, as a writer's terminal runs it."""
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "SCRIPTKIT_DEBUG")}
    return subprocess.run([str(SCRIPTKIT), *args], cwd=cwd, capture_output=True, text=True,
                          env={**env, "NO_COLOR": "1", "COLUMNS": "200"}, check=False, timeout=120)


def test_script_files_expanded_by_the_shell_are_told_the_pack_folder(make_pack: Any) -> None:
    root = make_pack({"moved.yaml": LESSON.format(id="moved"), "cancelled.yaml": CANCELLED})
    files = sorted(p.name for p in (root / "scripts").iterdir())
    done = scriptkit("check", *(f"scripts/{name}" for name in files), cwd=root)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert ("check reads pack folders, or one script of a pack; it was given 2 files of one folder "
            "(scripts/cancelled.yaml, scripts/moved.yaml). To check every script, give the pack's folder: "
            "`scriptkit check .`") in done.stderr
    # the advice, followed, works; and one script of the pack is still checked alone
    assert scriptkit("check", ".", cwd=root).returncode == 0
    alone = scriptkit("check", "scripts/moved.yaml", cwd=root)
    # (the moved lesson is short but has nothing to add, so SK105 no longer names it: the all-clear line does)
    assert alone.returncode == 0 and "1 script (scripts/moved.yaml)" in alone.stdout and "cancelled" not in alone.stdout


def test_no_pack_at_all_says_what_to_give(tmp_path: Path) -> None:
    done = scriptkit("check", cwd=tmp_path)
    assert done.returncode == 2
    assert "give the pack's folder to check, e.g. `scriptkit check my-pack`" in done.stderr
