"""``scriptkit review`` on text as support leads paste it: old line endings, HTML, odd files."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

CHAT = ["Customer: I was charged twice for my order.",
        "Agent: I'm so sorry about the double charge. I've refunded it and you'll see it within 3 days.",
        "Customer: ok thanks, this was really annoying",
        "Agent: Please be advised that refunds take time."]


def review(path: Path | str, *args: str, input: bytes | None = None) -> Any:
    return CliRunner().invoke(main, ["review", str(path), "--grammar", "off", "--format", "json", *args],
                              input=input, env={"NO_COLOR": "1"})


def test_lines_ended_by_a_bare_carriage_return_are_lines(tmp_path: Path) -> None:
    for ending in ("\r", "\r\n"):
        chat = tmp_path / "chat.txt"  # (old Mac files and some web exports end lines with "\r" alone)
        chat.write_bytes(ending.join(CHAT).encode() + ending.encode())
        run = review(chat)
        assert run.exit_code == 1, run.output
        report = json.loads(run.stdout)
        assert [(t["speaker"], t["line"], t["col"]) for t in report["turns"]] == [("Agent", 2, 8), ("Agent", 4, 8)]
        assert not any("annoying" in s["text"] for s in report["sentences"])
        formal = [d for d in report["diagnostics"] if d["code"] == "SK201"]  # "Please be advised"
        assert [(d["line"], d["col"]) for d in formal] == [(4, 8)]


def test_lines_ended_three_ways_in_one_file(tmp_path: Path) -> None:
    chat = tmp_path / "chat.txt"  # (pasted together from several places)
    chat.write_bytes(f"{CHAT[0]}\r\n{CHAT[1]}\n{CHAT[2]}\r{CHAT[3]}\u2028".encode())
    report = json.loads(review(chat).stdout)
    assert [(t["speaker"], t["line"]) for t in report["turns"]] == [("Agent", 2), ("Agent", 4)]


def test_an_email_with_bare_carriage_returns_keeps_its_quoted_thread_out(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_bytes(b"Hi Dana,\r\rI'm sorry the refund is late. I'll send it today.\r\rBest,\rMaya\r\r"
                      b"On Tue, Nov 24, 2026 at 9:12 AM Dana <dana@example.com> wrote:\r> This is useless.\r")
    report = json.loads(review(reply).stdout)
    assert report["sentences"] and not any("useless" in s["text"] for s in report["sentences"])
    assert [s["line"] for s in report["sentences"]][:2] == [1, 3]


HELPDESK = ("<p>Hi Dana,</p><p>I&#39;m so sorry your order arrived damaged &amp; late.</p>"
            "<p>Please be advised that I&rsquo;ve sent a replacement today&nbsp;and you&#39;ll get the tracking "
            "link by email.</p><br><p>Best,<br>Maya</p>\n")


def test_pasted_html_is_judged_as_its_text_located_in_the_html(tmp_path: Path) -> None:
    reply = tmp_path / "reply.html.txt"  # (copied from a helpdesk's HTML view)
    reply.write_text(HELPDESK, encoding="utf-8")
    run = review(reply)
    assert run.exit_code == 1, run.output
    report = json.loads(run.stdout)
    said = [s["text"] for s in report["sentences"]]
    assert said[:2] == ["Hi Dana,", "I'm so sorry your order arrived damaged & late."]  # a paragraph each
    assert not any("<" in s or "&" in s.replace(" & ", "") for s in said)
    assert any("replacement today and you'll get" in s for s in said)
    formal = [d for d in report["diagnostics"] if d["code"] == "SK201"]  # "Please be advised", where it is in the file
    assert [(d["line"], d["col"]) for d in formal] == [(1, HELPDESK.index("Please") + 1)]
    assert [(d["end_line"], d["end_col"]) for d in formal] == [(1, HELPDESK.index(" I&rsquo;ve") + 1)]  # (its end)
    assert [(s["line"], s["col"]) for s in report["sentences"][:2]] == [
        (1, HELPDESK.index("Hi") + 1), (1, HELPDESK.index("I&#39;m") + 1)]
    assert "read as HTML" in run.stderr


EMAIL_SOURCE = """\
<div dir="ltr">
  <div>Hi Dana,</div>
  <div><br></div>
  <div>I'm sorry the refund is late. Please be advised that it goes out today.</div>
  <div><br></div>
  <div>Best,<br>Maya</div>
