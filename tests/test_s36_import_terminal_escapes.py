"""Terminal escape sequences in an export ('ESC [5m', 'ESC ]0;title BEL') are taken out whole, and said in the
script's notes: taking out only the ESC left '[5m' in the reply, sent to customers."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_cli


def _zendesk(tmp_path: Path, macros: list[dict[str, object]]) -> Path:
    source = tmp_path / "macros.json"
    source.write_text(json.dumps({"macros": macros}), encoding="utf-8")
    return source


def test_terminal_escape_sequences_are_taken_out_whole_and_said(tmp_path: Path) -> None:
    source = _zendesk(tmp_path, [{"id": 31, "title": "Orders::\x1b]0;Gotcha\x07\x1b[2J\x1b[31mLate parcel",
                                  "actions": [{"field": "comment_value",
                                               "value": "I am so sorry \x1b[5myour parcel\x1b[0m was late. "
                                                        "I have refunded the postage."}]}])
    result = run_cli("import", str(source), "-o", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    script = next((tmp_path / "pack" / "scripts").rglob("*.yaml")).read_text(encoding="utf-8")
    assert "I am so sorry your parcel was late." in script and "title: Orders::Late parcel" in script
    written = "\n".join(line for line in script.splitlines() if not line.startswith("#"))  # (the note quotes them)
    assert not any(rest in written for rest in ("[5m", "[0m", "[2J", "[31m", "]0;", "Gotcha"))
    assert "removed 5 terminal escape sequence(s) ('\\x1b]0;Gotcha\\x07', '\\x1b[2J', '\\x1b[31m', ...)" in script
    assert "id: orders-late-parcel" in script  # (the id is made from the title without them)


def test_a_reply_without_escape_sequences_has_no_note_about_them(tmp_path: Path) -> None:
    source = _zendesk(tmp_path, [{"id": 32, "title": "Late [2J parcel", "actions": [
        {"field": "comment_value", "value": "Sorry: code [5m and ]0; are text here. I refunded the postage."}]}])
    result = run_cli("import", str(source), "-o", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    script = next((tmp_path / "pack" / "scripts").rglob("*.yaml")).read_text(encoding="utf-8")
    assert "escape sequence" not in script and "[5m and ]0; are text here" in script and "Late [2J parcel" in script
