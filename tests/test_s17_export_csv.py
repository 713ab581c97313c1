"""The CSV export for spreadsheets: UTF-8 with a byte order mark (Excel reads it right), every cell a
spreadsheet would run as a formula guarded with a "'" (OWASP, CSV injection), and scriptkit's own
import reads both back so a round trip is lossless."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import yaml
from export_fixtures import write_pack

from scriptkit.exporting import export
from scriptkit.importers import import_library

PACK = """\
name: Guarded
channels:
  email:
    greeting: "'Ello {{ customer.first_name | fallback('there') }},"
  chat:
    greeting: "=1+2 Hi!"
"""

CREDIT = """\
id: credit
title: "@Billing::-5 credit on Café order"
channels: [email, chat]
tags: ["@vip", "'quoted"]
acknowledgment: I know a wrong charge on your statement is worrying, and I’m sorry 🙏
warm_language: Thank you for telling us so quickly.
flexibility:
  guidance: "+ check the ledger first"
solution: I've refunded the £5 charge today, and it will be on your card within 5 days.
"""


def exported(tmp_path: Path) -> Path:
    pack = write_pack(tmp_path / "p", {"credit.yaml": CREDIT}, PACK)
    export(pack, ["csv"], tmp_path / "out", lint=False)
    return tmp_path / "out" / "csv" / "scripts.csv"


def test_csv_starts_with_a_byte_order_mark_and_reads_back(tmp_path: Path) -> None:
    sheet = exported(tmp_path)
    raw = sheet.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfscript_id,")
    assert "Café" in raw.decode("utf-8-sig") and "\ufeff" not in raw.decode("utf-8-sig")
    library = import_library(sheet)
    email = next(m.raw for m in library.macros if "(chat)" not in m.raw.title)
    assert "I’m sorry 🙏" in email.body and "£5" in email.body and "Café" in email.title
    assert email.script_id == "credit"  # (its header read as scriptkit's own: no BOM glued to 'script_id')


def test_formula_cells_are_guarded_with_a_quote(tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(exported(tmp_path).read_text(encoding="utf-8-sig"))))
    email, chat = rows
    assert email["category"] == "'@Billing" and email["name"] == "'-5 credit on Café order"
    assert email["tags"] == "'@vip, 'quoted" and email["guidance"] == "'+ check the ledger first"
    assert chat["text"].startswith("'=1+2 Hi!")
    assert email["text"].startswith("''Ello {{customer.first_name}},")  # (a real "'" keeps its own, after the guard)
    assert email["script_id"] == "credit" and email["fallbacks"] == "customer.first_name=there"
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_import_takes_exactly_the_guard_off(tmp_path: Path) -> None:
    sheet = exported(tmp_path)
    assert "'=1+2 Hi!" in sheet.read_text(encoding="utf-8-sig")  # (guarded in the file...)
    library = import_library(sheet)
    (email,) = (m.raw for m in library.macros)  # (the chat row is the script's chat text, merged into it)
    assert email.title == "@Billing::-5 credit on Café order" and email.more_channels == ["chat"]
    assert email.body.startswith("'Ello {{customer.first_name|fallback:\"there\"}},")
    script = yaml.safe_load((library.write(tmp_path / "pack") / "scripts" / "credit.yaml").read_text(encoding="utf-8"))
    assert script["by_channel"]["chat"]["solution"].startswith("=1+2 Hi!")
    assert email.tags == ["@vip", "'quoted"] and email.guidance == "+ check the ledger first"
    # a sheet that is not scriptkit's export has no guard to take off: its quotes are its text
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("title,body\n'Tis the season,'Tis the season to be patient: your order ships Monday.\n",
                     encoding="utf-8")
    macro = import_library(sheet).macros[0].raw
    assert macro.title == "'Tis the season" and macro.body.startswith("'Tis the season to be patient")


def test_the_guard_covers_each_formula_start_and_comes_off_exactly() -> None:
    from scriptkit.targets.csvfile import guard_cell, unguard_cell

    for start in ("=", "+", "-", "@", "\t", "\r", "\0", "'", "''", "a", " =", ""):
        cell = start + "SUM(A1:A9)"
        guarded = guard_cell(cell)
        assert not guarded.startswith(("=", "+", "-", "@", "\t", "\r", "\0"))
        assert unguard_cell(guarded) == cell
    assert guard_cell("") == "" and guard_cell("Hello") == "Hello"


def test_an_export_made_before_the_guard_keeps_its_quotes(tmp_path: Path) -> None:
    # scriptkit's own columns, written by an earlier version (no guard) or edited by hand: "'Tis" is text
    sheet = exported(tmp_path)
    rows = list(csv.DictReader(io.StringIO(sheet.read_text(encoding="utf-8-sig"))))
    old = tmp_path / "old.csv"
    with old.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerow({**rows[0], "name": "'Tis the season", "category": "Seasonal", "tags": "'quoted"})
    macro = import_library(old).macros[0].raw
    assert macro.title == "Seasonal::'Tis the season" and macro.tags == ["'quoted"]
