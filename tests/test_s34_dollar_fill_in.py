"""Session 34 (dialects): a '${Contacts.First Name}' pasted into a Freshdesk response is one fill-in, '$' and all."""

from __future__ import annotations

import json
from pathlib import Path

from scriptkit import export, import_library


def test_a_dollar_brace_fill_in_with_dots_and_spaces_is_one_blank(tmp_path: Path) -> None:
    source = tmp_path / "canned.json"
    source.write_text(json.dumps([{"id": 5, "title": "Late parcel", "folder_id": 3, "visibility": 0,
                                   "content_html": "<p>Hi ${Contacts.First Name},</p><p>I know a late parcel "
                                                   "is a worry. I've sent a new one today.</p>"}]),
                      encoding="utf-8")
    pack = import_library(source, "freshdesk").write(tmp_path / "pack")
    export(pack, ["zendesk", "freshdesk"], tmp_path / "out", force=True, lint=False)
    zendesk = (tmp_path / "out" / "zendesk" / "macros.json").read_text(encoding="utf-8")
    assert "Hi <mark>[[first name]]</mark>," in json.loads(zendesk)["macros"][0]["actions"][0]["value"]
    freshdesk = json.loads((tmp_path / "out" / "freshdesk" / "canned_responses.json").read_text(encoding="utf-8"))
    assert freshdesk["canned_responses"][0]["content_html"].startswith("<p>Hi ${Contacts.First Name},</p>")
