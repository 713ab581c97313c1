"""A Quick Text's {!BLANKVALUE(Contact.FirstName, "there")} is read as the placeholder with its fallback, which the
pack and every helpdesk with fallbacks keep; Quick Text documents no formula in a merge field, so the Salesforce
export writes {!Contact.FirstName} alone (SK504). The import says so for that macro, where it is read, not only
the export back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scriptkit import import_library
from scriptkit.cli import main

_TEXT = 'Hi {!BLANKVALUE(Contact.FirstName, "there")}, I\'m sorry about the mix-up. I\'ll resend your invoice today.'


def _write(tmp_path: Path, message: str) -> Path:
    path = tmp_path / "quicktext.json"
    path.write_text(json.dumps({"records": [{"attributes": {"type": "QuickText"}, "Id": "0QT000000000007",
                                             "Name": "Blank value", "Message": message, "Channel": "Email"}]}))
    return path


@pytest.mark.timeout(60)
def test_the_import_says_the_fallback_does_not_go_back(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["import", str(_write(tmp_path, _TEXT)), "-o", str(tmp_path / "pack")],
                                env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    assert ("blank-value: '{!BLANKVALUE(Contact.FirstName, \"there\")}' is read with its fallback \"there\", "
            "which other helpdesks' exports keep; Quick Text documents no BLANKVALUE") in result.output
    script = (tmp_path / "pack" / "scripts" / "blank-value.yaml").read_text(encoding="utf-8")
    assert 'fallback("there")' in script and "documents no BLANKVALUE" in script
    exported = CliRunner().invoke(main, ["export", str(tmp_path / "pack"), "--to", "salesforce", "--out",
                                         str(tmp_path / "out")], env={"NO_COLOR": "1"})
    assert "SK504" in exported.output  # (as the note says: Salesforce's export writes the field alone)


@pytest.mark.timeout(60)
def test_a_plain_merge_field_or_an_empty_fallback_has_no_such_note(tmp_path: Path) -> None:
    plain = "Hi {!Contact.FirstName} and {!BLANKVALUE(Contact.LastName, \"\")}, I'll resend your invoice today."
    [macro] = import_library(_write(tmp_path, plain)).macros
    assert not [n for n in macro.notes if "BLANKVALUE" in n]
