"""Hostile or mistaken template text is refused where templates are checked: located, exit 2, no traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit import PackError, load_pack
from scriptkit.cli import main
from scriptkit.message import Placeholder
from scriptkit.rendering import render_script

PACK_YAML = "name: Safety test\nconstants:\n  friendly_name: there\n  team_size: 12\n  on_call: true\n"
SOLUTION = "solution: \"I've refunded your order today, and it will reach your account within 5 days.\"\n"


def script(template: str) -> str:
    """A script whose acknowledgment (line 3, inside double quotes) is ``template``."""
    return ("id: refund\ntitle: Refund\n"
            f'acknowledgment: "{template} I can see how frustrating this wait has been."\n'
            + SOLUTION
            + "flexibility:\n  blanks:\n    - name: new_date\n      prompt: The new delivery date\n")


def check(root: Path) -> Any:
    return CliRunner().invoke(main, ["check", str(root), "--grammar", "off", "--format", "text"],
                              env={"NO_COLOR": "1"})


def col_of(template: str, needle: str) -> int:
    """The 1-based column of ``needle`` on the acknowledgment line of ``script(template)``."""
    line = script(template).splitlines()[2]
    return line.index(needle) + 1


def refused(make_pack: Any, template: str, needle: str, message: str) -> str:
    """Check a pack whose script uses ``template``: exit 2, ``message`` at the column of ``needle``."""
    root = make_pack({"refund.yaml": script(template)}, PACK_YAML)
    result = check(root)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "unexpected" not in result.output, result.output
    located = f"{root / 'scripts' / 'refund.yaml'}:3:{col_of(template, needle)}: error: {message}"
    assert located in result.output, result.output
    return str(result.output)


# ---------------------------------------------------------------- fallback's argument

FALLBACK_HINT = "A fallback is the text shown when the value is empty, e.g. fallback('there')"


@pytest.mark.parametrize(("template", "needle"), [
    ("Hi {{ customer.first_name | fallback(customer.email) }},", "customer.email"),
    ("Hi {{ customer.first_name | fallback(blank.new_date) }},", "blank.new_date"),
    ("Hi {{ customer.first_name | fallback('dear ' ~ customer.email) }},", "'dear '"),
    ("Hi {{ customer.first_name | fallback('friend' | upper) }},", "'friend'"),
    ("Hi {{ customer.first_name | fallback(none) }},", "none"),
    ("Hi {{ customer.first_name | fallback(on_call) }},", "on_call"),
    ("Hi {{ agent.first_name }} and {{ customer.first_name | fallback(agent.first_name) }},", "agent.first_name) "),
])
def test_a_fallback_that_is_not_plain_text_is_refused_at_its_argument(make_pack: Any, template: str,
                                                                      needle: str) -> None:
    output = refused(make_pack, template, needle,
                     "a fallback must be quoted text, a number or a constant")
    assert FALLBACK_HINT in output


@pytest.mark.parametrize(("template", "message"), [
    ("Hi {{ customer.first_name | fallback() }},", "fallback() needs the text to show"),
    ("Hi {{ customer.first_name | fallback('you', 'there') }},", "fallback() takes one text, not 2"),
    ("Hi {{ customer.first_name | fallback(text='you') }},", "fallback() takes one text, not 'text='"),
])
def test_fallback_with_no_text_or_too_many_is_refused(make_pack: Any, template: str, message: str) -> None:
    output = refused(make_pack, template, "fallback", message)
    assert FALLBACK_HINT in output


@pytest.mark.parametrize(("template", "expected"), [
    ("Hi {{ customer.first_name | fallback('there') }},", "there"),
    ('Hi {{ customer.first_name | fallback(\\"there\\") }},', "there"),
    ("Hi {{ customer.first_name | fallback(friendly_name) }},", "there"),  # a pack constant
    ("Hi {{ customer.first_name | fallback(team_size) }},", "12"),
    ("Hi {{ customer.first_name | fallback(7) }},", "7"),
    ("Hi {{ customer.first_name | fallback(default='you') }},", "you"),
])
def test_literal_and_constant_fallbacks_keep_working(make_pack: Any, template: str, expected: str) -> None:
    root = make_pack({"refund.yaml": script(template)}, PACK_YAML)
    result = check(root)
    assert result.exit_code in (0, 1), result.output  # findings at most, no error
    pack = load_pack(root)
    message = render_script(pack, pack.script("refund"), "email")
    fallbacks = [s.fallback for s in message.segments
                 if isinstance(s, Placeholder) and s.name == "customer.first_name" and s.source
                 and Path(s.source.start.file).name == "refund.yaml"]
    assert fallbacks == [expected]


# ---------------------------------------------------------------- tags that read other files

INCLUDE = "templates cannot include other files; put shared text in a pack constant"


@pytest.mark.parametrize(("template", "needle"), [
    ("{% include 'greeting.txt' %}", "include"),
    ("{% import 'macros.txt' as m %}", "import"),
    ("{% from 'macros.txt' import greet %}", "from"),
    ("{% extends 'base.txt' %}", "extends"),
    ("Hello. {% include ['a.txt', 'b.txt'] ignore missing %}", "include"),
])
def test_tags_that_read_other_files_are_refused_where_written(make_pack: Any, template: str, needle: str) -> None:
    refused(make_pack, template, needle, INCLUDE)


def test_a_filter_block_over_a_placeholder_is_refused_at_the_filter(make_pack: Any) -> None:
    template = "{% filter upper %}Hi {{ customer.first_name }},{% endfilter %}"
    refused(make_pack, template, "upper", "filter 'upper' cannot change a placeholder or blank")


def test_a_macro_is_refused_at_its_tag_not_where_it_is_called(make_pack: Any) -> None:
    template = "{% macro hello() %}Hi{% endmacro %}{% call hello() %}x{% endcall %}"
    output = refused(make_pack, template, "macro", "macros are not supported in templates")
    assert "undefined name" not in output  # the macro's own name is not a second problem
    assert "calling functions" not in output  # nor its call


@pytest.mark.parametrize(("template", "text"), [
    ("{% raw %}{{ code }}{% endraw %}", "{{ code }}"),
    ("{% filter upper %}hello{% endfilter %}", "HELLO"),
    ("{% set who = 'friend' %}Hi {{ who }},", "Hi friend,"),
    ("{% set who %}pal{% endset %}Hi {{ who }},", "Hi pal,"),
    ("{% with who = 'mate' %}Hi {{ who }},{% endwith %}", "Hi mate,"),
    ("{% block hello %}Hi there,{% endblock %}", "Hi there,"),
])
def test_other_tags_render_safely(make_pack: Any, template: str, text: str) -> None:
    root = make_pack({"refund.yaml": script(template)}, PACK_YAML)
    result = check(root)
    assert result.exit_code in (0, 1), result.output
    pack = load_pack(root)
    assert f"{text} I can see how" in render_script(pack, pack.script("refund"), "email").text


# ---------------------------------------------------------------- when the check is bypassed (the Python API)

@pytest.mark.parametrize("payload", [
    "Hi {{ customer.first_name | fallback(customer.email) }}.",
    "Hi {{ customer.first_name | fallback(blank.new_date) }}.",
    "Hi {{ customer.first_name | fallback('dear ' ~ customer.email) }}.",
    "{% include 'other.txt' %}",
])
def test_rendering_refuses_what_the_check_refuses_with_its_location(make_pack: Any, payload: str) -> None:
    root = make_pack({"refund.yaml": script("Hi,")}, PACK_YAML)
    pack = load_pack(root)
    refund = pack.script("refund")
    refund.solution = payload  # as if a check had missed it
    with pytest.raises(PackError) as info:
        render_script(pack, refund, "email")
    assert str(info.value).startswith(f"{refund.file}:4:11: ")


# ---------------------------------------------------------------- text that multiplies

def test_a_loop_inside_a_loop_is_refused_at_the_outer_loop(make_pack: Any) -> None:
    # ten loops of ten would run ten billion times before the output limit is ever checked
    template = "Hi {% for a in 'abc' %}{% for b in 'abc' %}{{ a }}{{ b }}{% endfor %}{% endfor %},"
    output = refused(make_pack, template, "for a", "a loop inside a loop is not allowed in templates")
    assert output.count("a loop inside a loop") == 1


def test_a_single_loop_still_renders(make_pack: Any) -> None:
    root = make_pack({"refund.yaml": script("Hi {% for letter in 'abc' %}{{ letter }}{% endfor %},")}, PACK_YAML)
    assert check(root).exit_code in (0, 1)
    pack = load_pack(root)
    assert "Hi abc, I can see how" in render_script(pack, pack.script("refund"), "email").text


@pytest.mark.parametrize("template", [
    "{% set big = 'ab' * 5000 %}{{ big | replace('', big) | length }}",
    "{% set big = 'ab' * 5000 %}{{ big | join(big) | length }}",
    "{% set big = 'ab' * 5000 %}{{ [big, big, big] | join(big * 3) | length }}",
])
def test_filters_that_would_build_huge_text_are_stopped_before_they_build_it(make_pack: Any,
                                                                             template: str) -> None:
    root = make_pack({"refund.yaml": script(template)}, PACK_YAML)
    result = check(root)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "unexpected" not in result.output
    assert (f"{root / 'scripts' / 'refund.yaml'}:3:17: error: refused by the template sandbox: "
            "the text would be longer than 50,000 characters") in result.output, result.output


@pytest.mark.parametrize(("template", "text"), [
    ("{{ 'Dear customer' | replace('customer', 'friend') }},", "Dear friend,"),
    ("{{ ['Hi', 'there'] | join(' ') }},", "Hi there,"),
])
def test_replace_and_join_keep_working_on_ordinary_text(make_pack: Any, template: str, text: str) -> None:
    root = make_pack({"refund.yaml": script(template)}, PACK_YAML)
    assert check(root).exit_code in (0, 1)
    pack = load_pack(root)
    assert f"{text} I can see how" in render_script(pack, pack.script("refund"), "email").text
