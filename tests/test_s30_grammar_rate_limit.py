"""A request rate limited by the server (HTTP 429) is sent again after the wait it asks for, within a cap."""

from __future__ import annotations

import pytest

from tests.test_s30_grammar_answers import Answer, _check, stand_in  # noqa: F401  (stand-in servers)

_NO_MATCHES: Answer = (200, {}, '{"matches": []}')


def test_a_check_rate_limited_once_is_sent_again(make_pack, stand_in) -> None:  # noqa: F811
    server = stand_in({"/v2/check": [(429, {"Retry-After": "0"}, "Too many requests"), _NO_MATCHES]})
    result = _check(make_pack, server.url)
    assert result.exit_code in (0, 1) and "429" not in result.output, result.output  # (1: the pack's own findings)
    assert server.requests["/v2/check"] == 2


def test_a_check_rate_limited_every_time_fails_after_a_few_tries(make_pack, stand_in) -> None:  # noqa: F811
    from scriptkit.engines.languagetool import RATE_LIMIT_TRIES

    server = stand_in({"/v2/check": [(429, {"Retry-After": "0"}, "Too many requests")]})
    result = _check(make_pack, server.url)
    assert result.exit_code == 2, result.output
    assert f"LanguageTool at {server.url} refused a check (HTTP 429)" in result.output
    assert server.requests["/v2/check"] == RATE_LIMIT_TRIES > 1


@pytest.mark.parametrize(("retry_after", "tries", "waited", "wait"), [
    ("0", 1, 0.0, 0.0),
    ("7", 1, 0.0, 7.0),  # the server's word, in seconds
    ("7", 1, 28.0, 2.0),  # never past the total cap
    ("3600", 1, 0.0, 30.0),
    (None, 1, 0.0, 1.0),  # none said: 1, 2, 4 s
    (None, 3, 0.0, 4.0),
    ("soon", 2, 0.0, 2.0),  # not a number or a date: as if none were said
    ("Wed, 21 Oct 2015 07:28:00 GMT", 1, 0.0, 0.0),  # a date gone by
])
def test_the_wait_before_a_retry_honours_retry_after_within_the_cap(retry_after: str | None, tries: int,
                                                                    waited: float, wait: float) -> None:
    from scriptkit.engines.languagetool import RATE_LIMIT_WAIT, _rate_limit_wait

    assert RATE_LIMIT_WAIT == 30.0
    assert _rate_limit_wait(retry_after, tries, waited) == pytest.approx(wait)


def test_the_language_list_rate_limited_once_is_asked_again(make_pack, stand_in) -> None:  # noqa: F811
    import json

    from tests.test_s30_grammar_answers import _LANGUAGES

    server = stand_in({"/v2/languages": [(429, {"Retry-After": "0"}, "Too many requests"),
                                         (200, {}, json.dumps(_LANGUAGES))], "/v2/check": [_NO_MATCHES]})
    result = _check(make_pack, server.url)
    assert result.exit_code in (0, 1) and "429" not in result.output, result.output
    assert server.requests["/v2/languages"] == 2


def test_the_rule_settings_rate_limited_once_are_asked_again(make_pack, stand_in) -> None:  # noqa: F811
    import json

    from scriptkit.engines.languagetool import text_level_rules

    rules = {"rules": [{"ruleId": "WORD_REPEAT_BEGINNING", "isTextLevelRule": "yes", "minToCheckParagraph": "2"}]}
    server = stand_in({"/v2/configinfo": [(429, {"Retry-After": "0"}, "Too many requests"),
                                          (200, {}, json.dumps(rules))]})
    import requests

    assert text_level_rules(requests.Session(), server.url, "en-US", 5.0) == {"WORD_REPEAT_BEGINNING": 2}
    assert server.requests["/v2/configinfo"] == 2
