"""A slot whose value starts with '- ' ('acknowledgment: - Being locked out...') was told only to quote it,
which would send the '- ' to the customer: variants meant go on lines of their own, and the hint shows that first."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_cli

PACK = "name: Shop\nversion: 0.1.0\nlocale: en-US\nconstants:\n  support_hours: 9 to 5\n"
TOP = "id: late\ntitle: Late parcel\n"


def _check(tmp_path: Path, script: str) -> tuple[int, str]:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "scripts" / "late.yaml").write_text(TOP + script, encoding="utf-8")
    result = run_cli("check", str(tmp_path), "--grammar", "off")
    return result.exit_code, result.output


def test_a_slot_whose_value_starts_with_a_dash_is_shown_the_list_of_variants(tmp_path: Path) -> None:
    code, output = _check(tmp_path, "acknowledgment: - Being locked out is stressful.\n"
                                    "  - I know how stressful it is.\nsolution: I'll reset it now.\n")
    assert code == 2
    assert (f"{tmp_path / 'scripts' / 'late.yaml'}:3:17: error: YAML syntax error: this value starts with '-', "
            "which YAML reads as a list item. For variants, write 'acknowledgment:' alone on its line and "
            "each variant on a line of its own under it, indented: '  - Being locked out is stressful.'. "
            "To send the '- ' to the customer too, quote the text: "
            "acknowledgment: \"- Being locked out is stressful.\".") in output


def test_another_value_starting_with_a_dash_is_still_told_to_quote_it(tmp_path: Path) -> None:
    code, output = _check(tmp_path, "acknowledgment: I know a late box is a worry.\nsolution: I'll send it today.\n"
                                    "scenario: - a late box\n")
    assert code == 2 and "Quote the text: scenario: \"- a late box\"." in output and "variants" not in output
