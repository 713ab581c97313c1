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
