"""Every template slip of a script in one run, in the file's order, each at its place and in a
writer's words: Jinja stops at a text's first slip, so a writer fixed one and met the next."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

PACK_YAML = "name: Slips\nconstants:\n  support_hours: 8am to 6pm\n"


def script(solution: str) -> str:
    """A script whose solution, line 4, is ``solution`` in double quotes."""
    return ("id: late\ntitle: Late\nacknowledgment: I can see how frustrating this wait has been.\n"
            f'solution: "{solution}"\n')


def errors(make_pack: Any, solution: str) -> list[str]:
    root = make_pack({"late.yaml": script(solution)}, PACK_YAML)
    result = CliRunner().invoke(main, ["check", str(root), "--grammar", "off"], env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    prefix = f"{Path(root) / 'scripts' / 'late.yaml'}:4:"
    found = [line for line in result.output.splitlines() if ": error: " in line]
    assert all(line.startswith(prefix) for line in found), found
    return [line[len(prefix):] for line in found]


def col(solution: str, needle: str) -> str:
    return f"{script(solution).splitlines()[3].index(needle) + 1}:"


def test_three_slips_of_one_text_are_told_together_in_order(make_pack: Any) -> None:
    solution = ("I've sent {{ order number }} today to {{ticket.requester.first_name}}; "
                "we are here {{ support_hours.upper }}.")
    told = errors(make_pack, solution)
    assert len(told) == 3, told
    assert told[0].startswith(col(solution, "{{ order number")) and "has spaces inside a name" in told[0]
    assert told[1].startswith(col(solution, "{{ticket")) and "Zendesk's spelling" in told[1]
    assert told[2].startswith(col(solution, "upper")) and "it has no '.upper'" in told[2]


def test_a_slip_in_a_tag_after_one_in_braces_is_told_too(make_pack: Any) -> None:
    solution = "I've sent it {% if support_hours %}today and {{ order number }}."
    told = errors(make_pack, solution)
    assert len(told) == 2, told
    assert told[0].startswith(col(solution, "{% if")) and "'{% if %}' is never closed" in told[0]
    assert told[1].startswith(col(solution, "{{ order")) and "has spaces inside a name" in told[1]


def test_a_placeholder_used_rightly_is_never_blanked_for_a_problem_told_elsewhere(make_pack: Any) -> None:
    solution = "Order {{ order.number }} left today, and {% if order.number %}it ships soon.{% endif %}"
    told = errors(make_pack, solution)
    assert len(told) == 1, told
    assert told[0].startswith(col(solution, "order.number %}"))
    assert "a condition cannot test the placeholder 'order.number'" in told[0]


@pytest.mark.parametrize(("solution", "needle", "message"), [
    ("Thanks {{ order.number || fallback('your order') }}, it left today.", "||",
     "template syntax error in solution: '||' has one '|' too many. A filter follows one '|': "
     "write {{ order.number | fallback('your order') }}."),
    ("Thanks {{ order.number || 'yours' }}, it left today.", "||",
     "template syntax error in solution: '||' has one '|' too many. For text to show where it is empty, "
     "write {{ order.number | fallback('...') }}."),
    ("Order {{ order.number | fallback('the (new) one')) }} left today.", ")) }}",
     "template syntax error in solution: this ')' closes no '('. Delete it."),
])
def test_a_slip_with_bars_or_brackets_is_told_at_the_slip(make_pack: Any, solution: str, needle: str,
                                                          message: str) -> None:
    told = errors(make_pack, solution)
    at = col(solution, needle) if needle != ")) }}" else f"{int(col(solution, needle)[:-1]) + 1}:"
    assert told == [f"{at} error: {message}"]


def test_bars_inside_quoted_text_are_no_slip(make_pack: Any) -> None:
    solution = "Thanks {{ order.number | fallback('yours || mine') }} and {{ order number }}."
    told = errors(make_pack, solution)
    assert len(told) == 1 and "has spaces inside a name" in told[0], told


def test_an_escaped_quote_inside_a_fallback_is_no_slip(make_pack: Any) -> None:
    # (YAML's "\\'" is Jinja's \' : the quote is the fallback's text, not its end)
    solution = "Thanks {{ order.number | fallback('it\\\\'s yours || (mine') }} and {{ order number }}."
    told = errors(make_pack, solution)
    assert len(told) == 1 and "has spaces inside a name" in told[0], told


def test_a_slip_made_by_reading_on_is_not_told(make_pack: Any) -> None:
    told = errors(make_pack, "Thanks {{ {{ order number }} }} today.")
    assert all("   " not in t for t in told), told
    assert any("has spaces inside a name" in t for t in told), told
