"""A constant that is no finite number ('.nan', '1e400', session 30's bad input) is refused where it is written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_s15_hostile import BASE_PACK, BASE_SCRIPT, SCRIPT_NAME, assert_contract, invoke


@pytest.mark.parametrize("value", [".nan", "1e400", "-.inf"])
def test_a_constant_that_is_not_a_finite_number_is_refused(make_pack: Any, value: str) -> None:
    # (was accepted, and the customer read 'You have .nan days')
    pack: Path = make_pack({SCRIPT_NAME: BASE_SCRIPT}, pack_yaml=BASE_PACK.replace("return_days: 14",
                                                                                   f"return_days: {value}"))
    result = invoke("check", str(pack), "--grammar", "off", "-j", "1")
    assert_contract(result, "check")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{pack}/pack.yaml:5:16: error: constant 'return_days' is "), result.stderr
