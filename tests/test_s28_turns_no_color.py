"""NO_COLOR=1 means plain output: no escape code at all, not only no colour (rich keeps bold, underline and dim
under its no_color), in review's report, check's report and the errors on stderr, even where the terminal (here
FORCE_COLOR) asks for styles."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

REPLY = ("Hi Priya,\n\nI'm so sorry about the trouble with your login, but you need to reset your password yourself "
         "from the settings page.\n\nThanks,\nTom\n")
SCRIPT = ("id: login\ntitle: Login trouble\nacknowledgment: I'm so sorry about the trouble with your login,\n"
          "solution: but you need to reset your password yourself from the settings page.\n")


def run(args: list[str], no_color: bool) -> tuple[str, str]:
    env = {"FORCE_COLOR": "1", "TERM": "xterm-256color", "COLUMNS": "120"}
    if no_color:
        env["NO_COLOR"] = "1"
    result = CliRunner().invoke(main, args, env=env)
    assert "Traceback" not in result.output
    return result.stdout, result.stderr


@pytest.mark.parametrize("no_color", [False, True])
def test_review_is_plain_under_no_color(tmp_path: Path, no_color: bool) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text(REPLY, encoding="utf-8")
    out, _ = run(["review", str(reply), "--grammar", "off"], no_color)
    assert "SK306" in out
    assert ("\x1b" in out) is not no_color  # (styled where the terminal asks for it, so the test sees a terminal)


@pytest.mark.parametrize("no_color", [False, True])
def test_check_is_plain_under_no_color(make_pack, no_color: bool) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"login.yaml": SCRIPT})
    out, _ = run(["check", str(pack), "--grammar", "off"], no_color)
    assert "SK306" in out
    assert ("\x1b" in out) is not no_color


@pytest.mark.parametrize("no_color", [False, True])
def test_errors_are_plain_under_no_color(tmp_path: Path, no_color: bool) -> None:
    (tmp_path / "scripts").mkdir()
    _, err = run(["check", str(tmp_path)], no_color)
    assert "has no pack.yaml" in err
    assert ("\x1b" in err) is not no_color
