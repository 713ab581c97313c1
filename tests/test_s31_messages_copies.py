"""A script file saved as a copy ('cancellation copy.yaml') was reported as "duplicate script id ... Give every
script a unique id.", where docs/reference/pack-format.md says to delete the copy or move it out of scripts/:
the message says that now, naming the copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli

SCRIPT = ("id: cancellation\ntitle: Cancelling\nacknowledgment: \"I understand you'd like to cancel.\"\n"
          "solution: \"I've cancelled it today, and you'll get an email to confirm.\"\n")


def _check(tmp_path: Path, *names: str) -> tuple[int, str]:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "pack.yaml").write_text("name: Shop\nversion: 0.1.0\nlocale: en-US\n", encoding="utf-8")
    for name in names:
        (tmp_path / "scripts" / name).write_text(SCRIPT, encoding="utf-8")
    result = run_cli("check", str(tmp_path), "--grammar", "off")
    return result.exit_code, result.output


@pytest.mark.parametrize("copy", ["cancellation copy.yaml", "cancellation (1).yaml", "cancellation-copy.yaml",
                                  "Copy of cancellation.yaml", "cancellation~.yaml"])
def test_a_copied_script_is_told_to_be_deleted_or_moved(tmp_path: Path, copy: str) -> None:
    code, output = _check(tmp_path, "cancellation.yaml", copy)
    assert code == 2
    assert (":1:5: error: duplicate script id 'cancellation' (also used in " in output
            and f"'{copy}' looks like a copy: delete the copy or move it out of scripts/." in output), output


def test_two_scripts_given_one_id_are_told_to_give_each_its_own(tmp_path: Path) -> None:
    code, output = _check(tmp_path, "cancellation.yaml", "pause.yaml")
    assert code == 2 and "Give every script a unique id." in output and "copy" not in output
