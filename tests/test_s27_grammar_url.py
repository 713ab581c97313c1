"""A LanguageTool server given by its API's base (".../v2", as LanguageTool's own docs write it) or by its check call
is the same server: scriptkit asked ".../v2/v2/healthcheck" and said no server answered."""

from __future__ import annotations

import pytest

from scriptkit.config import parse_grammar


@pytest.mark.parametrize("given", ["http://lt.internal:8081", "http://lt.internal:8081/", "http://lt.internal:8081/v2",
                                   "http://lt.internal:8081/v2/", "http://lt.internal:8081/v2/check"])
def test_a_servers_api_base_or_check_call_names_the_server(given: str) -> None:
    assert parse_grammar(given, None) == "http://lt.internal:8081"


def test_a_server_behind_a_path_keeps_its_path() -> None:
    assert parse_grammar("https://tools.example.com/languagetool/v2", None) == "https://tools.example.com/languagetool"
    assert parse_grammar("https://tools.example.com/v2x", None) == "https://tools.example.com/v2x"
