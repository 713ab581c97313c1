"""A reply that only thanks the customer for their compliment has nothing to acknowledge or fix."""
import pytest

from scriptkit.linting import lint_text


def codes(text: str) -> set[str]:
    return {d.code for d in lint_text(text, grammar="off").diagnostics}


@pytest.mark.parametrize("text", [
    "So lovely to read! Thanks for being part of our little community 💛",
    "Love this! Thank you so much for being a member of the club.",
])
def test_thanks_for_a_compliment_is_left_alone(text: str) -> None:
    assert not codes(text) & {"SK301", "SK401", "SK105"}


def test_thanks_for_being_part_of_it_with_a_problem_is_still_judged() -> None:
    assert "SK301" in codes("Thanks for being part of our community. Your parcel is delayed.")
