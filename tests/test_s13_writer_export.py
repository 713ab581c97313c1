"""Exporting a writer's pack: a reply too long for a helpdesk is said at the slot that makes it long."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scriptkit.cli import main

# a pasted policy: 600 sentences of a swim school's rules in the warm_language slot
POLICY = " ".join(f"Rule {n} says towels stay in the changing room." for n in range(1, 601))
LOGIN = textwrap.dedent(f"""\
    id: login-trouble
    title: "Account::Can't log in"
    channels: [email]
    acknowledgment: Being locked out of the app when you need to book is frustrating, and I want to get you back in.
    warm_language: Thanks for letting us know straight away. {POLICY}
    flexibility:
      guidance: Check the email address on the account matches the one they give.
    solution: I've just sent a reset link to your email, and it works for the next hour.
    """)


def test_a_body_too_long_for_salesforce_points_at_the_long_slot(make_pack: Any, tmp_path: Path) -> None:
    root = make_pack({"login-trouble.yaml": LOGIN})
    script = root / "scripts" / "login-trouble.yaml"
    result = CliRunner().invoke(main, ["export", str(root), "--to", "salesforce", "--out", str(tmp_path / "out")],
                                env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if "SK502" in line]
    # it was the solution's line (8), which is one short sentence
    assert lines and all(line.split()[0] == "5:16" for line in lines), result.output
    assert "salesforce reply is" in lines[0] and "the limit is 4,096" in lines[0]
    assert not (tmp_path / "out").exists()  # refused: nothing written
    assert script.read_text(encoding="utf-8") == LOGIN
