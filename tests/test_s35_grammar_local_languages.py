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


GERMAN_SCRIPT = """id: paket
title: Paket
acknowledgment: "Es tut mir sehr leid, dass Ihr Paket noch nicht angekommen ist."
solution: "Ich schicke Ihnen heute ein neues Paket."
"""


def test_a_german_pack_is_told_how_to_get_german_into_the_local_server(make_pack) -> None:
    pack = load_pack(make_pack({"paket.yaml": GERMAN_SCRIPT}, "name: Kundenservice\nlocale: de-DE\n"))
    with pytest.raises(ConfigError) as info:
        lint_pack(pack, grammar="local")
    said = f"{info.value.message} {info.value.hint}"
    assert "does not check German (de-DE)" in said and "make languagetool LANGUAGES=de" in said
    assert 'grammar="off"' in said and "en-US" not in said  # (--grammar off, to a Python caller)


def test_a_server_without_the_packs_language_names_it_and_what_to_do(make_pack, local_server_ready) -> None:
    from scriptkit.engines import languagetool

    try:
        url = languagetool.local_server()[0].url
    except EngineUnavailable as exc:
        require_external(f"the local LanguageTool server did not start: {exc}")
    if "de" in local_languages():
        pytest.skip("this machine's local server was assembled with German")
    pack = load_pack(make_pack({"paket.yaml": GERMAN_SCRIPT}, "name: Kundenservice\nlocale: de-DE\n"))
    with pytest.raises(ConfigError) as info:
        lint_pack(pack, grammar=url, channels=["email"])
    said = f"{info.value.message} {info.value.hint}"
    assert "does not check German (de-DE)" in said and "Spanish" in said  # (what it has, from its own list)
    assert "a LanguageTool server that has German" in said and 'grammar="off"' in said
    assert "en-US or en-GB" not in said


def test_a_language_to_assemble_must_be_a_language_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from scriptkit.engines.lt_server import assemble

    monkeypatch.setenv("SCRIPTKIT_CACHE_DIR", str(tmp_path / "cache"))
    with pytest.raises(ConfigError) as info:
        assemble(languages=["de", "German"])
    assert "'German'" in str(info.value) and "de,fr" in (info.value.hint or "")
    assert not (tmp_path / "cache" / "languagetool" / LT_VERSION).exists()


def test_make_languagetool_languages_adds_them_to_the_local_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   make_pack) -> None:
    """The assembly with German added (from Maven's local repository once fetched), then a German pack checked."""
    import subprocess
    import sys

    from scriptkit.engines import languagetool

    if shutil.which("java") is None or shutil.which("mvn") is None:
        require_external("Java 17+ and Maven are needed to assemble the LanguageTool server")
    monkeypatch.setenv("SCRIPTKIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SCRIPTKIT_GRAMMAR_CACHE", str(tmp_path / "results.sqlite"))
    monkeypatch.setenv("SCRIPTKIT_LT_TIMEOUT", "300")  # (German's first check loads its rules: ~45 s on a busy machine)
    tool = Path(__file__).resolve().parent.parent / "tools" / "languagetool.py"
    run = subprocess.run([sys.executable, str(tool), "assemble", "--languages", "de"],
                         capture_output=True, text=True, timeout=900, check=False)
    if run.returncode != 0 and "Maven could not assemble" in run.stderr:
        require_external(f"Maven could not fetch the German module: {run.stderr[-300:]}")
    assert run.returncode == 0, run.stderr
    assert local_languages() == ("en", "es", "ca", "pt", "de")
    languagetool.shutdown()
    pack = load_pack(make_pack({"paket.yaml": GERMAN_SCRIPT.replace("heute", "heute ein ein")},
                               "name: Kundenservice\nlocale: de-DE\n"))
    try:
        result = lint_pack(pack, grammar="local", channels=["email"])
    finally:
        languagetool.shutdown()
    assert any(d.code.startswith("SK9") and "ein ein" in d.text for d in result.diagnostics), result.diagnostics
