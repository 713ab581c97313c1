"""SK006's suggestion says truly whether the rules that read English judged the reply.

In a Spanish pack an English script is judged by them (SK201, SK207... fire on it), where the
suggestion said "the rules that read English did not judge it".
"""

from __future__ import annotations

import pytest

from scriptkit.linting import lint_pack
from scriptkit.loading import load_pack

ENGLISH = """id: late
title: Late
acknowledgment: I can see how frustrating it is that the parcel is late.
solution: Please be advised that we have sent a replacement today and that it arrives within three days.
"""
SPANISH = """id: retraso
title: Retraso
acknowledgment: "Sentimos mucho la demora con su pedido, sabemos que es muy molesto esperar."
solution: "Hoy mismo le enviamos uno nuevo y le escribimos con el número de seguimiento."
"""
FRENCH = """id: retard
title: Retard
acknowledgment: "Nous sommes désolés pour le retard de votre commande, et nous comprenons votre agacement."
solution: "Nous vous envoyons un nouveau colis aujourd'hui et vous recevrez le numéro de suivi par courriel."
"""


@pytest.mark.parametrize(("locale", "script_id", "judged"), [
    ("es-ES", "late", True),  # English in a Spanish pack: judged, as every English reply
    ("es-ES", "retard", False),  # French in a Spanish pack: not judged
    ("en-US", "retraso", False),  # Spanish in an English pack: not judged
])
def test_the_suggestion_says_whether_the_english_rules_judged_the_reply(make_pack, locale: str, script_id: str,
                                                                        judged: bool) -> None:
    root = make_pack({"late.yaml": ENGLISH, "retraso.yaml": SPANISH, "retard.yaml": FRENCH},
                     f"name: Pack\nversion: 1.0.0\nlocale: {locale}\n")
    result = lint_pack(load_pack(root))
    mine = [d for d in result.diagnostics if d.script_id == script_id]
    (note,) = {d.suggestion for d in mine if d.code == "SK006"}
    english_rules = {d.code for d in mine if d.code.startswith(("SK2", "SK3"))}
    assert bool(english_rules) == judged, english_rules
    assert note is not None
    if judged:
        assert "did not judge" not in note and "judged it" in note
    else:
        assert "did not judge it" in note
