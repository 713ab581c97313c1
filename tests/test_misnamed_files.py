"""Files a writer meant for the pack but named so scriptkit does not read them are said, not
skipped: a script Notepad saved as 'refund.yaml.txt', the settings saved as 'pack.yml'."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from scriptkit import load_pack
from scriptkit.errors import ScriptkitError

SCRIPT = ("id: {id}\ntitle: {id}\nacknowledgment: I can see how frustrating this wait has been.\n"
          "solution: I've sent a new one today, and it arrives by Friday.\n")


def test_a_script_saved_as_text_is_named_not_skipped(make_pack: Any) -> None:
    root = make_pack({"late.yaml": SCRIPT.format(id="late"), "refund.yaml.txt": SCRIPT.format(id="refund")})
    with pytest.raises(ScriptkitError) as caught:
        load_pack(root)
    told = caught.value
    assert told.location is not None and told.location.file == str(root / "scripts" / "refund.yaml.txt")
    assert told.message == "refund.yaml.txt is not read: its name ends in .txt, so it is not a YAML file"
    assert (told.hint or "").startswith("Rename it to refund.yaml.")
    (root / "scripts" / "refund.yaml.txt").rename(root / "scripts" / "refund.yaml")
    assert sorted(s.id for s in load_pack(root).scripts) == ["late", "refund"]


def test_other_files_in_the_scripts_folder_are_left_alone(make_pack: Any) -> None:
    root = make_pack({"late.yaml": SCRIPT.format(id="late"), "notes.txt": "ideas", "late.yaml.bak": "old"})
    assert [s.id for s in load_pack(root).scripts] == ["late"]


@pytest.mark.parametrize("name", ["pack.yml", "pack.yaml.txt"])
def test_settings_saved_under_another_name_are_named(tmp_path: Path, name: str) -> None:
    root = tmp_path / "returns"
    (root / "scripts").mkdir(parents=True)
    (root / "scripts" / "late.yaml").write_text(SCRIPT.format(id="late"), encoding="utf-8")
    (root / name).write_text("name: Returns\n", encoding="utf-8")
    with pytest.raises(ScriptkitError) as caught:
        load_pack(root)
    assert caught.value.hint == f"Rename {root / name} to pack.yaml: that is the name scriptkit reads."
