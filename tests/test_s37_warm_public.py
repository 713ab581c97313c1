"""Session 37: scriptkit.warm, which the docs tell a service to call, is in the public API."""

from __future__ import annotations

import scriptkit


def test_warm_is_public() -> None:
    assert "warm" in scriptkit.__all__
    assert scriptkit.warm is scriptkit.linting.warm
