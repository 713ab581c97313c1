"""A '{% set x %}' or '{% filter %}' block is a value of the text the customer reads: filters measure and cut
that text, not the hidden marks of where each part is written; a placeholder inside one is still refused to them."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit import load_pack
from scriptkit.cli import main
from scriptkit.message import Placeholder
from scriptkit.rendering import render_script

PACK_YAML = "name: Captured blocks\nconstants:\n  hours: 9am to 5pm\n"
SOLUTION = "solution: \"I've refunded your order today, and it will reach your account within 5 days.\"\n"


def script(template: str) -> str:
    """A script whose warm_language (line 4, inside double quotes) is ``template``."""
    return ("id: refund\ntitle: Refund\n"
            "acknowledgment: \"I can see how frustrating this wait has been.\"\n"
            f"warm_language: \"{template}\"\n" + SOLUTION)


def rendered(make_pack: Any, template: str) -> str:
    root = make_pack({"refund.yaml": script(template)}, PACK_YAML)
    pack = load_pack(root)
    return render_script(pack, pack.script("refund"), "email").slot_text("warm_language")


THANKS = "{% set y %}Thanks for the photos{% endset %}"


@pytest.mark.parametrize(("expression", "expected"), [
    ("{{ y | length }}", "21"),  # (36 with the marks)
    ("{{ y | wordcount }}", "4"),
    ("{{ y | title }}", "Thanks For The Photos"),  # ('thanks For The Photos')
    ("{{ y[0:6] }}", "Thanks"),
    ("{{ y == 'Thanks for the photos' }}", "true"),
    ("{{ y | first }}{{ y | last }}", "Ts"),  # (refused: 'a filter changed a placeholder or blank')
    ("{{ y | truncate(12) }}", "Thanks..."),
    ("{% if y | length > 20 %}long{% else %}short{% endif %}", "long"),
    ("{{ y }}", "Thanks for the photos"),
])
def test_filters_on_a_captured_block_see_its_text(make_pack: Any, expression: str, expected: str) -> None:
    assert rendered(make_pack, f"{THANKS}{expression}.") == f"{expected}."


def test_a_captured_block_with_a_constant_is_measured_as_printed(make_pack: Any) -> None:
    text = rendered(make_pack, "{% set y %}Open {{ hours }}{% endset %}{{ y | length }}: {{ y }}.")
    assert text == "15: Open 9am to 5pm."


def test_a_filter_block_filters_its_text(make_pack: Any) -> None:
    assert rendered(make_pack, "Hi {% filter trim %}  there  {% endfilter %}, thanks.") == "Hi there, thanks."
    assert rendered(make_pack, "{% filter upper %}thanks{% endfilter %} a lot.") == "THANKS a lot."


def test_a_placeholder_captured_in_a_block_still_prints_as_one(make_pack: Any) -> None:
    root = make_pack({"refund.yaml": script(
        "{% set hi %}Hi {{ customer.first_name | fallback('there') }}{% endset %}{{ hi }}, thanks.")}, PACK_YAML)
    pack = load_pack(root)
    message = render_script(pack, pack.script("refund"), "email")
    found = [(s.name, s.fallback) for s in message.segments if isinstance(s, Placeholder) and s.slot == "warm_language"]
    assert found == [("customer.first_name", "there")]


def check(root: Any, *args: str) -> Any:
    return CliRunner().invoke(main, ["check", str(root), "--grammar", "off", *args], env={"NO_COLOR": "1"})


@pytest.mark.parametrize("name", ["length", "wordcount", "truncate"])
def test_measuring_a_captured_placeholder_is_refused_at_the_filter(make_pack: Any, name: str) -> None:
    template = "{% set hi %}Hi {{ customer.first_name }}{% endset %}{{ hi | " + name + " }} thanks."
    root = make_pack({"refund.yaml": script(template)}, PACK_YAML)
    result = check(root, "--format", "text")
    assert result.exit_code == 2, result.output
    col = script(template).splitlines()[3].index(f"| {name}") + 3
    assert (f"{root / 'scripts' / 'refund.yaml'}:4:{col}: error: filter '{name}' cannot change a placeholder or "
            "blank (in warm_language). The helpdesk or the agent fills it in") in result.output, result.output
    assert "Traceback" not in result.output


def test_a_phrase_in_a_filter_block_is_located_at_the_block_and_not_fixed(make_pack: Any) -> None:
    """The filtered text is a value: before, it continued the literal text before the tag, so its finding was
    placed (and a fix would have been written) over the '{% filter %}' tag's own characters."""
    template = "Hi there. {% filter trim %}  Kindly note the window {% endfilter %} ends Friday."
    root = make_pack({"refund.yaml": script(template)}, PACK_YAML)
    result = check(root, "--format", "json")
    found = [d for d in json.loads(result.output)["diagnostics"] if d["text"] == "Kindly"]
    assert found, result.output
    assert (found[0]["line"], found[0]["col"]) == (4, script(template).splitlines()[3].index("{% filter") + 1)
    assert found[0]["fix"] is None
