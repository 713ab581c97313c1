"""A near miss in the pack's own grammar setting gets the same help as one on the command line."""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

SCRIPT = ("id: late\ntitle: Orders::Late\n"
          "acknowledgment: I can see how frustrating it is that your parcel is late.\n"
          "solution: I've sent a new one today, and it arrives by Friday.\n")


@pytest.mark.parametrize(("value", "hint"), [
    ("lcoal", "Did you mean 'local'?"),
    ("lt.internal:8081", "A server is given by its URL: did you mean 'http://lt.internal:8081'?"),
    ("sometimes", "Use 'off', 'local'"),
    ("'0.5'", "Use 'off', 'local'"),  # (a number is no server to add http:// to)
])
def test_a_grammar_setting_near_miss_says_what_was_meant(make_pack: Any, value: str, hint: str) -> None:
    root = make_pack({"late.yaml": SCRIPT}, f"name: Grammar\ngrammar:\n  mode: {value}\n")
    run = CliRunner().invoke(main, ["check", str(root)], env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert run.exit_code == 2, run.output
    assert f"{root}/pack.yaml:3:9: error: '{value.strip(chr(39))}' is not a grammar mode. {hint}" in run.output, \
        run.output
    assert "Traceback" not in run.output
