"""An export warning about the text (a tag Gorgias would split, a folder name Freshdesk refuses) is
placed where that text is written, and each such tag is named: not at whatever the first export block holds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scriptkit.cli import main

SCRIPT = ("id: late\ntitle: AB::Late parcel\ntags: [orders, \"late, delayed\"]\n"
          "acknowledgment: I can see how frustrating it is that your parcel is late.\n"
          "warm_language: Thanks for bearing with me while I sort it out.\n"
          "flexibility:\n  guidance: Check the tracking page before you reply.\n"
          "solution: I've sent a new one today, and it arrives by Friday.\n"
          "export:\n  gorgias:\n    tags: [\"returns, refunds\"]\n")
PACK = "name: Tags\nexport:\n  freshdesk:\n    visibility: all\n"


def export(root: Path, target: str, out: Path) -> str:
    done = CliRunner().invoke(main, ["export", str(root), "--to", target, "--out", str(out)],
                              env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert done.exit_code == 0, done.output
    return done.output


def test_each_tag_gorgias_would_split_is_named_where_it_is_written(make_pack: Any, tmp_path: Path) -> None:
    said = export(make_pack({"late.yaml": SCRIPT}, PACK), "gorgias", tmp_path / "out")
    lines = [line.split() for line in said.splitlines() if "gorgias reads the tag" in line]
    assert len(lines) == 2, said
    places = {line[0]: " ".join(line) for line in lines}
    assert "'late, delayed'" in places["3:16"]  # the script's own tags: at the tag itself
    assert "'returns, refunds'" in places["11:11"]  # the gorgias block's tags


def test_a_folder_name_freshdesk_refuses_is_placed_at_the_title(make_pack: Any, tmp_path: Path) -> None:
    said = export(make_pack({"late.yaml": SCRIPT}, PACK), "freshdesk", tmp_path / "out")
    (line,) = [line for line in said.splitlines() if "cannot be a Freshdesk folder name" in line]
    assert line.split()[0] == "2:8", said
