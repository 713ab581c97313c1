"""SK202 follows the pack's locale as SK201 does: its formality counts "whilst"/"amongst" as stock phrases only where
SK201 reports them (a pack set to en-US)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from scriptkit import lint_pack, load_pack
from scriptkit.diagnostics import Diagnostic

FORMAL = """\
id: parts
title: Parts
channels: [email]
acknowledgment: We acknowledge receipt of your correspondence regarding the malfunctioning appliance.
warm_language: Thank you for your communication.
solution: >-
  The replacement components will be dispatched whilst the investigation continues amongst our engineering
  departments, in accordance with the applicable procedures.
"""

def _found(make_pack: Any, script: str, locale: str | None, code: str) -> list[Diagnostic]:
    pack_yaml = "name: Test pack\n" + (f"locale: {locale}\n" if locale else "")
    root: Path = make_pack({"a.yaml": script}, pack_yaml=pack_yaml)
    result = lint_pack(load_pack(root), export_settings=False, jobs=1)
    return [d for d in result.diagnostics if d.code == code]


def _score(diag: Diagnostic) -> float:
    m = re.search(r"formality (\d\.\d+)", diag.message)
    assert m is not None, diag.message
    return float(m[1])


@pytest.mark.parametrize("locale", ["en-GB", None])
def test_whilst_is_no_stock_phrase_to_sk202_where_sk201_leaves_it(make_pack: Any, locale: str | None) -> None:
    assert [d.text for d in _found(make_pack, FORMAL, locale, "SK201") if d.text in ("whilst", "amongst")] == []
    british = _found(make_pack, FORMAL, locale, "SK202")
    us = _found(make_pack, FORMAL, "en-US", "SK202")
    assert len(british) == 1 and len(us) == 1
    assert "whilst" not in (british[0].suggestion or "")
    # the same words, less formal where "whilst" and "amongst" are everyday English
    assert _score(british[0]) < _score(us[0])
    # ...and as formal as with their US spelling (no stock phrase either way)
    plain = _found(make_pack, FORMAL.replace("whilst", "while").replace("amongst", "among"), locale, "SK202")
    assert _score(british[0]) == _score(plain[0])


def test_a_us_pack_still_counts_whilst_as_a_stock_phrase(make_pack: Any) -> None:
    us = _found(make_pack, FORMAL, "en-US", "SK202")
    plain = _found(make_pack, FORMAL.replace("whilst", "while").replace("amongst", "among"), "en-US", "SK202")
    assert _score(us[0]) > _score(plain[0])
