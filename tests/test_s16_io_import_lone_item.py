"""One Help Scout saved reply, Freshdesk canned response or Intercom macro as the API gives it alone (GET
.../{id}), not wrapped in a list: its reader takes it with --from, and without --from the error says which
--from to pass (where every field is text, it is not read as a {title: text} library of its field names)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import scriptkit
from scriptkit.cli import main
from scriptkit.importers import import_library

ITEMS: dict[str, tuple[dict[str, Any], str]] = {
    "helpscout": ({"id": 12, "name": "Late parcel", "chatText": "Hi, your parcel is on its way.",
                   "text": "<p>Hi {%customer.firstName,fallback=there%}, your parcel is on its way.</p>"},
                  "This looks like one Help Scout saved reply on its own, not a list: pass --from helpscout."),
    "helpscout-email-only": ({"id": 13, "name": "Late parcel", "text": "<p>Hi, your parcel is on its way.</p>"},
                             "This looks like one Help Scout saved reply on its own, not a list: pass --from "
                             "helpscout."),
    "freshdesk": ({"id": 5, "title": "Late parcel", "content": "Hi, your parcel is on its way.", "folder_id": 3,
                   "content_html": "<p>Hi, your parcel is on its way.</p>", "visibility": 0},
                  "This looks like one Freshdesk canned response on its own, not a list: pass --from freshdesk."),
    "intercom": ({"type": "macro", "id": "7", "name": "Late parcel", "body": "<p>Hi, your parcel is on its way.</p>",
                  "body_text": "Hi, your parcel is on its way.", "created_at": 1700000000},
                 "This looks like one Intercom macro on its own, not a list: pass --from intercom."),
    # every field text: these were read as a {title: text} library of macros named 'name', 'text', 'chatText'...
    "helpscout-all-text": ({"name": "Late parcel", "text": "<p>Hi, your parcel is on its way.</p>",
                            "chatText": "Hi, your parcel is on its way."},
                           "This looks like one Help Scout saved reply on its own, not a list: pass --from "
                           "helpscout."),
    "intercom-all-text": ({"type": "macro", "id": "7", "name": "Late parcel", "body_text": "Hi, it's on its way.",
                           "body": "<p>Hi, your parcel is on its way.</p>"},
                          "This looks like one Intercom macro on its own, not a list: pass --from intercom."),
}


@pytest.mark.parametrize("name", sorted(ITEMS))
def test_the_error_names_the_from_to_pass(tmp_path: Path, name: str) -> None:
    item, hint = ITEMS[name]
    path = tmp_path / "reply.json"
    path.write_text(json.dumps(item), encoding="utf-8")
    done = CliRunner().invoke(main, ["import", str(path), "-o", str(tmp_path / "out")], env={"NO_COLOR": "1"})
    assert done.exit_code == 2, done.output
    assert f"{path}:1:1: error: unexpected shape: found an object. {hint}" in " ".join(done.output.split())
    assert "Traceback" not in done.output and not (tmp_path / "out").exists()
    helpdesk = name.split("-")[0]
    with pytest.raises(scriptkit.ImportFormatError) as raised:
        import_library(path)
    # (a Python caller is told the keyword it passes, not the command line's flag)
    assert raised.value.hint == hint.replace(f"--from {helpdesk}", f"fmt='{helpdesk}'")
    # and the format it names reads it
    assert [m.title for m in import_library(path, helpdesk).macros] == ["Late parcel"]


def test_an_object_of_no_helpdesk_keeps_the_generic_hint(tmp_path: Path) -> None:
    path = tmp_path / "reply.json"
    path.write_text(json.dumps({"id": 1, "subject": "Late", "reply": {"html": "<p>Hi</p>"}}), encoding="utf-8")
    with pytest.raises(scriptkit.ImportFormatError) as raised:
        import_library(path)
    assert raised.value.hint == "Expected a list of objects, {key: [objects]}, or {title: text}."
