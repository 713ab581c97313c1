"""Import reads a UTF-16 export the same way whether its shape or --from names it, and says where an
output folder it will not write to stands (``folder:1:1:``), as ``init`` does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli as _run

_MACROS = {"macros": [{"id": 7, "title": "Parcel delayed", "actions": [
    {"field": "comment_value", "value": "Hi {{ticket.requester.first_name}}, I'm sorry the parcel is slow. "
                                        "I've sent a second one by express today."}]}]}




@pytest.mark.timeout(60)
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_export_is_recognised_by_its_shape(tmp_path: Path, encoding: str) -> None:
    export = tmp_path / "u16.json"
    text = json.dumps(_MACROS, ensure_ascii=False)
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    export.write_bytes(bom + text.encode(encoding))
    result = _run("import", str(export), "-o", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    assert "read as a Zendesk macros export (from its shape)" in result.output
    script = (tmp_path / "pack" / "scripts" / "parcel-delayed.yaml").read_text(encoding="utf-8")
    assert "Hi {{ customer.first_name }}, I'm sorry the parcel is slow." in script


@pytest.mark.timeout(60)
def test_an_output_folder_import_will_not_write_to_is_located(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    monkeypatch.chdir(tmp_path)
    Path("u8.json").write_text(json.dumps(_MACROS), encoding="utf-8")
    Path("keep").mkdir()
    Path("keep/mine.txt").write_text("my notes", encoding="utf-8")
    result = _run("import", "u8.json", "-o", "keep")
    assert result.exit_code == 2
    assert "keep: error: keep already exists and is not empty" in result.output
    result = _run("import", "u8.json", "-o", "keep", "--force")
    assert result.exit_code == 2
    assert "keep: error: keep is not a pack (it has no pack.yaml)" in result.output
    assert Path("keep/mine.txt").read_text(encoding="utf-8") == "my notes"
    assert sorted(p.name for p in Path("keep").iterdir()) == ["mine.txt"]


@pytest.mark.timeout(60)
def test_a_file_given_as_the_output_folder_is_located(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("u8.json").write_text(json.dumps(_MACROS), encoding="utf-8")
    Path("notes.txt").write_text("mine", encoding="utf-8")
    for force in ((), ("--force",)):
        result = _run("import", "u8.json", "-o", "notes.txt", *force)
        assert result.exit_code == 2
        assert "notes.txt:1:1: error: notes.txt is a file, not a pack" in result.output
    assert Path("notes.txt").read_text(encoding="utf-8") == "mine"
