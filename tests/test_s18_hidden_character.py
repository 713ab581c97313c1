"""SK012 hidden-character: a direction control or zero-width space in a reply is found where it
is, and --fix deletes it; the joiners emoji need are left alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scriptkit import lint_text
from scriptkit.cli import main


def codes(text: str) -> list[str]:
    return [d.code for d in lint_text(text, config=None).diagnostics if d.code == "SK012"]


def test_direction_controls_and_zero_width_spaces_are_found() -> None:
    assert codes("I can see how frustrating this is. I've refunded\u200b you today, by Friday.") == ["SK012"]
    assert codes("I can see how frustrating this is. I've refunded you \u202etoday\u202c, by Friday.") == \
        ["SK012", "SK012"]
    assert codes("I can see how frustrating this is.\ufeff I've refunded you today, by Friday.") == ["SK012"]


def test_emoji_joiners_are_no_finding() -> None:
    assert codes("I can see how frustrating this is \U0001F469\u200d\U0001F4BB. I've refunded you today.") == []


def test_fix_deletes_them_from_the_file(make_pack: Any) -> None:
    script = ("id: r\ntitle: R\nacknowledgment: I can see how frustrating this is.\n"
              "solution: I've refunded\u200b you \u202etoday\u202c, and it reaches you by Friday.\n")
    root = make_pack({"r.yaml": script})
    result = CliRunner().invoke(main, ["check", str(root), "--fix", "--grammar", "off"], env={"NO_COLOR": "1"})
    assert "Traceback" not in result.output
    fixed = (Path(root) / "scripts" / "r.yaml").read_text(encoding="utf-8")
    assert "solution: I've refunded you today, and it reaches you by Friday.\n" in fixed


def test_a_right_to_left_replys_own_marks_are_left_alone() -> None:
    hebrew = "I can see how frustrating this is. The \u05de\u05d7\u05d9\u05e8 is 50%\u200f, refunded today."
    assert codes(hebrew) == []
    found = [d for d in lint_text(hebrew.replace("\u200f", "\u202e"), config=None).diagnostics if d.code == "SK012"]
    assert len(found) == 1 and (found[0].fix is None or not found[0].fix.safe)  # (an override: told, not fixed)
