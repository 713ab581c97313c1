"""A link whose address holds spaces, written ``[text](<address>)`` (CommonMark's angle-bracket destination), was
sent as raw Markdown by every export; it is now a link in each: its href %-encoded, its plain text the address alone
(``plain_address``), the playbook's Markdown link without a space. (Written bare it is no link, nor in CommonMark:
SK007 says so, test_s36_flink_spaced_address.py.) An imported ``<a href>`` with %20 in it comes back as the same
link."""

from __future__ import annotations

import json
from pathlib import Path

from export_fixtures import PACK_YAML, write_pack

from scriptkit import export, import_library
from scriptkit.text import LINK, link_marks, read_text

SCRIPT = """\
id: {id}
title: {title}
scenario: The customer wants to stop paying for the plan.
emotion: frustrated
channels: [email]
acknowledgment: "I can see how annoying it is to hunt for the button that stops the plan."
solution: "I'll help: write to {link} and we'll end it today."
"""

ANGLE = ("[our team](<mailto:help@example.com?subject=Stop my plan>) or use "
         "[the form](<https://example.com/stop my plan>)")


def _exported(tmp_path: Path, link: str) -> dict[str, str]:
    pack = write_pack(tmp_path / "p", {"stop.yaml": SCRIPT.format(id="stop-plan", title="Stop plan", link=link)},
                      PACK_YAML)
    out = tmp_path / "out"
    export(pack, ["zendesk", "helpscout", "salesforce", "playbook"], out, lint=False)
    macro = json.loads((out / "zendesk" / "macros" / "stop-plan.json").read_text(encoding="utf-8"))
    reply = json.loads((out / "helpscout" / "saved_replies" / "stop-plan.json").read_text(encoding="utf-8"))
    quick = json.loads((out / "salesforce" / "quick_text" / "stop-plan.json").read_text(encoding="utf-8"))
    zendesk = next(a["value"] for a in macro["macro"]["actions"] if a["field"] == "comment_value_html")
    return {"zendesk": zendesk, "helpscout": reply["text"], "helpscout chat": reply["chatText"],
            "salesforce": quick["Message"], "playbook": (out / "playbook" / "playbook.md").read_text(encoding="utf-8"),
            "playbook html": (out / "playbook" / "playbook.html").read_text(encoding="utf-8")}


def test_an_angle_bracket_address_with_spaces_is_a_link_in_every_export(tmp_path: Path) -> None:
    bodies = _exported(tmp_path, ANGLE)
    for where in ("zendesk", "helpscout", "playbook html"):
        body = bodies[where]
        assert '<a href="mailto:help@example.com?subject=Stop%20my%20plan">our team</a>' in body, where
        assert '<a href="https://example.com/stop%20my%20plan">the form</a>' in body, where
    for where in ("helpscout chat", "salesforce"):
        assert ("write to our team (help@example.com) or use the form (https://example.com/stop%20my%20plan) "
                "and we'll end it today.") in bodies[where], where
    # (the playbook's Markdown keeps the link, its address as a link's must be written there: without a space)
    assert ("[our team](mailto:help@example.com?subject=Stop%20my%20plan) or use "
            "[the form](https://example.com/stop%20my%20plan)") in bodies.pop("playbook")
    for where, body in bodies.items():
        assert "](" not in body and "&lt;" not in body and "<mailto" not in body, where


def test_an_angle_bracket_link_reads_as_its_words() -> None:
    text = "Write to [our team](<mailto:help@example.com?subject=Stop my plan>) today."
    m = LINK.search(text)
    assert m is not None and m.group(1) == "our team"
    assert m.group(2) == "mailto:help@example.com?subject=Stop my plan"
    assert read_text(text)[0] == "Write to our team today."
    # (written out, as a plain channel reads it: the angle brackets are no part of what the customer reads)
    assert read_text(text, lambda _: True)[0] == "Write to our team (help@example.com?subject=Stop my plan) today."
    # (a bare address with a space is no link, as in CommonMark; nor is an angle bracket never closed)
    assert LINK.search("Write to [our team](mailto:help@example.com?subject=Stop my plan) today.") is None
    assert LINK.search("Write to [our team](<mailto:help@example.com?subject=Stop my plan) today.") is None
    assert link_marks("See [the guide](https://example.com/a_(b)) now.") == [(4, 5, "dropped"), (14, 42, "dropped")]


def test_an_imported_href_with_percent_twenty_round_trips(tmp_path: Path) -> None:
    html = ('<p>Hi,</p><p>Write to <a href="mailto:help@example.com?subject=Stop%20my%20plan">our team</a> or '
            '<a href="https://example.com/stop my plan">the form</a> today.</p>')
    source = tmp_path / "zendesk.json"
    source.write_text(json.dumps({"macros": [{"id": 1, "title": "Reply", "actions": [
        {"field": "comment_value_html", "value": html}]}]}), encoding="utf-8")
    pack = import_library(source, "zendesk").write(tmp_path / "pack")
    export(pack, ["zendesk"], tmp_path / "out", lint=False)
    macro = json.loads((tmp_path / "out" / "zendesk" / "macros.json").read_text(encoding="utf-8"))["macros"][0]
    body = next(a["value"] for a in macro["actions"] if a["field"] == "comment_value_html")
    assert '<a href="mailto:help@example.com?subject=Stop%20my%20plan">our team</a>' in body
    assert '<a href="https://example.com/stop%20my%20plan">the form</a>' in body
