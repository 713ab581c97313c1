"""An email's review says, once and where each starts, what it left out: its signature, disclaimer, quoted thread,
HTML part; and an unknown charset at the header that names it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scriptkit import lint_text
from scriptkit.cli import main

HEAD = ("From: Sam Carter <sam@acme.example>\nTo: Dana <dana@example.com>\nSubject: Re: Your parcel\n"
        "Date: Tue, 04 Mar 2025 10:02:00 +0000\nMIME-Version: 1.0\n"
        'Content-Type: multipart/alternative; boundary="b1"\n\n')  # (lines 1-7)
PLAIN = ("--b1\nContent-Type: text/plain; charset=klingon\n\n"  # (lines 8-10)
         "Hi Dana,\n\nYour parcel left our depot today and will reach you on Friday.\n\nThanks,\nSam\n"  # (11-16)
         "-- \nSam Carter | Acme Support\n\n"  # (17-19)
         "CONFIDENTIALITY NOTICE: This email is for the named recipient only. Thank you for your understanding.\n\n"
         "On Mon, 3 Mar 2025 at 09:14, Dana <dana@example.com> wrote:\n> Where is my parcel?\n\n")  # (20-24)
HTML = ('--b1\nContent-Type: text/html; charset="utf-8"\n\n<p>Hi Dana,</p><p>Your parcel left today.</p>\n'
        "--b1--\n")  # (25-29)


def review(path: Path, *args: str) -> Any:
    return CliRunner().invoke(main, ["review", str(path), "--grammar", "off", *args], env={"NO_COLOR": "1"})


def test_an_email_says_once_what_it_left_out_and_where(tmp_path: Path) -> None:
    eml = tmp_path / "reply.eml"
    eml.write_text(HEAD + PLAIN + HTML, encoding="utf-8")
    run = review(eml)
    assert run.exit_code in (0, 1), run.output
    said = [line.strip() for line in run.stdout.splitlines() if "not judged:" in line or "charset" in line]
    assert said == [
        'the charset "klingon" that the Content-Type on line 9 names is unknown: the email was read as UTF-8, so a '
        "letter may read wrong",
        "the signature from line 17 on is not judged: it is the sender's name and details, not the reply",
        "the disclaimer from line 20 on is not judged: it is the company's legal notice, not the agent's words",
        "the quoted thread from line 22 on is not judged: it is the earlier messages",
        "the email's HTML part from line 26 on is not judged: it is the same email as HTML; its plain-text part "
        "was read"], run.stdout
    # (the note at 1:1 says what it was read as, no more: the charset is said at its header)
    assert "reply.eml:1:1: note: read as an email: only its text" in run.stderr
    report = json.loads(review(eml, "--format", "json").stdout)
    assert [(n["kind"], n["line"], n["col"]) for n in report["reading_notes"]] == [
        ("charset", 9, 1), ("signature", 17, 1), ("disclaimer", 20, 1), ("thread", 22, 1), ("html_part", 26, 1)]
    assert [n["message"] for n in report["reading_notes"]] == said


def test_a_plain_reply_notes_its_signature_and_a_plain_one_none(tmp_path: Path) -> None:
    result = lint_text("Hi Dana,\n\nYour parcel left our depot today.\n\nThanks,\nSam\n-- \nSam Carter\n",
                       file=str(tmp_path / "reply.txt"))
    assert [(n.kind, n.location.line) for n in result.reading_notes] == [("signature", 7)]
    assert lint_text("Hi Dana,\n\nYour parcel left our depot today.\n\nThanks,\nSam\n").reading_notes == []


def test_a_name_beside_a_team_is_a_person_signing() -> None:
    body = "Hi Dana,\n\nYour parcel left our depot today and will reach you on Friday.\n\nKind regards,\n"

    def sk206(signed: str) -> list[str]:
        return [d.text for d in lint_text(body + signed + "\n").diagnostics if d.code == "SK206"]

    for signed in ("Sam Carter | Support Team", "Sam Carter, Support Team", "Sam - Acme Support Team",
                   "Jo-Anne O'Neil / Customer Support"):
        assert sk206(signed) == [], signed
    assert sk206("Support Team") == ["Support Team"]  # (a team alone is nobody)
