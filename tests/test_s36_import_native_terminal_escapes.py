"""Terminal escape sequences in scriptkit's own JSON export ('ESC [5m' in a reply) are taken out whole on import,
as from a helpdesk's export, and said in the script's notes: the ESC was kept, the import ended 0, and `check`
then refused the pack it wrote."""

from __future__ import annotations

import json
from pathlib import Path

from scriptkit import export
from tests.conftest import run_cli

_SCRIPT = """\
id: late-parcel
title: Late parcel
channels: [email]
tags: [delivery]
acknowledgment: "I am sorry your parcel is late."
flexibility:
  guidance: "Look up the courier's tracking first."
  alternatives:
    - label: They want a refund
      text: "I have refunded the postage."
solution: "I have asked the courier to deliver it tomorrow."
"""


def _exported(tmp_path: Path) -> tuple[Path, dict[str, object]]:
    (tmp_path / "pack" / "scripts").mkdir(parents=True)
    (tmp_path / "pack" / "pack.yaml").write_text("name: Parcels\n", encoding="utf-8")
    (tmp_path / "pack" / "scripts" / "late-parcel.yaml").write_text(_SCRIPT, encoding="utf-8")
    export(tmp_path / "pack", ["json"], tmp_path / "out", force=True, lint=False)
    path = next((tmp_path / "out").rglob("*.json"))
    return path, json.loads(path.read_text(encoding="utf-8"))


def test_escape_sequences_in_a_native_export_are_taken_out_and_said(tmp_path: Path) -> None:
    path, doc = _exported(tmp_path)
    blinking = json.dumps(doc).replace("I am sorry your parcel", "I am \\u001b[5msorry\\u001b[0m your parcel") \
        .replace("I have refunded", "I have \\u001b]0;Gotcha\\u0007refunded") \
        .replace('"delivery"', '"deli\\u001b[31mvery"').replace('"name": "Parcels"', '"name": "Par\\u001b[1mcels"')
    assert "\\u001b[5msorry" in blinking and "\\u001b]0;" in blinking and "\\u001b[31m" in blinking
    assert "Par\\u001b[1mcels" in blinking
    path.write_text(blinking, encoding="utf-8")
    result = run_cli("import", str(path), "-o", str(tmp_path / "back"))
    assert result.exit_code == 0, result.output
    script = (tmp_path / "back" / "scripts" / "late-parcel.yaml").read_text(encoding="utf-8")
    written = "\n".join(line for line in script.splitlines() if not line.startswith("#"))  # (the note quotes them)
    assert "\x1b" not in script and "\\e" not in written
    assert not any(rest in written for rest in ("[5m", "[0m", "[31m", "]0;", "Gotcha"))
    assert "I am sorry your parcel is late." in written and "I have refunded the postage." in written
    assert "delivery" in written
    assert "removed 4 terminal escape sequence(s) ('\\x1b]0;Gotcha\\x07', '\\x1b[5m', '\\x1b[0m', ...)" in script
    pack = (tmp_path / "back" / "pack.yaml").read_text(encoding="utf-8")
    assert "name: Parcels" in pack and "the pack's settings: removed 1 terminal escape sequence(s) ('\\x1b[1m')" in pack
    checked = run_cli("check", str(tmp_path / "back"))
    assert checked.exit_code == 0, checked.output


def test_a_native_export_without_escape_sequences_has_no_note_about_them(tmp_path: Path) -> None:
    path, _ = _exported(tmp_path)
    result = run_cli("import", str(path), "-o", str(tmp_path / "back"))
    assert result.exit_code == 0, result.output
    script = (tmp_path / "back" / "scripts" / "late-parcel.yaml").read_text(encoding="utf-8")
    assert "escape sequence" not in script
