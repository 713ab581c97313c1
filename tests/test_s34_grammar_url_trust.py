"""Which LanguageTool server a run may contact. A pack is untrusted input (a pull request writes it): a grammar
URL set only in its pack.yaml had the pack's text, and the health check, sent to any host, with no --grammar
given. Such a URL is now contacted only once the person running the check confirms it (--grammar,
SCRIPTKIT_LT_ALLOW or the project's scriptkit.toml); until then a warning at its pack.yaml line says how.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.test_s34_grammar_url_credentials import _REPLY, Recorder


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Recorder]:
    """A stand-in LanguageTool on a free loopback port, recording what it is asked."""
    from scriptkit.engines import languagetool

    monkeypatch.setenv("SCRIPTKIT_GRAMMAR_CACHE", "off")
    monkeypatch.delenv("SCRIPTKIT_LT_ALLOW", raising=False)
    made = Recorder()
    yield made
    languagetool.shutdown(keep_server=True)
    made.httpd.shutdown()
    made.httpd.server_close()



def _pack_naming(make_pack, url: str) -> Path:  # type: ignore[no-untyped-def]
    return make_pack({"a.yaml": _REPLY}, pack_yaml=f"name: Test pack\ngrammar:\n  mode: {url}/x\n")


def test_a_url_only_the_pack_names_is_not_contacted(make_pack, server) -> None:
    pack = _pack_naming(make_pack, server.url)
    result = run_cli("check", str(pack))
    assert server.seen == [], server.seen
    assert f"{pack / 'pack.yaml'}\n  3:9     warning    SK800" in result.output, result.output
    assert "not contacted" in result.output and f"--grammar {server.url}/x" in result.output, result.output
    assert "SCRIPTKIT_LT_ALLOW" in result.output, result.output


def test_the_same_url_given_on_the_command_line_is_contacted(make_pack, server) -> None:
    result = run_cli("check", str(_pack_naming(make_pack, server.url)), "--grammar", f"{server.url}/x")
    assert "/x/v2/healthcheck" in server.paths and "not contacted" not in result.output, result.output


def test_a_url_allowed_in_the_environment_is_contacted(make_pack, server, monkeypatch) -> None:
    monkeypatch.setenv("SCRIPTKIT_LT_ALLOW", f"http://other.invalid, {server.url}/x/")
    result = run_cli("check", str(_pack_naming(make_pack, server.url)))
    assert "/x/v2/check" in server.paths and "not contacted" not in result.output, result.output


def test_the_url_of_the_projects_settings_is_contacted(make_pack, server) -> None:
    pack = _pack_naming(make_pack, server.url)
    (pack.parent / "scriptkit.toml").write_text(f'grammar = "{server.url}/x"\n', encoding="utf-8")
    result = run_cli("check", str(pack))
    assert "/x/v2/check" in server.paths and "not contacted" not in result.output, result.output


def test_a_url_under_the_packs_rules_is_not_contacted_either(make_pack, server) -> None:
    pack = make_pack({"a.yaml": _REPLY}, pack_yaml=f"name: Test pack\nrules:\n  grammar: {server.url}/x\n")
    result = run_cli("check", str(pack))
    assert server.seen == [] and "not contacted" in result.output, result.output
