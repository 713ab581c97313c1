"""A template that fails only as it runs is told where the writer wrote the failing expression, in the writer's
words (a number, a text), never Python's ('TypeError', 'WrittenFloat', '_Constant', '_round()'); one that fails
only when a constant changes is told by check too; a macro and a function call are refused as what they are."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

PACK_YAML = """name: Test pack
constants:
  refund_days: 5
  delivery_fee: 4.50
  open_today: true
  region: "EU"
  support_hours: "9am to 5pm"
"""
PYTHON_WORDS = ("TypeError", "Written", "_Constant", "_round", "__round__", "len()", "operand", "'int'", "'str'",
                "Traceback", "brand")


def script(solution: str) -> str:
    return ("id: r\ntitle: R\nacknowledgment: I can see how frustrating this is.\n"
            "warm_language: Thank you for your patience.\n"
            "solution: |\n  I have checked your order today.\n  I will look again tomorrow.\n"
            + "".join(f"  {line}\n" for line in solution.split("\n")))


def run(root: Path, command: str = "check") -> Any:
    result = CliRunner().invoke(main, [command, str(root), "-j", "1"] if command == "check" else [command, str(root)],
                                env={"NO_COLOR": "1"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


# (the solution's third line is line 8 of the file, its text at column 3)
@pytest.mark.timeout(60)
@pytest.mark.parametrize(("line", "at", "said", "hint"), [
    ('It reaches you in {{ refund_days + " days" }}.', "+",
     "template failed in solution: '+' adds numbers, and here one side is a number and the other a text",
     """refund_days is a number; join text with '~': {{ refund_days ~ " days" }}"""),
    ("The fee is {{ delivery_fee | truncate(3) }} today.", "truncate",
     "template failed in solution: delivery_fee is a number, and a number has no length",
     "{{ delivery_fee | string | truncate(3) }}"),
    ("The fee is {{ delivery_fee | length }} today.", "length",
     "template failed in solution: delivery_fee is a number, and a number has no length",
     "{{ delivery_fee | string | length }}"),
    ("We are open {{ support_hours | round }} today.", "round",
     "template failed in solution: round() works on numbers, and support_hours is a text", "e.g. {{ x | round(1) }}"),
    ("The fee is {{ delivery_fee | round(1, 'common', 3) }} today.", "round",
     "template failed in solution: round() was given more than it takes",
     "round() takes a number of digits, e.g. {{ x | round(1) }}"),
    ("Step {{ loop.index }} is done today.", "loop",
     "undefined value in solution: 'loop' is only there inside a {% for %} loop", "{% for step in steps %}"),
    ("Item {{ [1, 2][5] }} is done today.", "[5]", "undefined value in solution: a list has no part [5]", None),
    ("It takes {{ refund_days / 0 }} days.", "/", "template failed in solution: this divides by zero", None),
])
def test_a_runtime_failure_is_located_at_its_expression_in_plain_words(
        make_pack: Any, line: str, at: str, said: str, hint: str | None) -> None:
    root = make_pack({"r.yaml": script(line)}, pack_yaml=PACK_YAML)
    for command in ("check", "render"):
        result = run(root, command)
        assert result.exit_code == 2, result.output
        col = 3 + line.index(at, line.index("{{"))
        assert f"{root / 'scripts' / 'r.yaml'}:8:{col}: error: {said}" in result.output, \
            result.output
        if hint is not None:
            assert hint in result.output, result.output
        assert not any(word in result.output for word in PYTHON_WORDS), result.output
def test_a_macro_is_refused_at_its_tag(make_pack: Any) -> None:
    line = '{% macro fee(x) %}{{ x }} euros{% endmacro %}The fee is {{ fee("4") }}.'
    root = make_pack({"r.yaml": script(line)}, pack_yaml=PACK_YAML)
    result = run(root)
    assert result.exit_code == 2, result.output
    assert f"{root / 'scripts' / 'r.yaml'}:8:6: error: macros are not supported in templates" in result.output, \
        result.output
    assert "{% set" in result.output and "constant" in result.output, result.output
    assert "calling functions" not in result.output, result.output


@pytest.mark.timeout(60)
@pytest.mark.parametrize("call", ["range(10)", "dict(a=1)", "lipsum()"])
def test_a_function_call_is_not_taken_for_a_misspelt_constant(make_pack: Any, call: str) -> None:
    line = f"I will check {{{{ {call} }}}} orders today."
    root = make_pack({"r.yaml": script(line)}, pack_yaml=PACK_YAML)
    result = run(root)
    assert result.exit_code == 2, result.output
    col = 3 + line.index(call)
    said = f"{root / 'scripts' / 'r.yaml'}:8:{col}: error: calling functions is not allowed in templates"
    assert said in result.output, result.output
    assert result.output.count("error:") == 1, result.output
    assert "Did you mean" not in result.output and "undefined name" not in result.output, result.output


BRANCHES = [
    ("{% if not open_today %}It takes {{ refund_days + ' days' }}.{% endif %}", "+",
     "(fails when open_today is false)"),
    ('{% if region == "US" %}The fee is {{ delivery_fee | truncate(3) }}.{% endif %}', "truncate",
     '(fails when region is "US")'),
]


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("line", "at", "when"), BRANCHES)
def test_a_branch_that_fails_only_when_a_constant_changes_is_an_error_of_check(
        make_pack: Any, line: str, at: str, when: str) -> None:
    good = script("It reaches you in {{ refund_days }} days.").replace("id: r\n", "id: good\n")
    root = make_pack({"r.yaml": script(line), "good.yaml": good}, pack_yaml=PACK_YAML)
    result = run(root)
    assert result.exit_code == 2, result.output
    col = 3 + line.index(at, line.index("{{"))
    assert f"{root / 'scripts' / 'r.yaml'}:8:{col}: error: template failed in solution: " in result.output, \
        result.output
    assert when in result.output, result.output
    assert "All clear" not in result.output
    assert result.output.count("error:") == 1, result.output
    # (rendering and exporting today's text is not refused: the branch is not sent today)
    assert run(root, "render").exit_code == 0


@pytest.mark.timeout(60)
def test_a_branch_that_renders_under_every_choice_stays_clear(make_pack: Any) -> None:
    line = "{% if not open_today %}It takes {{ refund_days ~ ' days' }}.{% endif %} I will ship it today."
    root = make_pack({"r.yaml": script(line)}, pack_yaml=PACK_YAML)
    result = run(root)
    assert result.exit_code != 2, result.output
