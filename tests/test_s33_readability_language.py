"""Readability (SK101/SK102) scores a reply with the formulas of the language it reads as: an English
reply in a de-DE pack was scored with German syllable counts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scriptkit.config import LintConfig, Selector
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack


def _messages(root: Path) -> dict[str, str]:
    config = LintConfig(select=(Selector("SK101"), Selector("SK102")))
    return {d.code: d.message for d in lint_pack(load_pack(root), config).diagnostics}


def test_an_english_reply_in_a_german_pack_is_scored_as_english(make_pack: Any) -> None:
    dense = ("id: en-one\ntitle: Late\nacknowledgment: We acknowledge receipt of your complaint regarding the "
             "delayed consignment.\nsolution: Per our policy, the matter will be reviewed and an appropriate "
             "resolution communicated subsequently.\n")
    german = make_pack({"en-one.yaml": dense}, pack_yaml="name: Kundenservice\nlocale: de-DE\n")
    in_german = _messages(german)
    english = make_pack({"en-one.yaml": dense}, pack_yaml="name: Support\nlocale: en-US\n")
    in_english = _messages(english)
    assert in_english and in_german == in_english
