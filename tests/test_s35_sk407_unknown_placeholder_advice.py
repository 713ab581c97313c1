"""SK407 in review names what an unknown helpdesk placeholder holds from its own words ('{{ reporter }}': the
reporter), where it said only "the value"; a name with no plain words to read keeps "the value"."""

from __future__ import annotations

import pytest

from scriptkit import lint_text


@pytest.mark.parametrize(("placeholder", "what"), [
    ("{{ reporter }}", "Write the reporter in before sending."),
    ("{{ ticket.order_ref }}", "Write the order ref in before sending."),
    ("{{ shipmentCarrier }}", "Write the shipment carrier in before sending."),
    ("{{ custom_field_81 }}", "Write the value in before sending."),
])
def test_an_unknown_placeholder_is_named_by_its_words(placeholder: str, what: str) -> None:
    reply = f"Thanks for the details, {placeholder}. I've passed this to our warehouse team today."
    advice = [d.suggestion or "" for d in lint_text(reply).diagnostics if d.code == "SK407"]
    assert len(advice) == 1 and advice[0].startswith("It is a helpdesk's placeholder"), advice
    assert advice[0].endswith(what), advice
