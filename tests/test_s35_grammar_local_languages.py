"""``--grammar local`` checks every language its server was assembled with, not English alone.

Before, a pack whose locale was es-ES was refused ("the local LanguageTool server has English only"),
though the assembled server has the Spanish, Portuguese and Catalan modules and checks them.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from scriptkit.engines.lt_server import LT_VERSION, assembled, local_languages
from scriptkit.errors import ConfigError, EngineUnavailable
from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack
from scriptkit.rules.base import RuleContext
from scriptkit.rules.grammar import grammar_options
from tests.conftest import require_external

SPANISH_SCRIPT = """id: envio
title: Envío
acknowledgment: "Siento mucho que el paquete no haya llegado todavía."
solution: "Hoy te mando otro paquete urgente. Tambien te escribire el lunes con el número de seguimiento."
"""


@pytest.fixture
def local_server_ready() -> Iterator[None]:
    from scriptkit.engines import languagetool

    if shutil.which("java") is None:
        require_external("Java 17+ is not installed: the LanguageTool server cannot run")
    if assembled() is None and shutil.which("mvn") is None:
        require_external("LanguageTool is not assembled and Maven is missing (run `make languagetool`)")
    yield
    languagetool.shutdown()


def test_a_spanish_pack_is_checked_by_the_local_server(make_pack, local_server_ready, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCRIPTKIT_GRAMMAR_CACHE", str(tmp_path / "results.sqlite"))
    pack = load_pack(make_pack({"envio.yaml": SPANISH_SCRIPT}, "name: Soporte\nlocale: es-ES\n"))
    try:
        result = lint_pack(pack, grammar="local", channels=["email"])
    except EngineUnavailable as exc:
        require_external(f"the local LanguageTool server did not start: {exc}")
    flagged = {d.text for d in result.diagnostics if d.code.startswith("SK9")}
    assert {"Tambien", "escribire"} <= flagged, result.diagnostics


def _options(make_pack, locale: str):  # type: ignore[no-untyped-def]
    pack = load_pack(make_pack({"envio.yaml": SPANISH_SCRIPT}, f"name: Soporte\nlocale: {locale}\n"))
    return grammar_options(RuleContext(pack, {"mode": "local"}))


def test_the_local_languages_are_those_the_server_was_assembled_with(make_pack, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCRIPTKIT_CACHE_DIR", str(tmp_path / "cache"))
    home = tmp_path / "cache" / "languagetool" / LT_VERSION
    assert "es" in local_languages() and "de" not in local_languages()  # (not assembled yet: what it would fetch)
    home.mkdir(parents=True)
    marker = {"version": LT_VERSION, "files": 1, "bytes": 1, "seconds": 1.0, "languages": ["en", "de"]}
    (home / "COMPLETE").write_text(json.dumps(marker), encoding="utf-8")
    assert local_languages() == ("en", "de")
    assert _options(make_pack, "de-DE").language == "de-DE"
    with pytest.raises(ConfigError) as info:
        _options(make_pack, "es-ES")
    assert "es-ES" in str(info.value) and info.value.location is not None and info.value.location.line == 2
