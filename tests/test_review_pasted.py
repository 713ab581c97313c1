"""``scriptkit review`` on text as support leads paste it: old line endings, HTML, odd files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

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
    assert "the quoted thread from line 10 on is not judged" in shown.stdout, shown.output
    advised = EMAIL_SOURCE.splitlines()[3].index("Please") + 1  # "Please be advised", where it is in the file
    assert f"4:{advised} " in shown.stdout


def test_an_html_transcript_judges_the_agents_turns(tmp_path: Path) -> None:
    chat = tmp_path / "chat.html"
    chat.write_text("<p>Customer: I was charged twice &amp; nobody answers</p>\n"
                    "<p>Agent: Please be advised that I&#39;ve refunded the second charge.</p>\n", encoding="utf-8")
    report = json.loads(review(chat).stdout)
    assert [(t["speaker"], t["line"], t["col"]) for t in report["turns"]] == [("Agent", 2, 11)]
    assert [s["text"] for s in report["sentences"]] == ["Please be advised that I've refunded the second charge."]


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
