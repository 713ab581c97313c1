"""SK012: a zero-width space that is all that stands between two words is fixed to a space, not deleted
("any\u200binconvenience" read as "anyinconvenience"); soft hyphens, and joiners between Latin letters,
are found and deleted, while emoji sequences and Persian keep their joiners."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scriptkit import lint_text
from scriptkit.cli import main

ACK = "I can see how frustrating the wait has been. "


def hidden(text: str) -> list[Any]:
    return [d for d in lint_text(ACK + text, config=None).diagnostics if d.code == "SK012"]


def fixed_in_file(make_pack: Any, solution: str) -> str:
    script = f"id: r\ntitle: R\nacknowledgment: I can see how frustrating this is.\nsolution: {solution}\n"
    root = make_pack({"r.yaml": script})
    result = CliRunner().invoke(main, ["check", str(root), "--fix", "--grammar", "off"], env={"NO_COLOR": "1"})
    assert "Traceback" not in result.output
    text = (Path(root) / "scripts" / "r.yaml").read_text(encoding="utf-8")
    return text.split("solution: ", 1)[1].rstrip("\n")


def test_a_zero_width_space_between_two_words_becomes_a_space(make_pack: Any) -> None:
    assert fixed_in_file(make_pack, "I'll refund you\u200btoday and call you\u200bby Friday.") == \
        "I'll refund you today and call you by Friday."


def test_one_beside_a_space_is_still_deleted(make_pack: Any) -> None:
    assert fixed_in_file(make_pack, "Thanks\u200b for waiting, I'll refund you today, by Friday.") == \
        "Thanks for waiting, I'll refund you today, by Friday."


def test_soft_hyphens_and_joiners_between_latin_letters_are_found() -> None:
    for text in ("I'll refund you to\u00adday, by Friday.", "I'll refund you to\u200dday, by Friday.",
                 "I'll refund you to\u200cday, by Friday.", "I'll refund you today,\u00ad by Friday."):
        assert len(hidden(text)) == 1, repr(text)


def test_emoji_and_persian_keep_their_joiners() -> None:
    assert hidden("I'll refund you today \U0001F469\u200d\U0001F4BB, by Friday.") == []
    assert hidden("I'll refund you today (\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645), by Friday.") == []


def test_soft_hyphens_and_joiners_are_deleted_by_fix(make_pack: Any) -> None:
    assert fixed_in_file(make_pack, "I'll re\u00adfund you to\u200dday, and it reaches you by Fri\u200cday.") == \
        "I'll refund you today, and it reaches you by Friday."
