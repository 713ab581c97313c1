"""SK203: "will not" and "would not" contract with the "not" or not at all, never "we'll not"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main


@pytest.mark.parametrize(("reply", "fixed"), [
    # (one form left, under min_forms: 2, so no finding)
    ("I am sorry we will not.", "I am sorry we will not."),
    ("I am sorry we would not.", "I am sorry we would not."),
    ("I am sorry, I will not, because it is late.", "I'm sorry, I will not, because it's late."),
    ("I am sure we will not charge you.", "I'm sure we won't charge you."),
    ("I am sorry we are not.", "I'm sorry we're not."),
])
def test_will_not_with_no_word_after_it_is_left_alone(tmp_path: Path, reply: str, fixed: str) -> None:
    path = tmp_path / "s.txt"
    path.write_text(reply + "\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(path), "--select", "SK203", "--format", "json"])
    text = path.read_text(encoding="utf-8")
    for d in sorted(json.loads(run.stdout)["diagnostics"], key=lambda d: -d["fix"]["edits"][0]["start"]):
        edit = d["fix"]["edits"][0]
        text = text[:edit["start"]] + edit["replacement"] + text[edit["end"]:]
    assert text == fixed + "\n"
