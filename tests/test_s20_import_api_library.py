"""import_library() as the command and audit_library() read: an export with no macro is refused, a folder is
refused naming the export files in it, and a list of export files is read as one library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit import audit_library, import_library
from scriptkit.errors import ConfigError, ImportFormatError

_REPLY = "I'm sorry the parcel is late. I have sent a new one today and it arrives by Friday."


def _zendesk(path: Path, *titles: str) -> Path:
    macros = [{"id": i + 1, "title": t, "actions": [{"field": "comment_value", "value": _REPLY}]}
              for i, t in enumerate(titles)]
    path.write_text(json.dumps({"macros": macros, "count": len(macros)}), encoding="utf-8")
    return path


@pytest.mark.timeout(60)
def test_an_export_of_no_macros_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError) as caught:
        import_library(_zendesk(tmp_path / "empty.json"))
    assert "nothing to import: the file holds no items" in str(caught.value)
    assert caught.value.location.file.endswith("empty.json")


@pytest.mark.timeout(60)
def test_an_export_whose_items_hold_no_reply_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "blank.json"
    path.write_text(json.dumps({"macros": [{"id": 1, "title": "Nothing", "actions": []}]}), encoding="utf-8")
    with pytest.raises(ImportFormatError, match="nothing to import: no item holds reply text"):
        import_library(path, "zendesk")


@pytest.mark.timeout(60)
def test_a_folder_names_its_export_files(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    _zendesk(folder / "brand-a.json", "Late")
    with pytest.raises(ConfigError) as caught:
        import_library(folder)
    assert "is a folder, not an export file" in str(caught.value) and "brand-a.json" in str(caught.value)
    assert "import_library(sorted(Path(" in (caught.value.hint or "")


@pytest.mark.timeout(60)
def test_a_list_of_files_is_one_library(tmp_path: Path) -> None:
    first, second = _zendesk(tmp_path / "a.json", "Late"), _zendesk(tmp_path / "b.json", "Late", "Lost")
    library = import_library([first, str(second)], "zendesk")
    assert len(library.macros) == 3 and len({m.id for m in library.macros}) == 3
    assert [p.source for p in library.parts] == [str(first), str(second)]
    with pytest.raises(ConfigError, match="not an empty list"):
        import_library([])
    # (a None in the list is named, as a number is: it was a bare TypeError from deep in the path handling)
    with pytest.raises(ConfigError, match="not a list holding None"):
        import_library([first, None])
    with pytest.raises(ConfigError, match="not a list holding None"):
        audit_library([first, None])
