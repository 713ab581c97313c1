"""A misspelt blank was told to "Declare it under flexibility: blanks: - name: replacment_date" with the blank
it nearly names last, in brackets: the did-you-mean comes first now, when a declared blank is near."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli


def _check(tmp_path: Path, used: str) -> tuple[int, str]:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "pack.yaml").write_text("name: Shop\nversion: 0.1.0\nlocale: en-US\n", encoding="utf-8")
    (tmp_path / "scripts" / "broken.yaml").write_text(
        "id: broken\ntitle: Arrived broken\nacknowledgment: \"I'm so sorry it arrived broken.\"\n"
        f"solution: \"A new one arrives by {{{{ blank.{used} }}}}.\"\n"
        "flexibility:\n  blanks:\n    - name: replacement_date\n      prompt: The day it arrives\n", encoding="utf-8")
    result = run_cli("check", str(tmp_path), "--grammar", "off")
    return result.exit_code, result.output


def test_a_misspelt_blank_is_asked_about_first(tmp_path: Path) -> None:
    code, output = _check(tmp_path, "replacment_date")
    assert code == 2
    assert (f"{tmp_path / 'scripts' / 'broken.yaml'}:4:42: error: blank 'replacment_date' is used but not declared. "
            "Did you mean {{ blank.replacement_date }}? If it is a new blank, declare it under flexibility: "
            "blanks: - name: replacment_date") in output


def test_a_blank_near_none_is_told_to_declare_it(tmp_path: Path) -> None:
    code, output = _check(tmp_path, "courier")
    assert code == 2
    assert ("blank 'courier' is used but not declared. Declare it under flexibility: blanks: - name: courier\n"
            in output)
