"""A bad value in scriptkit.toml is located at the value, as one in pack.yaml is (it was at the line's start)."""

from __future__ import annotations

from pathlib import Path

import pytest

import scriptkit


@pytest.mark.parametrize(("written", "where"), [('fail-on = "warnings"\n', "1:11"),
                                                ('select = ["SK2"]\nfail-on   =  "warnings"\n', "2:14")])
def test_a_bad_value_is_located_at_itself(tmp_path: Path, written: str, where: str) -> None:
    (tmp_path / "scriptkit.toml").write_text(written, encoding="utf-8")
    with pytest.raises(scriptkit.ConfigError) as raised:
        scriptkit.load_config(start=tmp_path)
    assert str(raised.value.location) == f"{tmp_path / 'scriptkit.toml'}:{where}"
    assert "'warnings' is not a severity" in str(raised.value)
