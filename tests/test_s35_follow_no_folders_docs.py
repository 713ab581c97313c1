"""docs/export/intercom.md and gorgias.md say, as the export's summary does, that those macros have no folders: the
summary line each page quotes is the one the export prints for scripts in two Freshdesk folders."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from export_fixtures import write_pack

from scriptkit.cli import main

DOCS = Path(__file__).resolve().parent.parent / "docs" / "export"
PACK = "name: Folders\nversion: 1.0.0\nchannels:\n  email:\n    greeting: ''\n    signoff: ''\n"


def _script(ident: str, folder: int) -> str:
    return (f"id: {ident}\ntitle: Reply {ident}\nchannels: [email]\n"
            "acknowledgment: I'm sorry the invoice was wrong.\nsolution: I corrected it today.\n"
            f"export:\n  freshdesk:\n    visibility: all\n    folder_id: {folder}\n")


@pytest.mark.parametrize("helpdesk", ["intercom", "gorgias"])
def test_the_page_quotes_the_summary_of_lost_folders(tmp_path: Path, helpdesk: str) -> None:
    pack = write_pack(tmp_path / "p", {"a.yaml": _script("a", 41), "b.yaml": _script("b", 42)}, PACK)
    result = CliRunner().invoke(main, ["export", str(pack), "--to", helpdesk, "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    [line] = [ln.strip() for ln in result.output.splitlines() if ln.startswith(f"{helpdesk}:")]
    page = " ".join((DOCS / f"{helpdesk}.md").read_text(encoding="utf-8").split())
    assert line in page  # ('intercom: 2 macros (from 2 freshdesk folders: Intercom macros have no folders, ...)')
    assert "folder's name" in page  # (how to keep the grouping)