</div>
<br>
<div class="gmail_quote">
  <div class="gmail_attr">On Tue, 24 Nov, Dana &lt;<a href="mailto:d@example.com">d@example.com</a>&gt; wrote:<br></div>
  <blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex">
    <div>This is useless. Where is my money?</div>
  </blockquote>
</div>
"""


def test_an_html_email_keeps_its_lines_and_leaves_its_quoted_thread_out(tmp_path: Path) -> None:
    reply = tmp_path / "reply.html"
    reply.write_text(EMAIL_SOURCE, encoding="utf-8")
    report = json.loads(review(reply).stdout)
    assert [(s["text"], s["line"], s["col"]) for s in report["sentences"]][:2] == [
        ("Hi Dana,", 2, 8), ("I'm sorry the refund is late.", 4, 8)]
    assert not any("useless" in s["text"] or "wrote" in s["text"] for s in report["sentences"])
    shown = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off"], env={"NO_COLOR": "1"})
    attribution = EMAIL_SOURCE.splitlines()[9].index("On Tue") + 1  # (after the tag that opens line 10)
    assert f"the quoted thread from line 10, column {attribution} on is not judged" in shown.stdout, shown.output
    advised = EMAIL_SOURCE.splitlines()[3].index("Please") + 1  # "Please be advised", where it is in the file
    assert f"4:{advised} " in shown.stdout


def test_an_html_transcript_judges_the_agents_turns(tmp_path: Path) -> None:
    chat = tmp_path / "chat.html"
    chat.write_text("<p>Customer: I was charged twice &amp; nobody answers</p>\n"
                    "<p>Agent: Please be advised that I&#39;ve refunded the second charge.</p>\n", encoding="utf-8")
    report = json.loads(review(chat).stdout)
    assert [(t["speaker"], t["line"], t["col"]) for t in report["turns"]] == [("Agent", 2, 11)]
    assert [s["text"] for s in report["sentences"]] == ["Please be advised that I've refunded the second charge."]
    # the turn's text is what was judged, not the file's slice with its tags and entities
    assert [t["text"] for t in report["turns"]] == ["Please be advised that I've refunded the second charge."]


def test_a_reply_that_mentions_a_tag_is_not_html(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("Hi Dana,\n\nAdd <br> where you want a new line, and I'll check the page today.\n",
                     encoding="utf-8")
    run = review(reply)
    assert any("<br>" in s["text"] for s in json.loads(run.stdout)["sentences"]) and "HTML" not in run.stderr


def test_a_file_too_large_for_one_reply_is_refused_before_it_is_judged(tmp_path: Path) -> None:
    from scriptkit.loading import MAX_FILE_BYTES

    export = tmp_path / "all-tickets.txt"  # (a whole export passed by mistake: minutes and gigabytes to judge)
    export.write_text("I'm sorry your parcel is late. I'll reship it.\n" * (MAX_FILE_BYTES // 40), encoding="utf-8")
    for run in (review(export), review("-", input=export.read_bytes())):
        assert run.exit_code == 2 and "Traceback" not in run.output
        assert "bytes; review judges one reply or conversation" in run.stderr and ":1:1: error:" in run.stderr


GMAIL_ORIGINAL = """\
MIME-Version: 1.0
Date: Thu, 26 Nov 2026 10:44:00 +0000
Subject: Re: Refund
From: Maya Lee <maya@acme.example>
To: Dana Whitfield <dana@example.com>
Content-Type: multipart/alternative; boundary="000000000000abc123"

--000000000000abc123
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

Hi Dana,

I=E2=80=99m sorry the refund is late. I=E2=80=99ll send it today; please be advised that it c=
an take 3 days.

Maya

--000000000000abc123
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

<div dir=3D"ltr"><div>Hi Dana,</div><div>I=E2=80=99m sorry the refund is late.</div></div>

