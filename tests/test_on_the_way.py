"""Money on the way to the customer is a step done: nobody need own it (SK403) nor time it further."""
from scriptkit.linting import lint_text
from scriptkit.rules.solution import finished


def codes(text: str) -> set[str]:
    return {d.code for d in lint_text(text, grammar="off").diagnostics}


def test_money_on_the_way_is_a_step_done_nobody_need_own() -> None:
    assert "SK403" not in codes("Good news! Your credit of 12 euros is on the way and should land within 2 days.")
    assert "SK403" not in codes("Happily, your refund is on the way to you now.")


def test_money_on_the_way_to_us_is_still_to_happen() -> None:
    assert finished("Your cashback is on the way and should arrive within a week.")
    assert not finished("Your return is on the way to our warehouse.")
