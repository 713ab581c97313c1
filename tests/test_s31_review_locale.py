"""review --locale (and ``locale`` in scriptkit.toml): free text is judged for the English it is written in, as a
pack's locale judges its scripts (before, a British team's replies always got US advice: "business days",
"apologize")."""

from __future__ import annotations

from pathlib import Path

import pytest

import scriptkit
from scriptkit.config import LintConfig
from tests.conftest import run_cli

_REPLY = "Hi Sam,\n\nI'm sorry for the delay. We will refund you soon.\n\nBest,\nJo\n"


@pytest.fixture
def reply(tmp_path: Path) -> Path:
    path = tmp_path / "reply.txt"
    path.write_text(_REPLY, encoding="utf-8")
    return path


def test_review_with_a_british_locale_advises_in_british_english(reply: Path) -> None:
    us = run_cli("review", str(reply), "--select", "SK404")
    gb = run_cli("review", str(reply), "--select", "SK404", "--locale", "en-GB")
    assert "within 2 business days" in us.output and "working days" not in us.output
    assert "within 2 working days" in gb.output, gb.output


def test_the_settings_locale_is_reviews_default(reply: Path) -> None:
    (reply.parent / "scriptkit.toml").write_text('locale = "en_gb"\n', encoding="utf-8")
    assert "within 2 working days" in run_cli("review", str(reply), "--select", "SK404").output
    result = run_cli("review", str(reply), "--select", "SK404", "--locale", "en-US")  # (the option wins)
    assert "within 2 business days" in result.output


@pytest.mark.parametrize(("given", "hint"), [("uk", "The United Kingdom's is en-GB."), ("fr-XX-1", "en-US, es-ES")])
def test_a_locale_that_is_no_language_code_is_bad_input(reply: Path, given: str, hint: str) -> None:
    # (another language's locale is one now: tests/test_s33_review_locale.py)
    result = run_cli("review", str(reply), "--locale", given)
    assert result.exit_code == 2 and f"locale '{given}' is not a" in result.output and hint in result.output


def test_a_bad_locale_in_the_settings_is_located(reply: Path) -> None:
    (reply.parent / "scriptkit.toml").write_text('select = ["SK4"]\nlocale = "British"\n', encoding="utf-8")
    result = run_cli("review", str(reply))
    assert result.exit_code == 2 and f"{reply.parent / 'scriptkit.toml'}:2:10" in result.output, result.output


def test_a_packs_locale_is_set_at_its_top_not_under_rules(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"a.yaml": "id: a\ntitle: A\nacknowledgment: I'm sorry.\nsolution: I've refunded it today.\n"},
                     pack_yaml="name: Shop\nrules:\n  locale: en-GB\n")
    result = run_cli("check", str(pack), "--grammar", "off")
    assert result.exit_code == 2 and f"{pack / 'pack.yaml'}:3:3" in result.output
    assert "'locale' is set at the top of pack.yaml, not under rules:" in result.output


def test_the_api_takes_a_locale_as_an_override() -> None:
    config = LintConfig().override(locale="en_au")
    assert config.locale == "en-AU" and LintConfig().override(locale="en").locale == "en"
    found = scriptkit.lint_text(_REPLY, config=config.override(select="SK404"))
    assert "working days" in str(found.diagnostics[0].suggestion)
    assert LintConfig().override(locale="de").locale == "de"  # (another language's: SK006's note, as a pack's)
    with pytest.raises(scriptkit.ConfigError, match="not a language code"):
        LintConfig().override(locale="German")


@pytest.mark.parametrize(("given", "read"), [("EN-GB", "en-GB"), ("en_gb", "en-GB"), ("En", "en")])
def test_a_locale_is_read_whatever_its_case(given: str, read: str) -> None:
    assert LintConfig().override(locale=given).locale == read


@pytest.mark.parametrize(("given", "said"), [("en-UK", "the region code of the United Kingdom is GB"),
                                             (5, 'locale should be text such as "en-GB", not the int 5')])
def test_a_locale_written_wrong_says_how(given: object, said: str) -> None:
    with pytest.raises(scriptkit.ConfigError, match=said):
        LintConfig().override(locale=given)  # type: ignore[arg-type]
