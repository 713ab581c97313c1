"""A Salesforce Quick Text whose Channel is Phone alone imports as a phone script, and the import says
that the Salesforce export leaves such a script out, where it was left out unsaid until the export."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli as _run


@pytest.mark.timeout(60)
def test_a_phone_only_quick_text_is_named_on_import(tmp_path: Path) -> None:
    sheet = tmp_path / "quick_text.csv"
    sheet.write_text("Id,Name,Message,Category,Channel,IsInsertable\n"
                     '0NZ7,Missed call,"Hi {!Contact.FirstName}, sorry I missed your call. I\'ll ring back before '
                     'noon.",General,Phone,true\n'
                     '0NZ8,Refund sent,"Hi {!Contact.FirstName}, I\'ve sent the refund today.",General,Email,true\n',
                     encoding="utf-8")
    result = _run("import", str(sheet), "-o", str(tmp_path / "pack"))
    assert result.exit_code == 0, result.output
    said = "its Channel in Salesforce is 'Phone': the script is for phone, which the Salesforce export leaves out"
    assert f"missed-call: {said}" in result.output
    assert "refund-sent: its Channel" not in result.output
    script = (tmp_path / "pack" / "scripts" / "missed-call.yaml").read_text(encoding="utf-8")
    assert said in script and "channels: [phone]" in script
