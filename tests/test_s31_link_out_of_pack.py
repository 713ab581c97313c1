"""A script file that is a link out of the pack to a file that is no YAML file is not read: a pull
request linking scripts/x.yaml to a CI job's secrets had their lines quoted in the check's errors (a
located error now, naming the link, quoting nothing). A link to a script inside the pack, or to another
folder's .yaml (a script shared by several packs), is read as before."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import run_cli

_SCRIPT = ("id: late\ntitle: Late parcel\nacknowledgment: I'm so sorry your parcel is late.\n"
           "solution: I've sent a new one today, and it will arrive by Friday.\n")


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="symbolic links need a POSIX system here")
def test_a_link_out_of_the_pack_is_not_read_and_nothing_of_it_is_quoted(make_pack, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"late.yaml": _SCRIPT})
    secret = tmp_path / "ci-secrets.env"
    secret.write_text("API_TOKEN=sk-live-123456\nDB_PASSWORD: hunter2\n", encoding="utf-8")
    (pack / "scripts" / "leak.yaml").symlink_to(secret)
    result = run_cli("check", str(pack), "--grammar", "off")
    assert result.exit_code == 2
    assert f"{pack / 'scripts' / 'leak.yaml'}:1:1" in result.output
    assert "leak.yaml is a link to a file outside the pack that is no YAML file" in result.output
    assert "hunter2" not in result.output and "sk-live" not in result.output


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="symbolic links need a POSIX system here")
def test_a_link_inside_the_pack_is_read(make_pack) -> None:  # type: ignore[no-untyped-def]
    pack = make_pack({"late.yaml": _SCRIPT})
    (pack / "shared").mkdir()
    (pack / "shared" / "refund.yaml").write_text(_SCRIPT.replace("id: late", "id: refund"), encoding="utf-8")
    (pack / "scripts" / "refund.yaml").symlink_to(Path("..") / "shared" / "refund.yaml")
    result = run_cli("check", str(pack), "--grammar", "off", "--format", "json")
    assert result.exit_code in (0, 1) and "is a link to a file outside" not in result.output, result.output
    assert '"script_id": "refund"' in result.output or '"refund"' in result.output
