"""Follow-ups from a multilingual team's review (session 38): what a non-English reply is told, and gets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scriptkit.config import LintConfig
from scriptkit.linting import lint_pack, lint_text
from scriptkit.loading import load_pack
from tests.conftest import run_cli

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


FRENCH_SMS = "Bonjour Marie, votre colis part demain\u00a0! Merci de votre patience, et bonne journée."


def test_review_keeps_a_french_no_break_space_so_sk104_counts_the_sms_as_check_does(make_pack) -> None:
    (said,) = [d for d in lint_text(FRENCH_SMS, channel="sms", locale="fr-FR").diagnostics if d.code == "SK104"]
    assert "83 characters sent as UCS-2" in said.message and "no-break space" in said.message
    script = ("id: colis\ntitle: Colis\nchannels: [sms]\nacknowledgment: \"Bonjour Marie, votre colis part "
              "demain\\u00a0!\"\nsolution: \"Merci de votre patience, et bonne journée.\"\n")
    root = make_pack({"colis.yaml": script}, "name: Colis\nlocale: fr-FR\nchannels:\n  sms:\n    greeting: ''\n")
    (checked,) = [d for d in lint_pack(load_pack(root)).diagnostics if d.code == "SK104"]
    assert checked.message == said.message


def test_a_plain_space_in_the_same_sms_stays_gsm7_and_a_no_break_label_still_opens_a_turn() -> None:
    plain = FRENCH_SMS.replace("\u00a0", " ")
    assert not [d for d in lint_text(plain, channel="sms", locale="fr-FR").diagnostics if d.code == "SK104"]
    text = "Customer:\u00a0Where is my parcel?\nAgent:\u00a0I'm sorry for the wait, it ships today."
    result = lint_text(text)
    assert [text[t.start:t.end].strip() for t in result.turns] == ["I'm sorry for the wait, it ships today."]


MEXICO = ("id: demora\ntitle: Pedidos::Demora\nchannels: [email, chat, phone]\n"
          "acknowledgment: Lamento mucho que su pedido todavía no llegue, entiendo que lo necesitaba esta semana.\n"
          "flexibility:\n  guidance: Revise primero el rastreo con la paquetería.\n"
          "solution: Hoy mismo le enviamos un pedido nuevo y le mandamos la guía de rastreo mañana.\n")


def _init(tmp_path: Path, locale: str) -> Path:
    root = tmp_path / locale
    made = run_cli("init", str(root), "--locale", locale)
    assert made.exit_code == 0, made.output
    return root


@pytest.mark.parametrize(("locale", "signoff", "fallback"), [
    ("es-MX", "Saludos cordiales,", "buen día"), ("es-AR", "Saludos cordiales,", "buen día"),
    ("es-419", "Saludos cordiales,", "buen día"), ("es-US", "Saludos cordiales,", "buen día"),
    ("es-ES", "Un saludo,", "buenos días"), ("es", "Un saludo,", "buenos días"),
])
def test_latin_american_spanish_gets_its_own_signoff_and_spain_keeps_its_own(tmp_path, locale: str, signoff: str,
                                                                             fallback: str) -> None:
    meta = load_pack(_init(tmp_path, locale)).meta
    assert meta.channels["email"].signoff.splitlines()[0] == signoff
    assert f"fallback('{fallback}')" in meta.channels["email"].greeting


def test_a_mexican_pack_of_mexican_replies_is_clear_of_layout_findings(tmp_path) -> None:
    root = _init(tmp_path, "es-MX")
    for example in (root / "scripts").iterdir():
        example.unlink()
    (root / "scripts" / "demora.yaml").write_text(MEXICO, encoding="utf-8")
    found = {d.code for d in lint_pack(load_pack(root)).diagnostics}
    assert not found & {"SK015", "SK407", "SK008", "SK009"}, found


@pytest.mark.parametrize(("opening", "closing", "codes"), [
    ("Hola, Lupita:\n\n", "\n\nSaludos cordiales,\nFernanda Ruiz", {"SK008", "SK009"}),
    ("¡Buen día, Lupita!\n\n", "\n\nSaludos,\nFernanda", {"SK008", "SK009"}),
    ("Estimada Sra. Hernández:\n\n", "\n\nCordiales saludos,\nFernanda Ruiz\nAtención a clientes", {"SK008", "SK009"}),
    ("Buenas tardes, Lupita.\n\n", "\n\nAtentamente,\nFernanda", {"SK008", "SK009"}),
    # (the reply's own words: "saludos" inside a sentence closes nothing)
    ("", " Le mandamos saludos a todo el equipo de su tienda.", set()),
])
def test_a_pasted_latin_american_greeting_and_signoff_are_found(tmp_path, opening: str, closing: str,
                                                                codes: set[str]) -> None:
    root = _init(tmp_path, "es-MX")
    for example in (root / "scripts").iterdir():
        example.unlink()
    script = ("id: demora\ntitle: Pedidos::Demora\nchannels: [email]\nacknowledgment: "
              + json.dumps(opening + "Lamento mucho que su pedido todavía no llegue.")
              + "\nsolution: " + json.dumps("Hoy mismo le enviamos un pedido nuevo." + closing) + "\n")
    (root / "scripts" / "demora.yaml").write_text(script, encoding="utf-8")
    found = {d.code for d in lint_pack(load_pack(root)).diagnostics} & {"SK008", "SK009"}
    assert found == codes


@pytest.mark.parametrize(("category", "issue_type", "rule_id", "expected"), [
    ("DIACRITICS", "misspelling", "SUBJUNTIVO_FUTURO", "grammar"),  # ("llegara" for "llegará": two real words)
    ("DIACRITICS", "misspelling", "TU_TILDE", "grammar"),
    ("BR_SPELLING", "misspelling", "PRETERITO_PERFEITO", "grammar"),
    ("TYPOS", "misspelling", "MORFOLOGIK_RULE_ES", "spelling"),
    ("TYPOS", "misspelling", "MORFOLOGIK_RULE_PT_BR", "spelling"),
    ("MISSPELLING", "misspelling", "SHAMPOO_CHAMPU", "spelling"),
    ("MULTITOKEN_SPELLING", "misspelling", "ES_MULTITOKEN_SPELLING_TWO", "spelling"),
    ("AO90_RULES_PT_PT", "misspelling", "AO90_TONIC_SYLLABLES", "spelling"),
    ("MISC", "duplication", "SPANISH_WORD_REPEAT_RULE", "grammar"),
    ("REPETITIONS", "duplication", "PORTUGUESE_WORD_REPEAT_RULE", "grammar"),
    ("MISC", "duplication", "ENGLISH_WORD_REPEAT_RULE", "grammar"),
    ("TYPOGRAPHY", "whitespace", "COMMA_PARENTHESIS_WHITESPACE", "style"),
    ("CONFUSED_WORDS", "misspelling", "THEIR_IS", "grammar"),
])
def test_languagetool_categories_sort_into_spelling_grammar_and_style(category: str, issue_type: str, rule_id: str,
                                                                      expected: str) -> None:
    from scriptkit.rules.grammar import kind

    assert kind(category, issue_type, rule_id) == expected
