r"""A double-quoted YAML scalar wrapped with a backslash at the end of a line ("arrives \⏎  prior to"): the
backslash, the line break and the next line's indentation are no characters of the value. A finding after
the break was located at the backslash ("4:34 … through line 5") and --fix refused it; now it is located
at its word and fixed."""

from __future__ import annotations

from click.testing import CliRunner
from ruamel.yaml import YAML

from scriptkit.cli import main
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack
from scriptkit.sourcetext import scalar_offsets

SCRIPT = """id: ship
title: Ship
channels: [email]
acknowledgment: I know waiting for a parcel is frustrating.
warm_language: Thanks for bearing with me.
flexibility:
  guidance: Offer a refund if they ask.
solution: "I will ship it today, and it arrives \\
  prior to Friday."
"""


def test_offsets_skip_the_escaped_line_break() -> None:
    text = 'a: "one, \\\n   two\\\n\tthree"\n'
    value = YAML(typ="safe").load(text)["a"]
    assert value == "one, twothree"
    offsets = scalar_offsets(text, text.index('"'), value)
    assert [text[o] for o in offsets] == list(value)
    assert offsets[value.index("two")] == text.index("two")


def test_offsets_skip_an_escaped_crlf_line_break() -> None:
    text = 'a: "one, \\\r\n  two"\r\n'
    value = YAML(typ="safe").load(text)["a"]
    offsets = scalar_offsets(text, text.index('"'), value)
    assert [text[o] for o in offsets] == list(value)


def test_a_finding_after_the_break_is_located_and_fixed(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"ship.yaml": SCRIPT})
    found = [d for d in lint_pack(load_pack(pack), grammar="off").diagnostics
             if d.code == "SK201" and d.text == "prior to"]
    assert len(found) == 1
    assert (found[0].location.line, found[0].location.col) == (9, 3)
    assert found[0].fix is not None
    result = CliRunner().invoke(main, ["check", str(pack), "--fix", "--grammar", "off"])
    assert "fix not applied" not in result.output, result.output
    text = (pack / "scripts" / "ship.yaml").read_text(encoding="utf-8")
    assert YAML(typ="safe").load(text)["solution"] == "I will ship it today, and it arrives before Friday."
