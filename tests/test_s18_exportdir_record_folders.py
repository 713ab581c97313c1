"""A file of the writer's inside a folder the export fills with one file per reply (zendesk/macros/) would
be posted to the helpdesk by the export guide's upload loop (`for f in out/zendesk/macros/*.json`): it
stops the export (exit code 2, named, with where to move it); beside that folder it is kept."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from export_fixtures import LATE, PACK_YAML, write_pack

from scriptkit.cli import main
from scriptkit.errors import ConfigError
from scriptkit.exporting import MARKER, export


def run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def exported(tmp_path: Path, target: str) -> tuple[Path, Path]:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE}, PACK_YAML)
    out = tmp_path / "out"
    export(pack, [target], out, lint=False)
    return pack, out


@pytest.mark.timeout(60)
def test_a_json_of_the_writers_among_the_macros_stops_the_export(tmp_path: Path) -> None:
    pack, out = exported(tmp_path, "zendesk")
    draft = out / "zendesk" / "macros" / "draft-refund.json"
    draft.write_text(json.dumps({"macro": {"title": "Draft: refund (do not post)"}}) + "\n", encoding="utf-8")
    before = snapshot(out)
    result = run("export", str(pack), "--to", "zendesk", "--out", str(out))
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert f"{draft}:1:1" in result.stderr
    assert "zendesk/macros/draft-refund.json" in result.stderr and "up into zendesk/" in result.stderr
    assert snapshot(out) == before
    # moved up beside macros/, it is kept, and macros/ holds only what the marker lists
    draft.rename(out / "zendesk" / "draft-refund.json")
    again = run("export", str(pack), "--to", "zendesk", "--out", str(out))
    assert again.exit_code == 0, again.output
    assert (out / "zendesk" / "draft-refund.json").is_file()
    listed = (out / MARKER).read_text(encoding="utf-8")
    assert all(f"zendesk/macros/{p.name}" in listed for p in (out / "zendesk" / "macros").glob("*.json"))


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("target", "folder"), [("helpscout", "saved_replies"), ("front", "message_templates"),
                                                ("freshdesk", "canned_responses")])
def test_every_helpdesks_reply_folder_holds_only_the_export(tmp_path: Path, target: str, folder: str) -> None:
    pack, out = exported(tmp_path, target)
    (out / target / folder / "old").mkdir()
    (out / target / folder / "old" / "notes.txt").write_text("Last year's wording.\n", encoding="utf-8")
    with pytest.raises(ConfigError) as refused:
        export(pack, [target], out, lint=False)
    assert refused.value.exit_code == 2
    assert f"{target}/{folder}/old/notes.txt" in refused.value.message
    assert (out / target / folder / "old" / "notes.txt").read_text(encoding="utf-8") == "Last year's wording.\n"
