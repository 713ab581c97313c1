"""Pasted emails: broken MIME is refused where it breaks; an email's signature, disclaimer and sign-off are no reply."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

HEAD = ("From: Sam Carter <sam@acme.example>\nTo: Dana <dana@example.com>\nSubject: Re: Your parcel\n"
        "Date: Tue, 04 Mar 2025 10:02:00 +0000\nMIME-Version: 1.0\n")
REPLY = "Hi Dana,\n\nYour parcel left our depot today and should reach you on Friday.\n\nThanks,\nSam\n"


def review(path: Path, *args: str) -> Any:
    return CliRunner().invoke(main, ["review", str(path), "--grammar", "off", *args], env={"NO_COLOR": "1"})


def _b64(text: str) -> str:
    return base64.encodebytes(text.encode()).decode()


@pytest.mark.parametrize(("body", "where", "why"), [
    # a multipart type with no boundary: its parts cannot be told apart
    ('Content-Type: multipart/alternative;\n\n--b1\nContent-Type: text/plain\n\n' + REPLY + "--b1--\n",
     (6, 1), "names no boundary"),
    # a boundary that no line of the body is
    ('Content-Type: multipart/alternative; boundary="b1"\n\n--b2\nContent-Type: text/plain\n\n' + REPLY + "--b2--\n",
     (6, 1), 'no line of it is the boundary "--b1"'),
    # a multipart email cut before its closing boundary
    ('Content-Type: multipart/alternative; boundary="b1"\n\n--b1\nContent-Type: text/plain\n\n' + REPLY[:40] + "\n",
     (13, 31), 'it ends before its closing boundary "--b1--"'),
    # only an attachment
    ('Content-Type: multipart/mixed; boundary="b1"\n\n--b1\nContent-Type: application/pdf\n'
     'Content-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n--b1--\n', (6, 1),
     "no text part (its parts: application/pdf)"),
    # base64 with characters base64 has no place for
    ('Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n' + _b64(REPLY)[:20] + "!!*"
     + _b64(REPLY)[20:], (9, 21), "'!', which base64 has no place for"),
    # base64 cut short, part-way through a group of four characters
    ('Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n' + _b64(REPLY).replace("\n", "")[:41] + "\n",
     (9, 42), "base64 text stops part-way"),
])
def test_an_email_that_cannot_be_read_is_refused_where_it_breaks(tmp_path: Path, body: str, where: tuple[int, int],
                                                                   why: str) -> None:
    eml = tmp_path / "reply.eml"
    eml.write_text(HEAD + body, encoding="utf-8")
    run = review(eml)
    assert run.exit_code == 2, run.output
    assert f"reply.eml:{where[0]}:{where[1]}: error: the email could not be read:" in run.output, run.output
    assert why in run.output
    assert "Traceback" not in run.output and "Subject" not in run.output  # (no header judged as a sentence)


def test_an_unknown_charset_is_read_as_utf8_with_a_note_at_its_header(tmp_path: Path) -> None:
    eml = tmp_path / "reply.eml"
    eml.write_text(HEAD + 'Content-Type: text/plain; charset="klingon"\n\n' + REPLY, encoding="utf-8")
    run = review(eml)
    assert run.exit_code in (0, 1), run.output
    assert 'the charset "klingon" that the Content-Type on line 6 names is unknown: the email was read as UTF-8' \
        in run.stdout
    assert "Your parcel left our depot" in run.output


BODY = "Hi Dana,\n\nYour parcel left our depot today and will reach you on Friday.\n\n"


def _slots_after_body(tail: str) -> list[tuple[str, str]]:
    from scriptkit.inference import infer_slots

    text = BODY + tail
    return [(slot, text[a:b]) for a, b, slot, _ in infer_slots(text, frames=True) if a >= len(BODY)]


@pytest.mark.parametrize("tail", [
    "Cheers,\nSam Carter\nSenior Support Specialist\nPaysend plc | 1 Example Street, London\n",
    "Cheers,\nSam Carter\nSenior Support Specialist\nPaysend plc | 1 Example Street, London\n"
    "+44 20 7946 0958 | support@example.com\nwww.example.com\n",
    "Best,\nSam Carter\nCustomer Support\nOffice hours: Mon-Fri 9am-5pm\n",
    "Kind regards,\nSam Carter\nAcme Inc.\nSupport hours: 9am to 5pm, Monday to Friday\n",
])
def test_a_company_signature_under_a_closing_is_the_sign_off(tail: str) -> None:
    assert {slot for slot, _ in _slots_after_body(tail)} == {"signoff"}


def test_a_lone_name_under_a_thanks_that_ends_in_a_comma_signs_the_reply() -> None:
    found = _slots_after_body("Thanks for your patience while we sorted this,\n\nSam\n")
    assert found[-1] == ("signoff", "Sam")


@pytest.mark.parametrize("notice", [
    "CONFIDENTIALITY NOTICE: This email and any attachments are for the named recipient only. If you are not the "
    "intended recipient, please delete it. Thank you for your understanding.",
    "This email and any files sent with it are confidential and intended solely for the addressee. We apologize for "
    "any inconvenience if it reached you in error.",
])
def test_a_disclaimer_under_the_sign_off_is_not_judged(tmp_path: Path, notice: str) -> None:
    import json

    reply = tmp_path / "reply.txt"
    reply.write_text(BODY + "Kind regards,\nSam Carter\nAcme Support\n\n" + notice + "\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["review", str(reply), "--grammar", "off", "--format", "json"],
                             env={"NO_COLOR": "1"})
    report = json.loads(run.stdout)
    assert not [d for d in report["diagnostics"] if d["line"] >= 9], run.stdout  # (SK201, SK204 on the notice)
    assert all(s["line"] < 9 for s in report["sentences"])
