"""SK007 names single Markdown emphasis (*word*, _word_) and an autolink (<https://...>) in a pack's slot text: the
exports make neither (a link is written [text](address)), so every helpdesk showed '_tomorrow_, *promise*' and
'&lt;https://...&gt;' as typed, and check said nothing. Text that only looks like them is left alone."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.linting import lint_pack, lint_text
from scriptkit.loading import load_pack
from scriptkit.targets.base import plain_links

SCRIPT = """id: refill
title: Refill
channels: [email]
acknowledgment: "I'm sorry the refill hasn't arrived."
solution: |
  I'll check on it _tomorrow_, *promise*. It is *really* on its way.
  Track it at <https://example.com/track> or write to <mailto:help@example.com>.
  (Or see <help@example.com>.)
"""

LOOKALIKES = """id: lookalike
title: Lookalike
channels: [email]
acknowledgment: "I'm sorry the refill hasn't arrived."
solution: |
  The bundle costs 5 * 3 dollars, or 2*4 for two.
  Free delivery* on every refill. *Excludes gift cards.
  Rename refill_order_form.txt and set max_refill_count to 3.
  Open https://example.com/_drafts_/list or write to sam_the_helper_@example.com.
  Sorry about the delay *_* and -_- then ^_^ again.
  Press <before> and <Enter>, then open [the form](<https://example.com/my refill>).
  Keep `*args*` and `_id_` as they are.
  * Check the label
  * Send a photo
"""


def _found(pack: Path) -> list[tuple[int, str, bool]]:
    found = lint_pack(load_pack(pack), grammar="off").diagnostics
    return [(d.location.line, d.text, d.fix is not None) for d in found if d.code == "SK007"]


def test_emphasis_and_autolinks_are_reported_and_fixed(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"refill.yaml": SCRIPT})
    assert _found(pack) == [(6, "_tomorrow_", False), (6, "*promise*", True), (6, "*really*", True),
                            (7, "<https://example.com/track>", False), (7, "<mailto:help@example.com>", False),
                            (8, "<help@example.com>", False)]
    CliRunner().invoke(main, ["check", str(pack), "--fix", "--grammar", "off", "--select", "SK007"])
    text = (pack / "scripts" / "refill.yaml").read_text(encoding="utf-8")
    assert "_tomorrow_, promise. It is really on its way." in text
    assert "Track it at <https://example.com/track> or write to <mailto:help@example.com>." in text  # (no fix
    # makes a link: the suggestion writes it, [https://example.com/track](https://example.com/track))
    found = lint_pack(load_pack(pack), grammar="off").diagnostics
    assert [d.suggestion for d in found if d.code == "SK007" and d.text.startswith("<")] == [
        "Write it as a link: [https://example.com/track](https://example.com/track) (the plain exports write the "
        "address alone)",
        "Write it as a link: [help@example.com](mailto:help@example.com) (the plain exports write the address alone)",
        "Write it as a link: [help@example.com](mailto:help@example.com) (the plain exports write the address alone)"]


def test_the_suggested_link_reads_as_its_address_in_plain_text() -> None:
    written = "at [https://example.com/t](https://example.com/t) or [help@example.com](mailto:help@example.com)."
    assert plain_links(written) == "at https://example.com/t or help@example.com."


def test_lookalikes_are_left_alone(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"lookalike.yaml": LOOKALIKES})
    assert _found(pack) == []


def test_a_pasted_reply_is_not_judged_for_them() -> None:
    codes = [d.code for d in lint_text("Sorry! I'll check *tomorrow*, see <https://example.com/t>.",
                                       grammar="off").diagnostics]
    assert "SK007" not in codes
