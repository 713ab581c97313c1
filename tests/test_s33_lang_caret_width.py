"""The text report's carets stand under the quoted words as a terminal shows them: a Japanese character takes two
columns and an accent stored apart from its letter none, so carets counted in characters fell short of and before
the words they marked."""

from __future__ import annotations

import unicodedata
from typing import Any

from click.testing import CliRunner

from scriptkit.cli import main

RULE = ("rules:\n  select: [custom]\n  custom:\n    - name: banned\n      kind: existence\n"
        "      patterns: ['{term}']\n")


def _caret_under(make_pack: Any, line: str, term: str, locale: str) -> tuple[str, str]:
    script = f"id: a\ntitle: A\nchannels: [email]\nacknowledgment: {line}\nsolution: {line}\n"
    root = make_pack({"a.yaml": script}, f"name: T\nlocale: {locale}\n" + RULE.format(term=term))
    out = CliRunner().invoke(main, ["check", str(root), "--grammar", "off"],
                             env={"NO_COLOR": "1", "COLUMNS": "200"}).output
    lines = out.splitlines()
    at = next(i for i, text in enumerate(lines) if text.endswith(line))
    gutter = len("     4 │ ")  # (the same on both lines)
    return lines[at][gutter:], lines[at + 1][gutter:]


def _columns(text: str) -> int:
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def test_carets_under_wide_characters(make_pack: Any) -> None:
    line = "本日中に新しい商品を発送し、明日の14時までに追跡番号をご連絡いたします。"
    quoted, carets = _caret_under(make_pack, line, "追跡番号", "ja-JP")
    before = quoted[:quoted.index("追跡番号")]
    assert carets == " " * _columns(before) + "^" * 8


def test_carets_under_accents_stored_apart(make_pack: Any) -> None:
    line = unicodedata.normalize("NFD", "Es tut mir leid, wie ärgerlich das Warten für Sie ist.")
    quoted, carets = _caret_under(make_pack, line, "Warten", "de-DE")
    before = quoted[:quoted.index("Warten")]
    assert carets == " " * _columns(before) + "^" * 6
    assert len(before) > _columns(before)  # (the marks before it take no column)
