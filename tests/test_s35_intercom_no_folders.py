"""Intercom macros have no folders: the export says once, in its summary and README, that the folders the scripts
had in another helpdesk (Freshdesk's folder_id, say) are not kept, instead of dropping them silently."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from export_fixtures import write_pack

from scriptkit.cli import main
from scriptkit.exporting import export

PACK = "name: Folders\nversion: 1.0.0\nchannels:\n  email:\n    greeting: ''\n    signoff: ''\n"


def _script(ident: str, folder: int | None) -> str:
    block = f"export:\n  freshdesk:\n    visibility: all\n    folder_id: {folder}\n" if folder is not None else ""
    return (f"id: {ident}\ntitle: Reply {ident}\nchannels: [email]\n"
            "acknowledgment: I'm sorry the invoice was wrong.\nsolution: I corrected it today.\n" + block)


def test_other_helpdesks_folders_are_said_to_be_lost_once(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"a.yaml": _script("a", 41), "b.yaml": _script("b", 42),
                                       "c.yaml": _script("c", 41)}, PACK)
    result = CliRunner().invoke(main, ["export", str(pack), "--to", "intercom", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    [line] = [ln for ln in result.output.splitlines() if ln.startswith("intercom:")]
    assert "2 freshdesk folders" in line and "no folders" in line
    readme = (tmp_path / "out" / "intercom" / "README.md").read_text(encoding="utf-8")
    assert "no folders" in readme


def test_a_pack_without_folders_says_nothing_of_them(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"a.yaml": _script("a", None)}, PACK)
    assert export(pack, ["intercom"], tmp_path / "out", lint=False).count_notes.get("intercom", "") == ""
