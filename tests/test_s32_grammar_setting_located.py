"""An unreachable LanguageTool URL set in pack.yaml or scriptkit.toml is located at its setting, as a
mistyped mode is; one given on the command line (or to lint_pack) is not. Nothing listens at 127.0.0.1:9
(the discard port), so no server is needed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import scriptkit
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack

NOBODY = "http://127.0.0.1:9"
_SCRIPT = {"a.yaml": "id: a\ntitle: A\nacknowledgment: I'm sorry the parcel was late.\n"
                     "solution: I've sent a replacement today, and it will arrive on Friday.\n"}


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from scriptkit.engines import languagetool

    monkeypatch.setenv("SCRIPTKIT_GRAMMAR_CACHE", "off")
    yield
    languagetool.shutdown(keep_server=True)


def test_an_unreachable_url_in_pack_yaml_is_located_at_its_setting(make_pack, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SCRIPTKIT_LT_ALLOW", NOBODY)  # (a server only pack.yaml names is contacted once confirmed)
    pack = load_pack(make_pack(_SCRIPT, f"name: Test pack\ngrammar:\n  mode: {NOBODY}\n"))
    with pytest.raises(scriptkit.EngineUnavailable) as raised:
        lint_pack(pack, channels=["email"])
    where = raised.value.location
    assert where is not None and Path(where.file).name == "pack.yaml" and (where.line, where.col) == (3, 9), where


def test_an_unreachable_url_in_scriptkit_toml_is_located_at_its_setting(tmp_path: Path) -> None:
    (tmp_path / "scriptkit.toml").write_text(f'fail-on = "error"\ngrammar = "{NOBODY}"\n', encoding="utf-8")
    reply = tmp_path / "reply.txt"
    reply.write_text("Hi Sam, I've sent the refund today.\n", encoding="utf-8")
    with pytest.raises(scriptkit.EngineUnavailable) as raised:
        scriptkit.lint_text(reply.read_text(encoding="utf-8"), file=reply)
    where = raised.value.location
    assert where is not None and Path(where.file).name == "scriptkit.toml" and where.line == 2, where


def test_a_url_given_on_the_command_line_is_not_located_in_pack_yaml(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = load_pack(make_pack(_SCRIPT, "name: Test pack\ngrammar:\n  mode: http://127.0.0.1:8\n"))
    with pytest.raises(scriptkit.EngineUnavailable) as raised:
        lint_pack(pack, grammar=NOBODY, channels=["email"])
    assert raised.value.location is None and "127.0.0.1:9" in raised.value.message
