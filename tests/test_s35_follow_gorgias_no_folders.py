"""Gorgias macros have no folders either: as for Intercom, the export's summary and README say the folders the scripts
had in another helpdesk are not kept, and a pack without folders gets no such note."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from export_fixtures import write_pack

from scriptkit.cli import main
from scriptkit.exporting import export

PACK = "name: Folders\nversion: 1.0.0\nchannels:\n  email:\n    greeting: ''\n    signoff: ''\n"


def _script(ident: str, block: str) -> str:
    return (f"id: {ident}\ntitle: Shipping::Reply {ident}\nchannels: [email]\n"
            "acknowledgment: I'm sorry the parcel is late.\nsolution: I asked the carrier to deliver it tomorrow.\n"
            + block)


def test_gorgias_says_the_other_helpdesks_folders_are_lost(tmp_path: Path) -> None:
    front = "export:\n  front:\n    folder_id: rsf_1\n"
    pack = write_pack(tmp_path / "p", {"a.yaml": _script("a", front), "b.yaml": _script("b", front.replace("1", "2")),
                                       "c.yaml": _script("c", "export:\n  salesforce:\n    folder_id: 00l5\n")}, PACK)
    result = CliRunner().invoke(main, ["export", str(pack), "--to", "gorgias", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    [line] = [ln for ln in result.output.splitlines() if ln.startswith("gorgias:")]
    assert "(from 2 front folders and 1 salesforce folder: Gorgias macros have no folders, so they are one list " \
           "there)" in line
    readme = " ".join((tmp_path / "out" / "gorgias" / "README.md").read_text(encoding="utf-8").split())
    assert "Macros have no folders" in readme


def test_gorgias_says_nothing_of_folders_a_pack_has_none_of(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"a.yaml": _script("a", "")}, PACK)
    assert export(pack, ["gorgias"], tmp_path / "out", lint=False).count_notes.get("gorgias", "") == ""
