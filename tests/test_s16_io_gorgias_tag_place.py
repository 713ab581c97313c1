"""A tag Gorgias would split at its comma, written in the script's own tags, is warned about at that tag's
line:col (not at the script's title), as one in the gorgias block is at that block's tags."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.targets.base import problem

BODY = ("acknowledgment: I can see how frustrating it is that your parcel is late.\n"
        "warm_language: Thanks for bearing with me while I sort it out.\n"
        "flexibility:\n  guidance: Check the tracking page before you reply.\n"
        "solution: I've sent a new one today, and it arrives by Friday.\n")


def places(root: Path, out: Path) -> dict[str, str]:
    done = CliRunner().invoke(main, ["export", str(root), "--to", "gorgias", "--out", str(out)],
                              env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert done.exit_code == 0, done.output
    lines = [line.split() for line in done.output.splitlines() if "gorgias reads the tag" in line]
    return {line[0]: " ".join(line) for line in lines}


@pytest.mark.parametrize(("tags", "place"), [
    ('tags: [orders, "late, delayed"]\n', "3:16"),
    ('tags:\n  - orders\n  - "late, delayed"\n', "5:5"),
    ("tags:\n  - orders\n  - late, delayed\n", "5:5"),
])
def test_a_script_tag_is_placed_at_itself(make_pack: Any, tmp_path: Path, tags: str, place: str) -> None:
    root = make_pack({"late.yaml": "id: late\ntitle: AB::Late parcel\n" + tags + BODY})
    found = places(root, tmp_path / "out")
    assert list(found) == [place], found
    assert "'late, delayed' as 2 tags" in found[place]


def test_each_of_several_channels_and_the_block_keep_their_places(make_pack: Any, tmp_path: Path) -> None:
    script = ('id: late\ntitle: AB::Late parcel\nchannels: [email, chat]\ntags: ["a, b", orders, "c, d"]\n' + BODY
              + 'export:\n  gorgias:\n    tags: ["returns, refunds"]\n')
    found = places(make_pack({"late.yaml": script}), tmp_path / "out")
    assert {place: text.split("'")[1] for place, text in found.items()} == {
        "4:8": "a, b", "4:24": "c, d", "12:11": "returns, refunds"}


def test_problem_takes_the_script_key() -> None:
    assert problem("SK506", "m", script_key=("tags", 1)).script_key == ("tags", 1)
    assert problem("SK506", "m").script_key == ()
