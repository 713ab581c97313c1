"""load_pack() is told a wrong argument in scriptkit's words (a ConfigError), not a TypeError from deep inside."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit import ConfigError, load_pack

STARTER = Path(__file__).resolve().parent.parent / "templates" / "starter"


@pytest.mark.parametrize("given, said", [(5, "not the int 5"), (None, "not None"), (b"pack", "not the bytes b'pack'")])
def test_a_path_is_what_load_pack_takes(given: object, said: str) -> None:
    with pytest.raises(ConfigError, match=f"load_pack\\(\\) takes the pack as a folder's path .*{said}"):
        load_pack(given)  # type: ignore[arg-type]


def test_a_pack_already_loaded_is_said_to_be_one() -> None:
    pack = load_pack(str(STARTER))
    with pytest.raises(ConfigError, match="not a Pack") as raised:
        load_pack(pack)  # type: ignore[arg-type]
    assert raised.value.hint == "It is loaded already: pass it on as it is."
    assert load_pack(STARTER).meta.name == pack.meta.name  # (a Path is a path)
