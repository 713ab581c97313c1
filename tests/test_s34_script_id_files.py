"""Session 34 (security review): a script id that cannot name a file on every system (a name Windows keeps for
a device, or one too long) is refused at the id."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit import PackError, load_pack
from scriptkit.errors import ErrorGroup, ScriptkitError


def _pack(root: Path, script: str, name: str = "a.yaml") -> Path:
    (root / "pack" / "scripts").mkdir(parents=True)
    (root / "pack" / "pack.yaml").write_text("name: Replies\n", encoding="utf-8")
    (root / "pack" / "scripts" / name).write_text(script, encoding="utf-8")
    return root / "pack"


def _errors(pack: Path) -> list[ScriptkitError]:
    with pytest.raises((PackError, ErrorGroup)) as caught:
        load_pack(pack)
    found = caught.value
    return list(found.errors) if isinstance(found, ErrorGroup) else [found]


_REPLY = ("title: Refund\nacknowledgment: \"I can see the refund is late.\"\n"
          "solution: \"I have sent it again today.\"\n")


@pytest.mark.parametrize("script_id", ["con", "nul", "aux", "com1", "lpt9", "prn", "con.txt", "nul.backup"])
def test_an_id_windows_keeps_for_a_device_is_refused_at_the_id(tmp_path: Path, script_id: str) -> None:
    pack = _pack(tmp_path, f"id: {script_id}\n{_REPLY}")
    [error] = _errors(pack)
    assert error.location is not None and (error.location.line, error.location.col) == (1, 5)
    assert script_id in error.message and "Windows" in error.message
    assert error.hint is not None and f"{script_id.split('.')[0]}-reply" in error.hint


@pytest.mark.parametrize("script_id", ["console", "nullable", "com10", "auxiliary", "my-con"])
def test_ids_that_only_resemble_a_device_name_load(tmp_path: Path, script_id: str) -> None:
    assert load_pack(_pack(tmp_path, f"id: {script_id}\n{_REPLY}")).scripts[0].id == script_id


def test_an_id_too_long_for_a_file_name_is_refused_at_the_id_with_the_limit(tmp_path: Path) -> None:
    pack = _pack(tmp_path, f"title: Refund\nid: {'x' * 300}\nacknowledgment: \"I see.\"\nsolution: \"Sent.\"\n")
    [error] = _errors(pack)
    assert error.location is not None and (error.location.line, error.location.col) == (2, 5)
    assert "300" in error.message and "100" in error.message
    assert load_pack(_pack(tmp_path / "ok", f"id: {'x' * 100}\n{_REPLY}")).scripts[0].id == "x" * 100
