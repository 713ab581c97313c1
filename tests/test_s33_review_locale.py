"""``scriptkit review --locale`` of a reply in another language than English.

Before, ``--locale es-ES`` was refused ("a reply to review is judged as English"), and a short Portuguese
reply, too short to tell its language from, was judged as English: SK401 "no solution", exit 1. Now a
non-English locale is treated as ``check`` treats a pack with that ``locale:``: an SK006 note, the rules that
read English left out, the language-neutral ones (blanks, length) still run.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from scriptkit import lint_text
from scriptkit.cli import main

SHORT_PORTUGUESE = "Desculpe a demora, envio hoje.\n"
SPANISH = ("Siento mucho que el paquete todavía no haya llegado, entiendo que lo esperaba para el viernes. "
           "Esta misma tarde le mando otro por mensajero y le escribo con el número de seguimiento.\n")
SPANISH_WITH_BLANK = "Perdone el retraso, hoy le devolvemos [IMPORTE] a su tarjeta.\n"
COLD_ENGLISH = "Please be advised that the matter is under review.\n"
ENGLISH_RULES = ("SK1", "SK2", "SK3", "SK4")
NEUTRAL = ("SK104", "SK406", "SK407")


def _review(*args: str, text: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["review", *args], input=text, env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout, result.stderr


def _codes(out: str) -> list[str]:
    return [d["code"] for d in json.loads(out)["diagnostics"]]


def _english_rules(codes: list[str]) -> list[str]:
    return [c for c in codes if c.startswith(ENGLISH_RULES) and c not in NEUTRAL]


def test_a_short_portuguese_reply_under_its_locale_is_not_judged_as_english() -> None:
    code, out, _ = _review("-", "--channel", "chat", "--locale", "pt-BR", text=SHORT_PORTUGUESE)
    assert code == 0, out
    assert "SK401" not in out and "SK301" not in out and "SK207" not in out
    assert "SK006" in out and "locale pt-BR" in out


def test_a_spanish_reply_under_es_es_gets_the_note_check_gives_a_spanish_pack() -> None:
    code, out, _ = _review("-", "--locale", "es-ES", "--format", "json", text=SPANISH)
    assert code == 0, out
    diagnostics = json.loads(out)["diagnostics"]
    assert [(d["code"], d["severity"]) for d in diagnostics] == [("SK006", "suggestion")]
    assert "read English only" in diagnostics[0]["message"]


def test_language_neutral_rules_still_run_under_another_locale() -> None:
    code, out, _ = _review("-", "--locale", "es_es", "--format", "json", text=SPANISH_WITH_BLANK)
    codes = _codes(out)
    assert "SK407" in codes and not _english_rules(codes), codes
    assert code == 1  # (an unfilled blank is an error, as in check)


def test_an_english_reply_under_a_spanish_locale_is_judged_and_said_to_read_as_english() -> None:
    code, out, _ = _review("-", "--locale", "es-ES", "--format", "json", text=COLD_ENGLISH)
    codes = _codes(out)
    assert _english_rules(codes), codes
    (note,) = [d for d in json.loads(out)["diagnostics"] if d["code"] == "SK006"]
    assert "English" in note["message"] and "Spanish" in note["message"]
    assert code == 1


def test_a_spanish_reply_without_a_locale_is_reported_as_before() -> None:
    code, out, _ = _review("-", "--format", "json", text=SPANISH)
    diagnostics = json.loads(out)["diagnostics"]
    assert [(d["code"], d["severity"]) for d in diagnostics] == [("SK006", "warning")]
    assert "reads as Spanish" in diagnostics[0]["message"]
    assert code == 1


def test_the_locale_of_scriptkit_toml_beside_the_reply(tmp_path: Path) -> None:
    (tmp_path / "scriptkit.toml").write_text('locale = "pt-BR"\n', encoding="utf-8")
    reply = tmp_path / "resposta.txt"
    reply.write_text(SHORT_PORTUGUESE, encoding="utf-8")
    code, out, _ = _review(str(reply), "--channel", "chat", "--format", "json", text="")
    assert code == 0 and _codes(out) == ["SK006"], out


def test_a_locale_that_is_no_language_code_is_bad_input() -> None:
    code, _, err = _review("-", "--locale", "jp-JP", text=SHORT_PORTUGUESE)
    assert code == 2 and "Traceback" not in err
    assert "jp-JP" in err and "ja-JP" in err
    code, _, err = _review("-", "--locale", "Spanish", text=SHORT_PORTUGUESE)
    assert code == 2 and "Spanish" in err and "es-ES" in err


def test_lint_text_takes_a_locale() -> None:
    result = lint_text(SHORT_PORTUGUESE, channel="chat", locale="pt-BR")
    assert [d.code for d in result.diagnostics] == ["SK006"]
    assert result.exit_code == 0
