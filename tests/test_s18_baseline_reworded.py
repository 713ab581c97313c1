"""A baseline written before an upgrade keeps its findings accepted when a rule words its message
otherwise (the same rule, slot and quoted words); a finding at other words is still new."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scriptkit.cli import main

SCRIPT = ("id: late\ntitle: Late\nacknowledgment: I can see how frustrating this is.\n"
          "solution: \"{{ order.number }} is on its way, and it reaches you by Friday.\"\n")


def run(*args: str) -> Any:
    return CliRunner().invoke(main, [*args, "--grammar", "off"], env={"NO_COLOR": "1"})


def test_a_reworded_message_is_still_accepted(make_pack: Any, tmp_path: Path) -> None:
    root = make_pack({"late.yaml": SCRIPT})
    baseline = tmp_path / "baseline.json"
    assert run("check", str(root), "--write-baseline", str(baseline)).exit_code == 0
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert data["findings"], data
    for row in data["findings"]:  # (as an older scriptkit worded them)
        row["message"] = "an older wording of " + row["message"]
    baseline.write_text(json.dumps(data), encoding="utf-8")
    assert run("check", str(root), "--baseline", str(baseline)).exit_code == 0
    # a finding at other words is new
    edited = SCRIPT.replace("{{ order.number }} is", "{{ ticket.subject }} is")
    (Path(root) / "scripts" / "late.yaml").write_text(edited, encoding="utf-8")
    assert run("check", str(root), "--baseline", str(baseline)).exit_code == 1
