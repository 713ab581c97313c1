"""A fill-in marker whose bracket the writer escaped ('\\[[name]]', as a Markdown import writes a literal
'[[name]]') is text the customer reads, not an unfilled blank (SK407), so the pack exports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scriptkit import lint_pack, load_pack
from scriptkit.cli import main


def sk407(make_pack: Any, solution_yaml: str) -> list[str]:
    root = make_pack({"r.yaml": "id: r\ntitle: R\nacknowledgment: I can see how frustrating this is.\n"
                               f"solution: {solution_yaml}\n"})
    return [d.text for d in lint_pack(load_pack(root), None, grammar="off").diagnostics if d.code == "SK407"]


def test_an_escaped_marker_is_text(make_pack: Any) -> None:
    assert sk407(make_pack, "I've sent it today; type \\[[code]] in the box by Friday.") == []
    assert sk407(make_pack, '"I\'ve sent it today; type \\\\[[code]] in the box by Friday."') == []
    assert sk407(make_pack, "I've sent it today; type [[code]] in the box by Friday.") == ["[[code]]"]


def test_a_markdown_library_with_an_escaped_marker_imports_and_exports(tmp_path: Path) -> None:
    library = tmp_path / "lib.md"
    library.write_text("# Codes\n\n## Code box\n\nI can see how frustrating this is. I've sent it today: "
                       "type \\[[name]] literally in the box, and it works by Friday.\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["import", str(library), "--from", "markdown", "--out", str(tmp_path / "p")]
                         ).exit_code == 0
    done = runner.invoke(main, ["export", str(tmp_path / "p"), "--to", "zendesk", "--out", str(tmp_path / "x"),
                                "--grammar", "off"])
    assert done.exit_code == 0, done.output
    body = next((tmp_path / "x" / "zendesk" / "macros").glob("*.json")).read_text(encoding="utf-8")
    assert "type [[name]] literally" in body and "\\\\[" not in body
