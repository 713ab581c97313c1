"""A constant named as a placeholder namespace (session 30's bad input) is the one error, located."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_s15_hostile import BASE_PACK, BASE_SCRIPT, SCRIPT_NAME, assert_contract, invoke


@pytest.fixture
def pack(make_pack: Any) -> Path:
    root: Path = make_pack({SCRIPT_NAME: BASE_SCRIPT}, pack_yaml=BASE_PACK)
    return root


def errors_of(*args: str) -> str:
    result = invoke(*args)
    assert_contract(result, args[0])
    assert result.exit_code == 2, result.output
    return result.stderr


def test_a_constant_named_like_a_placeholder_namespace_is_the_one_error(pack: Path) -> None:
    # (the greetings' and a built-in layout's '{{ customer.first_name }}' were blamed too, one as
    # '<default social layout>:1:1', a layout of a channel the pack does not use)
    text = BASE_PACK.replace('  desk_hours: "9am to 5pm"\n', '  desk_hours: "9am to 5pm"\n  customer: override\n')
    (pack / "pack.yaml").write_text(text, encoding="utf-8")
    assert errors_of("check", str(pack), "--grammar", "off", "-j", "1") == (
        f"{pack}/pack.yaml:7:3: error: constant name 'customer' is not allowed. Use letters, digits and '_', "
        "and not a placeholder namespace.\n")
