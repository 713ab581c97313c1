"""`scriptkit init` wrote an English pack only: a German team set `locale: de-DE` by hand and kept init's English
greeting and sign-off. `init --locale` now writes the locale and, for German, French and Spanish, a greeting and a
sign-off in that language; for another language it leaves the English ones marked for the writer, which `check`
reports (SK015) until they are written."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.loading import load_pack

GERMAN = ("id: groesse\ntitle: Größe tauschen\nchannels: [email, chat, phone]\n"
          "acknowledgment: Es tut mir leid, dass die Größe nicht passt, das ist wirklich ärgerlich.\n"
          "solution: Ich tausche die Schuhe heute für Sie um und schicke Ihnen die Sendungsnummer.\n")
ITALIAN = ("id: taglia\ntitle: Cambio taglia\nchannels: [email, chat]\n"
           "acknowledgment: Mi dispiace molto che la taglia non vada bene, capisco il fastidio.\n"
           "solution: Oggi stesso ti spedisco il nuovo paio e ti scrivo con il numero di spedizione.\n")


def _init(tmp_path: Path, *args: str) -> tuple[Path, Any]:
    root = tmp_path / "pack"
    result = CliRunner().invoke(main, ["init", str(root), *args])
    return root, result


def _codes(root: Path) -> list[tuple[str, int]]:
    out = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--format", "json"])
    assert "Traceback" not in out.output
    return [(d["code"], d["line"]) for d in json.loads(out.output)["diagnostics"]]


@pytest.mark.parametrize(("locale", "greeting", "signoff"), [
    ("de-DE", "Hallo {{ customer.first_name | fallback('und guten Tag') }},", "Viele Grüße\n{{ agent.first_name }}"),
    ("fr-FR", "Bonjour {{ customer.first_name | fallback('Madame, Monsieur') }},",
     "Bien cordialement,\n{{ agent.first_name }}"),
    ("es-ES", "¡Hola, {{ customer.first_name | fallback('buenos días') }}!", "Un saludo,\n{{ agent.first_name }}"),
    # (Latin America's own since session 38: tests/test_s38_l10n2.py)
    ("es-MX", "¡Hola, {{ customer.first_name | fallback('buen día') }}!",
     "Saludos cordiales,\n{{ agent.first_name }}"),
])
def test_a_german_french_or_spanish_pack_gets_its_locale_and_layouts_in_that_language(
        tmp_path: Path, locale: str, greeting: str, signoff: str) -> None:
    root, result = _init(tmp_path, "--locale", locale)
    assert result.exit_code == 0, result.output
    meta = load_pack(root).meta
    assert meta.locale == locale
    assert (meta.channels["email"].greeting, meta.channels["email"].signoff.strip()) == (greeting, signoff)
    assert set(meta.channels) == {"email", "chat", "phone"}
    assert not any("Hi " in layout.greeting or "Thanks" in layout.greeting or "anything" in layout.signoff
                   for layout in meta.channels.values())


def test_a_german_pack_from_init_is_all_clear_of_sk015(tmp_path: Path) -> None:
    root, result = _init(tmp_path, "--locale", "de-DE")
    assert result.exit_code == 0, result.output
    for example in (root / "scripts").iterdir():
        example.unlink()
    (root / "scripts" / "groesse.yaml").write_text(GERMAN, encoding="utf-8")
    assert [code for code, _ in _codes(root) if code == "SK015"] == []


def test_another_language_keeps_the_english_layouts_marked_and_check_reports_them(tmp_path: Path) -> None:
    root, result = _init(tmp_path, "--locale", "it-IT")
    assert result.exit_code == 0, result.output
    text = (root / "pack.yaml").read_text(encoding="utf-8")
    assert "locale: it-IT" in text and "TODO" in text and "Italian" in text
    assert "Italian" in result.output
    (root / "scripts" / "taglia.yaml").write_text(ITALIAN, encoding="utf-8")
    lines = text.splitlines()
    found = [line for code, line in _codes(root) if code == "SK015"]
    assert found and all("greeting" in lines[line - 1] or "signoff" in lines[line - 1] for line in found)


def test_english_and_no_locale_write_what_init_always_wrote(tmp_path: Path) -> None:
    plain, result = _init(tmp_path)
    assert result.exit_code == 0
    (tmp_path / "gb").mkdir()
    british, result = _init(tmp_path / "gb", "--locale", "en-GB")
    assert result.exit_code == 0
    assert (british / "pack.yaml").read_text(encoding="utf-8") == \
        (plain / "pack.yaml").read_text(encoding="utf-8").replace("locale: en-US", "locale: en-GB")


@pytest.mark.parametrize("locale", ["German", "de DE", ""])
def test_a_locale_that_is_no_language_code_is_refused_and_nothing_is_made(tmp_path: Path, locale: str) -> None:
    root, result = _init(tmp_path, "--locale", locale)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "--locale" in result.output and not root.exists()
    if locale == "German":
        assert "de-DE" in result.output


def test_the_english_starter_pack_is_not_made_in_another_language(tmp_path: Path) -> None:
    root, result = _init(tmp_path, "--from", "starter", "--locale", "de-DE")
    assert result.exit_code == 2 and "English" in result.output and not root.exists()
