"""Markdown's escapes and fill-in markers import as the customer should see them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli as _run


def _zendesk_value(out: Path, script: str) -> str:
    data = json.loads((out / "zendesk" / "macros" / f"{script}.json").read_text(encoding="utf-8"))
    return next(a["value"] for a in data["macro"]["actions"] if a["field"] == "comment_value_html")


@pytest.mark.timeout(60)
def test_markdown_escaped_bracket_and_parenthesis_stay_text(tmp_path: Path) -> None:
    lib = tmp_path / "lib.md"
    lib.write_text("# Replies\n\n## Desk\n\nThe desk ships today. Type \\[[code]] in the box. "
                   "See [the page](https://shop.test/a\\)b) now.\n", encoding="utf-8")
    pack = tmp_path / "pack"
    result = _run("import", str(lib), "--out", str(pack), "--from", "markdown")
    assert result.exit_code == 0, result.output
    script = (pack / "scripts" / "desk.yaml").read_text(encoding="utf-8")
    assert "blank." not in script and "Type \\[[code]] in the box" in script
    assert "[the page](https://shop.test/a%29b) now." in script
    out = tmp_path / "out"
    result = _run("export", str(pack), "--to", "zendesk", "--out", str(out), "--force")
    assert result.exit_code == 0, result.output
    value = _zendesk_value(out, "desk")
    assert "Type [[code]] in the box" in value
    assert '<a href="https://shop.test/a%29b">the page</a> now.' in value


@pytest.mark.timeout(60)
def test_fill_in_markers_of_either_case_become_blanks(tmp_path: Path) -> None:
    body = "Hi xxxopenerxxx, the desk ships today. XXXSTEPSXXX Then XxxwhenXxx we call."
    data = tmp_path / "macros.json"
    data.write_text(json.dumps({"macros": [{"id": 7, "title": "Desk", "actions": [
        {"field": "comment_value", "value": body}]}]}), encoding="utf-8")
    pack = tmp_path / "pack"
    result = _run("import", str(data), "--out", str(pack))
    assert result.exit_code == 0, result.output
    script = (pack / "scripts" / "desk.yaml").read_text(encoding="utf-8")
    for name in ("opener", "steps", "when"):
        assert f"{{{{ blank.{name} }}}}" in script
    # (the export block keeps each marker as written, for the export back to Zendesk: blank_markers)
    assert "XXX" not in script.split("\nid:")[1].split("\nexport:")[0].replace("Was XXXSTEPSXXX", "").replace(
        "Was XxxwhenXxx", "")
    assert "steps: XXXSTEPSXXX" in script.split("\nexport:")[1]