--000000000000abc123--
"""


def test_an_emails_source_is_judged_as_its_text_part_located_in_the_source(tmp_path: Path) -> None:
    source = tmp_path / "reply.eml"  # (Gmail's "Show original", copied whole)
    source.write_text(GMAIL_ORIGINAL, encoding="utf-8")
    run = review(source)
    report = json.loads(run.stdout)
    said = [(s["text"], s["line"], s["col"]) for s in report["sentences"]]
    assert said[:3] == [("Hi Dana,", 12, 1), ("I’m sorry the refund is late.", 14, 1),
                        ("I’ll send it today; please be advised that it can take 3 days.", 14, 39)]  # (a line broken
    assert not any("MIME" in s or "=E2" in s or "<div" in s for s, _, _ in said)  # by the encoding, joined)
    advised = GMAIL_ORIGINAL.splitlines()[13].index("please") + 1
    assert [(d["line"], d["col"]) for d in report["diagnostics"] if d["code"] == "SK201"] == [(14, advised)]
    assert "read as an email: only its text was judged" in run.stderr


@pytest.mark.parametrize("encoding", ["base64", "8bit"])
def test_an_emails_source_with_one_html_or_base64_part(tmp_path: Path, encoding: str) -> None:
    html = "<p>Hi Dana,</p><p>I’m sorry the refund is late. Please be advised that it goes out today.</p>\n"
    body = base64.encodebytes(html.encode()).decode() if encoding == "base64" else html
    source = tmp_path / "reply.eml"
    source.write_text(f"From: Maya <maya@acme.example>\nSubject: Refund\nContent-Type: text/html; charset=utf-8\n"
                      f"Content-Transfer-Encoding: {encoding}\n\n{body}", encoding="utf-8")
    report = json.loads(review(source).stdout)
    assert [s["text"] for s in report["sentences"]][:2] == ["Hi Dana,", "I’m sorry the refund is late."]
    assert all(s["line"] >= 6 for s in report["sentences"])  # (in the body, under the headers)
    if encoding == "8bit":
        assert [(d["line"], d["col"]) for d in report["diagnostics"] if d["code"] == "SK201"] == [
            (6, html.index("Please") + 1)]


def test_a_mime_parts_own_headers_and_quoted_printable(tmp_path: Path) -> None:
    part = tmp_path / "part.txt"  # (one part of an email's source, copied from its headers down)
    part.write_text('Content-Type: text/plain; charset="UTF-8"\nContent-Transfer-Encoding: quoted-printable\n\n'
                    "Hi Dana,\n\nI=E2=80=99m sorry the refund is late.\n", encoding="utf-8")
    assert [(s["text"], s["line"]) for s in json.loads(review(part).stdout)["sentences"]] == [
        ("Hi Dana,", 4), ("I’m sorry the refund is late.", 6)]


def test_email_headers_on_top_of_a_reply_are_not_judged(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("From: Maya Lee <maya@acme.example>\nDate: Thu, 26 Nov 2026 10:44:00 +0000\nSubject: Re: Refund\n"
                     "To: Dana <dana@example.com>\n\nHi Dana,\n\nI'm sorry the refund is late. I'll send it today.\n",
                     encoding="utf-8")
    report = json.loads(review(reply).stdout)
    assert [(s["text"], s["line"]) for s in report["sentences"]][:2] == [("Hi Dana,", 6), (
        "I'm sorry the refund is late.", 8)]
    assert not any(d["code"] == "SK302" for d in report["diagnostics"])  # (the headers came first, so it said late)


@pytest.mark.parametrize("text", [
    "From: 9am\nTo: 5pm\n\nI'll hold your parcel until then.\n",  # opening hours, not an email's headers
    "Order number: 4471\nTracking: 1Z999\n\nThanks for waiting, I'll send the link today.\n",
])
def test_replies_that_start_with_field_lines_are_no_email_source(tmp_path: Path, text: str) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text(text, encoding="utf-8")
    run = review(reply)
    assert json.loads(run.stdout)["sentences"][0]["line"] == 1 and "read as" not in run.stderr


def test_a_subject_line_copied_on_top_of_a_reply_is_not_judged(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("Subject: Re: Your refund\n\nHi Dana,\n\nI'm sorry the refund is late. I'll send it today.\n",
                     encoding="utf-8")
    assert [s["line"] for s in json.loads(review(reply).stdout)["sentences"]][:2] == [3, 5]


def test_no_break_spaces_copied_from_a_web_page_or_a_mac_are_spaces(tmp_path: Path) -> None:
    chat = tmp_path / "chat.txt"  # (after a label's colon from a chat widget; before "AM" in macOS's times)
    chat.write_text("[10:42\u202fAM] Customer:\u00a0I was charged twice\n"
                    "[10:43\u202fAM] Agent:\u00a0Please be advised that I\u2019ve refunded it today.\n"
                    "Dana Whitfield (customer) ·\u00a010:44\u202fAM\nthanks\n", encoding="utf-8")
    report = json.loads(review(chat).stdout)
    assert [(t["speaker"], t["line"], t["col"], t["text"]) for t in report["turns"]] == [
        ("Agent", 2, 19, "Please be advised that I\u2019ve refunded it today.")]


def test_a_transcript_in_html_pre_keeps_its_lines(tmp_path: Path) -> None:
    chat = tmp_path / "chat.html"  # (a helpdesk showing a plain-text transcript as it was written)
    chat.write_text("<html><body><pre>Customer: I was charged twice\n"
                    "Agent:   Please be advised that I&#39;ve refunded it.</pre></body></html>\n", encoding="utf-8")
    report = json.loads(review(chat).stdout)
    assert [(t["speaker"], t["line"], t["col"]) for t in report["turns"]] == [("Agent", 2, 10)]


@pytest.mark.parametrize("charset", ["x-no-such-charset", "utf-16"])
def test_an_email_with_a_charset_it_cannot_be_in_is_read_as_utf8(tmp_path: Path, charset: str) -> None:
    source = tmp_path / "reply.eml"
    source.write_text(f'Subject: Refund\nContent-Type: text/plain; charset="{charset}"\n'
                      "Content-Transfer-Encoding: quoted-printable\n\nI=E2=80=99m sorry the refund is late.\n",
                      encoding="utf-8")
    run = review(source)
    assert run.exit_code in (0, 1) and "Traceback" not in run.output, run.output
    assert [s["text"] for s in json.loads(run.stdout)["sentences"]] == ["I’m sorry the refund is late."]


def _read(tmp_path: Path, body: str) -> tuple[dict[str, str], set[str]]:
    """Each sentence's slot and the codes found, as ``scriptkit review`` reports a short email."""
    reply = tmp_path / "reply.txt"
    reply.write_text(f"Hi Jo,\n\n{body}\n\nBest,\nSam\n", encoding="utf-8")
    report = json.loads(review(reply).stdout)
    return {s["text"]: s["slot"] for s in report["sentences"]}, {d["code"] for d in report["diagnostics"]}


