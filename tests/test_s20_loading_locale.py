"""'locale: en-UK' was taken as it was, and every export wrote lang="en-UK": the United Kingdom's
region code is GB. A country's code written for its language ('jp-JP') is refused the same way."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit import load_pack
from scriptkit.errors import ScriptkitError
from tests.conftest import run_cli

SCRIPT = ("id: late\ntitle: Late parcel\nacknowledgment: \"I know a late parcel is a worry when you're waiting.\"\n"
          "solution: \"I've asked the courier to deliver it by Friday.\"\n")


def _pack(root: Path, locale: str) -> Path:
    (root / "scripts").mkdir(parents=True, exist_ok=True)
    (root / "pack.yaml").write_text(f"name: Shop\nversion: 0.1.0\nlocale: {locale}\n", encoding="utf-8")
    (root / "scripts" / "late.yaml").write_text(SCRIPT, encoding="utf-8")
    return root


@pytest.mark.parametrize(("locale", "why", "meant"), [
    ("en-UK", "the United Kingdom's region code is GB", "en-GB"),
    ("en_uk", "the United Kingdom's region code is GB", "en-GB"),
    ("cy-UK", "the United Kingdom's region code is GB", "cy-GB"),
    ("jp-JP", "'jp' is Japan's country code; its language is 'ja'", "ja-JP"),
    ("jp", "'jp' is Japan's country code; its language is 'ja'", "ja-JP"),
    ("cn-TW", "'cn' is China's country code; its language is 'zh'", "zh-TW"),
])
def test_a_code_for_something_else_is_refused_with_the_one_meant(tmp_path: Path, locale: str, why: str,
                                                                 meant: str) -> None:
    root = _pack(tmp_path / "shop", locale)
    with pytest.raises(ScriptkitError) as caught:
        load_pack(root)
    assert str(caught.value) == (f"{root / 'pack.yaml'}:3:9: locale '{locale}' is not a language code: {why}. "
                                 f"Write {meant}: the helpdesk exports and the language checks read it.")
    result = run_cli("check", str(root))
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_real_codes_are_read_as_before(tmp_path: Path) -> None:
    # (loaded as the code they stand for since session 36: 'en-gb' is en-GB to the rules and the exports alike)
    for i, (locale, read) in enumerate((("en-UK", ""), ("en-GB", "en-GB"), ("en-gb", "en-GB"), ("en-US", "en-US"),
                                        ("uk-UA", "uk-UA"), ("zh-Hant-TW", "zh-Hant-TW"), ("pt_BR", "pt-BR"))):
        root = _pack(tmp_path / str(i), locale)
        if i == 0:
            with pytest.raises(ScriptkitError):
                load_pack(root)
        else:
            assert load_pack(root).meta.locale == read
