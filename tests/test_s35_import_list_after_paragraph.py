"""An HTML body whose paragraph leads into a list (``<p>Do this:</p><ul>...``, its colon says so) was read with a
blank line between the lead-in and the list, one the team never wrote: the pack and every plain-text export (Help
Scout's chat version, Salesforce, CSV) sent "Do this:", an empty line, then the steps. The list now goes on under
its lead-in's line, as a plain-text body writes it, and the HTML exports still write it as a list after the
paragraph."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from scriptkit.cli import main
from scriptkit.importers.html import html_to_text

LEAD_IN = ("<p>Hi there,</p><p>Sorry the scanner keeps jamming. Try these first:</p>\n"
           "<ul><li>Switch it off</li><li>Clear the tray</li></ul>"
           "<p>If it still jams, reply here and I'll book a repair today.</p><p>Thanks,<br>Ana</p>")


def test_a_list_goes_on_under_the_paragraph_that_leads_into_it() -> None:
    assert html_to_text("<p>Do this:</p><ol><li>Log out</li><li>Log in</li></ol>") == "Do this:\n1. Log out\n2. Log in"
    assert html_to_text(LEAD_IN) == ("Hi there,\n\nSorry the scanner keeps jamming. Try these first:\n"
                                     "- Switch it off\n- Clear the tray\n\n"
                                     "If it still jams, reply here and I'll book a repair today.\n\nThanks,\nAna")
    # (a space the team made, an empty line or paragraph between them, stays)
    assert html_to_text("<p>Do this:</p><p><br></p><ul><li>a</li><li>b</li></ul>") == "Do this:\n\n- a\n- b"
    # a greeting or a finished sentence before a list is a paragraph of its own, as the team's plain text has it
    assert html_to_text("<p>Hi Jo,</p><ul><li>a</li><li>b</li></ul>") == "Hi Jo,\n\n- a\n- b"
    assert html_to_text("<p>Sorry about that.</p><ol><li>a</li></ol>") == "Sorry about that.\n\n1. a"


def test_help_scout_round_trip_keeps_the_text_as_written(tmp_path: Path) -> None:
    source = tmp_path / "saved-replies.json"
    source.write_text(json.dumps({"_embedded": {"saved-replies": [{"id": 5, "name": "Scanner jam", "text": LEAD_IN}]}}),
                      encoding="utf-8")
    runner = CliRunner()
    done = runner.invoke(main, ["import", str(source), "-o", str(tmp_path / "pack")])
    assert done.exit_code == 0, done.output
    done = runner.invoke(main, ["export", str(tmp_path / "pack"), "--to", "helpscout", "--to", "salesforce",
                                "-o", str(tmp_path / "out"), "--force"])
    assert done.exit_code == 0, done.output
    reply = json.loads((tmp_path / "out" / "helpscout" / "saved_replies.json").read_text(encoding="utf-8"))
    html = reply["saved_replies"][0]["text"]
    assert "Try these first:</p><ul><li>Switch it off</li><li>Clear the tray</li></ul>" in html
    quick = json.loads((tmp_path / "out" / "salesforce" / "quick_text.json").read_text(encoding="utf-8"))
    text = json.dumps(quick)
    assert "Try these first:\\n- Switch it off\\n- Clear the tray\\n\\nIf it still jams" in text
