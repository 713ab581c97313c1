"""The text report's source snippet fits the terminal: a long line is cut to the columns the terminal has (COLUMNS, or
its own width), measured as the terminal shows them (a Japanese character two columns), so the carets stay under
their words; off a terminal the window is fixed. Invisible characters are shown by their code point and counted so,
and a right-to-left line, which a terminal may reorder, gets its flagged words quoted instead of carets."""

from __future__ import annotations

import unicodedata
from typing import Any

from click.testing import CliRunner

from scriptkit.cli import main

RULE = ("rules:\n  select: [custom, SK012]\n  custom:\n    - name: banned\n      kind: existence\n"
        "      patterns: ['{term}']\n")
GUTTER = len("     4 │ ")


def _check(make_pack: Any, line: str, term: str, locale: str, columns: str | None) -> list[str]:
    script = f"id: a\ntitle: A\nchannels: [email]\nacknowledgment: {line}\nsolution: Done.\n"
    root = make_pack({"a.yaml": script}, f"name: T\nlocale: {locale}\n" + RULE.format(term=term))
    out = CliRunner().invoke(main, ["check", str(root), "--grammar", "off"],
                             env={"NO_COLOR": "1", "COLUMNS": columns}).output
    return out.splitlines()


def _columns(text: str) -> int:
    return sum(0 if unicodedata.category(c) in ("Mn", "Me", "Cf") else 2 if unicodedata.east_asian_width(c) in "WF"
               else 1 for c in text)


def _snippet(lines: list[str], term: str) -> tuple[str, str]:
    at = next(i for i, text in enumerate(lines) if "│" in text and term in text and "^" in lines[i + 1])
    return lines[at], lines[at + 1]


ENGLISH = ("I'm so sorry the order went missing on the way to you, and I know how much you were counting on it "
           "arriving before the weekend trip with your family; I have asked the courier to trace the parcel today "
           "and I will write to you tomorrow morning with what they find.")


def test_a_long_line_is_cut_to_a_narrow_terminal(make_pack: Any) -> None:
    quoted, carets = _snippet(_check(make_pack, ENGLISH, "courier", "en-US", "50"), "courier")
    assert _columns(quoted) <= 50 and _columns(carets) <= 50
    text = quoted[GUTTER:]
    assert carets[GUTTER:] == " " * _columns(text[:text.index("courier")]) + "^" * len("courier")


def test_off_a_terminal_the_window_is_fixed(make_pack: Any) -> None:
    quoted, _ = _snippet(_check(make_pack, ENGLISH, "courier", "en-US", None), "courier")
    assert _columns(quoted[GUTTER:]) == 120 + 2  # (120 columns of the line and a "…" either side)


def test_a_japanese_line_is_cut_by_its_columns(make_pack: Any) -> None:
    line = ("ご不便をおかけして大変申し訳ございません。本日中に新しい商品を発送し、明日の十四時までに追跡番号をご連絡"
            "いたします。ほかにご不明な点がございましたら、いつでもお気軽にこちらまでお問い合わせください。")
    quoted, carets = _snippet(_check(make_pack, line, "追跡番号", "ja-JP", "60"), "追跡番号")
    assert _columns(quoted) <= 60
    text = quoted[GUTTER:]
    assert carets[GUTTER:] == " " * _columns(text[:text.index("追跡番号")]) + "^" * 8


def test_a_zero_width_space_is_shown_and_counted(make_pack: Any) -> None:
    line = "I'm sorry\u200b the parcel is late; the courier brings it tomorrow."
    lines = _check(make_pack, line, "courier", "en-US", "100")

    def under(code: str) -> tuple[str, str]:
        at = next(i for i, text in enumerate(lines) if f" {code} [" in text)
        return lines[at + 1][GUTTER:], lines[at + 2][GUTTER:]

    text, carets = under("SK801")
    assert "sorry⟨U+200B⟩ the" in text and "\u200b" not in text
    assert carets == " " * text.index("courier") + "^" * len("courier")
    text, carets = under("SK012")  # (its own finding marks the code point shown)
    assert carets == " " * text.index("⟨U+200B⟩") + "^" * len("⟨U+200B⟩")


def test_a_right_to_left_line_gets_its_words_quoted_not_carets(make_pack: Any) -> None:
    line = "نعتذر عن التأخير، سنرسل لك رقم التتبع غدا صباحا."
    lines = _check(make_pack, line, "رقم التتبع", "ar-SA", "100")
    at = next(i for i, text in enumerate(lines) if text.endswith(line))
    assert "^" not in lines[at + 1]
    assert 'marked: "رقم التتبع"' in lines[at + 1]
