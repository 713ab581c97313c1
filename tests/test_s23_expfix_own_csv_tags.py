"""scriptkit's own CSV export reads back in the pack's notation even where the writer typed a tag ('press
<b>Ctrl</b>'): the row is the pack's text, not HTML, so its words, paragraphs, fallbacks, id, title and
slots come back as the CSV of the same text without the tag does."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import run_cli as _run

_SCRIPT = """id: keyboard-help
title: "Account::Keyboard shortcut"
scenario: The customer cannot find how to save a draft.
emotion: confused
channels: [email, chat]
acknowledgment: I can see how confusing the editor is when the save button is hidden.
warm_language: Thanks for bearing with me, {{ customer.first_name | fallback("there") }}.
solution: |
  I've checked your account today: press <b>Ctrl</b> then <b>S</b> to save your draft.

  If that doesn't work, reply and I'll call you within 1 hour.
"""


def _round_trip(tmp_path: Path, script: str) -> tuple[str, dict[str, dict[str, object]]]:
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text('name: Editor help\nversion: "1.0"\n', encoding="utf-8")
    (pack / "scripts" / "keys.yaml").write_text(script, encoding="utf-8")
    exported = _run("export", str(pack), "--to", "csv", "-o", str(tmp_path / "out"))
    assert exported.exit_code in (0, 1), exported.output
    result = _run("import", str(tmp_path / "out" / "csv" / "scripts.csv"), "-o", str(tmp_path / "back"))
    assert result.exit_code == 0, result.output
    scripts = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
               for p in (tmp_path / "back" / "scripts").glob("*.yaml")}
    return result.output, scripts


@pytest.mark.timeout(60)
def test_a_tag_the_writer_typed_reads_back_as_typed(tmp_path: Path) -> None:
    output, scripts = _round_trip(tmp_path, _SCRIPT)
    assert set(scripts) == {"keyboard-help"}, output  # (the chat row is the script's chat text, merged into it)
    assert "SK507" not in output and "another item" not in output
    email = scripts["keyboard-help"]
    assert email["title"] == "Account::Keyboard shortcut"
    assert email["scenario"] == "The customer cannot find how to save a draft." and email["emotion"] == "confused"
    assert "I can see how confusing the editor" in str(email["acknowledgment"])
    assert email["warm_language"] == 'Thanks for bearing with me, {{ customer.first_name | fallback("there") }}.'
    assert str(email["solution"]).startswith(
        "I've checked your account today: press <b>Ctrl</b> then <b>S</b> to save your draft.\n\n"
        "If that doesn't work, reply and I'll call you within 1 hour.")
    assert email["channels"] == ["email", "chat"]
    chat = email["by_channel"]["chat"]
    assert "press <b>Ctrl</b> then <b>S</b>" in str(chat["solution"])
    assert "\n\nIf that doesn't work" in str(chat["solution"])


@pytest.mark.timeout(60)
def test_the_same_text_without_the_tag_reads_back_alike(tmp_path: Path) -> None:
    _, tagged = _round_trip(tmp_path / "a", _SCRIPT)
    _, plain = _round_trip(tmp_path / "b", _SCRIPT.replace("<b>", "").replace("</b>", ""))
    assert set(tagged) == set(plain)
    def untagged(text: object) -> str:
        return str(text).replace("<b>", "").replace("</b>", "")

    for stem, script in plain.items():
        # (the typed tags are in the solution, and in the chat text, which has its own: by_channel)
        assert {k: v for k, v in tagged[stem].items() if k not in ("solution", "by_channel")} == \
            {k: v for k, v in script.items() if k not in ("solution", "by_channel")}
        assert untagged(tagged[stem]["solution"]) == script["solution"]
        assert {channel: {slot: untagged(text) for slot, text in slots.items()}
                for channel, slots in tagged[stem]["by_channel"].items()} == script["by_channel"]