def test_a_solution_opened_by_good_news_is_the_owned_solution(tmp_path: Path) -> None:
    sorry = "I'm so sorry you were locked out in the rain, that must have been miserable."
    slots, codes = _read(tmp_path, f"{sorry} Good news - we have your spare key at the front desk.")
    assert slots["Good news - we have your spare key at the front desk."] == "solution"
    assert not codes & {"SK401", "SK403"}
    # with nothing done or due after it, the good news is warm language and the reply still has no solution
    slots, codes = _read(tmp_path, f"{sorry} Good news: the whole team loved reading your kind review.")
    assert slots["Good news: the whole team loved reading your kind review."] == "warm_language"
    assert "SK401" in codes


def test_a_thank_you_for_waiting_is_not_a_vague_acknowledgment(tmp_path: Path) -> None:
    fix = "The second charge came from a fault on our side, and I've refunded it today."
    slots, codes = _read(tmp_path, f"Thanks for your patience while we looked into this! {fix}")
    assert slots["Thanks for your patience while we looked into this!"] == "warm_language"
    assert not codes & {"SK301", "SK303"}
    slots, codes = _read(tmp_path, f"I hear you. {fix}")  # an acknowledgment that names nothing still is one
    assert slots["I hear you."] == "acknowledgment" and "SK303" in codes


def test_see_you_then_and_a_name_sign_off(tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("Hi Jo,\n\nI'm sorry the engineer missed you, I know you took the morning off for it. "
                     "I've booked a new visit for Tuesday at 10am.\n\nSee you then,\nMia\n", encoding="utf-8")
    report = json.loads(review(reply).stdout)
    assert report["sentences"][-1]["text"] == "See you then,\nMia"
    assert report["sentences"][-1]["slot"] == "signoff"
    assert not any(d["text"].startswith("See you") for d in report["diagnostics"])
