"""A scripts folder that may not be read is said to be unreadable (Permission denied), located at
the folder, exit 2: 'chmod 000 scripts' was reported as a pack with no scripts ('Add one YAML file
per script'), and a subfolder that may not be read was left out without a word ('All clear').
A folder that may be listed but not opened names each file it cannot read, and the API raises
a located error for every path it cannot read, not pathlib's OSError."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from scriptkit import load_pack
from scriptkit.errors import PackError

PACK = "name: Locked pack\nversion: 0.1.0\nlocale: en-US\n"
SCRIPT = ("id: {id}\ntitle: Parcel {id}\nchannels: [email]\n"
          'acknowledgment: "I can see how annoying it is to wait for the parcel."\n'
          'warm_language: "Thank you for telling us."\n'
          'solution: "I have sent a new one by express today."\n')
BIN = Path(sys.executable).parent
# as a user without the right to read every file: root keeps it unless setpriv drops it
AS_USER = (["setpriv", "--bounding-set", "-dac_override,-dac_read_search,-fowner", "--"]
           if hasattr(os, "geteuid") and os.geteuid() == 0 else [])
needs_permissions = pytest.mark.skipif(
    not hasattr(os, "geteuid") or (os.geteuid() == 0 and shutil.which("setpriv") is None),
    reason="needs a user that folder permissions apply to (as root: setpriv to drop the override)")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*AS_USER, *args], capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"},
                          timeout=60)


@pytest.fixture
def pack(tmp_path: Path) -> Iterator[Path]:
    root = tmp_path / "pack"
    (root / "scripts").mkdir(parents=True)
    (root / "pack.yaml").write_text(PACK, encoding="utf-8")
    (root / "scripts" / "first.yaml").write_text(SCRIPT.format(id="first"), encoding="utf-8")
    yield root
    for folder in (root, *[p for p in root.rglob("*") if p.is_dir()]):  # (so pytest may delete it)
        folder.chmod(0o755)


@pytest.mark.timeout(60)
@needs_permissions
def test_a_scripts_folder_that_may_not_be_read_is_said_to_be_unreadable(pack: Path) -> None:
    (pack / "scripts").chmod(0)
    run = _run(str(BIN / "scriptkit"), "check", str(pack))
    out = run.stdout + run.stderr
    assert run.returncode == 2, out
    assert f"{pack / 'scripts'}: error: cannot read the folder {pack / 'scripts'}: Permission denied" in out, out
    assert "no scripts found" not in out and "Add one YAML file" not in out
    assert "chmod u+rx" in out and "Traceback" not in out


@pytest.mark.timeout(60)
@needs_permissions
def test_a_subfolder_that_may_not_be_read_is_not_left_out_without_a_word(pack: Path) -> None:
    inner = pack / "scripts" / "returns"
    inner.mkdir()
    (inner / "second.yaml").write_text(SCRIPT.format(id="second"), encoding="utf-8")
    inner.chmod(0)
    run = _run(str(BIN / "scriptkit"), "check", str(pack))
    out = run.stdout + run.stderr
    assert run.returncode == 2, out
    assert f"{inner}: error: cannot read the folder {inner}: Permission denied" in out, out
    assert "All clear" not in out and "Traceback" not in out


@pytest.mark.timeout(60)
@needs_permissions
def test_a_folder_listed_but_not_opened_names_each_file_through_the_api(pack: Path) -> None:
    (pack / "scripts").chmod(0o644)  # (read, not search: its names are listed, its files cannot be opened)
    code = ("import scriptkit\n"
            "try:\n    scriptkit.load_pack(__import__('sys').argv[1], jobs=1)\n"
            "except scriptkit.ScriptkitError as exc:\n    print('located:', exc)\n")
    run = _run(sys.executable, "-c", code, str(pack))
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"located: {pack / 'scripts' / 'first.yaml'}:1:1: cannot read file: Permission denied" in run.stdout, \
        run.stdout + run.stderr


@pytest.mark.timeout(60)
@needs_permissions
def test_a_pack_folder_that_may_be_opened_but_not_listed_still_loads(pack: Path) -> None:
    pack.chmod(0o311)
    code = ("import scriptkit, sys\n"
            "print([s.id for s in scriptkit.load_pack(sys.argv[1], jobs=1).scripts])\n")
    run = _run(sys.executable, "-c", code, str(pack))
    assert run.returncode == 0 and "['first']" in run.stdout, run.stdout + run.stderr


@pytest.mark.timeout(60)
@needs_permissions
def test_a_folder_without_pack_yaml_that_may_not_be_listed_is_said_to_have_none(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    folder.chmod(0o311)
    try:
        code = ("import scriptkit, sys\n"
                "try:\n    scriptkit.load_pack(sys.argv[1])\n"
                "except scriptkit.ScriptkitError as exc:\n    print('located:', exc)\n")
        run = _run(sys.executable, "-c", code, str(folder))
    finally:
        folder.chmod(0o755)
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"located: {folder / 'pack.yaml'}:1:1: {folder} has no pack.yaml" in run.stdout, run.stdout + run.stderr


def test_a_path_longer_than_the_system_allows_is_a_located_pack_error() -> None:
    for path in ("a" * 5000, "a/" * 3000, str(Path("/tmp") / ("b" * 300) / "c"), Path("c" * 4000)):
        with pytest.raises(PackError) as raised:
            load_pack(path)
        assert raised.value.location is not None and raised.value.location.file == str(Path(path))
        assert "File name too long" in str(raised.value) and raised.value.hint is not None
        assert len(raised.value.message) < 200  # (the path is shortened in the message, kept whole in the location)
