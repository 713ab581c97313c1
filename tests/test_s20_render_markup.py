"""`scriptkit render` prints the writer's words as written: brackets in a title or a note are text."""

from pathlib import Path

from tests.conftest import run_cli

PACK = """name: Shop
version: 0.1.0
locale: en-US
channels:
  email:
    greeting: "Hi {{ customer.first_name | fallback('there') }},"
"""

SCRIPT = """id: tagged
title: "Orders::[sale] Late parcel"
channels: [email]
acknowledgment: "I can see how frustrating a late parcel is, and I understand why you're upset."
warm_language: "Thanks so much for bearing with us."
flexibility:
  guidance: "Tick [urgent] and [bold]VIP[/bold] in the admin, close with [/urgent], then fill [[new_date]]."
  blanks:
    - name: new_date
      prompt: The new date
  alternatives:
    - label: "Lost [red]"
      text: "I've sent a replacement today."
solution: "I've chased the courier today and it will arrive by [[new_date]]."
"""


def _pack(tmp_path: Path) -> Path:
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "tagged.yaml").write_text(SCRIPT, encoding="utf-8")
    return tmp_path


def test_brackets_in_titles_and_notes_print_as_written(tmp_path: Path) -> None:
    result = run_cli("render", str(_pack(tmp_path)))
    assert result.exit_code == 0, result.output
    assert "Orders::[sale] Late parcel" in result.output
    assert "Tick [urgent] and [bold]VIP[/bold] in the admin, close with [/urgent], then fill [[new_date]]." \
        in result.output
    assert "Lost [red]: I've sent a replacement today." in result.output


def test_render_json_gives_the_text_as_written_and_as_the_customer_reads_it(tmp_path: Path) -> None:
    import json

    root = _pack(tmp_path)
    script = root / "scripts" / "tagged.yaml"
    script.write_text(script.read_text(encoding="utf-8").replace(
        "solution: \"I've chased", "solution: \"See \\\\[our FAQ](https://example.com/faq) or [our help centre]"
        "(https://example.com/help). I've chased"), encoding="utf-8")
    result = run_cli("render", str(root), "--format", "json", "--preview")
    assert result.exit_code == 0, result.output
    (shown,) = json.loads(result.output)
    assert "See \\[our FAQ](https://example.com/faq) or [our help centre](https://example.com/help)." in shown["text"]
    assert "See [our FAQ](https://example.com/faq) or our help centre." in shown["reads"]
