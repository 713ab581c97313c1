"""A link whose address, written bare, has a space (``[our team](mailto:...?subject=Stop my plan)``) is no link,
nor in CommonMark: every export sent it as typed, and ``check`` said nothing. SK007 now says where it is and how to
write it: each space as %20, or the address in angle brackets."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from export_fixtures import PACK_YAML, write_pack
from test_s36_flink_angle_links import ANGLE, SCRIPT

from scriptkit.cli import main

BARE = "[our team](mailto:help@example.com?subject=Stop my plan)"


def test_check_locates_a_bare_address_with_spaces_and_says_how_to_write_it(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "p", {"stop.yaml": SCRIPT.format(id="stop-plan", title="Stop plan", link=BARE)},
                      PACK_YAML)
    result = CliRunner().invoke(main, ["check", str(pack), "--select", "SK007", "--format", "concise"])
    assert result.exit_code == 1, result.output
    line = next(x for x in result.output.splitlines() if "SK007" in x)
    column = SCRIPT.splitlines()[6].index("{link}") + 1
    assert f"stop.yaml:7:{column}:" in line
    assert "%20" in line and "<" in line and ">" in line
    # (the same link written with <...> is a link, and nothing is reported)
    (pack / "scripts" / "stop.yaml").write_text(SCRIPT.format(id="stop-plan", title="Stop plan", link=ANGLE),
                                                encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(pack), "--select", "SK007", "--format", "concise"])
    assert result.exit_code == 0, result.output
