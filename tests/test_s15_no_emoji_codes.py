"""The CLI prints places and a writer's text as written: rich's emoji codes would turn
'front.json:100:16' into 'front.json💯16' and a reply's ':smile:' into a face."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scriptkit.cli import main

ENV = {"NO_COLOR": "1", "COLUMNS": "200"}


def test_render_shows_a_writers_colon_words_as_written(make_pack: Any) -> None:
    root = make_pack({"late.yaml": (
        "id: late\ntitle: Late\n"
        "acknowledgment: \"I can see how frustrating the wait has been :smile:\"\n"
        "solution: \"I've sent a new one today, and it arrives by Friday :100:\"\n")})
    shown = CliRunner().invoke(main, ["render", str(root), "--script", "late", "--channel", "email"], env=ENV)
    assert shown.exit_code == 0, shown.output
    assert ":smile:" in shown.output and ":100:" in shown.output
    assert "💯" not in shown.output and "😄" not in shown.output


def test_import_names_a_skipped_item_at_line_100_as_written(tmp_path: Path) -> None:
    macros = [{"title": f"Reply {i}", "actions": [{"field": "comment_value", "value": f"Thanks, reply {i}."}]}
              for i in range(6)]
    macros.append({"title": "Empty", "actions": []})  # nothing to import: skipped, named by its line
    text = json.dumps({"macros": macros}, indent=2)
    text = "\n" * (100 - text[:text.index('"Empty"')].count("\n") - 1) + text  # (the item at line 100: ':100:')
    source = tmp_path / "macros.json"
    source.write_text(text, encoding="utf-8")
    line = text[:text.index('"Empty"')].count("\n") + 1
    assert line == 100
    done = CliRunner().invoke(main, ["import", str(source), "--out", str(tmp_path / "pack")], env=ENV)
    assert "Traceback" not in done.output
    assert f"macros.json:{line}:" in done.output, done.output
    assert "💯" not in done.output
