"""A placeholder written with '_' where its '.' goes, '{{ customer_email }}', was asked "Did you mean
'customer'?" (and '{{ order_number }}' got no suggestion at all): the placeholder itself is named now."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli


def _check(tmp_path: Path, written: str) -> tuple[int, str]:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "pack.yaml").write_text("name: Shop\nversion: 0.1.0\nlocale: en-US\n", encoding="utf-8")
    (tmp_path / "scripts" / "late.yaml").write_text(
        "id: late\ntitle: Late parcel\nacknowledgment: \"I know a late parcel is a worry.\"\n"
        f"solution: \"I'll write to {written} by {{{{ blank.day }}}}.\"\n"
        "flexibility:\n  blanks:\n    - name: day\n      prompt: The day it arrives\n", encoding="utf-8")
    result = run_cli("check", str(tmp_path), "--grammar", "off")
    return result.exit_code, result.output


@pytest.mark.parametrize(("written", "meant"), [
    ("customer_email", "customer.email"),
    ("order_number", "order.number"),
    ("customer_first_name", "customer.first_name"),
    ("blank_day", "blank.day"),
])
def test_a_namespace_and_field_joined_by_an_underscore_are_named_as_written_with_a_dot(
        tmp_path: Path, written: str, meant: str) -> None:
    code, output = _check(tmp_path, f"{{{{ {written} }}}}")
    assert code == 2
    assert (f"{tmp_path / 'scripts' / 'late.yaml'}:4:29: error: undefined name '{written}'. "
            f"Did you mean {{{{ {meant} }}}}? Placeholders and blanks are written namespace.field.") in output


def test_a_misspelt_namespace_keeps_its_suggestion(tmp_path: Path) -> None:
    code, output = _check(tmp_path, "{{ custmer.first_name }}")
    assert code == 2 and "undefined name 'custmer'. Did you mean 'customer'?" in output
