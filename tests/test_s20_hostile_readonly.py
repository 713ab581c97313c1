"""``check --fix`` leaves a read-only script (chmod 444) as it is, even in a folder it may write to:
replacing it by a rename would have ignored its protection. The file is named (file:1:1), exit 2, and
the other scripts are fixed as before."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit import fixing
from scriptkit.cli import main

PACK = "name: Guarded\nversion: 0.1.0\nlocale: en-US\n"
SCRIPT = ("id: {id}\ntitle: Parcel {id}\nchannels: [email]\n"
          'acknowledgment: "I can see how annoying it is to wait for the parcel."\n'
          'warm_language: "Thank you for telling us."\n'
          'solution: "I have sent a new one today, and we will endeavour to assist you further."\n')
SCRIPTKIT = str(Path(sys.executable).with_name("scriptkit"))


def _pack(tmp_path: Path) -> tuple[Path, Path, Path]:
    root = tmp_path / "pack"
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(PACK, encoding="utf-8")
    guarded, open_one = root / "scripts" / "guarded.yaml", root / "scripts" / "open.yaml"
    guarded.write_text(SCRIPT.format(id="guarded"), encoding="utf-8")
    open_one.write_text(SCRIPT.format(id="open"), encoding="utf-8")
    guarded.chmod(0o444)
    return root, guarded, open_one


def _assert_kept(guarded: Path, output: str) -> None:
    assert guarded.read_text(encoding="utf-8") == SCRIPT.format(id="guarded")
    assert guarded.stat().st_mode & 0o777 == 0o444
    assert (f"{guarded}:1:1: error: cannot write the fixes: the file is read-only; the file was not changed"
            in output), output
    assert "chmod u+w" in output and "Traceback" not in output
    assert not [p for p in guarded.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.timeout(60)
def test_fix_leaves_a_read_only_script_unchanged_and_fixes_the_others(tmp_path: Path) -> None:
    root, guarded, open_one = _pack(tmp_path)
    result = CliRunner().invoke(main, ["check", str(root), "--fix"], env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    _assert_kept(guarded, result.output)
    assert open_one.read_text(encoding="utf-8") != SCRIPT.format(id="open")  # (its fix was written)


@pytest.mark.timeout(60)
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("setpriv") is None,
                    reason="needs root and setpriv to run as a user without the right to write any file")
def test_fix_as_a_user_without_override_rights_leaves_a_read_only_script_unchanged(tmp_path: Path) -> None:
    root, guarded, _ = _pack(tmp_path)
    run = subprocess.run(["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner", "--",
                          SCRIPTKIT, "check", "--fix", str(root)], capture_output=True, text=True,
                         env={**os.environ, "NO_COLOR": "1"})
    assert run.returncode == 2, run.stdout + run.stderr
    _assert_kept(guarded, run.stderr)


def test_a_link_to_a_read_only_script_is_not_replaced_either(tmp_path: Path) -> None:
    target = tmp_path / "shared.yaml"
    target.write_text("kept\n", encoding="utf-8")
    target.chmod(0o444)
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    with pytest.raises(fixing.ReadOnlyFileError):
        fixing.write_atomic(link, "replaced\n")
    assert target.read_text(encoding="utf-8") == "kept\n" and link.is_symlink()
