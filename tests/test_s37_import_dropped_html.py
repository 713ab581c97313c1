"""A macro's HTML with a <script>, a <style> that loads an address, an <iframe>, an <object> or an <embed> was
imported with them dropped and no word of it (only an inline image was named): now a note names what was dropped."""

from __future__ import annotations

import json
from pathlib import Path

from scriptkit.importers import import_library
from tests.conftest import run_cli

_TEXT = "<p>Sorry your parcel is late. I've asked the courier to trace it today.</p>"
_ACTIVE = ('<script>fetch("https://tracker.example/x")</script>'
           '<style>p { background: url(https://tracker.example/p.gif) }</style>'
           '<iframe src="https://tracker.example/f"></iframe><object data="x.swf"></object><embed src="y.swf">')


def _zendesk(tmp_path: Path, bodies: list[str]) -> Path:
    file = tmp_path / "macros.json"
    file.write_text(json.dumps({"macros": [
        {"id": i, "title": f"Late parcel {i}", "actions": [{"field": "comment_value_html", "value": body}]}
        for i, body in enumerate(bodies, 1)]}), encoding="utf-8")
    return file


def test_dropped_active_html_is_named_in_one_note(tmp_path: Path) -> None:
    (macro,) = import_library(_zendesk(tmp_path, [_TEXT + _ACTIVE]), "zendesk").macros
    dropped = [note for note in macro.notes if "dropped" in note]
    assert len(dropped) == 1, macro.notes
    for kind in ("<script>", "<style>", "<iframe>", "<object>", "<embed>"):
        assert kind in dropped[0]


def test_a_plain_style_or_plain_html_gets_no_note(tmp_path: Path) -> None:
    (macro,) = import_library(_zendesk(tmp_path, [_TEXT + "<style>p { color: red }</style>"]), "zendesk").macros
    assert not [note for note in macro.notes if "dropped" in note]


def test_many_macros_share_one_line(tmp_path: Path) -> None:
    file = _zendesk(tmp_path, [_TEXT + "<script>track()</script>"] * 4)
    shown = run_cli("import", str(file), "--from", "zendesk", "--out", str(tmp_path / "pack"))
    assert shown.exit_code == 0, shown.output
    lines = [line for line in shown.output.splitlines() if "<script>" in line]
    assert len(lines) == 1 and lines[0].lstrip().startswith("4 macros ("), shown.output
