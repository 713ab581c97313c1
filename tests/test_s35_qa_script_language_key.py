"""A script's 'language:' key naming the pack's own locale was told to move to 'a pack of their own with locale:
en-US', which it is already in; it is now told the key is not needed. 'languages:' is read as 'language:' is (it
was asked "Did you mean 'warm_language'?")."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit import ErrorGroup, ScriptkitError, load_pack

SCRIPT = ('id: a\ntitle: T\n{key}: {value}\nacknowledgment: "Sorry for the wait."\n'
          'solution: "Your new card ships today."\n')


def _problem(root: Path) -> str:
    with pytest.raises(ScriptkitError) as caught:
        load_pack(root)
    error = caught.value
    (problem,) = [str(e) for e in (error.errors if isinstance(error, ErrorGroup) else [error])]
    return problem


@pytest.mark.parametrize(("pack_locale", "value"), [("en-US", "en-US"), ("en-US", "en_us"), ("en-GB", "en"),
                                                    ("es-ES", "es-ES"), (None, "en-US")])
def test_the_packs_own_locale_is_told_the_key_is_not_needed(  # type: ignore[no-untyped-def]
        make_pack, pack_locale: str | None, value: str) -> None:
    pack_yaml = "name: Test pack\n" + (f"locale: {pack_locale}\n" if pack_locale else "")
    problem = _problem(make_pack({"a.yaml": SCRIPT.format(key="language", value=value)}, pack_yaml))
    assert ":3:1: unknown key 'language'" in problem, problem
    assert "a pack of their own" not in problem, problem
    assert f"locale is already {pack_locale or 'en-US'}" in problem and "Delete this line" in problem, problem


def test_another_locale_is_still_told_to_go_to_a_pack_of_its_own(make_pack) -> None:  # type: ignore[no-untyped-def]
    problem = _problem(make_pack({"a.yaml": SCRIPT.format(key="language", value="en-GB")}, "name: P\nlocale: en-US\n"))
    assert "a pack of their own" in problem and "locale: en-GB" in problem, problem


@pytest.mark.parametrize(("value", "locale"), [("[es]", "es-ES"), ("[fr-FR, de]", "fr-FR")])
def test_a_languages_key_is_read_as_a_language_key(make_pack, value: str,  # type: ignore[no-untyped-def]
                                                   locale: str) -> None:
    problem = _problem(make_pack({"a.yaml": SCRIPT.format(key="languages", value=value)}))
    assert ":3:1: unknown key 'languages'" in problem, problem
    assert "warm_language" not in problem and "has no language of its own" in problem, problem
    assert f"locale: {locale}" in problem, problem
