"""SK016 garbled-text: UTF-8 text read as Windows-1252 ("itâ€™s", "cafÃ©", twice over "IÃ¢â‚¬â„¢m") and
U+FFFD are found at the garbled characters, with the repaired text as the suggestion and a safe --fix
where the repair is exact; real French, Portuguese and German words are left alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scriptkit import lint_text
from scriptkit.cli import main

ACK = "I can see how frustrating the wait has been. "


def found(text: str) -> list[Any]:
    return [d for d in lint_text(ACK + text, config=None).diagnostics if d.code == "SK016"]


def repair(hit: Any) -> str | None:
    return None if hit.fix is None or not hit.fix.safe else "".join(e.replacement for e in hit.fix.edits)


def test_text_decoded_twice_is_found_at_the_garbled_characters_with_the_repair() -> None:
    hits = found("Iâ€™ll chase the courier today, and our cafÃ© team emails you by Friday.")
    assert len(hits) == 2
    assert hits[0].text == "â€™" and "’" in (hits[0].suggestion or "")
    assert repair(hits[0]) == "’" and hits[1].text == "Ã©" and repair(hits[1]) == "é"
    assert hits[0].location.col < hits[1].location.col


def test_double_garbling_is_repaired_in_one_step() -> None:
    hits = found("IÃ¢â‚¬â„¢ll chase the courier today and email you by Friday.")
    assert len(hits) == 1 and repair(hits[0]) == "’"


def test_a_stray_a_circumflex_before_a_space_is_found_without_a_guess() -> None:
    hits = found("I'm sorry it is late.Â I'll chase the courier today and email you by Friday.")
    assert len(hits) == 1 and hits[0].fix is None


def test_a_replacement_character_is_found_and_not_fixed() -> None:
    hits = found("I\ufffdll chase the courier today and email you by Friday.")
    assert len(hits) == 1 and hits[0].fix is None and "U+FFFD" in hits[0].message


def test_real_words_with_accents_are_left_alone() -> None:
    for text in ("L'Âge d'or café ouvre à 9h, merci «\u00a0CAFÉ\u00a0» et «ÉTÉ».",
                 "SÃO PAULO e NÃO são cidades; a irmã disse “NÃO”.",
                 "Grüße aus Köln: Straße, Übergröße, ÄRGER, naïve, Zoë, 5\u00a0°C, © 2024, Ñandú.",
                 "I'll chase the courier — it’s “today”, and you’ll get 10% off… Ça va?"):
        assert found(text) == [], text


def test_fix_writes_the_repaired_text_into_the_file(make_pack: Any) -> None:
    script = ("id: r\ntitle: R\nacknowledgment: I can see how frustrating this is.\n"
              "solution: Iâ€™ll chase the courier and our cafÃ© team emails you by Friday.Â\u00a0Thanks!\n")
    root = make_pack({"r.yaml": script})
    result = CliRunner().invoke(main, ["check", str(root), "--fix", "--grammar", "off"], env={"NO_COLOR": "1"})
    assert "Traceback" not in result.output
    fixed = (Path(root) / "scripts" / "r.yaml").read_text(encoding="utf-8")
    assert "solution: I’ll chase the courier and our café team emails you by Friday.\u00a0Thanks!\n" in fixed


def test_an_imported_csv_with_garbled_bodies_is_reported(tmp_path: Path) -> None:
    csv = tmp_path / "macros.csv"
    csv.write_text("title,body\nLate,IÃ¢â‚¬â„¢ll chase the courier and email you by 5pm today.\n", encoding="utf-8")
    out = tmp_path / "pack"
    runner = CliRunner()
    assert runner.invoke(main, ["import", str(csv), "-o", str(out)]).exit_code == 0
    result = runner.invoke(main, ["check", str(out), "--grammar", "off"], env={"NO_COLOR": "1"})
    assert "SK016" in result.output and "garbled" in result.output


def test_the_audit_counts_the_macros_with_garbled_text(tmp_path: Path) -> None:
    csv = tmp_path / "macros.csv"
    csv.write_text("title,body\nLate,Iâ€™ll chase the courier and email you by 5pm today.\n"
                   "Cafe,Our cafÃ© team will call you by Friday.\nFine,I'll call you by Friday.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["audit", str(csv)], env={"NO_COLOR": "1"})
    assert "Garbled text (SK016) in 2 macro(s)" in result.output
