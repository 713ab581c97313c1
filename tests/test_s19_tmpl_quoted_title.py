"""A title pasted from a word processor in curly quotes (title: “Orders::Late parcel”) passed the check and
became the helpdesk's category and folder ('“Orders'). SK007 says so at the title, as it does for a slot in
quotes, and --fix deletes the quotes; so too for a category setting and a folder's name under export:."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

BODY = textwrap.dedent("""\
    channels: [email]
    acknowledgment: I can see how annoying it is that the parcel still has not turned up.
    warm_language: Thanks for bearing with me while I look into it.
    flexibility:
      guidance: Look at the courier's tracking first.
    solution: I've chased the courier today, and I'll email you the new date by Friday.
    """)


def _check(root: Path, *options: str) -> Any:
    return CliRunner().invoke(main, ["check", str(root), "--select", "SK007", "--format", "json", *options],
                              env={"NO_COLOR": "1"})


def _found(root: Path) -> list[dict[str, Any]]:
    result = _check(root)
    assert "Traceback" not in result.output
    return list(json.loads(result.output)["diagnostics"])


@pytest.mark.timeout(60)
@pytest.mark.parametrize("title, column", [
    ("“Orders::Late parcel”", 8),
    ('"“Orders::Late parcel”"', 9),
    ("'«Orders::Late parcel»'", 9),
    ("“Orders”::Late parcel", 8),
])
def test_a_title_in_quotes_is_said_at_the_title_and_fixed(make_pack: Any, title: str, column: int) -> None:
    # (quotes inside a title are the writer's: not said)
    inside = {f"{n}.yaml": f"id: s{n}\ntitle: \"{t}\"\n{BODY}" for n, t in enumerate([
        "Orders::The “delivered” parcel that never came", "Orders::“Late” or “lost”", "Orders::'Hold' or 'Wait'"])}
    root = make_pack({"late.yaml": f"id: late-parcel\ntitle: {title}\n{BODY}", **inside})
    (found,) = _found(root)
    assert (found["code"], found["line"], found["col"], found["script"]) == ("SK007", 2, column, "late-parcel")
    assert "title" in found["message"] and "'Orders'" not in found["message"]
    assert found["fix"] and found["fix"]["safe"]
    result = _check(root, "--fix")
    assert "Traceback" not in result.output
    text = (root / "scripts" / "late.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[1] in ("title: Orders::Late parcel", 'title: "Orders::Late parcel"',
                                    "title: 'Orders::Late parcel'")
    assert _found(root) == []
    out = root.parent / "out"
    exported = CliRunner().invoke(main, ["export", str(root), "--to", "salesforce", "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    record = json.loads((out / "salesforce" / "quick_text" / "late-parcel.json").read_text(encoding="utf-8"))
    assert record["Category"] == "Orders"


@pytest.mark.timeout(60)
def test_category_and_folder_names_in_quotes_are_said_where_written(make_pack: Any) -> None:
    pack_yaml = "name: Parcels\nexport:\n  freshdesk:\n    folders:\n      “Orders”: 12\n"
    script = f"id: late-parcel\ntitle: Orders::Late parcel\n{BODY}export:\n  salesforce:\n    category: „Post“\n"
    root = make_pack({"late.yaml": script}, pack_yaml=pack_yaml)
    found = sorted((Path(d["file"]).name, d["line"], d["col"], bool(d["fix"])) for d in _found(root))
    assert found == [("late.yaml", 11, 15, True), ("pack.yaml", 5, 7, False)]
    _check(root, "--fix")
    assert "    category: Post\n" in (root / "scripts" / "late.yaml").read_text(encoding="utf-8")
