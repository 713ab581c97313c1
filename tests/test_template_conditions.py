"""A condition on a placeholder or blank: decided before the helpdesk or agent fills it in, so refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit import PackError, load_pack
from scriptkit.cli import main

SCRIPT = """\
id: late
title: "Orders::Late"
acknowledgment: "I can see how frustrating a late parcel is."
warm_language: "{warm}"
solution: "I'll chase the courier today and write to you by Friday."
flexibility:
  blanks:
    - name: courier
      prompt: The courier's name
"""


def _pack(make_pack, warm: str) -> Path:  # type: ignore[no-untyped-def]
    return make_pack({"late.yaml": SCRIPT.replace("{warm}", warm)}, "name: T\nconstants:\n  team: Orders\n")


@pytest.mark.parametrize(("warm", "name"), [
    ("{% if customer.first_name %}Thanks, {{ customer.first_name }}.{% else %}Thanks so much.{% endif %}",
     "customer.first_name"),
    ("Thanks.{% if order.number == '1' %} Noted.{% endif %}", "order.number"),
    ("{{ 'Hi' if blank.courier else 'Hello' }} there.", "blank.courier"),
    ("Thanks.{% if team %} Hi.{% elif customer.email %} Hello.{% endif %}", "customer.email"),
])
def test_a_condition_on_a_placeholder_or_blank_is_a_located_error(make_pack, warm, name) -> None:  # type: ignore[no-untyped-def]
    root = _pack(make_pack, warm)
    with pytest.raises(PackError) as info:
        load_pack(root)
    error = info.value.errors[0] if hasattr(info.value, "errors") else info.value
    assert f"cannot test the {'blank' if name.startswith('blank') else 'placeholder'} '{name}'" in error.message
    col = len('warm_language: "') + warm.index(name) + 1  # (at the name, in the condition)
    assert error.location is not None and (error.location.line, error.location.col) == (4, col)
    assert "fallback(" in (error.hint or "")


def test_a_condition_on_a_constant_still_renders(make_pack) -> None:  # type: ignore[no-untyped-def]
    root = _pack(make_pack, "{% if team == 'Orders' %}Thanks from Orders.{% else %}Thanks.{% endif %}")
    assert load_pack(root).scripts[0].id == "late"


def test_the_cli_says_so_with_exit_code_2_and_no_traceback(make_pack) -> None:  # type: ignore[no-untyped-def]
    root = _pack(make_pack, "{% if customer.first_name %}Thanks!{% endif %} Sorry about this.")
    result = CliRunner().invoke(main, ["check", str(root)])
    assert result.exit_code == 2
    assert "late.yaml:4:" in result.output and "cannot test the placeholder 'customer.first_name'" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("warm", "tag", "word"), [
    ("Thanks.{% if %} Noted.{% endif %}", "{% if %}", "if"),
    ("Thanks.{% if team %} Hi.{%- elif -%} Hello.{% endif %}", "{%- elif -%}", "elif"),
])
def test_a_tag_that_tests_nothing_is_said_in_a_writers_words(make_pack, warm, tag, word) -> None:  # type: ignore[no-untyped-def]
    # Jinja said "Expected an expression, got 'end of statement block'", with a hint about braces
    root = _pack(make_pack, warm)
    with pytest.raises(PackError) as info:
        load_pack(root)
    (error,) = info.value.errors if hasattr(info.value, "errors") else [info.value]
    assert f"'{tag}' tests nothing: '{word}' needs a condition" in str(error)
    assert "Expected an expression" not in str(error) and "matching '}}'" not in str(error)
    line = SCRIPT.splitlines().index('warm_language: "{warm}"') + 1
    assert (error.location.line, error.location.col) == (line, len('warm_language: "') + warm.index(tag) + 1)


@pytest.mark.parametrize("slip", ["fallbak", "falback", "defualt"])
def test_a_misspelt_fallback_is_an_unknown_filter_with_the_right_one(make_pack, slip) -> None:  # type: ignore[no-untyped-def]
    # it said "filter 'fallbak' cannot change a placeholder or blank", as if the writer meant to change it
    root = _pack(make_pack, f"Thanks, {{{{ customer.first_name | {slip}('there') }}}}.")
    with pytest.raises(PackError) as info:
        load_pack(root)
    said = str(info.value)
    assert f"unknown filter '{slip}'" in said, said
    assert ("Did you mean 'fallback'" in said or "Did you mean 'default'" in said) and "cannot change" not in said
