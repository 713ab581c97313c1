"""import --force knows its own files after an editor saved them with a byte order mark (Notepad)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main


@pytest.mark.timeout(60)
def test_an_imported_script_saved_with_a_bom_is_still_the_imports(tmp_path: Path) -> None:
    data = tmp_path / "replies.jsonl"
    data.write_text('{"title": "Parcel", "body": "I have posted the parcel again today."}\n', encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(main, ["import", str(data), "--out", str(out)]).exit_code == 0
    script = out / "scripts" / "parcel.yaml"
    script.write_bytes(b"\xef\xbb\xbf" + script.read_bytes() + b"# edited\n")
    result = runner.invoke(main, ["import", str(data), "--out", str(out), "--force", "--overwrite-edits"])
    assert result.exit_code == 0, result.output
    assert b"# edited" not in script.read_bytes()
