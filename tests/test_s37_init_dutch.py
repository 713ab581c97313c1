"""`scriptkit init --locale nl-NL` wrote English greetings and sign-offs behind a TODO: a Dutch pack now starts
with Dutch ones (and support hours), and `check` of its Dutch replies has no SK015."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.loading import load_pack

DUTCH = ("id: maat\ntitle: Maat ruilen\nchannels: [email, chat, phone]\n"
         "acknowledgment: Het spijt me dat de schoenen niet passen, dat is echt vervelend.\n"
         "solution: Ik ruil ze vandaag voor je om en stuur je de trackingcode per mail.\n")


def test_a_dutch_pack_gets_dutch_layouts_and_check_has_no_sk015(tmp_path: Path) -> None:
    root = tmp_path / "pack"
    made = CliRunner().invoke(main, ["init", str(root), "--locale", "nl-NL"])
    assert made.exit_code == 0, made.output
    text = (root / "pack.yaml").read_text(encoding="utf-8")
    assert "TODO" not in text and "Dutch" in made.output
    meta = load_pack(root).meta
    assert set(meta.channels) == {"email", "chat", "phone"}
    assert meta.channels["email"].greeting.startswith("Beste {{ customer.first_name | fallback(")
    assert meta.channels["email"].signoff.strip() == "Met vriendelijke groet,\n{{ agent.first_name }}"
    assert not any(word in layout.greeting + layout.signoff for layout in meta.channels.values()
                   for word in ("Hi ", "Thanks", "anything", "Warm"))
    assert "maandag" in str(meta.constants["support_hours"])
    for example in (root / "scripts").iterdir():
        example.unlink()
    (root / "scripts" / "maat.yaml").write_text(DUTCH, encoding="utf-8")
    out = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--format", "json"])
    codes = [d["code"] for d in json.loads(out.output)["diagnostics"]]
    assert "SK015" not in codes and "SK407" not in codes, out.output
