"""A LanguageTool server that fails every check, an offset past the text, "a"/"an" before a blank, and what a
pip user is told to add a language to the local server.

Stand-in servers (tests.test_s30_grammar_answers) play what a real server does rarely; the article test runs
against the session's real LanguageTool server (tests.test_grammar's ``lt_url``).
"""

from __future__ import annotations

import json

import pytest

from scriptkit.errors import ConfigError
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack
from tests.test_grammar import grammar_cache, lt_url  # noqa: F401  (the session's one server)
from tests.test_s30_grammar_answers import _check, stand_in  # noqa: F401  (stand-in servers)

_FIRST = ("id: first\ntitle: First\nacknowledgment: I'm sorry the parcel was late.\n"
          "solution: I've sent a replacement today, and it will arrive on Friday.\n")
_SECOND = _FIRST.replace("first", "second").replace("First", "Second")


# ---------------------------------------------------------------- 1. every check fails: the run stops

def test_a_server_that_fails_every_check_stops_the_run(make_pack, stand_in) -> None:  # noqa: F811
    # an overloaded server answering HTTP 500 to every check gave one suggestion per script and exit 0
    server = stand_in({"/v2/check": [(500, {"Content-Type": "text/plain"}, "Error: internal\x1b[31m boom")]})
    result = _check(make_pack, server.url)
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())
    assert f"LanguageTool at {server.url} failed on every check (HTTP 500): Error: internal boom" in said, said
    assert "[31m" not in result.output and "\x1b" not in result.output
    assert "could not check this reply" not in result.output


def test_a_server_that_fails_on_every_script_of_a_pack_stops_the_run(make_pack, stand_in) -> None:  # noqa: F811
    server = stand_in({"/v2/check": [(500, {}, "Error: internal")]})
    from tests.conftest import run_cli

    result = run_cli("check", str(make_pack({"a.yaml": _FIRST, "b.yaml": _SECOND})), "--grammar", server.url)
    assert result.exit_code == 2 and "failed on every check (HTTP 500)" in result.output, result.output


# ---------------------------------------------------------------- 4. a match past the end of the text

def test_a_match_past_the_end_of_the_text_is_a_malformed_reply(make_pack, stand_in) -> None:  # noqa: F811
    # the match was dropped without a word
    match = {"message": "x", "offset": 99999, "length": 5, "replacements": [],
             "rule": {"id": "X", "issueType": "grammar", "category": {"id": "GRAMMAR"}}}
    server = stand_in({"/v2/check": [(200, {}, json.dumps({"matches": [match]}))]})
    result = _check(make_pack, server.url)
    assert result.exit_code == 2, result.output
    said = " ".join(result.output.split())
    assert f"LanguageTool at {server.url} answered something that is not a LanguageTool check result" in said
    assert "offset 99999" in said, said


# ---------------------------------------------------------------- 2. "a"/"an" before a blank

_ARTICLES = """id: late
title: Late
acknowledgment: I'm sorry the parcel was late, and I can see why a {{ blank.item }} arriving late is upsetting.
solution: "An {{ blank.thing }} will arrive on Friday, and I've sent a {{ blank.what }} about it. I sent a email too."
flexibility:
  blanks:
    - {name: item, prompt: The item, example: umbrella}
    - {name: thing, prompt: The thing, example: blue jacket}
    - {name: what, prompt: What was sent}
"""


def test_a_or_an_before_a_blank_is_not_judged_by_its_example(make_pack, lt_url, grammar_cache) -> None:  # noqa: F811
    # "a {{ blank.item }}" with example "umbrella" got EN_A_VS_AN "Use an", though the agent may fill in "parcel"
    result = lint_pack(load_pack(make_pack({"late.yaml": _ARTICLES})), grammar=lt_url, channels=["email"])
    articles = [(d.location.line, d.location.col) for d in result.diagnostics if "EN_A_VS_AN" in d.message]
    solution = _ARTICLES.splitlines()[3]
    assert articles == [(4, solution.index("a email") + 1)], result.diagnostics


# ---------------------------------------------------------------- 5. a pip user adding German

def test_the_german_hint_says_how_a_pip_install_adds_german(make_pack, monkeypatch: pytest.MonkeyPatch,
                                                           tmp_path) -> None:
    monkeypatch.setenv("SCRIPTKIT_CACHE_DIR", str(tmp_path / "cache"))  # (nothing assembled: the default languages)
    pack = load_pack(make_pack({"a.yaml": _FIRST}, "name: Kundenservice\nlocale: de-DE\n"))
    with pytest.raises(ConfigError) as info:
        lint_pack(pack, grammar="local")
    hint = info.value.hint or ""
    assert "make languagetool LANGUAGES=de" in hint and "assemble(languages=['de'])" in hint, hint


# ---------------------------------------------------------------- 3. the stage a log hears names one script

@pytest.mark.parametrize("command", ["check", "export"])
def test_the_stage_of_one_script_says_script(make_pack, tmp_path, monkeypatch: pytest.MonkeyPatch,
                                             command: str) -> None:
    # a slow one-script run (a LanguageTool server that takes its time) told a CI log "Checking 1 scripts"
    import contextlib

    from scriptkit.cli import check, export
    from tests.conftest import run_cli

    told: list[str] = []

    @contextlib.contextmanager
    def stages():  # type: ignore[no-untyped-def]
        yield told.append

    monkeypatch.setattr(check if command == "check" else export, "stages", stages)
    pack = str(make_pack({"a.yaml": _FIRST}))
    run_cli(*(["check", pack] if command == "check" else ["export", pack, "--to", "zendesk", "-o",
                                                            str(tmp_path / "out")]))
    assert [t for t in told if "1 script" in t] and not [t for t in told if "1 scripts" in t], told
