"""A Markdown heading's number: a section's number is left out of the title, with a note; a year is the title's."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli as _run


@pytest.mark.timeout(60)
def test_a_year_stays_in_the_title_and_a_dropped_number_is_noted(tmp_path: Path) -> None:
    lib = tmp_path / "lib.md"
    lib.write_text("# Replies\n\n## 4. Parcel lost\n\nI have sent a new parcel today.\n\n"
                   "## 1999. Our story\n\nWe have mended lamps since then, and I have booked yours in today.\n",
                   encoding="utf-8")
    pack = tmp_path / "pack"
    result = _run("import", str(lib), "--out", str(pack))
    assert result.exit_code == 0, result.output
    lost = (pack / "scripts" / "parcel-lost.yaml").read_text(encoding="utf-8")
    assert "title: Parcel lost" in lost and "its heading's number '4.' is left out of its title" in lost
    story = (pack / "scripts" / "1999-our-story.yaml").read_text(encoding="utf-8")
    assert "title: 1999. Our story" in story and "left out" not in story
