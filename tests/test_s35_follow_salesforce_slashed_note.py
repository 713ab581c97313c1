"""A Salesforce Quick Text whose Name starts with its Category and ' / ' (as scriptkit's export writes a script's
categories) is read as categories, and, as every other import now says, the script's notes say so, with how to
keep it as one title; a Name that does not start so is kept as written, with no such note."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main

HEADER = "Name,Message,Category,Channel,FolderId\n"
BODY = "Hi there, I'm sorry the size was wrong. I sent the new pair today."


def _imported(tmp_path: Path, rows: str) -> str:
    sheet = tmp_path / "quick_text.csv"
    sheet.write_text(HEADER + rows, encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(sheet), "--from", "salesforce", "-o", str(tmp_path / "pack")],
                                env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return " ".join("".join(p.read_text(encoding="utf-8") for p in (tmp_path / "pack").rglob("*.yaml")).split())


def test_a_name_led_by_its_category_is_read_as_categories_with_a_note(tmp_path: Path) -> None:
    text = _imported(tmp_path, f'Returns / Size swap,"{BODY}",Returns,Email,00l1\n')
    assert "title: Returns::Size swap" in text
    assert "its title, 'Returns / Size swap', is read as categories, 'Returns::Size swap'" in text
    assert "make 'Returns / Size swap' the script's title" in text


def test_another_name_with_a_slash_is_one_title_with_no_note(tmp_path: Path) -> None:
    text = _imported(tmp_path, f'Returns / Exchanges,"{BODY}",Billing,Email,00l1\n')
    assert "title: Returns / Exchanges" in text and "read as categories" not in text
