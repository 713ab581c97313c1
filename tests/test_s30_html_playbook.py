"""The agent playbook's HTML: a reply's lists are lists there, as in the helpdesk HTML exports."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from export_fixtures import LATE, write_pack

from scriptkit.cli import main

STEPS = LATE.replace("""solution: |
  I've chased the carrier, and your parcel will arrive by {{ blank.new_date }}.

  I'll check on it myself that day and email you an update.
""", """solution: |
  Here is how to change the delivery address:

  - Open the order page.
  - Click the Change button.

  1. Type the new address.
  2. Press Save.
""")


def _export(tmp_path: Path, scripts: dict[str, str]) -> Path:
    pack = write_pack(tmp_path / "pack", scripts)
    result = CliRunner().invoke(main, ["export", str(pack), "--to", "playbook,zendesk", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    return tmp_path / "out"


def test_a_replys_lists_are_lists_in_the_playbook_as_in_the_zendesk_export(tmp_path: Path) -> None:
    out = _export(tmp_path, {"late.yaml": STEPS})
    page = (out / "playbook/playbook.html").read_text(encoding="utf-8")
    assert "<ul dir=\"auto\"><li>Open the order page.</li><li>Click the Change button.</li></ul>" in page
    assert "<ol dir=\"auto\"><li>Type the new address.</li><li>Press Save.</li></ol>" in page
    assert "<br>- Click" not in page and "<p dir=\"auto\">- Open" not in page
    zendesk = "".join(p.read_text(encoding="utf-8") for p in (out / "zendesk").rglob("*.json"))
    assert "<ul><li>Open the order page.</li>" in zendesk  # (the same writer: the same lists)
