"""--fix parses a file's text once per text: fix_file parsed it, then verify parsed the same text again, a third of
the time --fix took on a 4,824-script pack (fixes and findings unchanged)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from scriptkit import fixing
from scriptkit.diagnostics import Edit

SCRIPT = 'id: late\ntitle: Late parcel\nwarm_language: "PLEASE NOTE!!! I\'m here to help."\n'


def test_a_file_is_parsed_once_before_and_once_after_its_edits(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    script = tmp_path / "late.yaml"
    script.write_text(SCRIPT, encoding="utf-8")
    start = SCRIPT.index("PLEASE NOTE!!! ")
    parsed: list[str] = []

    class Counting(fixing.YAML):  # type: ignore[misc]
        def load(self, stream: Any) -> Any:
            parsed.append(stream)
            return super().load(stream)

    monkeypatch.setattr(fixing, "YAML", Counting)
    getattr(fixing._parse, "cache_clear", lambda: None)()
    fix = fixing.fix_file(str(script), [Edit(str(script), start, start + len("PLEASE NOTE!!! "), "")], SCRIPT)
    assert fix.after == SCRIPT.replace("PLEASE NOTE!!! ", "") and fix.refused == []
    assert parsed == [SCRIPT, fix.after]
