"""``render`` shows placeholders as the pack writes them (fallback included) and, with --preview, fills the
notes' placeholders too."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_cli

NOTES = """id: greet
title: Greet
channels: [email]
acknowledgment: "Hi {{ customer.first_name | fallback('there') }}, I am sorry about the delay."
flexibility:
  conditions:
    - when: the order is lost
      text: "Tell {{ customer.first_name | fallback('friend') }} a new one ships today."
solution: A new parcel ships today.
"""


def _pack(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    (root / "scripts").mkdir(parents=True, exist_ok=True)
    (root / "pack.yaml").write_text("name: Test pack\nchannels:\n  email:\n    greeting: ''\n    signoff: ''\n",
                                    encoding="utf-8")
    (root / "scripts" / "greet.yaml").write_text(NOTES, encoding="utf-8")
    return root


def test_preview_fills_the_notes_placeholders_too(tmp_path: Path) -> None:
    shown = run_cli("render", str(_pack(tmp_path)), "--preview")
    assert shown.exit_code == 0, shown.output
    assert "Tell Maya a new one ships today." in shown.output
    assert "{{" not in shown.output
    data = json.loads(run_cli("render", str(_pack(tmp_path)), "--preview", "--format", "json").output)
    assert data[0]["notes"][-1]["text"] == "Tell Maya a new one ships today."


def test_render_shows_placeholders_as_written_with_their_fallback(tmp_path: Path) -> None:
    shown = run_cli("render", str(_pack(tmp_path)))
    assert 'Hi {{ customer.first_name | fallback("there") }}, I am sorry' in shown.output
    assert 'Tell {{ customer.first_name | fallback("friend") }} a new one' in shown.output
    data = json.loads(run_cli("render", str(_pack(tmp_path)), "--format", "json").output)
    assert data[0]["text"].startswith('Hi {{ customer.first_name | fallback("there") }}, I am sorry')
    assert data[0]["reads"].startswith('Hi {{ customer.first_name | fallback("there") }}, I am sorry')
    assert data[0]["notes"][-1]["text"] == 'Tell {{ customer.first_name | fallback("friend") }} a new one ships today.'
