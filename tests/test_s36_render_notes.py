"""render's text marks every line of a note as the agent's, and lists each blank with its prompt and example."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli
from test_s36_playbook_plain import _pack


def test_render_lists_each_blank_with_its_example_and_marks_every_note_line(tmp_path: Path) -> None:
    result = run_cli("render", str(_pack(tmp_path)), "--channel", "chat", "--preview")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "agent · Escalate: I've passed this to my manager." in lines
    assert "agent · They'll reply by [[new day]]." in lines
    assert "agent · fill in [[new day]]: Day it arrives (e.g. Thursday)" in lines
