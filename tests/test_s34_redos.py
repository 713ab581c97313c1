"""Hostile text and patterns that made check hang or crash: a long run of digits or capitals in a
reply (the reference-code search tried every start in the run against the rest of it), counted
repeats in a row whose copies can share the text in very many ways, and a count too large for re."""

from __future__ import annotations

import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from scriptkit.text import _CODE_MARK, plain_identifiers


@contextmanager
def hang_breaker(seconds: int, what: str) -> Iterator[None]:
    """Fails with ``what`` when the block runs past ``seconds``: only a guard against a hang (the
    runs it guards take milliseconds; before the fix, minutes)."""
    def stop(*_: object) -> None:
        raise AssertionError(f"{what}: still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# ---------------------------------------------------------------- reference codes in a long run

# the mark before: from every start in a run of digits it read the rest of the run for a capital
_OLD_MARK = re.compile(r"[A-Z\d](?:(?<=[A-Z])[A-Z\d-]*\d|(?<=\d)[A-Z\d-]*[A-Z])")


@pytest.mark.parametrize("unit", ["1", "A", "A-", "1-", "-", "1a"])
def test_a_long_run_of_digits_or_capitals_is_read_once(unit: str) -> None:
    text = "I have refunded you today. " + unit * (60_000 // len(unit))
    with hang_breaker(20, f"plain_identifiers on a run of {unit!r}"):
        plain = plain_identifiers(text)
    assert plain.startswith("I have refunded you today. ")


@pytest.mark.parametrize("text", [
    "RF-88213-XK", "JD0002219938472", "COVID-19", "4G", "A4", "2024", "-AB12", "x-A1", "1-A", "A-1", "A--1",
    "--1A", "a1B", "1-2-3", "A-B-C", "AB-CD-12", "12-AB", "A1-", "ÄB1", "1 A", "A\n1", "-A-", "1-1-A",
    "Codes: xAB-123, -AB12, AB12-x, ABCD-1x, A-1234 and 1234; www.example.org/help, then (www.a.io).",
])
def test_the_code_mark_finds_the_words_it_found_before(text: str) -> None:
    def words(mark: re.Pattern[str]) -> set[str]:
        return {w for w in text.split() if mark.search(w)}

    assert words(_CODE_MARK) == words(_OLD_MARK)
