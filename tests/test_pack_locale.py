"""pack.yaml's locale is a language code: a language's name there is said at the line, not taken as a language."""

from __future__ import annotations

from typing import Any

import pytest

from scriptkit import load_pack
from scriptkit.errors import ScriptkitError

SCRIPT = ("id: late\ntitle: Late\nacknowledgment: I can see how frustrating this wait has been.\n"
          "solution: I've sent a new one today, and it arrives by Friday.\n")


@pytest.mark.parametrize(("locale", "hint_start"), [
    ("English", "Did you mean 'en-US'? Write a language code"),
    ("german", "Did you mean 'de-DE'? Write a language code"),
    ("Klingon", "Write a language code"),
    ("en US", "Write a language code"),
    ('""', "Write a language code"),
])
def test_a_locale_that_is_no_language_code_is_refused_at_its_line(make_pack: Any, locale: str,
                                                                   hint_start: str) -> None:
    root = make_pack({"late.yaml": SCRIPT}, f"name: Locales\nlocale: {locale}\n")
    with pytest.raises(ScriptkitError) as caught:
        load_pack(root)
    told = caught.value
    assert (told.location.line, told.location.col) == (2, 9)  # type: ignore[union-attr]
    assert told.message == f"locale '{locale.strip(chr(34))}' is not a language code"
    assert (told.hint or "").startswith(hint_start)
    assert "en-US, en-GB or de-DE" in (told.hint or "")


@pytest.mark.parametrize(("locale", "read"), [("en", "en"), ("en-US", "en-US"), ("en_GB", "en-GB"), ("EN_gb", "en-GB"),
                                             ("pt-BR", "pt-BR"), ("zh-Hant-TW", "zh-Hant-TW"), ("fil-PH", "fil-PH")])
def test_language_codes_load_as_the_code_they_stand_for(make_pack: Any, locale: str, read: str) -> None:
    root = make_pack({"late.yaml": SCRIPT}, f"name: Locales\nlocale: {locale}\n")
    pack = load_pack(root)
    assert pack.meta.locale == read
    assert "locale" in pack.meta.model_fields_set  # (still the writer's own setting, not the default)
