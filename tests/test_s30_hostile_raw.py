"""'{% raw %}' never closed (session 30's bad input) is a located template error, not text that renders empty."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_s15_hostile import assert_contract, invoke

SCRIPT = """\
id: late
title: Late parcel
acknowledgment: "I know waiting on a parcel is hard."
warm_language: "Thanks for your patience with us."
solution: "{solution}"
"""


@pytest.mark.parametrize(("solution", "column"), [("{% raw %}", 12), ("I sent it today. {%- raw %}", 29),
                                                  ("I sent it today. {% raw %} It arrives Friday.", 29),
                                                  ("{% raw %}{{ x }}{% endraw %} and {% raw %}", 45)])
@pytest.mark.parametrize("command", ["check", "render"])
def test_an_unclosed_raw_is_located(make_pack: Any, solution: str, column: int, command: str) -> None:
    pack: Path = make_pack({"late.yaml": SCRIPT.format(solution=solution)}, pack_yaml="name: P\n")
    result = invoke(command, str(pack), *(["--grammar", "off"] if command == "check" else []))
    assert_contract(result, command)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{pack}/scripts/late.yaml:5:{column}: error: template syntax error in solution: "
                                    "'{% raw %}' is never closed"), result.stderr
