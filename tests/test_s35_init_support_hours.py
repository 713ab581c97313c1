"""`init --locale de-DE` translated the greetings but left the constant support_hours as "8am to 6pm, Monday to
Friday", which a translated script then sent ("Llámanos 8am to 6pm, Monday to Friday") with check all clear. It is
written in German, French and Spanish now, and for another language marked so that check reports it in a reply."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.loading import load_pack

ITALIAN = ("id: taglia\ntitle: Cambio taglia\nchannels: [email]\n"
           "acknowledgment: Mi dispiace molto che la taglia non vada bene, capisco il fastidio.\n"
           "solution: Oggi stesso ti spedisco il nuovo paio. Se preferisci parlarne, chiamaci {{ support_hours }}.\n")


def _init(tmp_path: Path, *args: str) -> tuple[Path, Any]:
    root = tmp_path / "pack"
    return root, CliRunner().invoke(main, ["init", str(root), *args])


@pytest.mark.parametrize(("locale", "hours"), [
    ("de-DE", "Montag bis Freitag, 8 bis 18 Uhr"),
    ("de-AT", "Montag bis Freitag, 8 bis 18 Uhr"),
    ("fr-FR", "du lundi au vendredi, de 8\u00a0h à 18\u00a0h"),
    ("es-ES", "de lunes a viernes, de 8:00 a 18:00"),
])
def test_support_hours_are_written_in_the_packs_language(tmp_path: Path, locale: str, hours: str) -> None:
    root, result = _init(tmp_path, "--locale", locale)
    assert result.exit_code == 0, result.output
    assert load_pack(root).meta.constants["support_hours"] == hours
    assert "support_hours" in result.output


def test_in_another_language_support_hours_are_marked_and_check_reports_them_in_a_reply(tmp_path: Path) -> None:
    root, result = _init(tmp_path, "--locale", "it-IT")
    assert result.exit_code == 0, result.output
    assert "support_hours" in result.output and "Italian" in result.output
    (root / "scripts" / "order-arrived-damaged.yaml").unlink()
    (root / "scripts" / "taglia.yaml").write_text(ITALIAN, encoding="utf-8")
    out = CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--format", "json"])
    lines = (root / "pack.yaml").read_text(encoding="utf-8").splitlines()
    found = [d for d in json.loads(out.output)["diagnostics"] if d["code"] == "SK407"]
    assert found and all(lines[d["line"] - 1].lstrip().startswith("support_hours:") for d in found), found


def test_an_english_pack_keeps_its_support_hours(tmp_path: Path) -> None:
    root, result = _init(tmp_path, "--locale", "en-GB")
    assert result.exit_code == 0, result.output
    assert load_pack(root).meta.constants["support_hours"] == "8am to 6pm, Monday to Friday"
    assert "support_hours" not in result.output
