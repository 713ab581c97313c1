"""A list item whose '-' has no space after it ('-"I can see..."') is said so at the dash, with the
line fixed: it glued two variants into one text sent as written, or got YAML's parser words."""

from __future__ import annotations

from typing import Any

import pytest

from scriptkit import load_pack
from scriptkit.errors import ScriptkitError

PROBLEM = "YAML syntax error: a '-' with no space after it does not start a list item: YAML reads it as text"


def script(acknowledgment: str, flexibility: str = "") -> str:
    return ("id: late\ntitle: Late\n" + acknowledgment
            + "solution: I've sent a new one today, and it arrives by Friday.\n" + flexibility)


@pytest.mark.parametrize(("text", "line", "col", "fixed"), [
    # the first variant glued: YAML read both lines as one text, and the check said all clear
    ('acknowledgment:\n  -"I can see how annoying this is."\n  - "A late parcel is so frustrating."\n',
     4, 3, '- "I can see how annoying this is."'),
    # the second: YAML's "could not find expected ':' while scanning a simple key"
    ('acknowledgment:\n  - "I can see how annoying this is."\n  -"A late parcel is so frustrating."\n',
     5, 3, '- "A late parcel is so frustrating."'),
    ("acknowledgment:\n  -I can see how annoying this is.\n", 4, 3, "- I can see how annoying this is."),
    ("acknowledgment: I can see how annoying this is.\ntags:\n  -orders\n", 5, 3, "- orders"),
])
def test_a_dash_glued_to_its_text_is_said_at_the_dash(make_pack: Any, text: str, line: int, col: int,
                                                      fixed: str) -> None:
    root = make_pack({"late.yaml": script(text)})
    with pytest.raises(ScriptkitError) as caught:
        load_pack(root)
    told = caught.value
    assert told.message == PROBLEM
    assert (told.location.line, told.location.col) == (line, col)  # type: ignore[union-attr]
    assert told.hint == f"Put a space after the '-': {fixed}"


def test_a_glued_dash_before_a_key_of_the_item_is_named_not_the_key_below(make_pack: Any) -> None:
    # ('-label: x' became a key, and YAML stopped at 'text:' below it: "mapping values are not allowed")
    flex = ("flexibility:\n  alternatives:\n    -label: They want a refund\n"
            "      text: I'll refund you in full today.\n")
    root = make_pack({"late.yaml": script("acknowledgment: I can see how annoying this is.\n", flex)})
    with pytest.raises(ScriptkitError) as caught:
        load_pack(root)
    assert caught.value.message == PROBLEM
    assert (caught.value.location.line, caught.value.location.col) == (7, 5)  # type: ignore[union-attr]
    assert caught.value.hint == "Put a space after the '-': - label: They want a refund"


@pytest.mark.parametrize("text", [
    "acknowledgment: -I can see how annoying this is.\n",  # (on the key's line: no list was meant)
    "acknowledgment: |\n  -- I can see how annoying this is.\n",
    "acknowledgment:\n  - -I can see how annoying this is.\n",
    'acknowledgment:\n  - "I can see how annoying this is."\n  - A late parcel is so frustrating.\n',
])
def test_dashes_that_are_text_or_items_load(make_pack: Any, text: str) -> None:
    assert load_pack(make_pack({"late.yaml": script(text)})).scripts[0].acknowledgment
