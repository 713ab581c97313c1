"""Liquid that sends text on a condition is imported as the text most customers got; where that is no text, the
spaces around it go as a hand edit takes them: none left at a line's end ('for a full refund. ' and a line
break), one between words, and a line that held only the logic goes, not left as an empty line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import scriptkit
from scriptkit.importers.dialects import parse_body

_URGENT = "{% if ticket.priority == 'urgent' %}We'll prioritise your return.{% endif %}"


def _text(body: str) -> str:
    pieces = parse_body(body, "zendesk", "Zendesk", [])
    assert all(hasattr(p, "text") for p in pieces), pieces
    return "".join(getattr(p, "text", "") for p in pieces)


@pytest.mark.parametrize(("body", "expected"), [
    (f"You can return it for a full refund. {_URGENT}\n\nCheers", "You can return it for a full refund.\n\nCheers"),
    (f"A full refund. {_URGENT}   \n\nCheers", "A full refund.\n\nCheers"),
    (f"A full refund. {_URGENT}", "A full refund."),
    (f"Now open. {_URGENT} I'll update you.", "Now open. I'll update you."),
    (f"Thanks!\n{_URGENT}\nCheers", "Thanks!\nCheers"),
    (f"Thanks!\n\n{_URGENT}\n\nCheers", "Thanks!\n\nCheers"),
    (f"Thanks!\n\n{_URGENT}\nCheers", "Thanks!\n\nCheers"),
    (f"Thanks!\n{_URGENT}\n\nCheers", "Thanks!\n\nCheers"),
    (f"{_URGENT}\n\nCheers", "Cheers"),
    (f"Thanks! {_URGENT}{_URGENT} Cheers", "Thanks! Cheers"),
], ids=["sentence-at-line-end", "spaces-after-it", "body-end", "between-words", "line", "paragraph",
        "paragraph-first-line", "paragraph-last-line", "body-start", "two-in-a-row"])
def test_the_spaces_around_logic_that_left_no_text_go(body: str, expected: str) -> None:
    assert _text(body) == expected


@pytest.mark.timeout(60)
def test_the_imported_reply_has_no_space_left_at_a_line_end(tmp_path: Path) -> None:
    path = tmp_path / "macros.json"
    path.write_text(json.dumps({"macros": [{"id": 360001007, "title": "Returns::Return window", "actions": [
        {"field": "comment_value", "value": "Hi {{ticket.requester.first_name}},\n\nThanks for reaching out! You can "
                                            f"return any item within 30 days for a full refund. {_URGENT}\n\n"
                                            "Cheers,\n{{current_user.first_name}}"}]}]}), encoding="utf-8")
    library = scriptkit.import_library(path)
    pack = library.write(tmp_path / "pack")
    (message,) = scriptkit.render_pack(scriptkit.load_pack(pack))
    assert "for a full refund.\n\nCheers," in message.text
    assert not [line for line in message.text.splitlines() if line != line.rstrip()]
    # (what Liquid sent on the condition is still said, in the notes)
    assert any("We'll prioritise your return." in note for note in library.macros[0].notes + library.macros[0].about)


@pytest.mark.timeout(60)
def test_fifty_kilobytes_of_logic_and_spaces_read_at_once() -> None:
    body = (f"a {' ' * 50}{_URGENT}{' ' * 50}\n" * 300) + ("\n" * 10_000) + _URGENT * 300
    assert "prioritise" not in _text(body)
