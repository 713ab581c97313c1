"""A Python method of a value ("{{ 'abc'.format }}") never reaches the reply: it printed
'<function str.format at 0x7f...>', a different address in each export of the same pack."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from jinja2.exceptions import SecurityError

from scriptkit.cli import main
from scriptkit.rendering import _finalize


@pytest.mark.parametrize(("template", "attr", "hint"), [
    ("ref {{ 'abc'.format }}", "format", "Write the text itself"),
    ("ref {{ ('abc' ~ 'd').upper }}", "upper", "use a filter: {{ ... | upper }}"),
    ("ref {{ [1, 2].append }}", "append", "Write the text itself"),
    ("ref {{ ['a'][0].upper }}", "upper", "use a filter: {{ ... | upper }}"),
])
def test_a_method_of_a_value_is_refused_where_written(make_pack: Any, template: str, attr: str, hint: str) -> None:
    line = f'solution: "I have refunded you today, {template}."'
    root = make_pack({"r.yaml": "id: r\ntitle: R\nacknowledgment: I can see how frustrating this is.\n" + line + "\n"})
    result = CliRunner().invoke(main, ["check", str(root), "--grammar", "off"], env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    col = line.index("." + attr) + 2
    assert f"{Path(root) / 'scripts' / 'r.yaml'}:4:{col}: error: text, numbers and lists have no '.{attr}' here" \
        in result.output
    assert hint in result.output and "0x" not in result.output


def test_a_method_is_never_printed_even_past_the_check() -> None:
    with pytest.raises(SecurityError):
        _finalize("abc".upper)
    assert _finalize("abc").count("abc") == 1
