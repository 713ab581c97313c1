"""SK403/SK404 on a step left to the customer's choice: "Feel free to ..." is theirs, as "Please ..." is."""

import pytest

from scriptkit import lint_text


def _codes(text: str) -> set[str]:
    return {d.code for d in lint_text(text).diagnostics if d.code in ("SK403", "SK404")}


@pytest.mark.parametrize("text", [
    "That add-on isn't made by us. Feel free to check the add-on's own forum for help.",
    "We can't add that to the editor. If you'd still like it, feel free to open a request with the browser team.",
])
def test_feel_free_to_is_the_customers_step(text: str) -> None:
    assert _codes(text) == set()


def test_feel_free_beside_a_step_with_nobody_in_it_is_still_reported() -> None:
    assert "SK403" in _codes("Your case will be escalated. Feel free to check our status page meanwhile.")
