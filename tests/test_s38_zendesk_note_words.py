"""A Zendesk macro's description headed its agent notes in English whatever the pack's language ("Guidance:",
"Replace [[...]]:" over Spanish notes). They are now in the pack's language for the languages `scriptkit init`
writes layouts for (English for any other), and the import reads each language's back as the script's structure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit import export, import_library
from scriptkit.loading import load_pack

PACK = """\
name: Paquetes
locale: {locale}
channels:
  email:
    greeting: "¡Hola, {{{{ customer.first_name | fallback('buenos días') }}}}!"
    signoff: "Un saludo,\\n{{{{ agent.first_name }}}}"
  chat:
    greeting: "¡Hola, {{{{ customer.first_name | fallback('buenos días') }}}}!"
"""

SCRIPT = """\
id: paquete-roto
title: "Envíos::Paquete roto"
channels: [email, chat]
acknowledgment:
  - "Siento mucho que su paquete llegara roto, entiendo lo molesto que es."
  - "Qué pena que el pedido {{ blank.pedido }} llegara dañado, lo entiendo perfectamente."
flexibility:
  guidance: "Pida una foto del daño antes de enviar otro."
  blanks:
    - name: pedido
      prompt: El número de pedido
    - name: dia
      prompt: El día de la entrega nueva
  alternatives:
    - label: Sin existencias
      text: "No nos quedan unidades, así que le devolvemos el importe completo hoy mismo."
  conditions:
    - when: el cliente es VIP
      text: "Le enviamos el nuevo por mensajería urgente, sin coste."
solution: "Hoy mismo le enviamos uno nuevo, que llegará el {{ blank.dia }}."
"""


def _pack(tmp_path: Path, locale: str) -> Path:
    root = tmp_path / "src"
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(PACK.format(locale=locale), encoding="utf-8")
    (root / "scripts" / "roto.yaml").write_text(SCRIPT, encoding="utf-8")
    return root


def _descriptions(path: Path) -> dict[str, list[str]]:
    macros = json.loads(path.read_text(encoding="utf-8"))["macros"]
    return {str(m["title"]): str(m["description"]).split("\n") for m in macros}


def test_a_spanish_packs_notes_are_headed_in_spanish(tmp_path: Path) -> None:
    export(_pack(tmp_path, "es-ES"), ["zendesk"], tmp_path / "out", lint=False)
    lines = _descriptions(tmp_path / "out" / "zendesk" / "macros.json")["Envíos::Paquete roto"]
    assert lines[0] == "Indicaciones: Pida una foto del daño antes de enviar otro."
    assert "Alternativa (Sin existencias): No nos quedan unidades, así que le devolvemos el importe completo hoy " \
           "mismo." in lines
    assert "Si el cliente es VIP: Le enviamos el nuevo por mensajería urgente, sin coste." in lines
    assert any(line.startswith("O bien (reconocimiento): Qué pena que el pedido [[pedido]]") for line in lines)
    assert "Sustituir [[dia]]: El día de la entrega nueva" in lines
    assert not any(line.startswith(("Guidance", "Replace", "If ", "Or say", "Alternative")) for line in lines)


@pytest.mark.parametrize("locale", ["es-MX", "fr-FR", "pt-BR", "pt-PT", "de-DE", "nl-NL", "it-IT", "en-US", "sv-SE"])
def test_each_languages_description_is_read_back_as_the_scripts_notes(tmp_path: Path, locale: str) -> None:
    from scriptkit.importers.zendesk import _agent_notes

    export(_pack(tmp_path, locale), ["zendesk"], tmp_path / "out", lint=False)
    description = "\n".join(_descriptions(tmp_path / "out" / "zendesk" / "macros.json")["Envíos::Paquete roto"])
    notes = _agent_notes(description)
    assert notes.guidance == "Pida una foto del daño antes de enviar otro."
    assert [a[0] for a in notes.alternatives] == ["Sin existencias"]
    assert [c[0] for c in notes.conditions] == ["el cliente es VIP"]
    assert [p[0] for p in notes.phrasings] == ["acknowledgment"]
    assert notes.prompts == {"[[pedido]]": "El número de pedido", "[[dia]]": "El día de la entrega nueva"}


@pytest.mark.parametrize("locale", ["es-ES", "es-MX"])
def test_a_spanish_pack_exported_imported_and_exported_again_gives_the_same_descriptions(tmp_path: Path,
                                                                                           locale: str) -> None:
    root = _pack(tmp_path, locale)
    script = root / "scripts" / "roto.yaml"  # (one phrasing: the import's slot guesser places no other one here)
    script.write_text(SCRIPT.replace('  - "Qué pena que el pedido {{ blank.pedido }} llegara dañado, lo entiendo '
                                     'perfectamente."\n', ""), encoding="utf-8")
    one = tmp_path / "one"
    export(root, ["zendesk"], one, lint=False)
    again = import_library(one / "zendesk" / "macros.json", "zendesk").write(tmp_path / "pack")
    flex = next(s for s in load_pack(again).scripts if s.title == "Envíos::Paquete roto").flexibility
    assert flex is not None and flex.guidance == "Pida una foto del daño antes de enviar otro."
    assert [c.when for c in flex.conditions] == ["el cliente es VIP"]
    export(again, ["zendesk"], tmp_path / "two", lint=False)
    assert _descriptions(one / "zendesk" / "macros.json") == _descriptions(tmp_path / "two" / "zendesk" / "macros.json")


def test_french_sets_its_colons_apart_and_swedish_falls_back_to_english(tmp_path: Path) -> None:
    export(_pack(tmp_path, "fr-FR"), ["zendesk"], tmp_path / "fr", lint=False)
    lines = _descriptions(tmp_path / "fr" / "zendesk" / "macros.json")["Envíos::Paquete roto"]
    assert lines[0] == "Consignes\u00a0: Pida una foto del daño antes de enviar otro."
    assert "Remplacer [[dia]]\u00a0: El día de la entrega nueva" in lines
    export(_pack(tmp_path / "sv", "sv-SE"), ["zendesk"], tmp_path / "sv-out", lint=False)
    lines = _descriptions(tmp_path / "sv-out" / "zendesk" / "macros.json")["Envíos::Paquete roto"]
    assert lines[0] == "Guidance: Pida una foto del daño antes de enviar otro."


@pytest.mark.parametrize(("line", "slot"), [("O bien (reconocimiento): Lo siento.", "acknowledgment"),
                                            ("Ou bien (mots chaleureux)\u00a0: Merci.", "warm_language"),
                                            ("Or say (solution): Sent today.", "solution")])
def test_an_other_phrasing_line_is_read_in_each_language(line: str, slot: str) -> None:
    from scriptkit.importers.zendesk import _agent_notes

    notes = _agent_notes("Indicaciones: Mire el pedido.\n" + line)
    assert notes.guidance == "Mire el pedido." and [p[0] for p in notes.phrasings] == [slot]
