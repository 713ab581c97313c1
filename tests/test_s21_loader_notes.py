"""A '#' the writer meant as a note stays a note; inside a '|' text a '#' is text (code review of 030cfed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scriptkit import load_pack
from scriptkit.errors import ScriptkitError

HEAD = "id: a\ntitle: Orders damaged\nacknowledgment: I can see how frustrating this is.\n"


def _pack(root: Path, script: str) -> Path:
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text("name: C\n", encoding="utf-8")
    (root / "scripts" / "a.yaml").write_text(script, encoding="utf-8")
    return root


def test_a_note_after_a_finished_sentence_is_a_note(tmp_path: Path) -> None:
    root = _pack(tmp_path, HEAD + "warm_language: Thank you for the photos, and I'm sorry. # check with Sam\n"
                 "solution: I have sent a new box today.\n")
    assert load_pack(root).scripts[0].warm_language == "Thank you for the photos, and I'm sorry."


@pytest.mark.parametrize("script", [
    HEAD + "warm_language: |\n    Thank you for sending box #2.\n  and more\nsolution: I have sent a new box today.\n",
    HEAD + "emotion: disappointed\n# the emotion\n sad\nsolution: I have sent a new box today.\n"])
def test_a_misindented_line_is_said_as_such_not_as_a_cut_comment(tmp_path: Path, script: str) -> None:
    with pytest.raises(ScriptkitError) as caught:
        load_pack(_pack(tmp_path, script))
    assert "indented differently" in str(caught.value) and "comment" not in str(caught.value)
