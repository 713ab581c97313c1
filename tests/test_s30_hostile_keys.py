"""A YAML complex key ('? [a, b]', session 30's bad input) is said as YAML, where it is, not in Python's words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_s15_hostile import BASE_PACK, BASE_SCRIPT, SCRIPT_NAME, assert_contract, invoke


@pytest.mark.parametrize(("key", "said"), [("[a, b]", "a list, [a, b]"), ("[a, [b]]", "a list, [a, [b]]"),
                                           ("{a: 1}", "a mapping, {a: 1}")])
@pytest.mark.parametrize("file", ["scripts/x.yaml", "pack.yaml"])
def test_a_complex_key_is_said_as_yaml(make_pack: Any, key: str, said: str, file: str) -> None:
    pack: Path = make_pack({SCRIPT_NAME: BASE_SCRIPT}, pack_yaml=BASE_PACK)
    head = "name: P\n" if file == "pack.yaml" else "id: a\ntitle: T\n"
    (pack / file).write_text(f"{head}? {key}\n: x\n", encoding="utf-8")
    result = invoke("check", str(pack), "--grammar", "off", "-j", "1")
    assert_contract(result, "check")
    assert result.exit_code == 2
    assert f"{pack}/{file}:{head.count(chr(10)) + 1}:3: error: a key that is {said}" in result.stderr, result.stderr
    assert "('a'" not in result.stderr and "ordereddict" not in result.stderr and "unhashable" not in result.stderr
