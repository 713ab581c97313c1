"""A right-to-left override (U+202E) or another direction control in a script's title reorders the name agents pick
the reply by ('Refund \\u202eetaL' shows as 'Refund Late'): SK012 told them in the reply's text only."""

from __future__ import annotations

import pytest

from tests.conftest import run_cli

_REPLY = ("acknowledgment: I'm so sorry your refund hasn't arrived yet.\n"
          "solution: I've chased it with our payments team today, and I'll email you by Friday.\n")


@pytest.mark.parametrize("control", ["\u202e", "\u202a", "\u2066", "\u2069"])
def test_a_direction_control_in_a_title_is_found_at_the_title(make_pack, control: str) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"a.yaml": f"id: a\ntitle: \"Refund {control}late\"\n" + _REPLY})
    checked = run_cli("check", str(pack), "--grammar", "off", "--select", "SK012")
    assert checked.exit_code == 1, checked.output
    assert "a.yaml\n  2:8" in checked.output
    assert f"U+{ord(control):04X}" in checked.output and "title" in checked.output


def test_a_direction_control_written_raw_in_an_imported_title_is_found(tmp_path) -> None:  # type: ignore[no-untyped-def]
    library = tmp_path / "library.md"
    library.write_text("## Refund \u202eetal\n\nSorry it is late. I've asked our payments team to trace it today.\n",
                       encoding="utf-8")
    out = tmp_path / "pack"
    assert run_cli("import", str(library), "-o", str(out)).exit_code == 0
    checked = run_cli("check", str(out), "--grammar", "off", "--select", "SK012")
    assert checked.exit_code == 1 and "U+202E" in checked.output, checked.output


def test_a_right_to_left_titles_own_marks_are_left_alone(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"a.yaml": "id: a\ntitle: \"החזר כספי \u2067(2)\u2069\"\n" + _REPLY})
    assert run_cli("check", str(pack), "--grammar", "off", "--select", "SK012").exit_code == 0
    plain = make_pack({"a.yaml": "id: a\ntitle: Refund late\n" + _REPLY})
    assert run_cli("check", str(plain), "--grammar", "off", "--select", "SK012").exit_code == 0
