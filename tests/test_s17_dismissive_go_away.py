"""SK305 hears a customer told to stop writing; ordinary "refrain from" advice is left alone."""

from __future__ import annotations

import pytest

import scriptkit


def _sk305(text: str) -> list[str]:
    return [d.text for d in scriptkit.lint_text(text).diagnostics if d.code == "SK305"]


@pytest.mark.parametrize("text", [
    "I hear you. Kindly refrain from contacting us again about this matter.",
    "Please desist from emailing us on this subject.",
    "Please stop contacting us about the voucher.",
])
def test_telling_the_customer_to_go_away_is_dismissive(text: str) -> None:
    assert _sk305(text)


@pytest.mark.parametrize("text", [
    "Please refrain from sharing your password with anyone, even with us.",
    "You can stop emailing me the receipts now: I've got all three.",
    "Once it arrives, we'll stop calling you about it.",
])
def test_other_refrains_and_stops_are_not(text: str) -> None:
    assert not _sk305(text)


@pytest.mark.timeout(60)
def test_a_long_run_of_near_misses_reads_in_time() -> None:
    scriptkit.lint_text("please refrain from " * 2500 + "and stop " * 2500)
