"""'language: es' in a script was answered "Did you mean 'warm_language'?"; a script has no language of its own,
and the message now says the pack's locale sets it (one pack per language)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit import ErrorGroup, ScriptkitError, load_pack

SCRIPT = 'id: a\ntitle: T\n{key}: {value}\nacknowledgment: "Lo siento."\nsolution: "Hoy le enviamos otro."\n'


@pytest.mark.parametrize(("key", "value", "locale"), [("language", "es", "es-ES"), ("locale", "de-DE", "de-DE"),
                                                      ("lang", "fr", "fr-FR")])
def test_a_language_key_in_a_script_points_at_the_packs_locale(  # type: ignore[no-untyped-def]
        make_pack, key: str, value: str, locale: str) -> None:
    root: Path = make_pack({"a.yaml": SCRIPT.format(key=key, value=value)})
    with pytest.raises(ScriptkitError) as caught:
        load_pack(root)
    error = caught.value
    (problem,) = [str(e) for e in (error.errors if isinstance(error, ErrorGroup) else [error])]
    assert problem.startswith(f"{root}/scripts/a.yaml:3:1: unknown key '{key}'"), problem
    assert "warm_language" not in problem
    assert "pack.yaml" in problem and f"locale: {locale}" in problem and "a pack of their own" in problem, problem
