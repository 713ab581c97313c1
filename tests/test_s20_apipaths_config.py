"""load_config with a path the system refuses gives a located ConfigError, not a raw OSError."""

from __future__ import annotations

import pytest

import scriptkit
from scriptkit.errors import ConfigError


@pytest.mark.timeout(60)
def test_load_config_start_too_long_is_located(tmp_path):
    with pytest.raises(ConfigError) as info:
        scriptkit.load_config(start=str(tmp_path / ("a" * 5000)))
    assert info.value.location is not None
    assert "too long" in str(info.value)
    assert info.value.hint
