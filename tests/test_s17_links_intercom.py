"""Intercom has no documented way to fill in an attribute inside a link's address: its read-back body spells a
placeholder as an <attribute/> element, which no href can hold. Such a link is exported as its text and address
(as the plain text is), with a located warning, not as a broken href."""

from __future__ import annotations

import json
import re
from pathlib import Path

from scriptkit import export, import_library

SCRIPT = ("id: a\ntitle: Refund note\nchannels: [email]\nacknowledgment: I can see how frustrating the wait is.\n"
          "solution: \"I've refunded it today. [Write to {{ customer.first_name | fallback('you') }}]"
          "(mailto:{{ customer.email | fallback('a@b.co') }}) or see [the FAQ](https://e.com/faq?a=1&b=2).\"\n")


def _pack(tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text("name: P\nchannels:\n  email: {greeting: '', signoff: ''}\n", encoding="utf-8")
    (pack / "scripts" / "a.yaml").write_text(SCRIPT, encoding="utf-8")
    return pack


def test_a_link_to_a_placeholder_address_is_text_and_address_with_a_warning(tmp_path: Path) -> None:
    result = export(_pack(tmp_path), ["intercom"], tmp_path / "out", lint=False)
    macro = json.loads((tmp_path / "out" / "intercom" / "macros.json").read_text(encoding="utf-8"))["macros"][0]
    body = macro["body"]
    hrefs = re.findall(r"href=(\"[^\"]*\"|'[^']*')", body)
    assert hrefs == ['"https://e.com/faq?a=1&amp;b=2"']  # (the link without a placeholder stays a link)
    assert ('Write to <attribute key="user.first_name" default="you"/> '
            '(<attribute key="user.email" default="a@b.co"/>)') in body
    page = (tmp_path / "out" / "intercom" / "macros" / "a.html").read_text(encoding="utf-8")
    assert 'Write to {{user.first_name|fallback:"you"}} ({{user.email|fallback:"a@b.co"}})' in page
    assert "mailto:" not in page
    warned = [d for d in result.diagnostics if d.code == "SK503"]
    assert len(warned) == 1 and "customer.email" in warned[0].message and "link" in warned[0].message
    assert warned[0].location is not None and warned[0].location.line == 5
    # read back, the reply says the same in its HTML and its plain text: no note of a difference
    library = import_library(tmp_path / "out" / "intercom" / "macros.json", "intercom")
    assert library.macros[0].notes == [] and "<attribute" not in library.macros[0].text
