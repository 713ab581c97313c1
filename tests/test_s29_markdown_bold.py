"""SK007 names Markdown bold in a pack's slot text: the exports make links and lists of a slot's Markdown, not bold,
so every helpdesk showed "Print the **free return label**" with its asterisks, and check said nothing."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.linting import lint_pack, lint_text
from scriptkit.loading import load_pack

SCRIPT = """id: exchange
title: Exchange
channels: [email]
acknowledgment: "I can see how annoying it is when a size runs **small**."
flexibility:
  guidance: Offer a refund if they ask.
solution: |
  Here's what I've done today:
  - Printed the **free return label** for you
  - Booked a __courier__ for Friday
  Order **{{ order.number }}** is on its way, and 2**3 or snake__case stay as written.
"""


def _bold(pack: Path) -> list[tuple[int, str, bool]]:
    found = lint_pack(load_pack(pack), grammar="off").diagnostics
    return [(d.location.line, d.text, d.fix is not None) for d in found if d.code == "SK007"]


def test_bold_in_a_slot_is_reported_at_its_words_and_fixed_where_it_is_literal(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"exchange.yaml": SCRIPT})
    assert _bold(pack) == [(4, "**small**", True), (9, "**free return label**", True), (10, "__courier__", False),
                           (11, "**{{order.number}}**", False)]  # (a placeholder inside: the writer's to mend)
    fixed = CliRunner().invoke(main, ["check", str(pack), "--fix", "--grammar", "off", "--select", "SK007"])
    assert fixed.exit_code == 1, fixed.output  # (the placeholder's bold is left)
    text = (pack / "scripts" / "exchange.yaml").read_text(encoding="utf-8")
    assert "runs small." in text and "- Printed the free return label for you" in text
    # (one word between underscores may be a name in code: reported, left to the writer)
    assert "- Booked a __courier__ for Friday" in text and "2**3 or snake__case" in text


def test_the_export_shows_what_the_rule_says(make_pack, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"exchange.yaml": SCRIPT})
    out = tmp_path / "out"
    CliRunner().invoke(main, ["export", str(pack), "--to", "helpscout", "--out", str(out), "--force",
                              "--grammar", "off"])
    replies = [json.loads(p.read_text(encoding="utf-8")) for p in (out / "helpscout").rglob("exchange*.json")]
    # (no bold in any export: hence the finding)
    assert replies and all("**free return label**" in r["text"] for r in replies)


def test_a_pasted_reply_is_not_judged_for_it() -> None:
    """A reply reviewed as sent may come from a chat where Markdown renders: only a pack's text is scriptkit's."""
    codes = [d.code for d in lint_text("I'm so sorry. I've sent the **new label** today.", grammar="off").diagnostics]
    assert "SK007" not in codes


def test_names_in_code_are_left_alone(make_pack) -> None:  # type: ignore[no-untyped-def]
    """A technical reply names files and folders: --fix turned '__init__.py' into 'init.py' and '`__main__`' into
    '`main`', changing what the customer was told to open."""
    script = SCRIPT.replace("Order **{{ order.number }}** is on its way, and 2**3 or snake__case stay as written.",
                            "Delete the file __init__.py, then open `__main__` and the __pycache__ folder.")
    pack = make_pack({"exchange.yaml": script})
    assert [t for _, t, fix in _bold(pack) if t.startswith("__")] == ["__courier__", "__pycache__"]
    assert all(not fix for _, t, fix in _bold(pack) if t.startswith("__"))


def test_a_typed_newline_takes_the_spaces_after_it(make_pack) -> None:  # type: ignore[no-untyped-def]
    """'anything.\\n Please reply' became a line starting with a space, which the customer saw."""
    script = ('id: a\ntitle: A\nchannels: [email]\nflexibility: {guidance: Offer a refund.}\n'
              'acknowledgment: "I can see how frustrating the wait has been."\n'
              "solution: >+\n  I'll send the tracking link today.\\n   Please reply with anything else.\n")
    pack = make_pack({"a.yaml": script})
    fixed = CliRunner().invoke(main, ["check", str(pack), "--fix", "--grammar", "off", "--select", "SK007"])
    assert fixed.exit_code == 0, fixed.output
    text = (pack / "scripts" / "a.yaml").read_text(encoding="utf-8")
    assert "today.\n\n  Please reply" in text, text
