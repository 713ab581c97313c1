"""A long unquoted value with ': ' in it: the hint to quote it shows the ': ' that needs the quotes,
not only the value's two ends."""
from __future__ import annotations

from tests.conftest import run_cli

LONG = ("Thank you so much for sending the photos of the parcel and everything inside it, and I am really "
        "sorry this happened to you. Note: we will make it right today, with a replacement that ships first "
        "class and tracked all the way.")


def test_quote_hint_of_a_long_value_shows_its_colon(make_pack) -> None:  # type: ignore[no-untyped-def]
    script = f'id: a\ntitle: T\nacknowledgment: "I hear you."\nwarm_language: {LONG}\nsolution: "Done."\n'
    result = run_cli("check", str(make_pack({"a.yaml": script})))
    assert result.exit_code == 2
    (line,) = [text for text in result.output.splitlines() if "must be quoted" in text]
    assert ":4:" in line
    hint = line.split("must be quoted, e.g. ", 1)[1]
    assert hint.startswith('warm_language: "Thank you so much') and hint.endswith('tracked all the way.".')
    assert "Note: we will" in hint  # (the part that needs the quotes)


def test_quote_hint_of_a_short_value_is_the_whole_line(make_pack) -> None:  # type: ignore[no-untyped-def]
    script = 'id: a\ntitle: T\nacknowledgment: "I hear you."\nwarm_language: Note: thanks\nsolution: "Done."\n'
    result = run_cli("check", str(make_pack({"a.yaml": script})))
    assert result.exit_code == 2
    assert 'must be quoted, e.g. warm_language: "Note: thanks".' in result.output
