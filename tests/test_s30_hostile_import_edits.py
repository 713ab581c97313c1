"""`import --force` into a pack an import wrote stops at scripts edited since (as export does), unless
--overwrite-edits: a re-import never silently throws a team's edits away."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.errors import ConfigError
from scriptkit.importers import import_library

MACROS = {"macros": [
    {"id": 101, "title": "Late parcel", "actions": [{"field": "comment_value", "value":
        "I'm sorry your parcel is late. I have asked the courier to deliver it tomorrow."}]},
    {"id": 102, "title": "Wrong size", "actions": [{"field": "comment_value", "value":
        "Thanks for telling us the shoes are too small. I have sent a free label for the swap."}]},
]}


def _import(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["import", *args])
    return result.exit_code, result.output


@pytest.fixture
def imported(tmp_path: Path) -> tuple[Path, Path]:
    export = tmp_path / "macros.json"
    export.write_text(json.dumps(MACROS), encoding="utf-8")
    pack = tmp_path / "ip2"
    code, output = _import(str(export), "-o", str(pack))
    assert code == 0, output
    return export, pack


def _edit_title(script: Path) -> str:
    text = script.read_text(encoding="utf-8")
    edited = text.replace("title: ", "title: Ours - ", 1)
    assert edited != text
    script.write_text(edited, encoding="utf-8")
    return edited


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_force_refuses_an_edited_script_naming_it_and_writes_nothing(imported: tuple[Path, Path]) -> None:
    export, pack = imported
    scripts = sorted((pack / "scripts").glob("*.yaml"))
    assert len(scripts) == 2
    for script in scripts:
        _edit_title(script)
    before = _snapshot(pack)
    code, output = _import(str(export), "-o", str(pack), "--force")
    assert code == 2, output
    assert "Traceback" not in output
    for script in scripts:
        assert f"{script}:1:1: error:" in output  # each edited script, located
    assert "--overwrite-edits" in output and "edited" in output
    assert _snapshot(pack) == before  # nothing lost, nothing written
    assert not list(pack.parent.glob(".ip2.importing"))


def test_overwrite_edits_replaces_the_edited_script(imported: tuple[Path, Path]) -> None:
    export, pack = imported
    script = sorted((pack / "scripts").glob("*.yaml"))[0]
    original = script.read_text(encoding="utf-8")
    _edit_title(script)
    code, output = _import(str(export), "-o", str(pack), "--force", "--overwrite-edits")
    assert code == 0, output
    assert script.read_text(encoding="utf-8") == original


def test_an_unedited_pack_is_still_replaced_and_edits_after_a_reimport_are_seen(
        imported: tuple[Path, Path]) -> None:
    export, pack = imported
    code, output = _import(str(export), "-o", str(pack), "--force")
    assert code == 0, output
    # the re-import recorded what it wrote: an edit after it stops the next one
    (pack / "pack.yaml").write_text((pack / "pack.yaml").read_text(encoding="utf-8") + "# ours\n",
                                    encoding="utf-8")
    code, output = _import(str(export), "-o", str(pack), "--force")
    assert code == 2 and f"{pack / 'pack.yaml'}:1:1: error:" in output, output


def test_the_python_api_refuses_an_edit_unless_overwrite(imported: tuple[Path, Path]) -> None:
    export, pack = imported
    script = sorted((pack / "scripts").glob("*.yaml"))[0]
    edited = _edit_title(script)
    library = import_library(str(export))
    with pytest.raises(ConfigError) as caught:
        library.write(pack, force=True)
    assert "overwrite=True" in str(caught.value) and script.read_text(encoding="utf-8") == edited
    library.write(pack, force=True, overwrite=True)
    assert script.read_text(encoding="utf-8") != edited
