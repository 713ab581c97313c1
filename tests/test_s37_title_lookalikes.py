"""Titles an agent reads as one ('Café' composed, 'Cafe' and a combining accent, 'CAFÉ') were no duplicate to
SK014 nor the export's SK507, which compared them character by character."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli

_REPLY = ("acknowledgment: I'm so sorry your coffee order hasn't arrived yet.\n"
          "solution: I've chased it with our courier today, and I'll email you by Friday.\n")


@pytest.mark.parametrize("other", ["Cafe\u0301 order late", "CAFÉ ORDER LATE", "café  order late"])
def test_titles_apart_only_in_accents_stored_or_case_are_one_title(make_pack, tmp_path, other: str) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"a.yaml": "id: a\ntitle: Café order late\n" + _REPLY,
                      "b.yaml": f"id: b\ntitle: {other}\n" + _REPLY.replace("Friday", "Monday")})
    checked = run_cli("check", str(pack), "--grammar", "off", "--select", "SK014")
    assert checked.exit_code == 1, checked.output
    assert "script 'b' has the title of 'a'" in checked.output
    assert other in checked.output and "Café order late" in checked.output  # (both, as written)
    exported = run_cli("export", str(pack), "--to", "zendesk", "-o", str(tmp_path / "out"), "--grammar", "off")
    assert exported.exit_code == 1 and "SK507" in exported.output, exported.output
    assert other.split()[0] in exported.output and "Café order late" in exported.output


def test_titles_apart_by_a_letter_are_still_apart(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"a.yaml": "id: a\ntitle: Café order late\n" + _REPLY,
                      "b.yaml": "id: b\ntitle: Cafés order late\n" + _REPLY.replace("Friday", "Monday")})
    assert run_cli("check", str(pack), "--grammar", "off", "--select", "SK014").exit_code == 0


def test_import_names_the_other_macro_whose_title_differs_only_in_case(tmp_path) -> None:  # type: ignore[no-untyped-def]
    library = tmp_path / "library.md"
    library.write_text("## Café order late\n\nSorry it is late. I've asked the courier to trace it today.\n\n"
                       "## CAFÉ ORDER LATE\n\nSorry it is late. Your order ships again tomorrow.\n", encoding="utf-8")
    out = tmp_path / "pack"
    assert run_cli("import", str(library), "-o", str(out)).exit_code == 0
    written = "".join(p.read_text(encoding="utf-8") for p in sorted((out / "scripts").iterdir()))
    assert "another item has the title 'CAFÉ ORDER LATE' too" in written
