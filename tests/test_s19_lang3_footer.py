"""An English reply with a foreign footer, sign-off or quoted customer text stays English (scriptkit.language).

A reply's language was the one most of its sentences are written in, so three German closing
sentences, a French confidentiality footer or a quoted French complaint made an English reply
read as German or French: the English rules were skipped ("not judged", SK006 only).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit.language import language_of
from scriptkit.linting import lint_text

GERMAN_CLOSE = ("Hi Jonas,\n\nWe apologize for any inconvenience. Your ticket has been escalated.\n\n"
                "Vielen Dank für Ihre Geduld. Wir melden uns bald. Mit freundlichen Grüßen.\nSupport")
FRENCH_FOOTER = ("Hello Nora,\n\nWe regret the delay. Please be advised that your case is with the team and that "
                 "we will revert in due course.\n\n--\nCe message et ses pièces jointes sont confidentiels. "
                 "Si vous avez reçu ce message par erreur, merci de le supprimer. Toute diffusion est interdite "
                 "sans notre accord. Nous ne sommes pas responsables des virus dans le message.")
QUOTED_FRENCH = ('Hi Sam, the customer wrote: "Je suis très déçu, le produit est cassé et personne ne me répond '
                 'depuis une semaine." Per policy we cannot replace it.')


@pytest.mark.timeout(60)
@pytest.mark.parametrize("text", [GERMAN_CLOSE, FRENCH_FOOTER, QUOTED_FRENCH],
                         ids=["German closing", "French footer", "quoted French"])
def test_an_english_reply_with_a_foreign_footer_or_quote_is_english(text: str) -> None:
    assert language_of(text) == "en"


@pytest.mark.timeout(60)
@pytest.mark.parametrize("text", [GERMAN_CLOSE, QUOTED_FRENCH], ids=["German closing", "quoted French"])
def test_the_english_rules_judge_it(tmp_path: Path, text: str) -> None:
    path = tmp_path / "reply.txt"
    path.write_text(text, encoding="utf-8")
    codes = [d.code for d in lint_text(text, file=str(path)).diagnostics]
    assert "SK006" not in codes or len(codes) > 1, codes
    assert any(code[:3] in ("SK1", "SK2", "SK3", "SK4") for code in codes), codes


@pytest.mark.timeout(60)
def test_a_foreign_reply_quoting_english_stays_foreign() -> None:
    text = ('Hola Ana, el cliente escribió: "I want my money back now, this is the worst service ever." '
            "Lamentamos mucho la situación y le devolvemos el importe hoy mismo. Saludos, Luis")
    assert language_of(text) == "es"
