"""A pack's locale as the LanguageTool server spells it (en_US -> en-US), by scriptkit's own function: it was
language-tool-python's LanguageTag, which made that package (pinned exactly) a dependency of every install."""

from __future__ import annotations

import pytest

from scriptkit.engines.languagetool import server_language

#: What a LanguageTool server lists at /v2/languages, as code and longCode (a part of 6.8's list).
CODES = {"auto", "en", "en-US", "en-GB", "en-AU", "en-CA", "en-NZ", "en-ZA", "de", "de-DE", "de-AT", "de-CH",
         "de-DE-x-simple-language", "pt", "pt-PT", "pt-BR", "pt-AO", "pt-MZ", "es", "es-AR", "fr", "zh", "zh-CN",
         "ca-ES", "ca-ES-valencia", "nl", "nl-BE", "ast-ES", "sv"}


@pytest.mark.parametrize(("tag", "code"), [
    ("en_US", "en-US"), ("en-us", "en-US"), ("EN-gb", "en-GB"), ("en-GB", "en-GB"), ("en", "en"),
    ("de-DE", "de-DE"), ("de_CH", "de-CH"), ("pt-BR", "pt-BR"), ("pt_pt", "pt-PT"), ("es", "es"),
    ("es-MX", "es"), ("zh-CN", "zh-CN"), ("zh_TW", "zh"), ("fr-CA", "fr"), ("en-IE", "en"),
    ("ca-ES-valencia", "ca-ES-valencia"), ("de-DE-x-simple-language", "de-DE-x-simple-language"),
    ("auto", "auto"),
    ("en_US.UTF-8", "en-US"), ("de_DE@euro", "de-DE"), ("C", "en-US"), ("POSIX", "en-US"), ("C.UTF-8", "en-US"),
])
def test_a_tag_is_the_servers_code(tag: str, code: str) -> None:
    assert server_language(tag, CODES) == code


@pytest.mark.parametrize("tag", ["", "  ", "xx-YY", "klingon", "en-US-", "pt-BR; DROP"])
def test_a_language_the_server_lacks_is_refused(tag: str) -> None:
    with pytest.raises(ValueError, match="language"):
        server_language(tag, CODES)


def test_only_english_on_an_english_server() -> None:
    english = {"en", "en-US", "en-GB"}
    assert server_language("en_AU", english) == "en"
    assert server_language("C", {"en-GB", "en"}) == "en-GB"
    with pytest.raises(ValueError, match="'de-DE'"):
        server_language("de-DE", english)


def test_grammar_checks_do_not_import_language_tool_python() -> None:
    import subprocess
    import sys

    probe = ("import sys\nfrom scriptkit.engines import languagetool\nimport scriptkit.rules.grammar\n"
             "print('language_tool_python' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.strip() == "False"
