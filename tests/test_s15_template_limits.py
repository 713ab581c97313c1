"""Template refusals that say what to do: round's precision is bounded (round(-99999999) computed for
minutes), and the hint of a sandbox refusal fits its reason."""

from __future__ import annotations

from typing import Any

import pytest
from click.testing import CliRunner

from scriptkit.cli import main


def script(solution: str) -> str:
    return ("id: late\ntitle: Late\n"
            "acknowledgment: I can see how frustrating it is that your parcel is late.\n"
            f"solution: \"{solution}\"\n")


def render(make_pack: Any, solution: str) -> Any:
    root = make_pack({"late.yaml": script(solution)})
    return CliRunner().invoke(main, ["render", str(root), "--script", "late", "--channel", "email"],
                              env={"NO_COLOR": "1", "COLUMNS": "200"})


@pytest.mark.parametrize("precision", ["-99999999", "99999999", "2.5"])
def test_round_with_a_precision_past_twenty_digits_is_refused_at_its_slot(make_pack: Any, precision: str) -> None:
    done = render(make_pack, f"I've refunded {{{{ 5|round({precision}) }}}} pounds today.")
    assert done.exit_code == 2
    assert "late.yaml:4:11: error: refused by the template sandbox: round's precision must be a whole number" \
        in done.output, done.output
    assert "Write the value out" in done.output and "Traceback" not in done.output


def test_round_within_bounds_renders_as_jinja_does(make_pack: Any) -> None:
    done = render(make_pack, "I've refunded {{ 12.345|round(2) }} and {{ 1234|round(-2) }} pounds today.")
    assert done.exit_code == 0, done.output
    assert "I've refunded 12.35 and 1200.0 pounds today." in done.output


def test_a_template_making_too_much_text_is_told_to_shorten_it(make_pack: Any) -> None:
    done = render(make_pack, "I've sent {{ '%0999999999d' % 5 }} today.")
    assert done.exit_code == 2
    assert "the text would be longer than 50,000 characters" in done.output
    assert "A slot renders to at most 50,000 characters" in done.output
    assert "constants, placeholders and blanks only" not in done.output


def test_a_repetition_too_large_is_told_to_shorten_the_text(make_pack: Any) -> None:
    done = render(make_pack, "I've sent {{ 'ab' * (9999 * 9999) }} today.")
    assert done.exit_code == 2
    assert "repetition too large" in done.output and "A slot renders to at most 50,000 characters" in done.output
