"""A safe fix whose words are wrapped over two lines in the YAML ("arrive prior⏎  to Friday") is made, the line
break going with the words it rewrites: before, it was reported but not fixable, and --fix gave no reason."""

from __future__ import annotations

from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack

SCRIPT = """id: late
title: Late
channels: [email]
acknowledgment: I'm sorry your order is late, and I know how much you were counting on it
  arriving this week. It will arrive prior
  to Friday.
flexibility:
  guidance: Offer a refund if they ask.
solution: >-
  I'll ship it today, and it will arrive prior
  to Friday. Kindly
  reply if it doesn't.
warm_language: "Thanks for waiting, we know it has been a long week and we truly appreciate
  your patience; please be aware
  that the courier is busy."
"""


def test_folded_words_are_fixed_with_their_line_break(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"late.yaml": SCRIPT})
    wrapped = {5: "prior to", 10: "prior to", 14: "please be aware that"}  # (each phrase's first line)
    found = {d.location.line: d for d in lint_pack(load_pack(pack), grammar="off").diagnostics
             if d.code == "SK201" and d.location.line in wrapped}
    assert {line: d.text.lower() for line, d in found.items()} == wrapped
    assert all(d.fix is not None and d.fix.safe and "\n" not in d.fix.description for d in found.values())
    result = CliRunner().invoke(main, ["check", str(pack), "--fix", "--grammar", "off"])
    assert "fix not applied" not in result.output, result.output
    text = (pack / "scripts" / "late.yaml").read_text(encoding="utf-8")
    assert "It will arrive before Friday." in text and "it will arrive before Friday. Please\n  reply" in text
    assert "prior" not in text and "please be aware" not in text.lower()
    again = CliRunner().invoke(main, ["check", str(pack), "--diff", "--grammar", "off"])
    assert again.output.count("\n+") == 0, again.output  # (nothing left for a second round)


def test_a_line_break_a_block_keeps_is_not_folded(make_pack) -> None:  # type: ignore[no-untyped-def]
    """In a literal block (|) the break is the writer's: words across it are left for a person."""
    script = SCRIPT.replace("solution: >-", "solution: |-")
    pack = make_pack({"late.yaml": script})
    found = [d for d in lint_pack(load_pack(pack), grammar="off").diagnostics
             if d.location.line == 10 and d.code == "SK201" and "prior" in d.text]
    assert found and all(d.fix is None for d in found)
