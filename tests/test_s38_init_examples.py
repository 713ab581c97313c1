"""`scriptkit init --locale de-DE` wrote the English example script, so a new German pack failed its own `check`
(SK006: the reply reads as English, not German, twice, and the pack's note). Each language init writes greetings
in now gets the example in that language, and every such new pack passes its own check with nothing reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack
from tests.conftest import run_cli
from tests.test_grammar import lt_url  # noqa: F401 (the session's LanguageTool server, a fixture)

LOCALES = ["de-DE", "de-AT", "de-CH", "fr-FR", "fr-CA", "es-ES", "es-MX", "es-419", "nl-NL", "nl-BE", "pt-BR", "pt-PT",
           "pt-AO", "en-US", "en-GB"]
ENGLISH = "I can see how disappointing it is to open order"


def _init(tmp_path: Path, *args: str) -> Path:
    root = tmp_path / "pack"
    made = run_cli("init", str(root), *args)
    assert made.exit_code == 0, made.output
    return root


@pytest.mark.parametrize("locale", [*LOCALES, None])
def test_a_new_pack_in_a_language_init_writes_passes_its_own_check(tmp_path: Path, locale: str | None) -> None:
    root = _init(tmp_path, *(["--locale", locale] if locale else []))
    example = (root / "scripts" / "order-arrived-damaged.yaml").read_text(encoding="utf-8")
    assert (ENGLISH in example) == (locale is None or locale.startswith("en"))
    out = run_cli("check", str(root), "--format", "json")
    assert out.exit_code == 0 and json.loads(out.output)["diagnostics"] == [], out.output
    assert run_cli("check", str(root)).output.startswith("All clear")


def test_the_example_is_the_regions_own_spanish_and_portuguese_and_swiss_german_writes_no_sharp_s(
        tmp_path: Path) -> None:
    spain, mexico = _init(tmp_path / "es", "--locale", "es-ES"), _init(tmp_path / "mx", "--locale", "es-MX")
    assert "le he enviado" in (spain / "scripts" / "order-arrived-damaged.yaml").read_text(encoding="utf-8")
    assert "le envié" in (mexico / "scripts" / "order-arrived-damaged.yaml").read_text(encoding="utf-8")
    brazil, portugal = _init(tmp_path / "br", "--locale", "pt-BR"), _init(tmp_path / "pt", "--locale", "pt-PT")
    assert "pedido" in (brazil / "scripts" / "order-arrived-damaged.yaml").read_text(encoding="utf-8")
    assert "encomenda" in (portugal / "scripts" / "order-arrived-damaged.yaml").read_text(encoding="utf-8")
    swiss = _init(tmp_path / "ch", "--locale", "de-CH")
    assert not any("ß" in path.read_text(encoding="utf-8") for path in swiss.rglob("*.yaml"))


def test_only_the_packs_note_is_off_an_english_reply_in_a_german_pack_is_still_reported(tmp_path: Path) -> None:
    root = _init(tmp_path, "--locale", "de-DE")
    assert "English only" in (root / "pack.yaml").read_text(encoding="utf-8").splitlines()[3]
    (root / "scripts" / "late.yaml").write_text(
        "id: late\ntitle: Late\nacknowledgment: I'm so sorry your parcel is late, I know you were counting on it.\n"
        "solution: I've sent a new one by express today, and I'll email you the tracking link this afternoon.\n",
        encoding="utf-8")
    out = run_cli("check", str(root), "--format", "json")
    found = [(Path(d["file"]).name, d["code"]) for d in json.loads(out.output)["diagnostics"]]
    assert ("late.yaml", "SK006") in found and all(name == "late.yaml" for name, _ in found), found


@pytest.mark.parametrize("locale", ["es-ES", "es-MX", "pt-BR", "pt-PT"])
def test_the_example_is_clear_of_languagetools_grammar_and_spelling(tmp_path: Path, lt_url: str,  # noqa: F811
                                                                    locale: str) -> None:
    result = lint_pack(load_pack(_init(tmp_path, "--locale", locale)), grammar=lt_url)
    assert [d for d in result.diagnostics if d.code.startswith("SK9")] == []
