"""Links the HTML exports cannot write as an <a href>: a blank or an unmapped placeholder in the address (the
agent cannot see it there to fill it in), or a script address ('javascript:'). Each is written as its text and the
address after it, visibly, with a located warning. And an address with parentheses is a link, not raw Markdown."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from scriptkit import export
from scriptkit.targets.base import LINK

PACK = "name: P\nchannels:\n  email: {greeting: '', signoff: ''}\n"


def _pack(tmp_path: Path, solution: str, extra: str = "") -> Path:
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text(PACK, encoding="utf-8")
    (pack / "scripts" / "a.yaml").write_text(
        "id: a\ntitle: Parcel\nchannels: [email]\nacknowledgment: I can see how worrying the wait is.\n"
        f"{extra}solution: \"{solution}\"\n", encoding="utf-8")
    return pack


def _zendesk_body(out: Path) -> str:
    macro = json.loads((out / "zendesk" / "macros" / "a.json").read_text(encoding="utf-8"))
    return str(macro["macro"]["actions"][0]["value"])


def test_a_blank_in_a_link_address_is_written_visibly_with_a_located_warning(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "Follow it on [the tracking page](https://t.example.com/{{ blank.code }}) today.",
                 "flexibility:\n  blanks:\n    - {name: code, prompt: The tracking code}\n")
    result = export(pack, ["zendesk", "helpscout"], tmp_path / "out", lint=False)
    body = _zendesk_body(tmp_path / "out")
    assert "href" not in body
    assert "the tracking page (https://t.example.com/<mark>[[code]]</mark>) today" in body
    warned = [d for d in result.diagnostics if d.code == "SK503"]
    assert len(warned) == 2 and all("blank 'code'" in d.message and "link" in d.message for d in warned)
    assert all(d.location is not None and (d.location.line, d.location.col) == (8, 67) for d in warned)


def test_an_unmapped_placeholder_in_a_link_address_is_written_visibly(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "Track it at [the page](https://t.example.com/{{ order.number }}) or "
                           "[the FAQ](https://e.com/faq).")
    result = export(pack, ["front"], tmp_path / "out", lint=False)
    text = "\n".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out" / "front").rglob("*.json"))
    assert re.findall(r'href=\\"([^\\]*)\\"', text) == ["https://e.com/faq"] * text.count('href=')
    assert "the page (https://t.example.com/<mark>[[order number]]</mark>)" in text
    linked = [d for d in result.diagnostics if d.code == "SK503" and "link" in d.message]
    assert len(linked) == 1 and "order.number" in linked[0].message and linked[0].location is not None
    # mapped, the placeholder is filled in by the helpdesk: the link stays a link
    (tmp_path / "pack" / "pack.yaml").write_text(
        PACK + "export:\n  front:\n    placeholders: {order.number: conversation.order_id}\n", encoding="utf-8")
    result = export(pack, ["front"], tmp_path / "out2", lint=False)
    text = "\n".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out2" / "front").rglob("*.json"))
    assert 'href=\\"https://t.example.com/{{conversation.order_id}}\\"' in text
    assert not [d for d in result.diagnostics if d.code == "SK503"]


@pytest.mark.parametrize("address", ["javascript:alert(1)", "JavaScript:void0", "data:text/html,x",
                                     "vbscript:msgbox", "file:///etc/passwd"])
def test_a_script_address_is_never_an_href(tmp_path: Path, address: str) -> None:
    pack = _pack(tmp_path, f"Read [the guide]({address}) first.")
    result = export(pack, ["zendesk"], tmp_path / "out", lint=False)
    body = _zendesk_body(tmp_path / "out")
    assert "href" not in body and f"the guide ({address}) first" in body.replace("&#x27;", "'")
    (warned,) = [d for d in result.diagnostics if d.code == "SK503"]
    assert address.split(":")[0].lower() in warned.message
    assert warned.location is not None and (warned.location.line, warned.location.col) == (5, 17)


def test_an_address_with_parentheses_is_a_link(tmp_path: Path) -> None:
    pack = _pack(tmp_path, "See [this article](https://en.wikipedia.org/wiki/Router_(computing)) and "
                           "[the guide (PDF)](https://e.com/guide_(v2).pdf).")
    export(pack, ["zendesk"], tmp_path / "out", lint=False)
    body = _zendesk_body(tmp_path / "out")
    assert '<a href="https://en.wikipedia.org/wiki/Router_(computing)">this article</a>' in body
    assert '<a href="https://e.com/guide_(v2).pdf">the guide (PDF)</a>.' in body
    assert "](" not in body


@pytest.mark.timeout(60)
def test_the_link_pattern_reads_floods_in_linear_time() -> None:
    # (a hang guard: each flood is 200 KB, which a pattern trying each start to the text's end would not finish)
    for flood in ("[a](" * 50_000, "(" * 200_000, "[a](" + "(" * 200_000, "[a](x" + "(x" * 100_000,
                  "[a](" + "(b)" * 66_000 + "(", "[a](b" * 40_000, "[a](" + "b" * 200_000):
        assert LINK.search(flood) is None


def test_a_plain_text_helpdesk_gets_no_link_warning(tmp_path: Path) -> None:
    # Salesforce's Message is plain text: every link is its text and address there, so there is nothing to warn of
    pack = _pack(tmp_path, "Follow it on [the tracking page](https://t.example.com/{{ blank.code }}) today.",
                 "flexibility:\n  blanks:\n    - {name: code, prompt: The tracking code}\n")
    result = export(pack, ["salesforce", "zendesk"], tmp_path / "out", lint=False)
    warned = [d for d in result.diagnostics if d.code == "SK503" and "link" in d.message]
    assert len(warned) == 1 and "where the zendesk agent" in warned[0].message
    text = (tmp_path / "out" / "salesforce" / "quick_text.json").read_text(encoding="utf-8")
    assert "the tracking page (https://t.example.com/[[code]]) today" in text
