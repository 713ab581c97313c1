"""pack.yaml's 'locale:' loaded 'zz-ZZ', 'xx', 'tlh' and 'de-ZZ' as languages (and 'Deutsch' with no code meant),
which 'init --locale' refuses: both now judge a locale by the one function, and pack.yaml says so at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit import load_pack
from scriptkit.errors import ScriptkitError
from tests.conftest import run_cli

SCRIPT = ("id: late\ntitle: Late parcel\nacknowledgment: \"I know a late parcel is a worry while you wait.\"\n"
          "solution: \"I've asked the courier to bring it by Friday.\"\n")


def _pack(root: Path, locale: str) -> Path:
    (root / "scripts").mkdir(parents=True, exist_ok=True)
    (root / "pack.yaml").write_text(f"name: Shop\nversion: 0.1.0\nlocale: {locale}\n", encoding="utf-8")
    (root / "scripts" / "late.yaml").write_text(SCRIPT, encoding="utf-8")
    return root


@pytest.mark.parametrize(("locale", "message", "hint_start"), [
    ("zz-ZZ", "locale 'zz-ZZ' is not a language code: 'zz' is no language's code", "Write a language code"),
    ("xx", "locale 'xx' is not a language code: 'xx' is no language's code", "Write a language code"),
    ("tlh", "locale 'tlh' is not a language code: 'tlh' is no language's code", "Write a language code"),
    ("de-ZZ", "locale 'de-ZZ' is not a language code: 'ZZ' is no country's code", "Write de-DE:"),
    ("Deutsch", "locale 'Deutsch' is not a language code", "Did you mean 'de-DE'?"),
])
def test_a_locale_init_refuses_is_refused_at_its_line(tmp_path: Path, locale: str, message: str,
                                                      hint_start: str) -> None:
    root = _pack(tmp_path / "shop", locale)
    with pytest.raises(ScriptkitError) as caught:
        load_pack(root)
    told = caught.value
    assert (told.location.line, told.location.col) == (3, 9)  # type: ignore[union-attr]
    assert (told.message, (told.hint or "")[:len(hint_start)]) == (message, hint_start)
    result = run_cli("check", str(root))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"{root / 'pack.yaml'}:3:9: error: {message}" in result.output, result.output


@pytest.mark.parametrize("locale", ["en", "en-US", "en-GB", "de", "pt-BR", "zh-Hant-TW", "fil-PH", "es-419", "ar",
                                    "en_GB", "en-gb", "EN"])
def test_language_codes_load_as_before(tmp_path: Path, locale: str) -> None:
    # (a code written in other case or with '_' loads, unlike init's, which writes the file and so writes the code
    # as codes are written; since session 36 it loads as the code it stands for: 'en_GB' is en-GB)
    written = {"en_GB": "en-GB", "en-gb": "en-GB", "EN": "en"}.get(locale, locale)
    assert load_pack(_pack(tmp_path / "shop", locale)).meta.locale == written

