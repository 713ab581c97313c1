"""Session 37: a character no reader sees (a zero-width space, a NUL, a soft hyphen...) inside a reply changed the
judgement: 'Thanks\\u200b for waiting.' was no thanks, so SK301 said the reply lacked one. The rules now read through
such characters (``Message.as_read``), SK012 still tells each one where it is, and every other finding points at
its words in the text as given."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import scriptkit
from scriptkit.diagnostics import Diagnostic

REPLY = ("Hi Sam,\n\nThanks for waiting. I refunded it today. Kindly allow 3-5 business days for it to reach you."
         "\n\nBest,\nJo")

UNSEEN = {
    "zero-width space": "\u200b", "NUL": "\x00", "soft hyphen": "\u00ad", "word joiner": "\u2060",
    "byte order mark": "\ufeff", "escape": "\x1b", "delete": "\x7f", "C1 control": "\x80",
}


def judged(text: str) -> list[Diagnostic]:
    return scriptkit.lint_text(text).diagnostics


def verdict(text: str) -> list[tuple[str, str]]:
    """Each finding but SK012's, by code and the words it quotes (less the unseen characters)."""
    return [(d.code, "".join(c for c in d.text if c.isprintable() or c in "\n\t"))
            for d in judged(text) if d.code != "SK012"]


@pytest.mark.parametrize("char", UNSEEN.values(), ids=UNSEEN.keys())
@pytest.mark.parametrize("where", ["Thanks", "refun", "wai"])
def test_the_verdict_is_the_same_with_and_without_an_unseen_character(char: str, where: str) -> None:
    text = REPLY.replace(where, where + char, 1)
    assert verdict(text) == verdict(REPLY)
    sk012 = [d for d in judged(text) if d.code == "SK012"]
    assert [d.location.offset for d in sk012] == [REPLY.index(where) + len(where)]  # (told, where it is)


def test_a_short_reply_with_a_nul_or_zero_width_space_is_judged_as_without_it() -> None:
    clean = "Thanks for waiting. I refunded it today."
    assert judged(clean) == []
    for char in ("\u200b", "\x00"):
        assert [d.code for d in judged(clean.replace("Thanks", "Thanks" + char))] == ["SK012"]


@pytest.mark.parametrize("char", UNSEEN.values(), ids=UNSEEN.keys())
def test_a_finding_after_the_character_points_at_its_words_in_the_text_given(char: str) -> None:
    text = REPLY.replace("Thanks", "Thanks" + char)
    (before,) = [d for d in judged(REPLY) if d.code == "SK201"]
    (after,) = [d for d in judged(text) if d.code == "SK201"]
    assert (after.location.line, after.location.col) == (before.location.line, before.location.col + 1)
    assert after.location.offset == before.location.offset + 1 and after.end_offset == before.end_offset + 1
    assert text[after.location.offset:after.end_offset] == after.text == "Kindly"
    assert after.fix is not None and after.fix.edits[0].start == after.location.offset


def test_a_finding_across_the_character_quotes_it_and_is_not_fixed_over_it() -> None:
    text = REPLY.replace("Kindly", "Kind\u200bly")
    (d,) = [d for d in judged(text) if d.code == "SK201"]
    # (it spans the words as given, and quotes them as the customer reads them)
    assert text[d.location.offset:d.end_offset] == "Kind\u200bly" and d.text == "Kindly"
    assert d.fix is None or all("\u200b" in e.replaces for e in d.fix.edits)  # (never a fix that loses sight of it)


def test_the_rules_read_the_reply_without_them_and_the_joiners_that_join_letters_or_emoji_stay() -> None:
    text = ("Thanks\u200b for wai\u00adting\x00. I refun\u2060ded it today \U0001F469\u200d\U0001F4BB; "
            "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \u0915\u094d\u200d\u0937 Auf\u200clage.")
    read = scriptkit.lint_text(text).messages[0].as_read.text
    assert read == ("Thanks for waiting. I refunded it today \U0001F469\u200d\U0001F4BB; "
                    "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \u0915\u094d\u200d\u0937 Auflage.")


def test_in_a_pack_the_rules_read_through_it_and_findings_point_into_the_yaml(make_pack: Any) -> None:
    script = ("id: r\ntitle: R\nacknowledgment: I can see how frustrating this\u200b is.\n"
              "solution: I've refunded you today. Kindly allow 3-5 business days for it to reach you.\n")
    clean = script.replace("\u200b", "")
    found = {}
    for name, text in (("clean", clean), ("hidden", script)):
        root = Path(make_pack({"r.yaml": text}))
        result = scriptkit.lint_pack(scriptkit.load_pack(root), grammar="off")
        found[name] = [(d.code, d.location.line, d.location.col) for d in result.diagnostics if d.code != "SK012"]
        if name == "hidden":
            (sk012,) = [d for d in result.diagnostics if d.code == "SK012"]
            assert (sk012.location.line, sk012.location.col) == (3, 47) and sk012.fix is not None
    assert found["hidden"] == found["clean"] and any(code == "SK201" for code, _, _ in found["hidden"])


def test_pasted_html_is_read_through_them_too() -> None:
    html = "<p>Thanks&#8203; for waiting. I refunded it today. Kindly allow 3-5 business days.</p>"
    codes = [d.code for d in judged(html)]
    assert "SK012" in codes
    assert [c for c in codes if c != "SK012"] == [d.code for d in judged(html.replace("&#8203;", ""))]


def test_the_screen_for_them_finds_each_one() -> None:
    from scriptkit.message import _MAY_BE_UNSEEN, UNSEEN

    screened = {chr(c) for c in range(0x10000) if _MAY_BE_UNSEEN.match(chr(c))}
    assert screened == UNSEEN | {"\u200c", "\u200d"}
