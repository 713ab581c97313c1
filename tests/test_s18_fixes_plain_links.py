"""On a plain-text channel (SMS, phone) the customer reads a link as its text and its address, as the
plain exports write it: the rules, the SMS length first, judge it so there; elsewhere as its text."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack
from scriptkit.message import Message, Text

ADDRESS = "https://tracking.example.com/parcels/late-delivery-help-centre-article"
PACK = "name: Links\nversion: 0.1.0\nlocale: en-US\n"


def _pack(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(PACK, encoding="utf-8")
    (root / "scripts" / "late.yaml").write_text(
        "id: late\ntitle: Late parcel\nchannels: [sms, chat]\n"
        'acknowledgment: "So sorry your parcel is late, that is annoying."\n'
        'warm_language: "Thanks for bearing with me."\n'
        f'solution: "I have chased it today; [track it here]({ADDRESS}) and I will text you by Friday."\n',
        encoding="utf-8")
    return root


@pytest.mark.timeout(60)
def test_sms_length_counts_the_link_address(tmp_path: Path) -> None:
    result = lint_pack(load_pack(_pack(tmp_path)))
    too_long = [d for d in result.diagnostics if d.code == "SK104"]
    assert [d.channel for d in too_long] == ["sms"], [(d.channel, d.message) for d in result.diagnostics]


def test_as_read_is_the_plain_export_on_sms_and_the_words_on_email() -> None:
    segs = (Text(f"See [the guide]({ADDRESS}), [{ADDRESS}]({ADDRESS}) or [write](mailto:help@example.com).",
                 "solution"),)
    assert Message("s", "t", "email", 0, segs).as_read.text == f"See the guide, {ADDRESS} or write."
    for channel in ("sms", "phone"):
        assert Message("s", "t", channel, 0, segs).as_read.text == \
            f"See the guide ({ADDRESS}), {ADDRESS} or write (help@example.com)."
