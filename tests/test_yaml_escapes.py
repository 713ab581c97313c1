"""A backslash YAML cannot read inside double quotes is said at the backslash with the line fixed
(it said 'found unknown escape character' at the opening quote, and that the quote was not closed)."""

from __future__ import annotations

from typing import Any

import pytest

from scriptkit import load_pack
from scriptkit.errors import ScriptkitError

SOLUTION = "solution: I've sent a new one today, and it arrives by Friday.\n"


@pytest.mark.parametrize(("value", "problem", "fixed"), [
    ('"I\\\'m so sorry it is late."', "'\\'' inside double quotes is not an escape YAML knows",
     "An apostrophe needs no backslash inside double quotes: acknowledgment: \"I'm so sorry it is late.\""),
    ('"Sorry: 10\\% off is yours."', "'\\%' inside double quotes is not an escape YAML knows",
     "Delete the backslash, or write it twice to keep it: acknowledgment: \"Sorry: 10\\\\% off is yours.\""),
    ('"Sorry, open C:\\Users to see it."', "'\\U' inside double quotes is not an escape YAML knows",
     "Delete the backslash, or write it twice to keep it: acknowledgment: \"Sorry, open C:\\\\Users to see it.\""),
])
def test_a_backslash_yaml_cannot_read_is_said_at_the_backslash(make_pack: Any, value: str, problem: str,
                                                               fixed: str) -> None:
    line = f"acknowledgment: {value}"
    root = make_pack({"late.yaml": f"id: late\ntitle: Late\n{line}\n{SOLUTION}"})
    with pytest.raises(ScriptkitError) as caught:
        load_pack(root)
    told = caught.value
    assert told.message == f"YAML syntax error: {problem}"
    assert (told.location.line, told.location.col) == (3, line.index("\\") + 1)  # type: ignore[union-attr]
    assert told.hint == fixed
    fixed_line = fixed.split(": ", 1)[1]
    assert load_pack(make_pack({"late.yaml": f"id: late\ntitle: Late\n{fixed_line}\n{SOLUTION}"})).scripts


def test_escapes_yaml_knows_still_load(make_pack: Any) -> None:
    root = make_pack({"late.yaml": 'id: late\ntitle: Late\nacknowledgment: "So \\"late\\",\\tsorry."\n' + SOLUTION})
    assert load_pack(root).scripts[0].acknowledgment == 'So "late",\tsorry.'
