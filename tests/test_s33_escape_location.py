"""An escape that writes a control character ('\\0', '\\x07') in a double-quoted YAML text is reported at the
escape itself, not at the opening quote."""

from __future__ import annotations

from typing import Any

from click.testing import CliRunner

from scriptkit.cli import main


def test_a_control_escape_is_located_at_its_backslash(make_pack: Any) -> None:
    line = 'solution: "I\'ll refund you today and\\0 call you by Friday."'
    script = f"id: r\ntitle: R\nacknowledgment: I can see how frustrating this is.\n{line}\n"
    root = make_pack({"r.yaml": script})
    result = CliRunner().invoke(main, ["check", str(root), "--grammar", "off"], env={"NO_COLOR": "1"})
    assert result.exit_code == 2 and "Traceback" not in result.output
    column = line.index("\\0") + 1
    assert f"r.yaml:4:{column}:" in result.output, result.output
