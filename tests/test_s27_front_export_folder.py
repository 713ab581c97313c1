"""The folder ``scriptkit export --to front`` wrote is imported back (its ``.scriptkit-export`` marker says what it
is): the bundle of the shared templates and each teammate's, not every template twice; an export to several
targets names the folder of each to import instead of bringing every script back once per target. Exported
again, the templates are what they were."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from scriptkit.errors import ConfigError
from scriptkit.importers import import_library
from tests.conftest import run_cli

SCRIPT = """id: {id}
title: {title}
channels: [email]
acknowledgment: "I can see how frustrating the wait for your refund has been."
warm_language: "Thank you for your patience, {{{{ customer.first_name }}}}."
solution: "I've sent your refund today, and it will reach your account within 3 days."
"""


def _export(make_pack: Callable[..., Path], tmp_path: Path, *targets: str) -> Path:
    pack = make_pack({
        "refund.yaml": SCRIPT.format(id="refund", title="Refund sent"),
        "late.yaml": SCRIPT.format(id="late", title="Late parcel") + "export:\n  front:\n    teammate_id: tea_4\n",
    })
    result = run_cli("export", str(pack), *(f"--to={t}" for t in targets), "-o", str(tmp_path / "out"),
                     "--grammar", "off")
    assert result.exit_code == 0, result.output
    return tmp_path / "out"


def _templates(out: Path) -> dict[str, object]:
    """Every bundle of the Front export, by its path in the export."""
    return {file.relative_to(out).as_posix(): json.loads(file.read_text(encoding="utf-8"))
            for file in sorted((out / "front").rglob("message_templates.json"))}


@pytest.mark.parametrize("given", ["out", "out/front"])
def test_the_export_folder_is_imported_back_and_exports_the_same_templates(
        make_pack: Callable[..., Path], tmp_path: Path, given: str) -> None:
    out = _export(make_pack, tmp_path, "front")
    assert sorted(_templates(out)) == ["front/message_templates.json",
                                       "front/teammates/tea_4/message_templates.json"]
    result = run_cli("import", str(tmp_path / given), "-o", str(tmp_path / "back"))
    assert result.exit_code == 0, result.output
    assert "Imported 2 macro(s)" in result.output  # (each template once: not again from its own file)
    again = run_cli("export", str(tmp_path / "back"), "--to", "front", "-o", str(tmp_path / "again"),
                    "--grammar", "off")
    assert again.exit_code == 0, again.output
    assert _templates(tmp_path / "again") == _templates(out)


def test_a_folder_within_the_export_is_the_templates_it_holds(make_pack: Callable[..., Path], tmp_path: Path) -> None:
    out = _export(make_pack, tmp_path, "front")
    shared = import_library(out / "front" / "message_templates")  # (read from its bundle, beside it)
    assert [(m.title, m.raw.settings.get("teammate_id")) for m in shared.macros] == [("Refund sent", None)]
    assert shared.source == str(out / "front" / "message_templates.json")
    private = import_library(out / "front" / "teammates" / "tea_4")
    assert [(m.title, m.raw.settings.get("teammate_id")) for m in private.macros] == [("Late parcel", "tea_4")]


def test_an_export_to_several_targets_names_the_one_to_import(make_pack: Callable[..., Path], tmp_path: Path) -> None:
    out = _export(make_pack, tmp_path, "front", "zendesk", "json")
    result = run_cli("import", str(out), "-o", str(tmp_path / "back"))
    assert result.exit_code == 2
    assert f"{out}: error: {out} is scriptkit's export to 3 targets (front, json, zendesk)" in result.output
    said = " ".join(result.output.split())
    assert f"Import one of them: scriptkit import {out / 'json' / 'pack.json'} -o PACK" in said
    assert f"or {out / 'front'}, {out / 'zendesk'} (or pick one with --from json)" in said
    assert not (tmp_path / "back").exists()
    picked = run_cli("import", str(out), "--from", "front", "-o", str(tmp_path / "back"))
    assert picked.exit_code == 0, picked.output
    assert "Imported 2 macro(s)" in picked.output
    with pytest.raises(ConfigError, match=r"Pass one of them: import_library\("):
        import_library(out)


def test_an_audit_of_the_export_folder_names_the_files_to_audit(make_pack: Callable[..., Path],
                                                                tmp_path: Path) -> None:
    out = _export(make_pack, tmp_path, "front")
    result = run_cli("audit", str(out / "front"), "--grammar", "off")
    assert result.exit_code == 2
    files = [out / "front" / "message_templates.json", out / "front" / "teammates" / "tea_4" / "message_templates.json"]
    assert f"{out / 'front'} is a folder of scriptkit's export, not a pack" in result.output
    assert f"scriptkit audit {files[0]} {files[1]}" in " ".join(result.output.split())
    named = run_cli("audit", *map(str, files), "--grammar", "off")
    assert named.exit_code in (0, 1), named.output
    assert "2 macro(s)" in named.output


def test_a_folder_no_export_wrote_is_still_refused(tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "notes.txt").write_text("to do", encoding="utf-8")
    result = run_cli("import", str(folder), "-o", str(tmp_path / "back"))
    assert result.exit_code == 2
    assert "holds no file scriptkit reads" in result.output
