"""Paths the system refuses give a located ScriptkitError, not a raw OSError."""

from __future__ import annotations

import pytest

import scriptkit
from scriptkit.errors import ConfigError, ImportFormatError


@pytest.mark.timeout(60)
def test_import_library_name_too_long_is_located(tmp_path):
    with pytest.raises(ImportFormatError) as info:
        scriptkit.import_library(str(tmp_path / ("a" * 5000)))
    assert info.value.location is not None
    assert "too long" in str(info.value)
    assert info.value.hint


@pytest.mark.timeout(60)
def test_template_dir_name_too_long_is_config_error():
    with pytest.raises(ConfigError) as info:
        scriptkit.template_dir("a" * 5000)
    assert "no built-in template" in str(info.value)
    assert len(str(info.value)) < 400
