"""`init --locale` wrote whatever it was given: 'zz-ZZ' (and told the writer to "write them in zz"), 'xx', 'tlh',
'EN', 'en_us'; 'Deutsch', 'français' and 'español' were refused with no suggestion; a de-CH pack got the German
spelling 'Viele Grüße'; and for pt-BR init said check reports the English greetings, which it does only once the
replies are in Portuguese. Each is refused with the code meant, Swiss German is spelt so, and the message is true."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.loading import load_pack

ITALIAN = ("id: taglia\ntitle: Cambio di taglia\nchannels: [email, chat]\n"
           "acknowledgment: Mi dispiace davvero che la taglia non vada bene, capisco il fastidio.\n"
           "solution: Oggi stesso ti spedisco il nuovo paio e ti mando il codice di tracciamento.\n")


def _init(tmp_path: Path, *args: str) -> tuple[Path, Any]:
    root = tmp_path / "pack"
    return root, CliRunner().invoke(main, ["init", str(root), *args])


@pytest.mark.parametrize(("locale", "meant"), [
    ("zz-ZZ", None), ("xx", None), ("tlh", None), ("de-ZZ", "de-DE"), ("en-UK", "en-GB"), ("jp-JP", "ja-JP"),
    ("EN", "en-US"), ("en_us", "en-US"), ("pt_BR", "pt-BR"), ("DE-de", "de-DE"),
    ("Deutsch", "de-DE"), ("français", "fr-FR"), ("español", "es-ES"), ("German", "de-DE"),
])
def test_a_locale_that_is_no_language_code_is_refused_with_the_one_meant(tmp_path: Path, locale: str,
                                                                         meant: str | None) -> None:
    root, result = _init(tmp_path, "--locale", locale)
    assert result.exit_code == 2 and "Traceback" not in result.output, result.output
    assert "--locale" in result.output and not root.exists()
    if meant is not None:
        assert f"Did you mean {meant}?" in result.output, result.output
    else:
        assert "Did you mean" not in result.output, result.output


@pytest.mark.parametrize("locale", ["de-DE", "pt-BR", "zh-Hant-TW", "sv-SE", "fr", "es-419"])
def test_a_language_code_as_written_is_taken(tmp_path: Path, locale: str) -> None:
    root, result = _init(tmp_path, "--locale", locale)
    assert result.exit_code == 0, result.output
    assert load_pack(root).meta.locale == locale


def test_a_language_with_no_name_in_scriptkit_is_named_by_its_code(tmp_path: Path) -> None:
    _, result = _init(tmp_path, "--locale", "sv-SE")
    assert result.exit_code == 0, result.output
    assert "in sv " not in result.output and "in sv\n" not in result.output and "sv-SE" in result.output


@pytest.mark.parametrize("locale", ["de-CH", "de-LI"])
def test_swiss_german_is_spelt_without_sharp_s(tmp_path: Path, locale: str) -> None:
    root, result = _init(tmp_path, "--locale", locale)
    assert result.exit_code == 0, result.output
    text = (root / "pack.yaml").read_text(encoding="utf-8")
    assert "Viele Grüsse" in text and "ß" not in text


def test_what_init_says_about_check_is_what_check_does(tmp_path: Path) -> None:
    # (Italian: a language init has no greetings for; Portuguese, which this test used, has them since session 38)
    root, result = _init(tmp_path, "--locale", "it-IT")
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "once the replies are in Italian" in said, said

    def sk015() -> list[dict[str, Any]]:
        out = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--format", "json"])
        return [d for d in json.loads(out.output)["diagnostics"] if d["code"] == "SK015"]

    assert sk015() == []  # (the example's replies are English still)
    for example in (root / "scripts").iterdir():
        example.unlink()
    (root / "scripts" / "taglia.yaml").write_text(ITALIAN, encoding="utf-8")
    assert sk015()
