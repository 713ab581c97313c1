"""A note many macros share is listed once with their count: the notes of single macros stay in sight."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli as _run


@pytest.mark.timeout(60)
def test_a_note_shared_by_many_macros_is_one_line_with_its_count(tmp_path: Path) -> None:
    def macro(n: int, language: str | None) -> dict[str, object]:
        text = f"I have posted lamp number {n} today; it will be with you on Friday."
        return {"id": n, "name": f"Lamp {n}", "language": language, "actions": [
            {"name": "setResponseText", "type": "user", "arguments": {"body_text": text}}]}

    data = tmp_path / "gorgias.json"
    data.write_text(json.dumps({"data": [*(macro(n, None) for n in range(1, 61)), macro(61, "en")]}),
                    encoding="utf-8")
    result = _run("import", str(data), "--out", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    shared = [line for line in result.output.splitlines() if "has no language in Gorgias" in line]
    assert len(shared) == 1, result.output
    assert shared[0].startswith("  60 macros (lamp-1, lamp-2, lamp-3, ...): has no language in Gorgias")
    assert "... and" not in result.output
