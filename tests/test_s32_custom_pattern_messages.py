"""A custom rule's pattern: a '[' inside [...] is refused wherever it stands in the set, not only first (Python
warns of "[[" alone, so "[a[b]" was taken as a set of "a", "[" and "b" and flagged every "a"); and a flag for the
whole pattern, "(?i)" written at its start, is refused saying why (the rule's patterns are joined into one) and how
to set case, not "global flags not at the start of the expression"."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.conftest import run_cli

SCRIPT = ("id: a\ntitle: A\nchannels: [email]\n"
          "acknowledgment: I can see how frustrating a late parcel is, and I'm sorry.\n"
          "solution: I've sent a new one today, and I'll email you on Friday [order b].\n")


def _check(make_pack: Any, pattern: str) -> Any:
    root = make_pack({"a.yaml": SCRIPT}, "name: T\nrules:\n  custom:\n    - name: voice\n      kind: existence\n"
                                         f"      patterns: ['{pattern}']\n")
    return run_cli("check", str(root), "--select", "custom")


@pytest.mark.parametrize(("pattern", "position"), [
    ("[a[b]", 2), ("x[]a[]", 4), ("[^a[]", 3), ("[a-z[]", 4), (r"[\]a[]", 4), ("(x|[ab[])", 6),
])
def test_a_bracket_inside_a_set_is_a_located_error(make_pack: Any, pattern: str, position: int) -> None:
    result = _check(make_pack, pattern)
    assert result.exit_code == 2, result.output
    assert (f"pack.yaml:6:18: error: regular expression reads differently in later Python versions "
            f"(possible nested set at position {position})") in result.output, result.output
    assert "Write a backslash before a '[' inside [...]" in result.output
    assert "default email layout" not in result.output


@pytest.mark.parametrize("pattern", [r"[a\[b]", r"\[order [a-z]\]", r"[\w\[]+", r"(?#[)order", "[]a]"])
def test_a_bracket_escaped_or_outside_a_set_is_accepted(make_pack: Any, pattern: str) -> None:
    result = _check(make_pack, pattern)
    assert result.exit_code in (0, 1), result.output
    assert "error:" not in result.output, result.output
    re.compile(pattern)  # (and Python takes it as the test means it)


@pytest.mark.parametrize("pattern", ["(?i)asap", r"\basap\b(?i)"])
def test_a_flag_for_the_whole_pattern_says_why_and_how_to_set_case(make_pack: Any, pattern: str) -> None:
    result = _check(make_pack, pattern)
    assert result.exit_code == 2, result.output
    assert ("pack.yaml:6:18: error: a flag for the whole pattern such as (?i) is not allowed here, as a rule's "
            "patterns are joined into one regular expression") in result.output, result.output
    assert "global flags not at the start" not in result.output
    assert "case is already ignored" in result.output and "(?-i:ASAP)" in result.output
    assert "ignore-case: false" in result.output
