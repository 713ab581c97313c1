"""Spreadsheet CSVs as a support lead's sheet holds them (Excel, Google Sheets): its usual column names,
a title row above the header, empty rows at its end, a Category column beside Tags, mail-merge
placeholders."""

from __future__ import annotations

from pathlib import Path

from scriptkit.importers import import_library


def _sheet(tmp_path: Path, text: str, name: str = "macros.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(("\ufeff" + text).encode("utf-8"))
    return path


SUPPORT_SHEET = (
    "Macro name,Reply,category,Tags\r\n"
    'Late parcel,"Hi {{first_name}},\n\nI\'m sorry your parcel is late. I\'ve asked the carrier to check it '
    'today.",Shipping,"late, vip"\r\n'
    "Refund sent,\"Thanks for waiting. I've refunded the charge, and you'll see it on your card within 5 days.\","
    "Billing / Cards,refund\r\n"
)


def test_a_macro_name_column_is_the_title_and_category_and_tags_are_both_kept(tmp_path: Path) -> None:
    library = import_library(_sheet(tmp_path, SUPPORT_SHEET))
    titles = {m.raw.title: m.raw.tags for m in library.macros}
    assert titles == {"Shipping::Late parcel": ["late", "vip"], "Billing::Cards::Refund sent": ["refund"]}
    assert not any("not read" in note for note in library.notes)


def test_usual_spreadsheet_headers_are_matched_whatever_their_case_and_spaces(tmp_path: Path) -> None:
    sheet = "TEMPLATE NAME;Reply Text\r\nRefund sent;Thanks for waiting: I've refunded the charge today.\r\n"
    (macro,) = import_library(_sheet(tmp_path, sheet)).macros
    assert macro.raw.title == "Refund sent" and macro.raw.body.startswith("Thanks for waiting")


def test_mail_merge_first_name_is_read_as_the_customers_with_a_note(tmp_path: Path) -> None:
    library = import_library(_sheet(tmp_path, SUPPORT_SHEET))
    late = next(m for m in library.macros if "Late" in m.raw.title)
    assert "{{customer.first_name}}" in late.raw.body and "{{first_name}}" not in late.raw.body
    assert not late.blanks
    assert any("{{first_name}}" in note and "customer.first_name" in note for note in late.raw.notes)


def test_a_title_row_above_the_header_is_passed_over_and_said(tmp_path: Path) -> None:
    sheet = "Support macros – Q3,,,\r\n,,,\r\n" + SUPPORT_SHEET
    library = import_library(_sheet(tmp_path, sheet, "q3.csv"))
    assert {m.raw.title for m in library.macros} == {"Shipping::Late parcel", "Billing::Cards::Refund sent"}
    late = next(m for m in library.macros if "Late" in m.raw.title)
    assert late.raw.location.line == 4
    assert any("line 3" in note and "Support macros – Q3" in note for note in library.notes)


NO_TITLE_SHEET = (
    "Snippet,Reply\r\n"
    "late-a,\"Thanks for writing in about your order, I'm sorry it is late. I've chased the carrier today.\"\r\n"
    "late-b,\"Thanks for writing in about your order, I'm sorry it is late. I've refunded the shipping today.\"\r\n"
)


def test_titles_made_up_from_the_body_are_said_once_with_a_ready_map_and_raise_no_duplicate_title(
        tmp_path: Path) -> None:
    from scriptkit.audit import audit_library

    sheet = _sheet(tmp_path, NO_TITLE_SHEET)
    library = import_library(sheet)
    (note,) = [n for n in library.notes if "first words" in n]
    assert "--map 'title=Snippet'" in note or "mapping={'title': 'Snippet'}" in note
    report = audit_library(sheet)
    assert not [d for m in report.macros for d in m.diagnostics if d.code == "SK014"]
    assert sum("first words" in n for n in report.import_notes) == 1
