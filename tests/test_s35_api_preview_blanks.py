"""Message.preview fills an agent's blanks from 'blank.<name>' keys, and names a slip in one."""

from __future__ import annotations

import pytest

import scriptkit
from scriptkit.message import Blank, Message, Placeholder, Text


def _message() -> Message:
    return Message("delay", "Delay", "email", 0, (
        Text("Hi ", "acknowledgment"), Placeholder("customer.first_name", "acknowledgment", "there"),
        Text(", your new charger arrives on ", "solution"), Blank("new_date", "solution", "the delivery day"),
        Text(" by ", "solution"), Blank("courier", "solution"), Text(".", "solution")))


def test_blanks_are_filled_from_blank_keys_and_left_as_markers_without_one() -> None:
    message = _message()
    assert message.preview({"blank.new_date": "Friday", "customer.first_name": "Sam"}) == \
        "Hi Sam, your new charger arrives on Friday by [[courier]]."
    assert message.preview({"blank": {"new_date": 3, "courier": "DPD"}}) == \
        "Hi there, your new charger arrives on 3 by DPD."
    assert message.preview({"blank.new_date": None}) == \
        "Hi there, your new charger arrives on [[new_date]] by [[courier]]."


def test_a_slip_in_a_blank_key_is_named() -> None:
    with pytest.raises(scriptkit.ConfigError, match=r"'blank\.new_dat'.*Did you mean 'blank\.new_date'\?"):
        _message().preview({"blank.new_dat": "Friday"})


def test_a_blank_named_without_its_prefix_is_named() -> None:
    with pytest.raises(scriptkit.ConfigError, match=r"'new_date'.*blank.*Pass it as 'blank\.new_date'"):
        _message().preview({"new_date": "Friday"})


def test_a_blank_value_of_the_wrong_type_is_named() -> None:
    with pytest.raises(scriptkit.ConfigError, match=r"a str or a number, not a list \(for blank\.courier\)"):
        _message().preview({"blank.courier": ["DPD"]})


def test_blank_keys_for_another_scripts_blanks_are_left_alone() -> None:
    assert "[[courier]]" not in _message().preview({"blank.courier": "DPD", "blank.refund_amount": "£20"})
