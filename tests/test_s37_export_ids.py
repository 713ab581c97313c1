"""Script ids from a sheet or JSONL export's own id, and ids no file can be named by everywhere (s37 review)."""

from __future__ import annotations

import json
from pathlib import Path

from scriptkit import import_library, load_pack
from scriptkit.errors import ScriptkitError

_REPLY = "I am sorry the parcel is late. Thanks for waiting. I have sent a new one today."


def test_a_jsonl_export_keeps_its_own_script_ids(tmp_path: Path) -> None:
    export = tmp_path / "replies.jsonl"
    rows = [{"id": "late-parcel", "title": "Parcel is late", "body": _REPLY},
            {"id": "a/b", "title": "Refund", "body": _REPLY}, {"id": "CON", "title": "Console", "body": _REPLY}]
    export.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    for mapping in (None, {"id": "id"}):
        lib = import_library(export, "jsonl", mapping=mapping)
        # (an id no file can be named by is not taken: the title gives one, and a note says why)
        assert [m.id for m in lib.macros] == ["late-parcel", "refund", "console"]
        assert any("'a/b'" in note and "not a script id" in note for note in lib.macros[1].notes)
        assert any("'CON'" in note for note in lib.macros[2].notes)


def test_an_id_column_value_no_file_can_be_named_by_is_said_in_one_sentence(tmp_path: Path) -> None:
    export = tmp_path / "replies.jsonl"
    rows = [{"id": "late.", "title": "Parcel is late", "body": _REPLY},
            {"id": "con", "title": "Console", "body": _REPLY}, {"id": "x" * 300, "title": "Long", "body": _REPLY}]
    export.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    notes = [n for m in import_library(export, "jsonl").macros for n in m.notes if "made from its title" in n]
    assert any("its id 'late.' ends in a dot" in n for n in notes), notes
    assert any("its id 'con' is a name Windows keeps" in n for n in notes), notes
    assert any("is 300 characters long" in n for n in notes), notes
    assert not any("the id" in n for n in notes), notes


def test_an_id_ending_in_a_dot_is_refused_with_a_portable_one(tmp_path: Path) -> None:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "pack.yaml").write_text("name: p\n", encoding="utf-8")
    (tmp_path / "scripts" / "late.yaml").write_text(
        'id: "late."\ntitle: Late\nacknowledgment: "I am sorry."\nsolution: "I have sent a new one today."\n',
        encoding="utf-8")
    try:
        load_pack(tmp_path)
    except ScriptkitError as exc:
        text = str(exc)
    else:
        raise AssertionError("loaded")
    assert "scripts/late.yaml:1:5" in text and "ends in a dot" in text and "id: late" in text
