"""import --force replaces only the files an earlier import wrote; anything else stops it, named."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli as _run


@pytest.mark.timeout(60)
def test_force_keeps_yaml_in_scripts_that_no_import_wrote(tmp_path: Path) -> None:
    data = tmp_path / "replies.jsonl"
    data.write_text('{"title": "Parcel", "body": "I have posted the parcel again today."}\n', encoding="utf-8")
    out = tmp_path / "out"
    assert _run("import", str(data), "--out", str(out)).exit_code == 0
    notes = out / "scripts" / "notes.yaml"
    notes.write_text("my notes: kept here\n", encoding="utf-8")
    library = out / "scripts" / "library.yaml"
    library.write_text("- title: Desk\n  body: The desk ships on Monday.\n", encoding="utf-8")
    for source in (data, library):  # (the library being imported is among them)
        result = _run("import", str(source), "--out", str(out), "--force")
        assert result.exit_code == 2, result.output
        for kept in (notes, library):
            assert f"{kept}:1:1: error: " in result.output
        assert "nothing was changed" in result.output
    assert notes.read_text(encoding="utf-8") == "my notes: kept here\n"
    assert library.read_text(encoding="utf-8").startswith("- title: Desk")
    assert (out / "scripts" / "parcel.yaml").is_file()


@pytest.mark.timeout(60)
def test_force_keeps_a_pack_yaml_written_by_hand(tmp_path: Path) -> None:
    data = tmp_path / "replies.jsonl"
    data.write_text('{"title": "Parcel", "body": "I have posted the parcel again today."}\n', encoding="utf-8")
    out = tmp_path / "out"
    assert _run("import", str(data), "--out", str(out)).exit_code == 0
    (out / "pack.yaml").write_text("name: Mine\nversion: 1.0.0\n", encoding="utf-8")
    result = _run("import", str(data), "--out", str(out), "--force")
    assert result.exit_code == 2, result.output
    assert f"{out / 'pack.yaml'}:1:1: error: " in result.output
    assert (out / "pack.yaml").read_text(encoding="utf-8") == "name: Mine\nversion: 1.0.0\n"
    # an earlier import's own files (edited, with their first line kept) are replaced, with --overwrite-edits
    out = tmp_path / "again"
    assert _run("import", str(data), "--out", str(out)).exit_code == 0
    script = out / "scripts" / "parcel.yaml"
    script.write_text(script.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert _run("import", str(data), "--out", str(out), "--force", "--overwrite-edits").exit_code == 0
    assert "# edited" not in script.read_text(encoding="utf-8")
