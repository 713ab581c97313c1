"""A mailto link's '?subject=...' is not carried where the reply is plain text (Salesforce's Message, a Zendesk
macro with plain_text: true): the export wrote the address alone and said nothing. It now warns (SK503) at the
link, naming what is lost and what to do."""

from __future__ import annotations

from pathlib import Path

from export_fixtures import PACK_YAML, write_pack

from scriptkit.exporting import export

SCRIPT = """\
id: write-in
title: Write in
scenario: The customer would rather write.
emotion: confused
channels: [email]
acknowledgment: "I understand the form is confusing."
solution: "Write to [our team](mailto:care@example.org?subject=Case%20{{ ticket.id }}&body=Hello) or call \
[us](mailto:care@example.org) and we'll answer today."
"""


def _subject_findings(tmp_path: Path, targets: list[str], extra: str = "") -> list[tuple[str, str, int, int, str]]:
    pack = write_pack(tmp_path / "p", {"write-in.yaml": SCRIPT + extra}, PACK_YAML)
    found = export(pack, targets, tmp_path / "out", lint=False).diagnostics
    return [(str(d.extra["target"]), d.message, d.location.line, d.location.col, d.suggestion or "")
            for d in found if d.code == "SK503" and "mailto" in d.message]


def test_salesforce_warns_at_the_link_that_its_subject_is_not_carried(tmp_path: Path) -> None:
    [(target, message, line, col, hint)] = _subject_findings(tmp_path, ["salesforce"])
    assert target == "salesforce" and (line, col) == (7, 21)  # (at the link's '[')
    assert message == ("'[our team](mailto:care@example.org?subject=Case%20{ticket number}&body=Hello)' is written in "
                       "salesforce's plain text as 'our team (care@example.org)': its subject and body, which a "
                       "click would fill in, are not carried")
    assert hint == ("Tell the customer in the reply what to put as the subject (\"with your ticket number in the "
                    "subject\"), or leave the query out of the link.")


def test_zendesk_warns_only_where_it_writes_plain_text(tmp_path: Path) -> None:
    assert _subject_findings(tmp_path / "html", ["zendesk", "helpscout", "gorgias"]) == []
    plain = _subject_findings(tmp_path / "plain", ["zendesk"], "export:\n  zendesk:\n    plain_text: true\n")
    assert [(target, line) for target, _, line, _, _ in plain] == [("zendesk", 7)]
