"""SK201 finds "kindly" in a passive request again ("You are kindly requested to sign"), with no fix, and a
"kindly" after "we" or "I" is told in words that quote nothing the reply does not say."""

from __future__ import annotations

import pytest

from scriptkit import lint_text


def _kindly(text: str) -> list[tuple[str, str, bool]]:
    return [(d.text, d.message, d.fix is not None) for d in lint_text(text, config=None).diagnostics
            if d.code == "SK201" and "kindly" in d.message.lower()]


@pytest.mark.parametrize("line", [
    "You are kindly requested to sign the form.",
    "You are kindly asked to return the scanner in its box.",
    "You're kindly asked to keep the receipt.",
    "You’re kindly asked to keep the receipt.",
    "You are kindly reminded to pay the second invoice.",
    "Customers are kindly reminded that the shop shuts at six.",
    "Passengers are kindly requested to stay seated.",
])
def test_passive_request_is_flagged_without_a_fix(line: str) -> None:
    found = _kindly(line)
    assert len(found) == 1, (line, found)
    text, _message, has_fix = found[0]
    assert text.lower() == "kindly"
    assert not has_fix  # "please" is no drop-in here ("you are please requested")


@pytest.mark.parametrize("line", [
    "You were kindly helped by Sam at the desk.",
    "The parcel was kindly carried upstairs by the driver.",
])
def test_a_kind_act_told_is_not_flagged(line: str) -> None:
    assert _kindly(line) == []


@pytest.mark.parametrize("line", [
    "I kindly advise you to wait for the parcel.",
    "We kindly ask for your patience.",
    "We kindly ask you you to confirm.",
])
def test_message_quotes_only_what_the_reply_says(line: str) -> None:
    found = _kindly(line)
    assert found, line
    for _, message, _ in found:
        assert "remind" not in message.lower(), message
        for quoted in message.split('"')[1::2]:
            assert quoted.lower() in line.lower() or quoted.lower() in ("kindly", "please"), (quoted, message)
