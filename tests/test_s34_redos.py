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
from scriptkit.rules.custom import slow_pattern
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


# ---------------------------------------------------------------- counted repeats in a row

SHARED = "(?:a{1,4}){1,4}" * 6 + "!x"  # loop-free once unrolled, yet 30 a's split among its copies in ~10**11 ways


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


@pytest.mark.parametrize("pattern", [SHARED, "(?:a{1,4}){1,4}" * 3 + "!x", "(?:a|a){4}" * 6 + "x",
                                     "(?:a{1,5}b?){1,5}" * 2 + "x"])
def test_counted_repeats_that_share_the_text_in_very_many_ways_are_refused(pattern: str) -> None:
    why = slow_pattern(pattern)
    assert why is not None and "exponential time" in why


@pytest.mark.parametrize("pattern", [
    "(?:a{1,4}){1,4}x", r"\d{1,3}[ -]?\d{1,4}[ -]?\d{1,4}[ -]?\d{1,4}", r"[a-z]+ing\b", r"(?:\w+\W+){1,5}x",
    r"\b(?:per|as per|pursuant to)\b", r"\w{2,5}-\d{3,5}", r"(?:\w+\s){0,5}policy", r"[A-Z]{2,4}-?\d{4,12}",
    r"\b(?:very|really|so)\s+(?:very|really|so)\b", r".{0,5}refund", r"(?:ab|cd){1,5}x",
])
def test_ordinary_counted_repeats_stay_allowed(pattern: str) -> None:
    assert slow_pattern(pattern) is None


def test_the_refusal_is_located_at_the_pattern_instead_of_hanging(tmp_path: Path) -> None:
    root = _pack(tmp_path, SHARED)
    with hang_breaker(30, "check with (?:a{1,4}){1,4} six times"):
        result = CliRunner().invoke(main, ["check", str(root), "-j1", "--format", "text"], env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    col = len("      patterns: ['\\bas per\\b', ") + 1
    assert f"{root / 'pack.yaml'}:6:{col}: error: regular expression could take exponential time" in result.output
    assert "Traceback" not in result.output


def test_review_refuses_it_in_scriptkit_toml(tmp_path: Path) -> None:
    (tmp_path / "scriptkit.toml").write_text(f"[[custom]]\nname = \"gerunds\"\nkind = \"existence\"\n"
                                             f"patterns = ['{SHARED}']\n", encoding="utf-8")
    reply = tmp_path / "reply.txt"
    reply.write_text("Hi Sam,\n\nI have refunded you today " + "a" * 30 + "! thanks.\n\nBest,\nMia\n", encoding="utf-8")
    with hang_breaker(30, "review with (?:a{1,4}){1,4} six times"):
        result = CliRunner().invoke(main, ["review", str(reply)], env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    assert f"{tmp_path / 'scriptkit.toml'}:4:" in result.output and "exponential time" in result.output


# ---------------------------------------------------------------- a count re cannot hold

@pytest.mark.parametrize("pattern", ["a{4294967296}", "a{1,4294967295}", "(?:ab){99999999999}x"])
def test_a_count_too_large_is_a_located_error(tmp_path: Path, pattern: str) -> None:
    root = _pack(tmp_path, pattern)
    result = CliRunner().invoke(main, ["check", str(root), "-j1", "--format", "text"], env={"NO_COLOR": "1"})
    assert result.exit_code == 2, result.output
    col = len("      patterns: ['\\bas per\\b', ") + 1
    assert (f"{root / 'pack.yaml'}:6:{col}: error: invalid regular expression: "
            "the repetition number is too large") in result.output, result.output
    assert "This is a bug" not in result.output and "OverflowError" not in result.output
