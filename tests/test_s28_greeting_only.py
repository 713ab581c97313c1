"""A reply that is only a greeting or sign-off says nothing to the customer: no acknowledgment, no warm line.

Before, SK301 and SK207 stood down on it (they read the sentences between greeting and sign-off, and there
were none), so an audit scored "Hello {{name}}," 100 for acknowledgment and warm language, above a real reply."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from scriptkit import lint_text
from scriptkit.cli import main


def codes(text: str) -> set[str]:
    return {d.code for d in lint_text(text, grammar="off").diagnostics}


def test_a_greeting_alone_has_no_acknowledgment_and_no_warm_line() -> None:
    assert {"SK301", "SK207", "SK401"} <= codes("Hi Sam,")
    assert {"SK301", "SK207"} <= codes("Hi {{ customer.first_name }},\n\nThanks,\nAlex")


def test_a_warm_reply_with_a_greeting_is_still_clear_of_both() -> None:
    found = codes("Hi Sam,\n\nI'm so sorry your parcel is late, that's really frustrating. Thanks for telling me. "
                  "I've sent a new one today and it will arrive by Friday.\n\nBest,\nAlex")
    assert not {"SK301", "SK207"} & found


def test_the_warm_line_finding_does_not_say_there_is_no_thanks_beside_a_thanks_sign_off() -> None:
    (warm,) = [d for d in lint_text("Hello Sam,\n\nThanks,\nAlex", grammar="off").diagnostics if d.code == "SK207"]
    assert "greeting or sign-off alone" in warm.message and "no thanks" not in warm.message


def test_an_audit_does_not_rank_a_greeting_only_macro_above_a_real_reply(tmp_path: Path) -> None:
    # (since e58b185 a greeting alone is a fragment of a reply, an opener: judged on its phrases only, so not on
    # acknowledgment or warmth, and left out of the ranking and the library's mean rather than scored 0 there)
    source = tmp_path / "responses.json"
    source.write_text(json.dumps([
        {"id": 41, "title": "Hello only", "content_html": "<p>Hello {{ticket.requester.firstname}},</p>",
         "folder_id": 5, "visibility": 0},
        {"id": 42, "title": "Late parcel", "content_html": "<p>I'm so sorry your parcel is late, that's really "
         "frustrating. Thanks for your patience. I've sent a new one today and it will arrive by Friday.</p>",
         "folder_id": 5, "visibility": 0}]), encoding="utf-8")
    result = CliRunner().invoke(main, ["audit", str(source), "--format", "json", "--grammar", "off"])
    report = json.loads(result.stdout)
    macros = {m["title"]: m for m in report["macros"]}
    hello, late = macros["Hello only"], macros["Late parcel"]
    assert hello["fragment"] and hello["overall"] is None, hello
    assert late["fragment"] is None and late["scores"]["acknowledgment"] == 100
    assert report["summary"]["overall"] == late["overall"]
