"""record_baseline and compare_baseline take the pack linted, or its folder: a folder that does not exist was
taken, and its findings recorded by paths that hold on no other machine."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import scriptkit

SCRIPT = ("id: late\ntitle: Late parcel\nacknowledgment: I know.\nsolution: Please be advised that it is "
          "sent.\n")


def test_a_pack_folder_that_does_not_exist_is_refused(make_pack: Any, tmp_path: Path) -> None:
    root = make_pack({"late.yaml": SCRIPT})
    result = scriptkit.lint_pack(scriptkit.load_pack(root), grammar="off", jobs=1)
    for call in (lambda: scriptkit.record_baseline(result, tmp_path / "b.json", pack=tmp_path / "nonexist"),
                 lambda: scriptkit.compare_baseline(result, tmp_path / "b.json", pack=tmp_path / "nonexist")):
        with pytest.raises(scriptkit.ConfigError, match="is no folder"):
            call()
    assert not (tmp_path / "b.json").exists()
    assert scriptkit.record_baseline(result, tmp_path / "b.json", pack=root) == len(result.diagnostics) > 0
