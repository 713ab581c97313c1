"""Settings nested deeper than Python's stack (session 30's bad input) are refused where they nest, not a bug."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_s15_hostile import BASE_PACK, BASE_SCRIPT, SCRIPT_NAME, assert_contract, invoke

DEEP = "[tool.x]\nname = 1\na = " + "[" * 1000 + "]" * 1000 + "\n"


@pytest.mark.parametrize(("file", "text"), [("pyproject.toml", DEEP),
                                            ("scriptkit.toml", DEEP.replace("[tool.x]\n", ""))])
def test_toml_nested_too_deeply_is_located(make_pack: Any, file: str, text: str) -> None:
    pack: Path = make_pack({SCRIPT_NAME: BASE_SCRIPT}, pack_yaml=BASE_PACK)
    (pack / file).write_text(text, encoding="utf-8")
    result = invoke("check", str(pack), "--grammar", "off", "-j", "1")
    assert_contract(result, "check")
    assert result.exit_code == 2
    line = text.count("\n", 0, text.index("a = ")) + 1
    assert result.stderr.startswith(f"{pack}/{file}:{line}:") and "nested too deeply" in result.stderr, result.stderr
