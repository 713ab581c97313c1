"""'{% if free_shipping = true %}' was "expected token 'end of statement block', got '='" at the start of the
text, and told to check the braces: the '=' is named where it is, with the comparison written '=='."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli


def _check(tmp_path: Path, tag: str) -> tuple[int, str]:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "pack.yaml").write_text("name: Shop\nversion: 0.1.0\nlocale: en-US\nconstants:\n"
                                        "  free_shipping: true\n  tier: gold\n", encoding="utf-8")
    (tmp_path / "scripts" / "late.yaml").write_text(
        "id: late\ntitle: Late parcel\nacknowledgment: \"I know a late parcel is a worry.\"\n"
        f"solution: \"We'll send a new one today.{tag} Shipping is free.{{% endif %}}\"\n", encoding="utf-8")
    result = run_cli("check", str(tmp_path), "--grammar", "off")
    return result.exit_code, result.output


@pytest.mark.parametrize(("tag", "instead"), [
    ("{% if free_shipping = true %}", "{% if free_shipping == true %} (or just {% if free_shipping %})"),
    ("{% if free_shipping=false %}", "{% if free_shipping == false %} (or just {% if not free_shipping %})"),
    ("{% if tier = 'gold' %}", "{% if tier == 'gold' %}"),
])
def test_a_single_equals_in_a_condition_is_named_where_it_is(tmp_path: Path, tag: str, instead: str) -> None:
    code, output = _check(tmp_path, tag)
    column = len("solution: \"We'll send a new one today.") + tag.index("=") + 1
    assert code == 2
    assert (f"{tmp_path / 'scripts' / 'late.yaml'}:4:{column}: error: template syntax error in solution: "
            f"'=' sets a value, it does not compare. Use == to compare: {instead}.") in output


def test_a_comparison_written_right_still_works(tmp_path: Path) -> None:
    code, output = _check(tmp_path, "{% if tier == 'gold' and free_shipping != false %}")
    assert code != 2 and "error" not in output, output


def test_constants_read_through_constants_brackets_say_their_own_name(make_pack) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import run_cli

    pack = make_pack({"a.yaml": "id: a\ntitle: A\nacknowledgment: I'm sorry.\n"
                                "solution: \"I'll refund you within {{ constants['refund_days'] }} days.\"\n"},
                     pack_yaml="name: T\nconstants:\n  status_page: status.example.com\n  refund_days: 30\n")
    result = run_cli("check", str(pack), "--grammar", "off")
    assert result.exit_code == 2
    assert "Constants are used by their own name, not through 'constants': write {{ refund_days }}." in result.output


def test_set_with_two_equals_says_set_takes_one(make_pack) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import run_cli

    pack = make_pack({"a.yaml": "id: a\ntitle: A\nacknowledgment: I'm sorry.\n"
                                "solution: \"{% set tier == 'gold' %}I've refunded it today.\"\n"})
    result = run_cli("check", str(pack), "--grammar", "off")
    assert result.exit_code == 2 and "a.yaml:4:24" in result.output
    assert "'==' compares, it does not set a value. Use = to set it: {% set tier = 'gold' %}." in result.output
