"""A custom rule's ``message`` names only plain fields its kind fills in: anything else (a field another kind
fills in, a format spec, an attribute) is a located error at load, not a crash or gigabytes on every reply."""

from __future__ import annotations

from typing import Any

import pytest

from scriptkit import lint_pack, load_pack
from tests.conftest import run_cli

SCRIPT = ("id: a\ntitle: A\nchannels: [email]\n"
          "acknowledgment: I can see how frustrating it is to be locked out, and I'm sorry.\n"
          "solution: Unfortunately the bank needs two more days, and I'll email you on Friday.\n")


def _pack(make_pack: Any, kind: str, message: str) -> Any:
    body = {"existence": "terms: [unfortunately]", "substitution": "swap: {bank: lender}",
            "occurrence": "terms: [thanks]\n      min: 1", "metric": "metric: words\n      max: 3"}[kind]
    return make_pack({"a.yaml": SCRIPT}, "name: T\nrules:\n  select: [custom]\n  custom:\n    - name: voice\n"
                                         f"      kind: {kind}\n      {body}\n      message: {message}\n")


@pytest.mark.parametrize(("kind", "message", "said"), [
    ("existence", "'{count} times'", "message has an unknown field 'count'"),  # (the docs name {count})
    ("existence", "'Say {replacement}'", "message has an unknown field 'replacement'"),
    ("substitution", "'{value}'", "message has an unknown field 'value'"),
    ("metric", "'{match}'", "message has an unknown field 'match'"),
    ("existence", "'{match:>999999999}'", "message field '{match:>999999999}' has a format"),
    ("existence", "'{match!r}'", "message field '{match!r}' has a format"),
    ("existence", "'{match.__class__}'", "message field '{match.__class__}' reads into the value"),
    ("existence", "'{match[0]}'", "message field '{match[0]}' reads into the value"),
    ("existence", "'{} and {0}'", "message has a field with no name ('{}')"),
    ("existence", "'a } b'", "message has a '{' or '}' that opens or closes no field"),
])
def test_a_message_field_the_kind_does_not_fill_in_is_a_located_error(
        make_pack: Any, kind: str, message: str, said: str) -> None:
    root = _pack(make_pack, kind, message)
    result = run_cli("check", str(root))
    assert result.exit_code == 2
    line = 9 if kind in ("occurrence", "metric") else 8  # (at the message's value)
    assert f"pack.yaml:{line}:16: error: {said}" in result.output
    assert "bug in scriptkit" not in result.output
    fields = {"existence": "{match}", "substitution": "{match}, {replacement}",
              "occurrence": "{terms}, {count}, {expected}", "metric": "{metric}, {value}, {expected}"}[kind]
    assert f"message may name {fields}; write {{{{ and }}}} for a brace itself." in result.output


@pytest.mark.parametrize(("kind", "message", "expected"), [
    ("existence", "'Leave out {match} {{ever}}'", "Leave out Unfortunately {ever}"),
    ("substitution", "'{replacement}, not {match}'", "lender, not bank"),
    ("occurrence", "'{terms}: {count}, {expected}'", "'thanks': 0, at least 1 time(s)"),
    ("metric", "'{metric}: {value} ({expected})'", "Word count: 32 (at most 3)"),  # (as read: placeholders as samples)
])
def test_the_fields_a_kind_fills_in_and_literal_braces(make_pack: Any, kind: str, message: str,
                                                      expected: str) -> None:
    found = lint_pack(load_pack(_pack(make_pack, kind, message))).diagnostics
    assert [d.message for d in found] == [expected]
