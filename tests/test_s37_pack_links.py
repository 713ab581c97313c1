"""What docs/reference/pack-format.md says of links in a pack from a source not trusted: a link out of the pack and
its repository is refused, located, unread (read and quoted until session 38), and so is one to a FIFO or to a file
not named .yaml."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import run_cli

_SCRIPT = "id: s\ntitle: Late parcel\nacknowledgment: Sorry it is late.\nsolution: I traced it today.\n"


def _pack(tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    (pack / "scripts").mkdir(parents=True)
    (pack / "pack.yaml").write_text("name: P\n", encoding="utf-8")
    return pack


def test_a_link_out_of_the_pack_to_any_yaml_file_is_refused_unread(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere" / "private.yaml"
    elsewhere.parent.mkdir()
    elsewhere.write_text(_SCRIPT + "api_token: abc123\n", encoding="utf-8")
    pack = _pack(tmp_path)
    (pack / "scripts" / "s.yaml").symlink_to(elsewhere)
    checked = run_cli("check", str(pack), "--grammar", "off")
    assert checked.exit_code == 2, checked.output
    assert "s.yaml:1:1" in checked.output and "abc123" not in checked.output and "api_token" not in checked.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_link_to_a_fifo_or_to_a_file_not_named_yaml_is_refused_unread(tmp_path: Path) -> None:
    pack = _pack(tmp_path)
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "secret.env").write_text("TOKEN=abc123\n", encoding="utf-8")
    (pack / "scripts" / "p.yaml").symlink_to(tmp_path / "pipe.yaml")
    (pack / "scripts" / "e.yaml").symlink_to(tmp_path / "secret.env")
    checked = run_cli("check", str(pack), "--grammar", "off")
    assert checked.exit_code == 2, checked.output
    assert "p.yaml:1:1" in checked.output and "a device, a pipe or a socket" in checked.output
    assert "e.yaml:1:1" in checked.output and "abc123" not in checked.output
