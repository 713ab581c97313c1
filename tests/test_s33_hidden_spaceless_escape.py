"""SK012 between the letters of scripts written without spaces (Thai, Japanese, Chinese), where a zero-width
space is the writer's word-break hint; a soft hyphen between two spaces; and a hidden character the YAML writes
as an escape, which --fix cannot delete and the finding says so."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scriptkit import lint_text
from scriptkit.cli import main

ACK = "I can see how frustrating the wait has been. "


def hidden(text: str) -> list[Any]:
    return [d for d in lint_text(ACK + text, config=None).diagnostics if d.code == "SK012"]


def fixed_in_file(make_pack: Any, solution: str) -> tuple[str, str]:
    script = f"id: r\ntitle: R\nacknowledgment: I can see how frustrating this is.\nsolution: {solution}\n"
    root = make_pack({"r.yaml": script})
    result = CliRunner().invoke(main, ["check", str(root), "--fix", "--grammar", "off"], env={"NO_COLOR": "1"})
    assert "Traceback" not in result.output
    text = (Path(root) / "scripts" / "r.yaml").read_text(encoding="utf-8")
    return text.split("solution: ", 1)[1].rstrip("\n"), result.output


def test_a_zero_width_space_between_thai_or_japanese_letters_is_left_alone() -> None:
    thai = "\u0e02\u0e2d\u0e1a\u0e04\u0e38\u0e13\u200b\u0e21\u0e32\u0e01"
    assert hidden(f"I'll refund you today ({thai}), by Friday.") == []
    assert hidden("I'll refund you today (\u3054\u6ce8\u6587\u200b\u3042\u308a\u304c\u3068\u3046), by Friday.") == []
    assert hidden("I'll refund you today (\u8c22\u8c22\u200b\u60a8), by Friday.") == []


def test_between_latin_letters_it_still_becomes_a_space_and_beside_a_thai_letter_is_deleted(make_pack: Any) -> None:
    assert len(hidden("I'll refund you\u200btoday, by Friday.")) == 1
    (found,) = hidden("I'll refund you today (\u0e02\u0e2d\u0e1a\u200bThanks), by Friday.")
    assert found.fix is not None and found.fix.edits[0].replacement == ""


def test_a_soft_hyphen_between_two_spaces_leaves_one_space(make_pack: Any) -> None:
    solution, _ = fixed_in_file(make_pack, "I'll refund you today, \u00ad by Friday.")
    assert solution == "I'll refund you today, by Friday."


def test_an_escaped_hidden_character_says_it_is_an_escape_to_delete_by_hand(make_pack: Any) -> None:
    solution, output = fixed_in_file(make_pack, '"I\'ll refund\\u200b you today, by Friday."')
    assert solution == '"I\'ll refund\\u200b you today, by Friday."'
    assert "SK012" in output and "\\u200b" in output and "by hand" in output, output
