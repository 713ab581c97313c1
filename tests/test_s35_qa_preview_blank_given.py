"""Message.preview with {'blank': 'Friday'} (no dict of blanks) ignored it without a word, and a blank given both as
'blank.<name>' and under 'blank' showed the dict's value without a word; each is now a ConfigError."""

from __future__ import annotations

import pytest

import scriptkit
from scriptkit.message import Blank, Message, Placeholder, Text


def _message() -> Message:
    return Message("delay", "Delay", "email", 0, (
        Text("Hi ", "acknowledgment"), Placeholder("customer.first_name", "acknowledgment", "there"),
        Text(", your new kettle arrives on ", "solution"), Blank("new_date", "solution"), Text(".", "solution")))


@pytest.mark.parametrize("given", ["Friday", ["Friday"], 3])
def test_a_blank_key_that_is_no_mapping_is_refused(given: object) -> None:
    with pytest.raises(scriptkit.ConfigError, match=r"takes 'blank' as a dict of blank names to values") as caught:
        _message().preview({"blank": given})
    assert "{'blank': {'new_date': 'Friday'}}" in str(caught.value)


def test_a_blank_given_twice_is_refused() -> None:
    with pytest.raises(scriptkit.ConfigError, match=r"'blank\.new_date' twice: as 'blank\.new_date' and under "
                                                    r"'blank'"):
        _message().preview({"blank.new_date": "Friday", "blank": {"new_date": "Monday"}})
    with pytest.raises(scriptkit.ConfigError, match=r"'customer\.first_name' twice: under 'customer' and as "):
        _message().preview({"customer": {"first_name": "Ann"}, "customer.first_name": "Bo"})
    # (the same value twice loses nothing)
    assert _message().preview({"blank.new_date": "Friday", "blank": {"new_date": "Friday"}}) == \
        "Hi there, your new kettle arrives on Friday."
