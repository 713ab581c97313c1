"""A file that cannot be written (session 30's bad input) is named as the user gave it, not by its temporary twin."""

from __future__ import annotations

import errno
import tempfile
from pathlib import Path
from typing import Any

import pytest
from test_s15_hostile import BASE_PACK, BASE_SCRIPT, SCRIPT_NAME, assert_contract, invoke


def test_a_baseline_in_a_folder_that_takes_no_new_file_is_named(make_pack: Any, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    pack: Path = make_pack({SCRIPT_NAME: BASE_SCRIPT}, pack_yaml=BASE_PACK)
    target = tmp_path / "rodir" / "b.json"
    target.parent.mkdir()

    def refused(prefix: str, suffix: str, dir: str) -> tuple[int, str]:  # (as an immutable folder refuses root)
        raise PermissionError(errno.EPERM, "Operation not permitted", f"{dir}/{prefix}0e0bzp8t{suffix}")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    result = invoke("check", str(pack), "--grammar", "off", "-j", "1", "--write-baseline", str(target))
    assert_contract(result, "check")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{target}: error: Operation not permitted"), result.stderr
    assert ".tmp" not in result.stderr and not target.exists()
