"""A LanguageTool URL whose server answers with a redirect: it is not followed. urllib's health check sent the
URL's credentials (the Authorization header) on to whatever host a redirect named, and requests re-sent a
check's text there after a 307: the replies' text goes only to the server the user named."""

from __future__ import annotations

import json

import pytest

from tests.test_s30_grammar_answers import _check, stand_in  # noqa: F401  (stand-in servers)


@pytest.mark.parametrize("path", ["/v2/healthcheck", "/v2/languages", "/v2/check"])
@pytest.mark.parametrize("status", [302, 307, 308])
def test_a_redirect_is_not_followed_and_said(make_pack, stand_in, path: str, status: int) -> None:  # noqa: F811
    elsewhere = stand_in({"/v2/check": [(200, {}, json.dumps({"matches": []}))]})
    named = stand_in({path: [(status, {"Location": f"{elsewhere.url}{path}"}, "")]})
    result = _check(make_pack, named.url)
    assert result.exit_code == 2, result.output
    assert f"redirects to {elsewhere.url}{path} (HTTP {status}), which is not followed" in result.output
    assert "give --grammar that server's URL" in result.output
    assert named.requests.get(path) == 1 and elsewhere.requests == {}  # (nothing reached the other host)


def test_credentials_do_not_follow_a_redirect(make_pack, stand_in) -> None:  # noqa: F811
    elsewhere = stand_in({})
    named = stand_in({"/v2/healthcheck": [(307, {"Location": f"{elsewhere.url}/v2/healthcheck"}, "")]})
    url = named.url.replace("http://", "http://ana:s3cret@")
    result = _check(make_pack, url)
    assert result.exit_code == 2, result.output
    assert elsewhere.requests == {} and "s3cret" not in result.output


def test_a_redirects_address_is_quoted_plainly(make_pack, stand_in) -> None:  # noqa: F811
    named = stand_in({"/v2/check": [(307, {"Location": "http://x.example/\x1b[2Jv2/check"}, "")]})
    result = _check(make_pack, named.url)
    assert result.exit_code == 2, result.output
    assert "\x1b" not in result.output and "redirects to http://x.example/ [2Jv2/check" in result.output
