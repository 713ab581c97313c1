"""Advice in the pack's spelling: SK207 says "apologise" in a pack whose locale spells it so (en-GB, en-AU...)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from scriptkit import lint_pack, load_pack

COLD_APOLOGY = """\
id: parts
title: Parts
channels: [email]
acknowledgment: I can see the parcel arrived with a broken lid.
warm_language: The company apologizes for the error.
solution: I've sent a new lid today, and it will arrive on Friday.
"""


@pytest.mark.parametrize(("locale", "spelt"), [
    ("en-GB", "apologise"), ("en-AU", "apologise"), ("en-NZ", "apologise"), ("en-IE", "apologise"),
    ("en-IN", "apologise"), ("en-US", "apologize"), (None, "apologize"),
])
def test_sk207_advice_spells_as_the_pack_does(make_pack: Any, locale: str | None, spelt: str) -> None:
    pack_yaml = "name: Test pack\n" + (f"locale: {locale}\n" if locale else "")
    root: Path = make_pack({"a.yaml": COLD_APOLOGY}, pack_yaml=pack_yaml)
    found = [d for d in lint_pack(load_pack(root), export_settings=False, jobs=1).diagnostics if d.code == "SK207"]
    assert len(found) == 1
    assert f"{spelt} as yourself" in (found[0].suggestion or "")


@pytest.mark.parametrize("locale", ["en_GB", "en_au", "EN-gb"])
def test_a_locale_written_with_an_underscore_or_in_other_case_spells_advice_for_it(make_pack: Any, locale: str) -> None:
    # ('en_GB' loaded, but the rules compared it with 'en-GB' and gave British writers US spelling)
    root: Path = make_pack({"a.yaml": COLD_APOLOGY}, pack_yaml=f"name: Test pack\nlocale: {locale}\n")
    found = [d for d in lint_pack(load_pack(root), export_settings=False, jobs=1).diagnostics if d.code == "SK207"]
    assert "apologise as yourself" in (found[0].suggestion or "")
