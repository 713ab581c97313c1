"""Variants written as a flow list with an apostrophe inside single quotes: the error is the apostrophe, said at it
with the item in double quotes, as for a block list; it was "this value starts with '[', which YAML reads as a list.
Quote the text", which would have sent the brackets to the customer as one text."""

from __future__ import annotations

from typing import Any

from tests.conftest import run_cli

HEAD = "id: a\ntitle: A\nchannels: [email, chat]\n"
SOLUTION = "solution: I've cancelled your subscription today, and you won't be charged again.\n"


def _error(make_pack: Any, line: str) -> str:
    result = run_cli("check", str(make_pack({"a.yaml": HEAD + line + SOLUTION})))
    assert result.exit_code == 2
    return " ".join(result.output.split())


def test_the_apostrophe_in_a_flow_list_item_is_the_error_with_that_item_double_quoted(make_pack: Any) -> None:
    line = "acknowledgment: ['I understand you''d like to cancel.', 'I get why you'd like a break.']\n"
    out = _error(make_pack, line)
    assert ("a.yaml:4:71: error: YAML syntax error: the apostrophe ends the single quotes the text starts with. "
            "Use double quotes: acknowledgment: ['I understand you''d like to cancel.', "
            "\"I get why you'd like a break.\"]") in out
    assert "reads as a list" not in out


def test_a_middle_item_keeps_the_items_after_it(make_pack: Any) -> None:
    out = _error(make_pack, "acknowledgment: ['I see.', 'I get why you'd like a break.', 'Fair enough.']\n")
    assert "Use double quotes: acknowledgment: ['I see.', \"I get why you'd like a break.\", 'Fair enough.']" in out


def test_text_that_starts_with_a_bracket_is_still_told_to_quote_it(make_pack: Any) -> None:
    out = _error(make_pack, "acknowledgment: [Order 123] I'm sorry it's late, I know you've waited.\n")
    assert "this value starts with '[', which YAML reads as" in out
