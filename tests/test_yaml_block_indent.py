"""Text under a '|' or '>' that is not indented under it is said so, with what to indent it past:
YAML ended the text there, empty, and said "could not find expected ':'" at the next line."""

from __future__ import annotations

from typing import Any

import pytest

from scriptkit import load_pack
from scriptkit.errors import ScriptkitError

HEAD = "id: late\ntitle: Late\nacknowledgment: I can see how frustrating this wait has been.\n"
PROBLEM = "YAML syntax error: this text is not indented under the '|' or '>' above it, so that text is empty"


@pytest.mark.parametrize(("body", "line", "col", "past"), [
    ("solution:\n  - >\n  I've sent a new one today.\n  It arrives by Friday.\n", 6, 3, "the '-' above it"),
    ("solution: |\nI've sent a new one today.\nIt arrives by Friday.\n", 5, 1, "'solution:'"),
    ("solution: I've sent it.\nflexibility:\n  alternatives:\n    - label: Refund\n      text: >-\n"
     "      I'll refund you in full today.\n", 9, 7, "'text:'"),
])
def test_text_not_indented_under_its_block_is_said_so(make_pack: Any, body: str, line: int, col: int,
                                                      past: str) -> None:
    root = make_pack({"late.yaml": HEAD + body})
    with pytest.raises(ScriptkitError) as caught:
        load_pack(root)
    told = caught.value
    assert told.message == PROBLEM
    assert (told.location.line, told.location.col) == (line, col)  # type: ignore[union-attr]
    assert told.hint == f"Indent each line of the text further than {past}."


def test_the_same_text_indented_loads(make_pack: Any) -> None:
    body = "solution:\n  - >\n    I've sent a new one today.\n    It arrives by Friday.\n"
    assert load_pack(make_pack({"late.yaml": HEAD + body})).scripts[0].solution == [
        "I've sent a new one today. It arrives by Friday.\n"]


@pytest.mark.parametrize(("body", "message"), [
    # (YAML: "mapping values are not allowed here", told as a ': ' to quote)
    ("solution: >\nIt left today: it arrives: Friday.\n", PROBLEM),
    # (valid YAML: an empty text, then a key 'I've sent a new one' — "unknown key 'I've sent a new one'")
    ("solution: >\nI've sent a new one: it arrives Friday.\n", PROBLEM.removeprefix("YAML syntax error: ")),
])
def test_a_colon_in_the_unindented_text_is_no_other_problem(make_pack: Any, body: str, message: str) -> None:
    root = make_pack({"late.yaml": HEAD + body})
    with pytest.raises(ScriptkitError) as caught:
        load_pack(root)
    problems = getattr(caught.value, "errors", [caught.value])
    assert [p.message for p in problems] == [message]
    assert problems[0].hint == "Indent each line of the text further than 'solution:'."
