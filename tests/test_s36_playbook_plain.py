"""The playbook shows an SMS or phone reply as the customer gets it (plain text, a link as its text and address,
its SMS length), keeps each other phrasing's lines in a reply box of its own, and shows a blank's example (real packs
written to disk, exported as `scriptkit export` does)."""

from __future__ import annotations

from pathlib import Path

from scriptkit.exporting import export

PACK_YAML = "name: Parcel help\nlocale: en-US\n"

TRACK = """\
id: track
title: "Orders::Track"
channels: [sms, chat, phone]
acknowledgment:
  - "Sorry your parcel is late."
  - |
    Sorry the parcel is late.
    - it left the depot today
    - it arrives by {{ blank.new_day }}
warm_language: "Thanks for bearing with us."
flexibility:
  blanks:
    - {name: new_day, prompt: Day it arrives, example: Thursday}
  alternatives:
    - label: Escalate
      text: |
        I've passed this to my manager.
        They'll reply by {{ blank.new_day }}.
solution: "Here is the link: [track it here](https://example.com/t/ABC123?ref=sms&x=1)."
"""


def _pack(tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text(PACK_YAML, encoding="utf-8")
    (pack / "scripts" / "track.yaml").write_text(TRACK, encoding="utf-8")
    return pack


def _playbook(tmp_path: Path) -> tuple[str, str]:
    out = tmp_path / "out"
    export(_pack(tmp_path), ["playbook"], out, lint=False)
    return ((out / "playbook" / "playbook.html").read_text(encoding="utf-8"),
            (out / "playbook" / "playbook.md").read_text(encoding="utf-8"))


def _section(page: str, head: str) -> str:
    start = page.index(f"<h4>{head}")
    return page[start:page.index("<h4>", start + 4)]


def test_sms_and_phone_replies_show_the_plain_text_with_the_address(tmp_path: Path) -> None:
    page, md = _playbook(tmp_path)
    sms = _section(page, "SMS")
    assert "track it here (https://example.com/t/ABC123?ref=sms&amp;x=1)" in sms
    assert "<a " not in sms and "<li>" not in sms
    assert "<a " not in _section(page, "Phone")
    # (the chat keeps its link)
    assert '<a href="https://example.com/t/ABC123?ref=sms&amp;x=1"' in _section(page, "Chat")
    assert "track it here (https://example.com/t/ABC123?ref=sms&x=1)" in md


def test_sms_reply_shows_its_length_and_parts(tmp_path: Path) -> None:
    page, md = _playbook(tmp_path)
    sms = _section(page, "SMS")
    assert "characters · 1 SMS part · GSM-7" in sms
    assert "characters · 1 SMS part · GSM-7" in md


def test_other_ways_to_say_it_keep_their_lines_in_a_reply_box(tmp_path: Path) -> None:
    page, md = _playbook(tmp_path)
    # each line of the second phrasing on a line of its own, in a quote, not squashed onto one
    lines = md.splitlines()
    assert "- it left the depot today" in lines and "> - it left the depot today  " in lines
    assert "Sorry the parcel is late. - it left" not in md
    others = page[page.index("Other ways to say it"):]
    others = others[:others.index("</section>")]
    assert others.count("<blockquote") >= 3  # (one per channel's second phrasing)
    # an alternative's second line stays on a line of its own
    assert "They'll reply by [[new day]]." in lines


def test_fill_in_list_shows_the_blank_example(tmp_path: Path) -> None:
    page, md = _playbook(tmp_path)
    assert "Day it arrives (e.g. Thursday)" in md
    assert "Day it arrives (e.g. Thursday)" in page

