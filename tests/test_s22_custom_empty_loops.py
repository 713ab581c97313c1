"""A team's pattern that repeats without end a part that can match nothing ("(?:a|)+x", "(a?)*x") is refused where
it is written: each copy may read a character or nothing, and re tries both at every character from every place a
search starts (eight to twenty times the work of "a*x", which says the same). A counted repeat ("(a?){0,30}") tries
a bounded number of copies and stays accepted."""

from __future__ import annotations

import re
from typing import Any

import pytest

from scriptkit import lint_text, load_config, load_pack
from scriptkit.rules.custom import SLOW_HINT, slow_pattern
from tests.conftest import run_cli

SCRIPT = ("id: a\ntitle: A\nchannels: [email]\n"
          "acknowledgment: I can see how frustrating it is to be locked out, and I'm sorry.\n"
          "solution: I've reset it today, and I'll email you on Friday.\n")


@pytest.mark.parametrize("pattern", ["(?:a|)+x", "(?:a|b|)+x", "(?:a?)+x", "(a|)*x", r"(?:\w|)+!", "(?:a|){2,}x",
                                     "(?:a|)+?x", r"(?:very\s|)+sorry"])
def test_a_repeat_without_end_of_a_part_that_can_match_nothing_is_refused(make_pack: Any, pattern: str) -> None:
    root = make_pack({"a.yaml": SCRIPT}, "name: T\nrules:\n  custom:\n    - name: voice\n      kind: existence\n"
                                         f"      patterns: ['{pattern}']\n")
    result = run_cli("check", str(root))
    assert result.exit_code == 2
    assert ("pack.yaml:6:18: error: regular expression could take too long on a long reply (a repeated part that "
            "can match nothing, as in (a|)+ or (a?)*, is tried both ways") in result.output
    assert "(a|)+ and (a?)* as a*" in result.output


@pytest.mark.parametrize("pattern", ["a*x", "(a?){0,30}x", "(?:a|){2,30}x", r"(?:very\s+)*sorry", "(a?)?x"])
def test_what_to_write_instead_is_accepted(pattern: str) -> None:
    assert slow_pattern(pattern, re.IGNORECASE) is None


def test_the_rewrite_reads_50_kb_of_adversarial_text(make_pack: Any, tmp_path: Any) -> None:
    root = make_pack({"a.yaml": SCRIPT}, "name: T\nrules:\n  select: [custom]\n  custom:\n    - name: voice\n"
                                         "      kind: existence\n      patterns: ['a*x']\n")
    text = "a" * 50_000 + " then ax."  # (every start reads to the end of the a's and fails, but the last)
    found = lint_text(text, config=load_config(load_pack(root))).diagnostics
    assert [(d.code, d.text) for d in found] == [("SK801", "ax")]
    assert "(a|)+ and (a?)* as a*" in SLOW_HINT
