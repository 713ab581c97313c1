"""An escaped bracket in a Markdown library is text the reply shows: not a fill-in, not a link, no note."""

from __future__ import annotations

from pathlib import Path

from scriptkit import import_library


def test_an_escaped_bracket_is_text_not_a_blank_and_no_relative_link(tmp_path: Path) -> None:
    source = tmp_path / "library.md"
    source.write_text("# Saving\n\nI'm so sorry, that's frustrating.\n"
                      "Click \\[Submit\\] to finish, then [Save] and type \\[1](2) exactly.\n\n"
                      "I'll email you by Friday.\n", encoding="utf-8")
    pack = import_library(source).write(tmp_path / "pack")
    script = next((pack / "scripts").glob("*.yaml")).read_text(encoding="utf-8")
    assert "Click \\[Submit] to finish" in script and "{{ blank.submit }}" not in script
    assert "{{ blank.save }}" in script  # (an unescaped [Save] is still the fill-in it was)
    assert "\\[1](2)" in script and "relative" not in script
