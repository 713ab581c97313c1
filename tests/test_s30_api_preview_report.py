"""Message.preview takes nested samples as their dotted names; its hint's example fits the placeholder;
LintResult.report takes a format's name in any case."""
import io
import json

import pytest

import scriptkit
from scriptkit.errors import ConfigError
from scriptkit.message import Message, Placeholder, Text


def _message() -> Message:
    return Message(script_id="t", title="T", channel="email", variant=0, segments=(
        Text(text="Hi ", slot="greeting"), Placeholder(name="customer.first_name", slot="greeting", fallback="there"),
        Text(text=", order ", slot="solution"), Placeholder(name="order.number", slot="solution"),
        Text(text=" is on its way.", slot="solution")))


def test_nested_samples_read_as_their_dotted_names() -> None:
    nested = _message().preview({"customer": {"first_name": "Ann"}, "order": {"number": 7}})
    assert nested == _message().preview({"customer.first_name": "Ann", "order.number": 7})
    assert nested == "Hi Ann, order 7 is on its way."


def test_a_nested_slip_is_still_named() -> None:
    with pytest.raises(ConfigError, match=r"customer\.firstname"):
        _message().preview({"customer": {"firstname": "Ann"}})


def test_the_type_hint_gives_a_value_that_fits_the_placeholder() -> None:
    with pytest.raises(ConfigError) as raised:
        _message().preview({"customer.first_name": "Ann", "order.number": ["x"]})
    assert "'order.number'" in str(raised.value) and "'Sam'" not in str(raised.value)


def test_report_takes_a_format_in_any_case() -> None:
    result = scriptkit.lint_text("Please be advised that your ticket has been escalated.")
    upper, lower = io.StringIO(), io.StringIO()
    result.report(upper, "JSON")
    result.report(lower, "json")
    assert json.loads(upper.getvalue()) == json.loads(lower.getvalue())
    with pytest.raises(ConfigError, match="unknown output format 'yaml'"):
        result.report(io.StringIO(), "yaml")
