"""Markdown import: whether a section quotes its reply is decided section by section, and a section
read one way or the other when it holds both says so (one '>' line no longer swaps a file)."""

from __future__ import annotations

from pathlib import Path

from scriptkit.importers import import_library

PLAIN_WITH_NOTE = """## Refund sent

Hi there, your refund is on its way and should reach your card within 5 working days.

## Empty heading

## Discount code

Here is your discount code SAVE10, valid until the end of the month.

> Note for agents: only for VIPs
"""


def test_one_quote_does_not_switch_the_file(tmp_path: Path) -> None:
    path = tmp_path / "lib.md"
    path.write_text(PLAIN_WITH_NOTE, encoding="utf-8")
    lib = import_library(path, "markdown")
    by_title = {m.title: m for m in lib.macros}
    assert list(by_title) == ["Refund sent", "Discount code"]
    assert by_title["Refund sent"].text.startswith("Hi there, your refund is on its way")
    code = by_title["Discount code"]
    assert code.text == "Here is your discount code SAVE10, valid until the end of the month."
    assert code.raw.guidance == "Note for agents: only for VIPs"
    assert any("quoted lines (> ...) as guidance" in n for n in code.notes)
    assert [s.item for s in lib.skipped] == ["section 'Empty heading'"]


def test_quoted_files_keep_their_convention(tmp_path: Path) -> None:
    path = tmp_path / "lib.md"
    path.write_text("## Late parcel\n\n**Use when:** the tracking has not moved.\n\n> Hi, I'm sorry it is late.\n\n"
                    "## Refund\n\n> Your refund is on its way.\n\n"
                    "## Broken\n\nSend with a photo request.\n\n> I'm sorry it arrived broken.\n\n"
                    "## Notes on tone\n\n- Keep it short.\n", encoding="utf-8")
    lib = import_library(path, "markdown")
    by_title = {m.title: m for m in lib.macros}
    assert by_title["Late parcel"].text == "Hi, I'm sorry it is late."
    assert by_title["Late parcel"].raw.guidance == "Use when: the tracking has not moved."
    assert not by_title["Late parcel"].notes
    # a section of free text and a quote, in a file that quotes: the quote is the reply, and it says so
    assert by_title["Broken"].text == "I'm sorry it arrived broken."
    assert by_title["Broken"].raw.guidance == "Send with a photo request."
    assert any("quoted lines (> ...) are read as the reply" in n for n in by_title["Broken"].notes)
    assert [s.item for s in lib.skipped] == ["section 'Notes on tone'"]


def test_a_lone_section_with_a_trailing_quote_keeps_its_text_as_the_reply(tmp_path: Path) -> None:
    path = tmp_path / "lib.md"
    path.write_text("## Code\n\nYour code is SAVE10.\n\n> Only for VIPs.\n", encoding="utf-8")
    (macro,) = import_library(path, "markdown").macros
    assert macro.text == "Your code is SAVE10." and macro.raw.guidance == "Only for VIPs."
    assert macro.notes


GUIDED = """## Late order

Use when: the courier is late.

> I'm sorry your order is late. I'll chase the courier today and email you by 5pm.

## Refund

When to use: the refund has gone through.

> I've refunded your order today. It takes 3-5 days to show on your card.
"""


def test_a_plain_use_when_line_is_guidance_beside_the_quoted_reply(tmp_path: Path) -> None:
    # (no section without a quote, none with only a quote: "Use when:" says the text is for the agent)
    path = tmp_path / "guided.md"
    path.write_text(GUIDED, encoding="utf-8")
    by_title = {m.title: m for m in import_library(path, "markdown").macros}
    assert by_title["Late order"].text.startswith("I'm sorry your order is late.")
    assert by_title["Late order"].raw.guidance == "Use when: the courier is late."
    assert by_title["Refund"].text.startswith("I've refunded your order today.")


def test_replies_on_labelled_lines_still_import(tmp_path: Path) -> None:
    # (a file of '**A:** reply' sections and no quotes: the labelled line holds the reply)
    path = tmp_path / "faq.md"
    path.write_text("## Password reset\n\n**Q:** I can't log in.\n\n**A:** I'm sorry you're locked out. I'll email "
                    "you a reset link within 5 minutes.\n\n## Refund\n\n**Reply:** I've refunded your order today.\n",
                    encoding="utf-8")
    lib = import_library(path, "markdown")
    assert [m.title for m in lib.macros] == ["Password reset", "Refund"] and not lib.skipped


def test_a_bold_use_when_before_the_quote_and_a_comment_after_it_keep_the_quote(tmp_path: Path) -> None:
    path = tmp_path / "guided.md"
    path.write_text("## Refund delayed\n\n**Use when:** the refund is late.\n\n> Hi, I'm sorry your refund is late. "
                    "I've chased the bank and it will arrive by Friday.\n\nKeep it short.\n\n## Lost\n\n"
                    "**Use when:** no tracking.\n\n> I'm sorry your order went missing. I've sent a new one today.\n\n"
                    "Offer express.\n\n"
                    "## Style notes\n\n"
                    "Always sign with your first name.\n", encoding="utf-8")
    lib = import_library(path, "markdown")
    macro, lost = lib.macros
    assert macro.text.startswith("Hi, I'm sorry your refund is late.") and "Keep it short." in macro.raw.guidance
    assert lost.text.startswith("I'm sorry your order went missing.")
    assert [p.item for p in lib.skipped] == ["section 'Style notes'"]


def test_a_section_of_labels_alone_is_skipped_as_notes(tmp_path: Path) -> None:
    path = tmp_path / "labels.md"
    path.write_text("## Refund\n\n**Use when:** refunded.\n\n> I've refunded your order today.\n\n"
                    "## Internal\n\n**Owner:** billing team\n", encoding="utf-8")
    lib = import_library(path, "markdown")
    assert [m.title for m in lib.macros] == ["Refund"]
    (skipped,) = lib.skipped
    assert "'Internal'" in skipped.item and "only labelled lines" in skipped.message


INTRO_THEN_QUOTES = """# Refund replies
These replies cover refunds. Pick the one that fits.
## Refund approved
> Hi there, I've refunded your order today. It'll reach your card within 5 business days.
Use when the refund is approved.
## Refund pending
> Hi there, I've asked finance to approve your refund, and I'll email you by Friday.
Use while finance decides.
"""


def test_a_quote_before_its_comment_is_the_reply_and_an_intro_does_not_outvote_it(tmp_path: Path) -> None:
    # (the file's title and intro is no section of its own kind: it had made the comments the replies)
    path = tmp_path / "intro.md"
    path.write_text(INTRO_THEN_QUOTES, encoding="utf-8")
    lib = import_library(path, "markdown")
    by_title = {m.title: m for m in lib.macros}
    assert list(by_title) == ["Refund approved", "Refund pending"]
    assert by_title["Refund approved"].text.startswith("Hi there, I've refunded your order today.")
    assert by_title["Refund approved"].raw.guidance == "Use when the refund is approved."
    assert any("'Refund replies'" in p.item for p in lib.skipped)
