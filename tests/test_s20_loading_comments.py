"""Text starting with '#' is a YAML comment: after a key that may be left empty (an optional slot,
guidance, a channel's own text) it vanished without a word, and after a list item's dash it was 'empty'."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit import load_pack
from scriptkit.errors import ScriptkitError
from tests.conftest import run_cli

PACK = "name: Shop\nconstants:\n  shop_name: Bramble\n"
LATE = """id: late-parcel
title: "Orders::Late parcel"
channels: [email, sms]
acknowledgment:
  - "I know how frustrating a missing parcel is, especially when you needed it."
  - "A parcel that never arrives is a worry, and I understand."
warm_language: #1 priority for us, honestly. Thanks for waiting.
flexibility:
  guidance: #ask for the tracking number first
solution: I've chased them today and they'll deliver by 5pm, from {{ shop_name }}.
by_channel:
  sms:
    acknowledgment: "Sorry your parcel is late, I know that's frustrating."
    warm_language: #thanks for waiting!
"""


# the same script with those texts quoted
QUOTED = LATE.replace("#1 priority for us, honestly. Thanks for waiting.", '"#1 priority for us, honestly. Thanks for '
                      'waiting."').replace("#ask for the tracking number first", '"#ask for the tracking number '
                                           'first"').replace("#thanks for waiting!", '"#thanks for waiting!"')


def _pack(root: Path, script: str, pack_yaml: str = PACK) -> Path:
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(pack_yaml, encoding="utf-8")
    (root / "scripts" / "late.yaml").write_text(script, encoding="utf-8")
    return root


def _errors(root: Path) -> list[str]:
    with pytest.raises(ScriptkitError) as caught:
        load_pack(root)
    return str(caught.value).splitlines()


def test_text_after_an_optional_key_read_as_a_comment_is_refused_at_its_key(tmp_path: Path) -> None:
    root = _pack(tmp_path / "shop", LATE)
    file = root / "scripts" / "late.yaml"
    assert _errors(root) == [
        f"{file}:7:1: 'warm_language' has no value. '#' after ': ' starts a comment, so YAML reads no text: "
        "quote it, e.g. warm_language: \"#1 priority for us, honestly. Thanks for waiting.\".",
        f"{file}:9:3: 'guidance' has no value. '#' after ': ' starts a comment, so YAML reads no text: "
        "quote it, e.g. guidance: \"#ask for the tracking number first\".",
        f"{file}:14:5: 'warm_language' has no value. '#' after ': ' starts a comment, so YAML reads no text: "
        "quote it, e.g. warm_language: \"#thanks for waiting!\".",
    ]
    result = run_cli("check", str(root))
    assert result.exit_code == 2 and "late.yaml:7:1" in result.output
    # a comment ('# ' and words) after an empty optional key is still one
    written = QUOTED.replace('warm_language: "#1 priority for us, honestly. Thanks for waiting."',
                             "warm_language:  # to write with the team")
    (root / "scripts" / "late.yaml").write_text(written, encoding="utf-8")
    assert load_pack(root).scripts[0].warm_language is None


def test_a_variant_read_as_a_comment_says_so(tmp_path: Path) -> None:
    script = QUOTED.replace('  - "A parcel that never arrives is a worry, and I understand."',
                            "  - #1 worst feeling, a parcel that never arrives.")
    root = _pack(tmp_path / "shop", script)
    [error] = _errors(root)
    assert error.endswith(": variant 2 of 'acknowledgment' is empty. '#' after '- ' starts a comment, so YAML "
                          "reads no text: quote it, e.g. - \"#1 worst feeling, a parcel that never arrives.\".")
    assert ":6:" in error


def test_each_problem_is_said_once(tmp_path: Path) -> None:
    # a required key, a constant and a tag: each said once, with the quoting hint
    script = QUOTED.replace('title: "Orders::Late parcel"', "title: #1 late parcel").replace(
        "channels: [email, sms]", "channels: [email, sms]\ntags:\n  - #billing")
    root = _pack(tmp_path / "shop", script, "name: Shop\nconstants:\n  shop_name: #Bramble\n")
    errors = _errors(root)
    assert [e.split(": ", 1)[1].split(".", 1)[0] for e in errors] == [
        "'shop_name' has no value", "'title' has no value", "an item of 'tags' is empty"]
    assert all("starts a comment, so YAML reads no text: quote it" in e for e in errors)
    assert '- "#billing"' in errors[2]

