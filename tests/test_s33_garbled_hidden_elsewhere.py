"""SK016 (garbled text) and SK012 (hidden characters) read what the agent may send besides the reply, as the
phrase rules do: an alternative or condition of the flexibility, and the '{% else %}' of a branch the constants
do not take today, said with when it is sent; the same text in the reply taken today is reported once."""

from __future__ import annotations

from typing import Any

from scriptkit import lint_pack, load_pack

PACK = "name: T\nconstants:\n  closed: true\n"
BRANCH = """id: closure
title: Closure
acknowledgment: I know it's annoying to wait for an answer over the holidays.
solution: >-
  {% if closed %}I'll reset your password on Monday morning.{% else %}I'll reset your password today, and
  weÃ¢â‚¬â„¢ll call you\u200b back.{% endif %}
"""
ALTERNATIVE = """id: late
title: Late
acknowledgment: I know it's annoying to wait for a parcel.
solution: I'll send a new one today by courier.
flexibility:
  alternatives:
    - label: Postage
      text: "WeÃ¢â‚¬â„¢ll refund the postage\u200b too, by Friday."
"""


def _found(make_pack: Any, script: str, pack: str = PACK) -> list[tuple[str, int, str]]:
    root = make_pack({"a.yaml": script}, pack)
    return sorted((d.code, d.location.line, d.message) for d in lint_pack(load_pack(root)).diagnostics
                  if d.code in ("SK012", "SK016"))


def test_the_branch_not_taken_today_is_read_and_says_when_it_is_sent(make_pack: Any) -> None:
    found = _found(make_pack, BRANCH)
    assert [(code, line) for code, line, _ in found] == [("SK012", 6), ("SK016", 6)], found
    assert all(message.endswith("(in the text sent when closed is false)") for _, _, message in found)


def test_the_branch_taken_today_is_reported_once_as_today(make_pack: Any) -> None:
    found = _found(make_pack, BRANCH, PACK.replace("closed: true", "closed: false"))
    assert [(code, line) for code, line, _ in found] == [("SK012", 6), ("SK016", 6)], found
    assert not any("(in the text sent" in message for _, _, message in found)


def test_an_alternative_is_read(make_pack: Any) -> None:
    found = _found(make_pack, ALTERNATIVE)
    assert [(code, line) for code, line, _ in found] == [("SK012", 8), ("SK016", 8)], found
