"""CSV import: the columns it does not read are named once, in pack.yaml's header, not in the first script's file."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.importers import import_libraries, import_library
from scriptkit.loading import load_pack

SHEET = ("title,body,Owner,Last edited\n"
         'Damaged item,"I\'m sorry the mug arrived broken. I\'ll send a new one today.",Ines,2026-10-03\n'
         'Address change,"I\'ve updated the address on your order, so it goes to the new flat.",Ines,2026-10-04\n')
UNREAD = "'Owner', 'Last edited' are not read"


def _scripts(pack: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted((pack / "scripts").glob("*.yaml")))


def test_the_columns_not_read_are_in_the_pack_header_once_and_in_no_script(tmp_path: Path) -> None:
    sheet = tmp_path / "replies.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    out = tmp_path / "pack"
    run = CliRunner().invoke(main, ["import", str(sheet), "-o", str(out)])
    assert run.exit_code == 0, run.output
    header = (out / "pack.yaml").read_text(encoding="utf-8")
    assert header.count(UNREAD) == 1
    note = next(line for line in header.splitlines() if UNREAD in line)
    assert note.startswith("# Note: replies.csv's column(s) 'Owner', 'Last edited' are not read, for any row")
    assert "are not read" not in _scripts(out)  # (it is about the file, not about the first macro)
    assert run.output.count(UNREAD) == 1  # (the summary still says it, once, and names no macro for it)
    assert "damaged-item: " not in run.output
    assert len(load_pack(out).scripts) == 2  # (the comment keeps pack.yaml a pack)


def test_the_api_lists_the_note_on_the_library_not_on_a_macro(tmp_path: Path) -> None:
    sheet = tmp_path / "replies.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    library = import_library(sheet)
    assert [n for n in library.notes if UNREAD in n] == library.notes and len(library.notes) == 1
    assert not any("are not read" in n for m in library.macros for n in m.notes + m.about)
    assert not library.problems and not library.skipped and len(library.macros) == 2
    pack = library.write(tmp_path / "pack")
    assert (pack / "pack.yaml").read_text(encoding="utf-8").count(UNREAD) == 1


def test_each_file_of_several_names_its_own_columns(tmp_path: Path) -> None:
    first, second = tmp_path / "billing.csv", tmp_path / "shipping.csv"
    first.write_text(SHEET, encoding="utf-8")
    second.write_text(SHEET.replace("Owner,", "Team,").replace("Ines,", "Ops,").replace("Damaged item", "Broken")
                      .replace("Address change", "New address"), encoding="utf-8")
    library = import_libraries([first, second])
    pack = library.write(tmp_path / "pack")
    header = (pack / "pack.yaml").read_text(encoding="utf-8")
    assert "# Note: billing.csv's column(s) 'Owner', 'Last edited' are not read" in header
    assert "# Note: shipping.csv's column(s) 'Team', 'Last edited' are not read" in header
    assert "are not read" not in _scripts(pack)


def test_a_quick_text_sheet_read_as_salesforce_keeps_the_note(tmp_path: Path) -> None:
    sheet = tmp_path / "quicktext.csv"
    sheet.write_text("Name,Message,FolderId,IsInsertable,OwnerId\n"
                     'Late order,"I\'m sorry it is late. I\'ll chase the courier today.",00l1,true,005A\n',
                     encoding="utf-8")
    out = tmp_path / "pack"
    run = CliRunner().invoke(main, ["import", str(sheet), "--from", "salesforce", "-o", str(out)])
    assert run.exit_code == 0, run.output
    assert "'OwnerId' are not read" in (out / "pack.yaml").read_text(encoding="utf-8")
    assert "are not read" not in _scripts(out)
    assert "unreadable" not in run.output  # (a note on the file is no problem of an item)
