"""Hostile text and patterns that made check hang or crash: a long run of digits or capitals in a
reply (the reference-code search tried every start in the run against the rest of it), counted
repeats in a row whose copies can share the text in very many ways, and a count too large for re."""

from __future__ import annotations

import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit.cli import main
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


# ---------------------------------------------------------------- a count re cannot hold

def _pack(tmp_path: Path, pattern: str) -> Path:
    root = tmp_path / "pack"
    (root / "scripts").mkdir(parents=True)
    quoted = pattern.replace("'", "''")
    (root / "pack.yaml").write_text("name: Voice\nrules:\n  custom:\n    - name: house-style\n      kind: existence\n"
                                    f"      patterns: ['\\bas per\\b', '{quoted}']\n", encoding="utf-8")
    (root / "scripts" / "late.yaml").write_text(
        "id: late\ntitle: Late parcel\n"
        'acknowledgment: "I can see the parcel is late, and I understand how annoying that is. '
        + "a" * 30 + '!"\nwarm_language: Thank you for bearing with us.\n'
        "solution: I have sent a new parcel today, and it arrives by Friday.\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("pattern", ["a{4294967296}", "a{1,4294967295}", "(?:ab){99999999999}x"])
def test_a_count_too_large_is_a_located_error(tmp_path: Path, pattern: str) -> None:
    root = _pack(tmp_path, pattern)
    result = CliRunner().invoke(main, ["check", str(root), "-j1", "--format", "text"], env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    col = len("      patterns: ['\\bas per\\b', ") + 1
    assert (f"{root / 'pack.yaml'}:6:{col}: error: invalid regular expression: "
            "the repetition number is too large") in result.output, result.output
    assert "This is a bug" not in result.output and "OverflowError" not in result.output
