"""The troubleshooting table quotes what `scriptkit check` says for the case each row describes.

Its row for a key indented differently quoted 'this line is indented differently...', but a
script key indented by one space gets "a ': ' in a value that is not quoted ... line it up with
the keys above it": a reader searching the page for their message did not find it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

PAGE = Path(__file__).resolve().parent.parent / "docs" / "guides" / "troubleshooting.md"

HEAD = "id: a\ntitle: A\nchannels: [chat]\nacknowledgment: I can see how worrying a late refund is.\n"
CASES = {
    # the row's own words for the case -> a script showing it
    "A key indented by a space": HEAD + " solution: I've sent the refund today.\n",
    "A key inside a group": HEAD + "solution: I've sent the refund today.\n"
    "flexibility:\n  guidance: Check the order first.\n blanks: []\n",
}


def _rows() -> dict[str, str]:
    """Each table row's quoted message (its first code span) by the row's explanation."""
    rows = {}
    for line in PAGE.read_text(encoding="utf-8").splitlines():
        # (a pipe inside a code span does not split a cell, as in Python-Markdown's tables)
        cells = [c.strip() for c in re.findall(r"(?:`[^`]*`|[^|`])+", line.strip().strip("|"))]
        if len(cells) == 2 and cells[0].startswith("`"):
            rows[cells[1]] = cells[0].split("`")[1]
    return rows


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_row_for_a_case_quotes_the_message_the_tool_gives(case: str, tmp_path: Path) -> None:
    (tmp_path / "p" / "scripts").mkdir(parents=True)
    (tmp_path / "p" / "pack.yaml").write_text("name: T\n", encoding="utf-8")
    (tmp_path / "p" / "scripts" / "a.yaml").write_text(CASES[case], encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "p")], env={"NO_COLOR": "1", "COLUMNS": "400"})
    assert result.exit_code == 2, result.output
    quoted = [msg for why, msg in _rows().items() if why.startswith(case)]
    assert len(quoted) == 1, f"no row of {PAGE.name} starts its explanation with {case!r}"
    assert quoted[0] in " ".join(result.output.split()), result.output
