"""Follow-ups from a multilingual team's review (session 38): what a non-English reply is told, and gets."""

from __future__ import annotations

from scriptkit.config import LintConfig
from scriptkit.linting import lint_pack, lint_text
from scriptkit.loading import load_pack

SPANISH = "Sentimos mucho que su paquete llegara roto. Hoy mismo le mandamos otro y le avisamos por correo."
_SCRIPT = "id: roto\ntitle: Roto\nacknowledgment: 'Sentimos mucho que su paquete llegara roto.'\n" \
          "solution: 'Hoy mismo le mandamos otro y le avisamos por correo.'\n"


def _note(result) -> str:  # type: ignore[no-untyped-def]
    [note] = [d for d in result.diagnostics if d.code == "SK006"]
    return note.suggestion or ""


def test_a_spanish_review_with_grammar_off_says_grammar_is_off_and_how_to_turn_it_on() -> None:
    said = _note(lint_text(SPANISH, locale="es-ES"))
    assert "grammar is off" in said and "--grammar local" in said
    assert "template and your own rules still ran" in said


def test_a_spanish_review_with_grammar_on_but_not_selected_claims_no_grammar_either_way() -> None:
    config = LintConfig().override(ignore=["SK9"])
    said = _note(lint_text(SPANISH, locale="es-ES", grammar="http://127.0.0.1:9", config=config))
    assert "grammar" not in said.split(";")[0]


def test_a_spanish_pack_with_grammar_off_no_longer_says_grammar_still_runs(make_pack) -> None:
    pack = load_pack(make_pack({"roto.yaml": _SCRIPT}, "name: T\nlocale: es-ES\n"))
    said = _note(lint_pack(pack, channels=["email"]))
    assert "export, grammar" not in said and "grammar is off" in said and "grammar: {mode: local}" in said
