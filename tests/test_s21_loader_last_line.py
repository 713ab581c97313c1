"""A list in brackets cut by ' #' on the file's last line is said at the '#', as on any other line."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit import load_pack
from scriptkit.errors import ScriptkitError


def test_a_hash_in_a_list_in_brackets_on_the_last_line(tmp_path: Path) -> None:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "pack.yaml").write_text("name: Forked\n", encoding="utf-8")
    (tmp_path / "scripts" / "box.yaml").write_text(
        "id: box\ntitle: Box\nacknowledgment: I can see how frustrating this is.\n"
        "solution: I've sent a new box today.\ntags: [delivery, box #2]\n", encoding="utf-8")
    with pytest.raises(ScriptkitError) as caught:
        load_pack(tmp_path)
    [error] = str(caught.value).splitlines()
    assert ":5:22:" in error
    assert 'Quote the text: tags: [delivery, "box #2"].' in error
