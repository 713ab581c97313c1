"""pack.yaml's 'visibility: groups' with group_ids nowhere in the pack: one error at pack.yaml, not
one alike at each script (a writer saw 24 of them, each at a script that never mentions Freshdesk)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scriptkit.cli import main

PACK = "name: Groups\nexport:\n  freshdesk:\n    folder_id: 8\n    visibility: groups\n"


def script(n: int) -> str:
    return (f"id: s{n}\ntitle: Orders::Late {n}\nacknowledgment: I can see how frustrating the wait is.\n"
            f"solution: I've sent a new one today, and it reaches you by Friday.\n")


def test_group_ids_missing_everywhere_is_one_error_at_the_pack(make_pack: Any, tmp_path: Path) -> None:
    root = make_pack({f"s{n}.yaml": script(n) for n in range(5)}, PACK)
    checked = CliRunner().invoke(main, ["check", str(root), "--grammar", "off"], env={"NO_COLOR": "1"})
    assert checked.exit_code == 2, checked.output
    errors = [line for line in checked.output.splitlines() if "group_ids missing" in line]
    assert errors == [line for line in errors if line.startswith(f"{root}/pack.yaml:5:17: error: ")]
    assert len(errors) == 1, checked.output
    assert "Add group_ids here" in " ".join(checked.output.split())
    exported = CliRunner().invoke(main, ["export", str(root), "--to", "freshdesk", "--out", str(tmp_path / "o"),
                                         "--grammar", "off"], env={"NO_COLOR": "1"})
    assert exported.exit_code == 2 and exported.output.count("group_ids missing") == 1, exported.output
