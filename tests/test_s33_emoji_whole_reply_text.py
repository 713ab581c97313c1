"""A reply that opens with an emoji (before its greeting, or on a line of its own) quotes the same text for its
findings about the whole reply as it does without the emoji, in each report that shows a finding's text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import run_cli

BODY = ("Your parcel was handed to the courier on Monday.\n\n"
        "Please reply with your flat number so they can finish the delivery.\n")
OPENINGS = {"no emoji": "Hi Noor! ", "emoji before the greeting": "🎉 Hi Noor! ",
            "emoji on its own line": "🎉\nHi Noor! "}


def review_json(tmp_path: Path, text: str) -> dict[str, str]:
    reply = tmp_path / "reply.txt"
    reply.write_text(text, encoding="utf-8")
    out = run_cli("review", str(reply), "--format", "json")
    return {d["code"]: d["text"] for d in json.loads(out.output)["diagnostics"]}


@pytest.mark.parametrize("opening", list(OPENINGS))
def test_whole_reply_findings_quote_the_body_with_or_without_an_emoji(tmp_path: Path, opening: str) -> None:
    quoted = review_json(tmp_path, OPENINGS[opening] + BODY)
    assert "SK301" in quoted, quoted
    assert quoted["SK301"] == BODY.strip(), quoted
    assert quoted == review_json(tmp_path, OPENINGS["no emoji"] + BODY)


@pytest.mark.parametrize("fmt", ["sarif", "junit"])
def test_other_formats_quote_the_body_after_a_leading_emoji(tmp_path: Path, fmt: str) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text(OPENINGS["emoji before the greeting"] + BODY, encoding="utf-8")
    out = run_cli("review", str(reply), "--format", fmt).output
    assert "Your parcel was handed to the courier on Monday." in out, out


def test_check_quotes_an_acknowledgment_that_opens_with_an_emoji(tmp_path: Path) -> None:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "pack.yaml").write_text("name: Emoji pack\nversion: 0.1.0\nlocale: en-US\n", encoding="utf-8")
    ack = "🎉 Your parcel was handed to the courier on Monday."
    (tmp_path / "scripts" / "parcel.yaml").write_text(
        f'id: parcel\ntitle: "Delivery::Parcel handed over"\nchannels: [email]\nacknowledgment: "{ack}"\n'
        'warm_language: "Thanks for your order."\nsolution: "Please reply with your flat number today."\n',
        encoding="utf-8")
    out = run_cli("check", str(tmp_path), "--format", "json")
    quoted = {d["code"]: d["text"] for d in json.loads(out.output)["diagnostics"]}
    assert quoted.get("SK301") == ack, quoted
