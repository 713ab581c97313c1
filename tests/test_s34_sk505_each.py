"""Session 34 (dialects): SK505 names each literal a helpdesk would misread in one text, each at its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit import export


@pytest.mark.parametrize("fmt", ["front", "gorgias"])
def test_each_unescapable_literal_of_one_text_is_reported_at_its_place(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "pack" / "scripts").mkdir(parents=True)
    (tmp_path / "pack" / "pack.yaml").write_text("name: Codes\n", encoding="utf-8")
    (tmp_path / "pack" / "scripts" / "a.yaml").write_text(
        "id: codes\ntitle: Codes\n"
        "acknowledgment: \"I know the template screen is confusing.\"\n"
        "solution: \"Type {{ '{{' }} in the box, then {{ '{%' }} not a tag %} below it, and {{ '{{' }} again.\"\n",
        encoding="utf-8")
    result = export(tmp_path / "pack", [fmt], tmp_path / "out", force=True, lint=False)
    found = [d for d in result.diagnostics if d.code == "SK505"]
    assert [(d.message.split("'")[1], d.location.line if d.location else None) for d in found] == \
        [("{{", 4), ("{%", 4), ("{{", 4)]
    columns = [d.location.col for d in found if d.location]
    assert len(columns) == 3 and columns == sorted(columns) and len(set(columns)) == 3
