"""A writer's slips inside '{% %}' and '{{ }}', in real script files: each is said at the slip, in a
writer's words, with the line to write; exit code 2, no traceback, the file untouched."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main

PACK = textwrap.dedent("""\
    name: Tidepool Swim School
    constants:
      has_waitlist: true
      refund_days: 5
    """)

FULL = textwrap.dedent("""\
    id: class-full
    title: "Bookings::Class is full"
    channels: [email]
    acknowledgment: I know how disappointing it is to find the class you wanted is already full.
    warm_language: Thanks so much for thinking of us.
    flexibility:
      blanks:
        - name: refund_amount
          prompt: The deposit refunded, with the currency
    solution: >-
      {% if has_waitlist %}I've added you to the waiting list today, and I'll email you when a place
      opens.{% else %}I've refunded {{ blank.refund_amount }} today, within {{ refund_days }} days.{% endif %}
    """)


def at(new: str, needle: str, shift: int = 0) -> str:
    """'line:col' of ``needle`` (and ``shift`` characters on) in FULL after the edit that wrote ``new``."""
    text = FULL.replace(_edits[new], new, 1)
    offset = text.index(needle) + shift
    line = text.count("\n", 0, offset) + 1
    return f"{line}:{offset - text.rfind(chr(10), 0, offset)}"


_edits: dict[str, str] = {}


def refused(make_pack: Any, old: str, new: str) -> str:
    _edits[new] = old
    assert old in FULL
    text = FULL.replace(old, new, 1)
    root = make_pack({"class-full.yaml": text}, pack_yaml=PACK)
    script = root / "scripts" / "class-full.yaml"
    result = CliRunner().invoke(main, ["check", str(root)], env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert isinstance(result.exception, SystemExit) and "Traceback" not in result.output
    assert result.exit_code == 2, result.output
    assert result.output.count(": error: ") == 1, result.output
    assert script.read_text(encoding="utf-8") == text
    return result.output.replace(f"{script}:", "")


def test_the_script_as_written_passes(make_pack: Any) -> None:
    root = make_pack({"class-full.yaml": FULL}, pack_yaml=PACK)
    result = CliRunner().invoke(main, ["check", str(root)], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output


def test_an_end_tag_left_open_is_said_at_its_braces(make_pack: Any) -> None:
    # it was "unexpected end of template, expected 'end of statement block'" at the slot's start
    out = refused(make_pack, "{% endif %}", "{% endif")
    assert out.startswith(at("{% endif", "{% endif") + ": error: template syntax error in solution: this '{%' is "
                          "never closed with '%}'. Add '%}' where the tag ends: {% endif %}."), out


def test_a_tag_closed_with_a_placeholders_brace_is_said_at_the_brace(make_pack: Any) -> None:
    # it was "unexpected '}'" at the slot's start
    out = refused(make_pack, "{% if has_waitlist %}", "{% if has_waitlist }")
    brace = at("{% if has_waitlist }", "has_waitlist }", len("has_waitlist "))
    assert out.startswith(brace + ": error: template syntax error in solution: this '{%' ends with '}' instead "
                          "of '%}'. End the tag with '%}': {% if has_waitlist %}."), out


def test_else_if_is_told_to_be_elif(make_pack: Any) -> None:
    # it was "expected token 'end of statement block', got 'if'"
    out = refused(make_pack, "{% else %}", "{% else if refund_days > 3 %}")
    assert out.startswith(at("{% else if refund_days > 3 %}", "{% else if") + ": error: template syntax error in "
                          "solution: '{% else if %}' is written '{% elif %}' here. "
                          "Write {% elif refund_days > 3 %}."), out


def test_a_blank_written_without_its_namespace_is_told_how(make_pack: Any) -> None:
    # it was "Did you mean 'refund_days'?", a constant, for the blank the script declares
    out = refused(make_pack, "{{ blank.refund_amount }}", "{{ refund_amount }}")
    assert out.startswith(at("{{ refund_amount }}", "refund_amount }}") + ": error: undefined name 'refund_amount'. "
                          "'refund_amount' is a blank of this script: write {{ blank.refund_amount }}."), out


@pytest.mark.parametrize(("name", "meant"), [
    ("first_name", "Did you mean {{ agent.first_name }} or {{ customer.first_name }}?"),
    ("number", "Did you mean {{ order.number }}?"),
])
def test_a_placeholder_without_its_namespace_is_named(make_pack: Any, name: str, meant: str) -> None:
    written = "{{ " + name + " }}"
    out = refused(make_pack, "{{ refund_days }}", written)
    assert out.startswith(at(written, name + " }}") + f": error: undefined name '{name}'. {meant} "
                          "Placeholders are written namespace.field."), out


def test_a_constant_still_wins_over_a_placeholder_field(make_pack: Any, tmp_path: Path) -> None:
    """A pack whose constant is called 'number' means its constant: nothing to report."""
    root = make_pack({"class-full.yaml": FULL.replace("{{ refund_days }}", "{{ number }}")},
                     pack_yaml=PACK + "  number: 5\n")
    result = CliRunner().invoke(main, ["check", str(root)], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output


def test_an_apostrophe_inside_a_fallback_is_said_with_two_ways_out(make_pack: Any) -> None:
    # it was "the quote ' inside '{{ }}' is never closed. Close the text with a second '"
    new = "Thanks, {{ customer.first_name | fallback('the family's') }}, for thinking of us."
    out = refused(make_pack, "Thanks so much for thinking of us.", new)
    assert out.startswith(at(new, "family's", len("family")) + ": error: template syntax error in warm_language: "
                          "the apostrophe in 'the family's' ends the fallback's quoted text. Write the apostrophe "
                          "as \u2019, fallback('the family\u2019s'), or put the fallback in double quotes."), out
    # the first way out, as written in the hint, passes
    root = make_pack({"class-full.yaml": FULL.replace(
        "Thanks so much for thinking of us.",
        "Thanks, {{ customer.first_name | fallback('the family\u2019s') }}, for thinking of us.")}, pack_yaml=PACK)
    assert CliRunner().invoke(main, ["check", str(root)], env={"NO_COLOR": "1"}).exit_code == 0


def test_a_fallback_of_several_words_without_quotes_is_told_to_quote_them(make_pack: Any) -> None:
    # it was Jinja's "expected token ',', got 'family'"
    new = "Thanks, {{ customer.first_name | fallback(the family) }}, for thinking of us."
    out = refused(make_pack, "Thanks so much for thinking of us.", new)
    assert out.startswith(at(new, "the family)") + ": error: template syntax error in warm_language: "
                          "fallback(the family) needs quotes. Write fallback('the family')."), out


@pytest.mark.parametrize("value", ["no", "No", "'false'", "off"])
def test_a_condition_on_a_constant_written_no_is_refused(make_pack: Any, value: str) -> None:
    """'has_waitlist: no' is the text 'no' in YAML 1.2, and any text is true: the reply promised a
    place on the waiting list the school does not keep, with the check all clear."""
    root = make_pack({"class-full.yaml": FULL}, pack_yaml=PACK.replace("has_waitlist: true", f"has_waitlist: {value}"))
    result = CliRunner().invoke(main, ["check", str(root)], env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert result.exit_code == 2, result.output
    shown = value.strip("'")
    assert (f"class-full.yaml:11:9: error: the condition tests 'has_waitlist', which is the text '{shown}': any "
            "text is true, so 'has_waitlist' is never false here. In pack.yaml write has_waitlist: false (no "
            "quotes), or compare the text: {% if has_waitlist == 'yes' %}.") in result.output


def test_a_condition_on_a_constant_that_is_false_renders_the_other_branch(make_pack: Any) -> None:
    root = make_pack({"class-full.yaml": FULL}, pack_yaml=PACK.replace("has_waitlist: true", "has_waitlist: false"))
    result = CliRunner().invoke(main, ["render", str(root), "--channel", "email"], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    assert "I've refunded [[refund amount]] today" in result.output and "waiting list" not in result.output


def test_or_on_a_placeholder_is_refused_with_the_fallback_to_write(make_pack: Any) -> None:
    """'or' is decided when the reply is built, where the placeholder is always there: the export kept
    '{{ticket.requester.first_name}}' alone, and a customer with no name read 'Thanks, , for...'."""
    new = "Thanks, {{ customer.first_name or 'friend' }}, for thinking of us."
    out = refused(make_pack, "Thanks so much for thinking of us.", new)
    assert out.startswith(at(new, "or 'friend'") + ": error: 'or' cannot give the placeholder 'customer.first_name' "
                          "a fallback: it is decided when scriptkit builds the reply, before the helpdesk fills the "
                          "value in. Write {{ customer.first_name | fallback('friend') }}."), out


@pytest.mark.parametrize(("new", "kind"), [
    # in quotes, it was Jinja's "expected token 'end of print statement', got ':'"
    ('"Thanks, {{ customer.first_name | fallback: \'friend\' }}, for thinking of us."', "template syntax error in "
     "warm_language: "),
    # unquoted, YAML's "a ': ' in a value that is not quoted", with the advice to quote it
    ("Thanks, {{ customer.first_name | fallback: 'friend' }}, for thinking of us.", "YAML syntax error: "),
])
def test_a_liquid_fallback_is_told_the_form_to_write(make_pack: Any, new: str, kind: str) -> None:
    out = refused(make_pack, "Thanks so much for thinking of us.", new)
    assert out.startswith(at(new, ": 'friend'") + f": error: {kind}'| fallback:' is how a helpdesk's Liquid writes "
                          "a fallback. Write fallback('friend'): the export writes each helpdesk's own form."), out


def test_a_fallback_bracket_left_open_is_said_at_the_bracket(make_pack: Any) -> None:
    # it was "unexpected '}', expected ')'" at the '{{'
    new = "Thanks, {{ customer.first_name | fallback('friend' }}, for thinking of us."
    out = refused(make_pack, "Thanks so much for thinking of us.", new)
    assert out.startswith(at(new, "('friend'") + ": error: template syntax error in warm_language: this '(' is "
                          "never closed with ')'. Add ')' after the fallback's text: fallback('friend')."), out


def test_a_constant_named_with_a_space_is_one_problem_at_its_name(make_pack: Any) -> None:
    """'refund days: 5' in pack.yaml, used as {{ refund_days }}: it was also 'undefined name refund_days. Did
    you mean refund days?' at every use, offering the name that cannot be written."""
    root = make_pack({"class-full.yaml": FULL}, pack_yaml=PACK.replace("refund_days: 5", "refund days: 5"))
    result = CliRunner().invoke(main, ["check", str(root)], env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert result.exit_code == 2
    assert result.output.count(": error: ") == 1, result.output
    assert (f"{root}/pack.yaml:4:3: error: constant name 'refund days' is not allowed. Use letters, digits and '_' "
            "(e.g. refund_days), and not a placeholder namespace.") in result.output
