"""A Gorgias macro keeps its own language through import and export (a pack has one locale, a
Gorgias library a language per macro): the import writes it as the script's ``language`` setting,
the export writes the setting back, and a bad value is a located error."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from scriptkit import export, import_library
from scriptkit.errors import ConfigError
from scriptkit.loading import load_pack


def _macro(ident: int, name: str, language: str | None, text: str) -> dict[str, Any]:
    return {"id": ident, "external_id": None, "name": name, "language": language, "actions": [
        {"name": "setResponseText", "title": "Response text", "type": "user",
         "arguments": {"body_text": text, "body_html": ""}}]}


LIBRARY = [
    _macro(1, "Retour tardif", "fr", "Bonjour {{ticket.customer.firstname}},\n\nJe suis désolée pour ce retard. "
                                     "Je vous rembourse aujourd'hui, sous 5 jours."),
    _macro(2, "Verspätung", "de", "Hallo {{ticket.customer.firstname}},\n\nes tut mir leid. Ich erstatte heute."),
    _macro(3, "Late parcel", "en", "Hi {{ticket.customer.firstname}},\n\nI'm sorry it's late. I've refunded it today."),
    _macro(4, "No language", None, "Hi there, I've sent the new one today and it arrives by Friday."),
]


def _export_of(tmp_path: Path, name: str, pack: Path) -> dict[str, dict[str, Any]]:
    export(pack, "gorgias", tmp_path / name, lint=False)
    written = json.loads((tmp_path / name / "gorgias" / "macros.json").read_text(encoding="utf-8"))
    return {m["name"]: m for m in written["macros"]}


def test_each_macro_keeps_its_language_through_import_and_export(tmp_path: Path) -> None:
    source = tmp_path / "gorgias.json"
    source.write_text(json.dumps({"data": LIBRARY, "meta": {"next_cursor": None}}), encoding="utf-8")
    pack = import_library(source, "gorgias").write(tmp_path / "pack")
    scripts = {s.title: s for s in load_pack(pack).scripts}
    assert {t: s.export.get("gorgias", {}).get("language") for t, s in scripts.items()} == \
        {"Retour tardif": "fr", "Verspätung": "de", "Late parcel": "en", "No language": None}
    out = _export_of(tmp_path, "out", pack)
    # (a macro whose language Gorgias holds as null is exported back with none, not the pack's locale's)
    assert {n: m["language"] for n, m in out.items()} == \
        {"Retour tardif": "fr", "Verspätung": "de", "Late parcel": "en", "No language": None}
    # and again: the export read back is the same library
    again = import_library(tmp_path / "out" / "gorgias" / "macros.json", "gorgias").write(tmp_path / "back")
    assert _export_of(tmp_path, "out2", again) == out
    # the replies came through as they were
    assert out["Verspätung"]["actions"][0]["arguments"]["body_text"] == LIBRARY[1]["actions"][0]["arguments"][
        "body_text"]


@pytest.mark.parametrize(("value", "hint"), [("French", "two-letter code"), ("fr-FR", "Write 'fr'.")])
def test_a_language_that_is_not_a_two_letter_code_is_refused_at_its_line(tmp_path: Path, value: str,
                                                                         hint: str) -> None:
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text("name: Lang\nversion: 0.1.0\nlocale: fr-FR\n", encoding="utf-8")
    (pack / "scripts" / "retour.yaml").write_text(
        "id: retour\ntitle: Retour\nacknowledgment: Je suis désolée pour ce retard.\n"
        f"solution: Je vous rembourse aujourd'hui.\nexport:\n  gorgias:\n    language: {value}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as refused:  # (bad input, exit code 2, as check says)
        export(pack, "gorgias", tmp_path / "out", lint=False)
    bad = refused.value
    assert bad.location and (bad.location.file, bad.location.line) == (str(pack / "scripts" / "retour.yaml"), 7)
    assert "'language' must be a two-letter ISO 639-1 code" in bad.message and hint in (bad.hint or "")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("written", ["FR", "fr-FR", "fr_CA"])
def test_a_language_in_capitals_or_as_a_locale_is_kept_as_its_code(tmp_path: Path, written: str) -> None:
    source = tmp_path / "gorgias.json"
    source.write_text(json.dumps({"data": [_macro(1, "Retour", written, "Bonjour, je vous rembourse aujourd'hui.")],
                                  "meta": {"next_cursor": None}}), encoding="utf-8")
    pack = import_library(source, "gorgias").write(tmp_path / "pack")
    (script,) = load_pack(pack).scripts
    assert script.export["gorgias"]["language"] == "fr"
    assert _export_of(tmp_path, "out", pack)["Retour"]["language"] == "fr"


@pytest.mark.parametrize(("written", "kept", "note"), [
    ("fr-FR", "fr", "its language in Gorgias is 'fr-FR': kept as its gorgias setting 'language', 'fr', and "
                    "exported back as 'fr'"),
    ("-de", None, "its language in Gorgias is '-de', not a two-letter ISO 639-1 code"),
])
def test_the_note_says_what_is_kept_and_a_malformed_code_is_not_english(tmp_path: Path, written: str,
                                                                         kept: str | None, note: str) -> None:
    source = tmp_path / "gorgias.json"
    source.write_text(json.dumps({"data": [_macro(1, "Retour", written, "Bonjour, je vous rembourse aujourd'hui.")],
                                  "meta": {"next_cursor": None}}), encoding="utf-8")
    (macro,) = import_library(source, "gorgias").macros
    assert macro.raw.settings.get("language") == kept
    assert any(n.startswith(note) for n in macro.about), macro.about
