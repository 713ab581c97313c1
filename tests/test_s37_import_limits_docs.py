"""docs/reference/import.md names, in one place, the bounds an import reads an export within, with the figures
the importer holds: a file's size, one field's characters, a reply's, a title's, and no count of rows."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.importers import common

DOC = Path(__file__).resolve().parent.parent / "docs" / "reference" / "import.md"


def _limits_section() -> str:
    text = DOC.read_text(encoding="utf-8")
    found = re.search(r"^## Limits\n(.*?)(?=^## )", text, re.M | re.S)
    assert found is not None, "import.md has no '## Limits' section"
    return " ".join(found.group(1).split())


def test_the_limits_section_gives_the_importers_figures() -> None:
    section = _limits_section()
    for figure in (common.MAX_FILE_BYTES, common.MAX_FIELD_CHARS, common.MAX_BODY_CHARS, common.MAX_TITLE_CHARS):
        assert f"{figure:,}" in section
    assert f"{common.MAX_FILE_BYTES // (1024 * 1024)} MiB" in section
    assert "rows" in section and "--skip-bad" in section


def test_a_field_over_the_documented_cap_is_named_as_the_section_says(tmp_path: Path) -> None:
    source = tmp_path / "replies.json"
    source.write_text(json.dumps([{"title": "Parcel late", "body": "Sorry for the wait, it ships today."},
                                  {"title": "Huge", "body": "a" * (common.MAX_FIELD_CHARS + 1)}]), encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(source), "-o", str(tmp_path / "pack")])
    assert result.exit_code == 2
    assert f"more than scriptkit reads from one field ({common.MAX_FIELD_CHARS:,})" in result.output
    assert "--skip-bad" in result.output
