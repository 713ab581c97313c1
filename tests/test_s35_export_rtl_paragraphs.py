"""A reply written in Hebrew or Arabic in a pack whose locale is not right to left (an English pack's Hebrew
script) was sent to every helpdesk as plain <p>s, so the agent's and the customer's view laid it out left to right:
its full stop at the wrong end, its numbers in the wrong place. Each paragraph that holds right-to-left letters now
says dir="auto" (its first letter sets its direction); every other paragraph is sent as before, so an English
pack's export is byte for byte what it was."""

from __future__ import annotations

import json
from pathlib import Path

from export_fixtures import tree, write_pack

from scriptkit.exporting import export

HELPDESKS = ["zendesk", "freshdesk", "helpscout", "gorgias", "front"]

HEBREW = """\
id: late-order-he
title: "Orders::Late (Hebrew)"
channels: [email]
acknowledgment: "אני מבין כמה מתסכל לחכות להזמנה שלא הגיעה."
solution: "שלחתי לך היום הזמנה חדשה, והיא תגיע תוך 3 ימים."
"""

ENGLISH = """\
id: late-order
title: "Orders::Late"
channels: [email]
acknowledgment: "I know how annoying it is to wait for an order that hasn't turned up."
solution: "I've sent you a new one today, and it will be with you within 3 days."
"""


def _bodies(out: Path, stem: str) -> list[str]:
    """Each helpdesk's HTML body of the script ``stem``, as its file holds it."""
    zd = json.loads((out / f"zendesk/macros/{stem}.json").read_text("utf-8"))["macro"]
    fd = json.loads((out / f"freshdesk/canned_responses/{stem}.json").read_text("utf-8"))
    hs = json.loads((out / f"helpscout/saved_replies/{stem}.json").read_text("utf-8"))
    gg = json.loads((out / f"gorgias/macros/{stem}.json").read_text("utf-8"))
    fr = json.loads((out / f"front/message_templates/{stem}.json").read_text("utf-8"))
    return [next(a["value"] for a in zd["actions"] if a["field"] == "comment_value_html"), fd["content_html"],
            hs["text"], next(a["arguments"]["body_html"] for a in gg["actions"]), fr["body"]]


def test_a_right_to_left_reply_in_an_english_pack_says_so_paragraph_by_paragraph(tmp_path: Path) -> None:
    mixed = write_pack(tmp_path / "mixed", {"he.yaml": HEBREW, "en.yaml": ENGLISH})
    export(mixed, HELPDESKS, tmp_path / "out", lint=False, force=True)
    for body in _bodies(tmp_path / "out", "late-order-he"):
        assert body.startswith("<p>Hi "), body  # (the English greeting reads left to right, as before)
        assert '<p dir="auto">אני מבין' in body and '<p dir="auto">שלחתי' in body, body
        assert "<p>Kind regards," in body
    for body in _bodies(tmp_path / "out", "late-order"):
        assert " dir=" not in body
    # an English pack's export is what it was: no paragraph of it holds a right-to-left letter
    english = write_pack(tmp_path / "english", {"en.yaml": ENGLISH})
    export(english, HELPDESKS, tmp_path / "english-out", lint=False, force=True)
    assert b" dir=" not in b"".join(tree(tmp_path / "english-out").values())
