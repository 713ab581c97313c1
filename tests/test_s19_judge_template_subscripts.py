"""A subscript in a template ("{{ order['x'].upper }}", "{{ (order.number)[0].upper }}") is told in the
writer's words where it is written, as "{{ order.number.upper }}" is: the messages named Python's objects
('scriptkit.rendering._Namespace object', '_PlaceholderRef object has no element 0') at the slot's start."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

PYTHON_WORDS = ("scriptkit.", "object", "_Namespace", "_PlaceholderRef", "str'", "TypeError", "element")
HINT = "it is filled in after scriptkit builds the reply, so nothing can change it or look inside it"


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("template", "at", "said"), [
    ("{{ order['x'].upper }}", "x'", "unknown placeholder 'order.x'"),
    ("{{ order['x'] }}", "x'", "unknown placeholder 'order.x'"),
    ("{{ (order.number)[0].upper }}", "[0]", "'order.number' is a placeholder: it has no part [0]"),
    ("{{ order.number[0] }}", "[0]", "'order.number' is a placeholder: it has no part [0]"),
    ("{{ order.number[1:3] }}", "[1:3]", "'order.number' is a placeholder: it has no part [1:3]"),
    ("{{ order.number['id'] }}", "['id']", "'order.number' is a placeholder: it has no part ['id']"),
    ("{{ (order.number | fallback('it'))[0] }}", "[0]", "'order.number' is a placeholder: it has no part [0]"),
    ("{{ order['number'].upper }}", "upper", "'order.number' is a placeholder: it has no '.upper'"),
    ("{{ order['number'][0].upper }}", "[0]", "'order.number' is a placeholder: it has no part [0]"),
    ("{{ (order.number).upper }}", "upper", "'order.number' is a placeholder: it has no '.upper'"),
    ("{{ order['number'] | upper }}", "upper", "filter 'upper' cannot change a placeholder or blank"),
    ("{{ order[0] }}", "[0]", "'order' needs a field, e.g. {{ order.number }}"),
    ("{{ blank['day'] }}", "day'", "blank 'day' is used but not declared"),
    ("{{ hours['x'].upper }}", "['x']", "'hours' is a constant: it has no part ['x']"),
    ("{{ hours[0].upper }}", "[0]", "'hours' is a constant: it has no part [0]"),
    ("{{ hours[99] }}", "[99]", "'hours' is a constant: it has no part [99]"),
])
def test_a_subscript_is_told_in_words_where_written(make_pack: Any, template: str, at: str, said: str) -> None:
    line = f'solution: "I have refunded order ref {template} today."'
    root = make_pack({"r.yaml": "id: r\ntitle: R\nacknowledgment: I can see how frustrating this is.\n" + line + "\n"},
                     pack_yaml="name: Test pack\nconstants:\n  hours: 9 to 5\n")
    for command in ("check", "render"):
        result = CliRunner().invoke(main, [command, str(root)], env={"NO_COLOR": "1"})
        assert result.exit_code == 2, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        col = line.index(at, line.index("{{")) + 1
        assert f"{Path(root) / 'scripts' / 'r.yaml'}:4:{col}: error: {said}" in result.output, result.output
        assert not any(word in result.output for word in PYTHON_WORDS), result.output


@pytest.mark.timeout(60)
def test_the_placeholder_message_gives_the_same_advice_as_a_dotted_one(make_pack: Any) -> None:
    line = 'solution: "I have refunded order ref {{ (order.number)[0].upper }} today."'
    root = make_pack({"r.yaml": "id: r\ntitle: R\nacknowledgment: I can see how frustrating this is.\n" + line + "\n"})
    result = CliRunner().invoke(main, ["check", str(root)], env={"NO_COLOR": "1"})
    assert f"Write {{{{ order.number }}}}: {HINT}." in result.output, result.output
    assert result.output.count("error:") == 1, result.output


@pytest.mark.timeout(60)
@pytest.mark.parametrize("template", ["{{ order['number'] }}", "{{ hours }}",
                                      "{{ customer['first_name'] | fallback('there') }}"])
def test_what_renders_still_renders(make_pack: Any, template: str) -> None:
    line = f'solution: "I have refunded order ref {template} today."'
    root = make_pack({"r.yaml": "id: r\ntitle: R\nacknowledgment: I can see how frustrating this is.\n" + line + "\n"},
                     pack_yaml="name: Test pack\nconstants:\n  hours: 9 to 5\n")
    result = CliRunner().invoke(main, ["render", str(root)], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    assert "error" not in result.output, result.output


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("template", "said"), [
    ("{% set ref = order.number %}{{ ref[0] }}", "'order.number' is a placeholder: it has no part [0] (in solution)"),
    ("{% set ref = order.number %}{{ ref.upper }}",
     "'order.number' is a placeholder: it has no '.upper' (in solution)"),
    ("{{ order.number + 1 }}", "a placeholder or blank in solution is computed with or looked inside"),
    ("{% set ref = order.number %}{{ ref[1:2] }}", "a placeholder or blank in solution is computed with or looked"),
    ("{% set h = hours %}{{ h.upper }}", "refused by the template sandbox: a text has no field 'upper'. To change "
                                         "the text, use a filter: {{ ... | upper }}."),
])
def test_what_only_building_the_reply_finds_is_told_in_words_too(make_pack: Any, template: str, said: str) -> None:
    line = f'solution: "I have refunded order ref {template} today."'
    root = make_pack({"r.yaml": "id: r\ntitle: R\nacknowledgment: I can see how frustrating this is.\n" + line + "\n"},
                     pack_yaml="name: Test pack\nconstants:\n  hours: 9 to 5\n")
    result = CliRunner().invoke(main, ["check", str(root)], env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    assert f"{Path(root) / 'scripts' / 'r.yaml'}:4:11: error: {said}" in result.output, result.output
    assert not any(word in result.output for word in PYTHON_WORDS), result.output
