"""Lists nested past the limit are refused where they pass it whichever YAML reader reads the file: the fast
reader, which since session 24 also reads an empty item ('- '), built 400 levels with no limit and the script
was refused only for its title's type."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_s15_hostile import BASE_PACK, BASE_SCRIPT, SCRIPT_NAME, assert_contract, invoke

from scriptkit.loading import MAX_NESTING


@pytest.fixture
def pack(make_pack: Any) -> Path:
    root: Path = make_pack({SCRIPT_NAME: BASE_SCRIPT}, pack_yaml=BASE_PACK)
    return root


@pytest.mark.parametrize("last", ["", "a", "'quoted'"])
def test_deep_block_lists_are_refused_at_the_level_past_the_limit(pack: Path, last: str) -> None:
    nested = "".join(f"{'  ' * level}- {last if level == 399 else ''}\n" for level in range(1, 400))
    (pack / "scripts" / "deep.yaml").write_text(f"id: deep\ntitle:\n{nested}", encoding="utf-8")
    result = invoke("render", str(pack))
    assert_contract(result, "render")
    assert result.exit_code == 2, result.output
    assert (f"{pack}/scripts/deep.yaml:{2 + MAX_NESTING}:{2 * MAX_NESTING + 1}: error: lists or mappings are "
            f"nested more than {MAX_NESTING} deep.") in result.stderr


def test_nesting_under_the_limit_still_loads_as_written(pack: Path) -> None:
    nested = "".join(f"{'  ' * level}- {'a' if level == 60 else ''}\n" for level in range(1, 61))
    (pack / "scripts" / "deep.yaml").write_text(f"id: deep\ntitle:\n{nested}", encoding="utf-8")
    result = invoke("render", str(pack))
    assert result.exit_code == 2, result.output
    assert f"{pack}/scripts/deep.yaml:3:3: error: 'title' must be text, not a list" in result.stderr
