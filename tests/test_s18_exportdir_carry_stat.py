"""The writer's files and folders carried into the new export folder keep their permissions and times,
and the export folder its permissions (a team that made it private does not find it readable by all)."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from export_fixtures import LATE, PACK_YAML, write_pack

from scriptkit.exporting import export

LONG_AGO = 1_600_000_000  # (September 2020)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.timeout(60)
def test_carried_files_and_folders_keep_their_permissions_and_times(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"late.yaml": LATE}, PACK_YAML)
    out = tmp_path / "out"
    export(pack, ["zendesk"], out, lint=False)
    notes = out / "notes"
    (notes / "legal").mkdir(parents=True)
    (notes / "legal" / "sign-off.txt").write_text("Signed off.\n", encoding="utf-8")
    os.chmod(notes / "legal" / "sign-off.txt", 0o600)
    (notes / "empty").mkdir()
    os.symlink("legal/sign-off.txt", notes / "latest")
    (out / "zendesk" / "IMPORT-NOTES.txt").write_text("Sandbox first.\n", encoding="utf-8")
    os.chmod(out / "zendesk" / "IMPORT-NOTES.txt", 0o640)
    for path, bits in [(notes / "empty", 0o700), (notes / "legal", 0o750), (notes, 0o710), (out, 0o750)]:
        os.chmod(path, bits)
    for path in [notes / "latest", notes / "legal" / "sign-off.txt", notes / "empty", notes / "legal", notes,
                 out / "zendesk" / "IMPORT-NOTES.txt"]:
        os.utime(path, (LONG_AGO, LONG_AGO), follow_symlinks=False)
    carried = [*notes.rglob("*"), notes, out / "zendesk" / "IMPORT-NOTES.txt"]
    before = {p: (mode(p), p.lstat().st_mtime_ns) for p in carried}

    result = export(pack, ["zendesk"], out, lint=False)
    assert sorted(result.kept) == ["notes/empty", "notes/latest", "notes/legal/sign-off.txt",
                                   "zendesk/IMPORT-NOTES.txt"]
    after = {p: (mode(p), p.lstat().st_mtime_ns) for p in before}
    assert after == before
    assert os.readlink(notes / "latest") == "legal/sign-off.txt"
    assert mode(out) == 0o750
