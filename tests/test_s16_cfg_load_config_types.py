"""``load_config`` given the wrong type is a ConfigError saying what it takes (docs/python: an
argument of the wrong type is a ConfigError), not an AttributeError or TypeError from inside."""

from __future__ import annotations

import pytest

from scriptkit.config import load_config
from scriptkit.errors import ConfigError


def test_a_folder_name_for_the_pack_says_to_load_it_first() -> None:
    with pytest.raises(ConfigError) as caught:
        load_config("my-pack")  # type: ignore[arg-type]
    assert caught.value.message == "load_config() takes the pack as a Pack or None, not the str 'my-pack'"
    assert caught.value.hint is not None and "scriptkit.load_pack('my-pack')" in caught.value.hint


def test_a_number_for_the_pack_is_refused() -> None:
    with pytest.raises(ConfigError, match=r"takes the pack as a Pack or None, not the int 5"):
        load_config(5)  # type: ignore[arg-type]


def test_a_number_for_start_is_refused() -> None:
    with pytest.raises(ConfigError, match=r"takes start as a folder's path or None, not the int 5"):
        load_config(None, 5)  # type: ignore[arg-type]
