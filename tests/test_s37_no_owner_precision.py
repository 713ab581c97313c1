"""SK403 (no-owner): a refusal after a lead naming what the company is offers no step for anyone to own."""

from __future__ import annotations

import pytest

from scriptkit import lint_text


def _codes(text: str) -> set[str]:
    return {d.code for d in lint_text(text, channel="email").diagnostics}


@pytest.mark.parametrize("text", [
    "As a parcel shipping company, we are unable to open parcels to check what is inside.",
    "As a card processing provider, we do not have access to your bank's records.",
])
def test_a_refusal_after_what_the_company_is_is_no_step(text: str) -> None:
    # ("shipping", "processing" say what the company is, not a step taken for the customer)
    codes = _codes(text)
    assert "SK403" not in codes and "SK404" not in codes
    assert "SK401" in codes  # (a refusal with nothing offered)


def test_a_step_after_what_the_company_is_is_still_read() -> None:
    codes = _codes("As a parcel shipping company, we are unable to open parcels, but a replacement will be sent "
                   "to you.")
    assert "SK401" not in codes and "SK403" in codes
