"""Severity('fatal') says what the severities are, as Severity.parse does."""

from __future__ import annotations

import pytest

import scriptkit
from scriptkit import Severity


@pytest.mark.parametrize("value", ["fatal", "Error", 3, None])
def test_a_value_that_is_no_severity_is_a_config_error_naming_them(value: object) -> None:
    with pytest.raises(scriptkit.ConfigError,
                       match=r"Severity\(\) takes a severity.s name, not .*error, warning, suggestion") as caught:
        Severity(value)
    assert isinstance(caught.value, ValueError)  # (as an unknown enum value always was)


def test_each_severity_is_still_made_from_its_value() -> None:
    assert [Severity(s) for s in ("error", "warning", "suggestion")] == list(Severity)
    assert Severity(Severity.ERROR) is Severity.ERROR
